import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PolicySummary } from '../server/schemas/policy.js';
import '../components/policy-search/policy-search.js';
import fixtures from '../tests/fixtures/policies.json';
import { mockApi, type MockApiOptions } from '../tests/fixtures/mock-api.js';

const policies = fixtures as PolicySummary[];

/** On fixtures through an injected fetch. The search is kept in the preview's URL, as on a site. */
interface Args {
  heading?: string;
  pageSize: number;
  resultsUrl?: string;
  detailUrl?: string;
  placeholder?: string;
  lang?: string;
  items: PolicySummary[];
  api: MockApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-policy-search',
  component: 'gk-policy-search',
  args: { heading: '政策查询', pageSize: 5, items: policies, api: {} },
  argTypes: {
    items: { table: { disable: true } },
    api: { table: { disable: true } },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ heading, pageSize, resultsUrl, detailUrl, placeholder, lang, items, api }) => html`
    <gk-policy-search
      api-base="https://api.example.test"
      .fetch=${mockApi(items, api)}
      heading=${ifDefined(heading)}
      page-size=${pageSize}
      results-url=${ifDefined(resultsUrl)}
      detail-url=${ifDefined(detailUrl)}
      placeholder=${ifDefined(placeholder)}
      lang=${ifDefined(lang)}
    >
      <form action="/search.html"><input name="q" aria-label="搜索政策" /><button>搜索</button></form>
    </gk-policy-search>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** Only the box: submitting opens the results page with the query in its URL. */
export const BoxOnly: Story = { args: { resultsUrl: '/search.html', heading: undefined } };

export const Loading: Story = { args: { api: { hang: true } } };

/** Nothing matches: the server's alternative queries are offered as one-click searches. */
export const Empty: Story = { args: { items: [] } };

export const Error: Story = {
  args: { api: { fail: { status: 503, body: { error: { code: 'unavailable', message: '检索服务暂时不可用，请稍后再试' } } } } },
};

export const LongContent: Story = {
  args: {
    items: policies.map((p, i) => ({
      ...p,
      title: `${p.title}（${i % 2 ? '征求意见稿' : '修订版'}）暨${p.title}配套实施细则和操作规程`,
      docNo: i % 3 ? p.docNo : null,
      issuers: i % 2 ? [...p.issuers, '萍乡市发展和改革委员会', '萍乡市财政局'] : p.issuers,
    })),
  },
};

export const English: Story = { args: { lang: 'en', heading: 'Policy search' } };

export const Themed: Story = {
  decorators: [
    (story) => html`
      <style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-color-link: #0b3d70;
          --gk-color-focus: #0b5394;
          --gk-color-mark: #d7ecff;
          --gk-radius: 0;
        }
        .themed gk-policy-search::part(chip) {
          border-radius: 0;
        }
      </style>
      <div class="themed">${story()}</div>
    `,
  ],
};
