import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/interpretation-list/interpretation-list.js';
import { CENTRE, interpretations, mockLineageApi, type LineageApiOptions } from '../tests/fixtures/mock-lineage.js';

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  policyId?: number;
  form?: string;
  pageSize: number;
  heading?: string;
  detailUrl?: string;
  lang?: string;
  api: LineageApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-interpretation-list',
  component: 'gk-interpretation-list',
  args: { pageSize: 5, heading: '政策解读', detailUrl: '?id={id}', api: {} },
  argTypes: {
    api: { table: { disable: true } },
    form: { control: 'select', options: [undefined, 'text', 'graphic', 'video', 'digital_human', 'press_conference', 'leader', 'expert', 'qa'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ policyId, form, pageSize, heading, detailUrl, lang, api }) => html`
    <gk-interpretation-list
      api-base="https://api.example.test"
      .fetch=${mockLineageApi(api)}
      policy-id=${ifDefined(policyId)}
      form=${ifDefined(form)}
      page-size=${pageSize}
      heading=${ifDefined(heading)}
      detail-url=${ifDefined(detailUrl)}
      lang=${ifDefined(lang)}
      @gk-select=${(event: Event) => event.preventDefault()}
    ></gk-interpretation-list>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const OfOnePolicy: Story = { args: { policyId: CENTRE, heading: '本政策的解读' } };
export const GraphicOnly: Story = { args: { form: 'graphic' } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { items: [] } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const LongTitles: Story = {
  args: { api: { items: interpretations.map((i) => ({ ...i, title: `${i.title}——政策要点、适用对象、办理流程与常见问题全解读（2025年版）` })) } },
};
export const English: Story = { args: { lang: 'en', heading: 'Policy interpretations' } };
