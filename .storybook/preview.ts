import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:gk-custom-elements';

setCustomElementsManifest(manifest);

// Widgets take their locale from the page, as on a government site: Chinese unless a story says otherwise.
document.documentElement.lang = 'zh-CN';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    a11y: { test: 'error' },
    docs: { toc: true },
  },
};

export default preview;
