import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/hot-topics/hot-topics.js';
import { mockApi, type MockApiOptions } from '../tests/fixtures/mock-api.js';
import { hotTopicFixtures } from '../tests/fixtures/mock-search.js';

interface Args {
  heading?: string;
  limit: number;
  searchUrl: string;
  lang?: string;
  api: MockApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-hot-topics',
  component: 'gk-hot-topics',
  args: { heading: '热门主题', limit: 8, searchUrl: '/search.html?q={q}', api: {} },
  argTypes: { api: { table: { disable: true } }, lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: ({ heading, limit, searchUrl, lang, api }) => html`
    <gk-hot-topics
      api-base="https://api.example.test"
      .fetch=${mockApi([], api)}
      heading=${ifDefined(heading)}
      limit=${limit}
      search-url=${searchUrl}
      lang=${ifDefined(lang)}
    ></gk-hot-topics>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { topics: [] } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const LongContent: Story = {
  args: {
    limit: 20,
    api: { topics: [...hotTopicFixtures, ...hotTopicFixtures.map((t) => ({ ...t, pinned: false, label: `${t.label}政策汇编与办事指南（2025年版）` }))] },
  },
};
export const English: Story = { args: { lang: 'en', heading: 'Hot topics' } };
export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-color-link: #0b3d70;
        }
      </style>
      <div class="themed">${story()}</div>`,
  ],
};
