import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PolicySummary } from '../server/schemas/policy.js';
import '../components/policy-list/policy-list.js';
import fixtures from '../tests/fixtures/policies.json';
import { mockApi, type MockApiOptions } from '../tests/fixtures/mock-api.js';

const policies = fixtures as PolicySummary[];

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  org?: string;
  pageSize: number;
  heading?: string;
  validity?: string;
  detailUrl?: string;
  lang?: string;
  items: PolicySummary[];
  api: MockApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-policy-list',
  component: 'gk-policy-list',
  args: { org: 'pingxiang', pageSize: 5, heading: '政策文件', items: policies, api: {} },
  argTypes: {
    items: { table: { disable: true } },
    api: { table: { disable: true } },
    validity: { control: 'text', description: 'Comma-separated: valid, not_yet_effective, amended, expired, repealed' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ org, pageSize, heading, validity, detailUrl, lang, items, api }) => html`
    <gk-policy-list
      api-base="https://api.example.test"
      .fetch=${mockApi(items, api)}
      org=${ifDefined(org)}
      page-size=${pageSize}
      heading=${ifDefined(heading)}
      validity=${ifDefined(validity || undefined)}
      detail-url=${ifDefined(detailUrl)}
      lang=${ifDefined(lang)}
    >
      <a href="https://www.pingxiang.example/zcwj/">${lang === 'en' ? 'All policies' : '查看全部政策'}</a>
    </gk-policy-list>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Loading: Story = { args: { api: { hang: true } } };

export const Empty: Story = { args: { items: [] } };

export const Error: Story = {
  args: {
    api: { fail: { status: 500, body: { error: { code: 'internal', message: '服务暂时不可用，请稍后再试' } } } },
  },
};

/** Long titles, joint issuers and missing 文号 must wrap without breaking the layout. */
export const LongContent: Story = {
  args: {
    pageSize: 3,
    items: policies.map((p, i) => ({
      ...p,
      title: `${p.title}（${i % 2 ? '征求意见稿' : '修订版'}）暨${p.title}配套实施细则和操作规程`,
      docNo: i % 3 ? p.docNo : null,
      issuers: i % 2 ? [...p.issuers, '萍乡市发展和改革委员会', '萍乡市财政局', '萍乡市市场监督管理局'] : p.issuers,
    })),
  },
};

export const English: Story = { args: { lang: 'en', heading: 'Policy documents' } };

/** The host page themes widgets from outside: public tokens plus CSS parts. */
export const Themed: Story = {
  args: { detailUrl: '/policy.html?id={id}' },
  decorators: [
    (story) => html`
      <style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-color-link: #0b3d70;
          --gk-color-focus: #0b5394;
          --gk-radius: 0;
          --gk-font-family: 'Songti SC', 'SimSun', 'WenQuanYi Micro Hei', serif;
          --gk-policy-list-heading-size: 1.5rem;
          max-width: 46rem;
        }
        .themed gk-policy-list::part(heading) {
          border-bottom-style: double;
          border-bottom-width: 4px;
        }
        .themed gk-policy-list::part(item) {
          padding-inline: 0.5rem;
        }
        .themed gk-policy-list::part(item):hover {
          background: #f3f8fd;
        }
      </style>
      <div class="themed">${story()}</div>
    `,
  ],
};
