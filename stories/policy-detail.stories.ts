import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/policy-detail/policy-detail.js';
import { CENTRE, GRAPHIC, mockLineageApi, REPEALED, type LineageApiOptions } from '../tests/fixtures/mock-lineage.js';

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  policyId: number;
  detailUrl?: string;
  graphDepth: 1 | 2;
  lang?: string;
  api: LineageApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-policy-detail',
  component: 'gk-policy-detail',
  args: { policyId: CENTRE, graphDepth: 1, api: {} },
  argTypes: {
    api: { table: { disable: true } },
    graphDepth: { control: 'inline-radio', options: [1, 2] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ policyId, detailUrl, graphDepth, lang, api }) => html`
    <gk-policy-detail
      api-base="https://api.example.test"
      .fetch=${mockLineageApi(api)}
      policy-id=${policyId}
      detail-url=${ifDefined(detailUrl)}
      graph-depth=${graphDepth}
      lang=${ifDefined(lang)}
      @gk-select=${(event: Event) => event.preventDefault()}
      style="max-width: 56rem"
    >
      <a href="https://www.pingxiang.example/art/${policyId}.html">查看政策原文</a>
    </gk-policy-detail>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** A key policy with its interpretations in five forms, services, FAQs, graph and related policies. */
export const Default: Story = {};
/** Repealed: the notice says when and by which document, with a link. */
export const Repealed: Story = { args: { policyId: REPEALED } };
/** An interpretation: its pictures (with alt text), transcript and the policy it interprets. */
export const Interpretation: Story = { args: { policyId: GRAPHIC } };
export const VideoInterpretation: Story = { args: { policyId: 1102 } };
export const RelatedFails: Story = { args: { api: { failRelated: true } } };
export const Loading: Story = { args: { api: { hang: true } } };
export const NotFound: Story = { args: { policyId: 424242 } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const English: Story = { args: { lang: 'en' } };
export const Narrow: Story = {
  decorators: [(story) => html`<div style="max-width: 22rem">${story()}</div>`],
};
