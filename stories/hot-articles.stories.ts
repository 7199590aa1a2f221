import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/hot-articles/hot-articles.js';
import { hotArticles, mockMediaApi, type MediaApiOptions } from '../tests/fixtures/mock-media.js';

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  limit: number;
  platform?: string;
  org?: string;
  county?: string;
  topic?: number;
  heading?: string;
  lang?: string;
  api: MediaApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-hot-articles',
  component: 'gk-hot-articles',
  args: { limit: 10, heading: '热门文章', api: {} },
  argTypes: {
    api: { table: { disable: true } },
    platform: { control: 'select', options: [undefined, 'wechat', 'weibo', 'toutiao', 'douyin'] },
    topic: { control: 'select', options: [undefined, 31, 32, 33] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ limit, platform, org, county, topic, heading, lang, api }) => html`
    <gk-hot-articles
      api-base="https://api.example.test"
      .fetch=${mockMediaApi(api)}
      limit=${limit}
      platform=${ifDefined(platform)}
      org=${ifDefined(org)}
      county=${ifDefined(county)}
      topic=${ifDefined(topic)}
      heading=${ifDefined(heading)}
      lang=${ifDefined(lang)}
    ></gk-hot-articles>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const OneTopic: Story = { args: { topic: 32 } };
export const WithoutTopics: Story = { args: { api: { topics: [] } } };
export const WeChatTopThree: Story = { args: { platform: 'wechat', limit: 3, heading: '微信热文' } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { articles: [], topics: [] } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const LongTitles: Story = {
  args: { api: { topics: [], articles: hotArticles.map((a) => ({ ...a, title: `${a.title}——权威解读、办理流程与常见问题一次看懂（全文）` })) } },
};
export const English: Story = { args: { lang: 'en', heading: 'Hot articles' } };
