import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const MANIFEST = 'virtual:gk-custom-elements';

/**
 * Serves the widgets' custom elements manifest (attributes, slots, parts, events) to the preview,
 * analysed in memory on each load with the options of `npm run analyze`.
 */
function customElementsManifest(): Plugin {
  return {
    name: 'gk-custom-elements-manifest',
    resolveId: (id) => (id === MANIFEST ? `\0${MANIFEST}` : undefined),
    async load(id) {
      if (id !== `\0${MANIFEST}`) return undefined;
      const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
      const argv = ['analyze', '--litelement', '--quiet', '--globs', 'components/**/*.ts', '--exclude', 'components/shared/**'];
      const manifest = await cli({ argv, cwd: root, noWrite: true });
      return `export default ${JSON.stringify(manifest)};`;
    },
  };
}

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (vite) => ({
    ...vite,
    plugins: [...(vite.plugins ?? []), customElementsManifest()],
    // Storybook's own UI chunks (axe, docs blocks) exceed Vite's default warning size.
    build: { ...vite.build, chunkSizeWarningLimit: 1200 },
  }),
};

export default config;
