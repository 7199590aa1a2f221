import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/stats-panel/stats-panel.js';
import { mockStatsApi, type StatsApiOptions } from '../tests/fixtures/mock-stats.js';

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  platform: 'wechat' | 'weibo';
  period: 'week' | 'month' | 'quarter' | 'year';
  by: 'day' | 'week' | 'month';
  view: 'all' | 'ranking' | 'trend' | 'alerts';
  org?: string;
  county?: string;
  limit: number;
  lang?: string;
  api: StatsApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-stats-panel',
  component: 'gk-stats-panel',
  args: { platform: 'wechat', period: 'month', by: 'day', view: 'all', limit: 10, api: {} },
  argTypes: {
    api: { table: { disable: true } },
    platform: { control: 'inline-radio', options: ['wechat', 'weibo'] },
    period: { control: 'inline-radio', options: ['week', 'month', 'quarter', 'year'] },
    by: { control: 'inline-radio', options: ['day', 'week', 'month'] },
    view: { control: 'inline-radio', options: ['all', 'ranking', 'trend', 'alerts'] },
    county: { control: 'select', options: [undefined, 'city', 'anyuan', 'xiangdong', 'lianhua', 'shangli', 'luxi', 'pxedz'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ platform, period, by, view, org, county, limit, lang, api }) => html`
    <gk-stats-panel
      api-base="https://api.example.test"
      .fetch=${mockStatsApi(api)}
      platform=${platform}
      period=${period}
      by=${by}
      view=${view}
      org=${ifDefined(org)}
      county=${ifDefined(county)}
      limit=${limit}
      lang=${ifDefined(lang)}
    ></gk-stats-panel>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const WeiboRanking: Story = { args: { platform: 'weibo', view: 'ranking', period: 'year' } };
export const TrendByWeek: Story = { args: { view: 'trend', by: 'week' } };
export const TrendByMonth: Story = { args: { view: 'trend', by: 'month' } };
export const Alerts: Story = { args: { view: 'alerts' } };
export const OneCounty: Story = { args: { county: 'anyuan' } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { bare: true } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const RankingFails: Story = {
  args: { api: { fail: { status: 500, body: { error: { code: 'internal', message: '统计服务暂不可用' } } }, failing: ['rankings'] } },
};
export const English: Story = { args: { lang: 'en' } };
export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-stats-panel-height: 14rem;
        }
      </style>
      <div class="themed">${story()}</div>`,
  ],
};
