import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PolicySummary } from '../server/schemas/policy.js';
import '../components/policy-browser/policy-browser.js';
import fixtures from '../tests/fixtures/policies.json';
import { mockApi, type MockApiOptions } from '../tests/fixtures/mock-api.js';

const policies = fixtures as PolicySummary[];

interface Args {
  heading?: string;
  audience?: string;
  pageSize: number;
  lang?: string;
  items: PolicySummary[];
  api: MockApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-policy-browser',
  component: 'gk-policy-browser',
  args: { heading: '分类浏览', pageSize: 5, items: policies, api: {} },
  argTypes: {
    items: { table: { disable: true } },
    api: { table: { disable: true } },
    audience: { control: 'inline-radio', options: ['person', 'enterprise'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ heading, audience, pageSize, lang, items, api }) => html`
    <gk-policy-browser
      api-base="https://api.example.test"
      .fetch=${mockApi(items, api)}
      heading=${ifDefined(heading)}
      audience=${ifDefined(audience)}
      page-size=${pageSize}
      lang=${ifDefined(lang)}
    >
      <a href="/policies.html">查看全部政策</a>
    </gk-policy-browser>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Enterprise: Story = { args: { audience: 'enterprise' } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { items: [] } };
export const Error: Story = {
  args: { api: { fail: { status: 500, body: { error: { code: 'internal', message: '服务暂时不可用，请稍后再试' } } } } },
};
export const LongContent: Story = {
  args: { items: policies.map((p) => ({ ...p, title: `${p.title}暨${p.title}配套实施细则和操作规程` })) },
};
export const English: Story = { args: { lang: 'en', heading: 'Browse policies' } };
export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-radius: 0;
        }
      </style>
      <div class="themed">${story()}</div>`,
  ],
};
