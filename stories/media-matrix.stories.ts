import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/media-matrix/media-matrix.js';
import { accounts, mockMediaApi, type MediaApiOptions } from '../tests/fixtures/mock-media.js';

/** Every story runs on fixtures through an injected fetch (QR codes drawn as data: URLs): no server needed. */
interface Args {
  groupBy: string;
  platform?: string;
  org?: string;
  county?: string;
  scene?: string;
  heading?: string;
  lang?: string;
  api: MediaApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-media-matrix',
  component: 'gk-media-matrix',
  args: { groupBy: 'platform', heading: '政务新媒体矩阵', api: {} },
  argTypes: {
    api: { table: { disable: true } },
    groupBy: { control: 'inline-radio', options: ['platform', 'org', 'county', 'scene'] },
    platform: { control: 'select', options: [undefined, 'wechat', 'weibo', 'toutiao', 'douyin'] },
    county: { control: 'select', options: [undefined, 'city', 'anyuan', 'luxi'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ groupBy, platform, org, county, scene, heading, lang, api }) => html`
    <gk-media-matrix
      api-base="https://api.example.test"
      .fetch=${mockMediaApi({ drawQr: true, ...api })}
      group-by=${groupBy}
      platform=${ifDefined(platform)}
      org=${ifDefined(org)}
      county=${ifDefined(county)}
      scene=${ifDefined(scene)}
      heading=${ifDefined(heading)}
      lang=${ifDefined(lang)}
    ></gk-media-matrix>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const ByDepartment: Story = { args: { groupBy: 'org' } };
export const ByCounty: Story = { args: { groupBy: 'county' } };
export const ByScene: Story = { args: { groupBy: 'scene' } };
export const WeChatOnly: Story = { args: { platform: 'wechat', heading: '微信公众号矩阵' } };
export const OneCounty: Story = { args: { county: 'anyuan', heading: '安源区政务新媒体' } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { accounts: [] } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const LongNames: Story = {
  args: { api: { accounts: accounts.map((a) => ({ ...a, name: `${a.name}政务服务信息发布平台`, orgName: `${a.orgName}办公室新闻宣传科` })) } },
};
export const English: Story = { args: { lang: 'en', heading: 'Government new-media accounts' } };
