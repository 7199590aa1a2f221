import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/policy-graph/policy-graph.js';
import { CENTRE, mockLineageApi, REPEALED, type LineageApiOptions } from '../tests/fixtures/mock-lineage.js';

/** Every story runs on fixtures through an injected fetch: no server needed. */
interface Args {
  policyId: number;
  depth: 1 | 2;
  detailUrl?: string;
  lang?: string;
  api: LineageApiOptions;
}

const meta: Meta<Args> = {
  title: 'Widgets/gk-policy-graph',
  component: 'gk-policy-graph',
  args: { policyId: CENTRE, depth: 1, detailUrl: '?id={id}', api: {} },
  argTypes: {
    api: { table: { disable: true } },
    depth: { control: 'inline-radio', options: [1, 2] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: ({ policyId, depth, detailUrl, lang, api }) => html`
    <gk-policy-graph
      api-base="https://api.example.test"
      .fetch=${mockLineageApi(api)}
      policy-id=${policyId}
      depth=${depth}
      detail-url=${ifDefined(detailUrl)}
      lang=${ifDefined(lang)}
      @gk-select=${(event: Event) => event.preventDefault()}
    ></gk-policy-graph>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};
export const TwoHops: Story = { args: { depth: 2 } };
export const RepealedDocument: Story = { args: { policyId: REPEALED } };
export const Loading: Story = { args: { api: { hang: true } } };
export const Empty: Story = { args: { api: { bare: true } } };
export const Error: Story = { args: { api: { fail: 'network' } } };
export const English: Story = { args: { lang: 'en' } };
export const Themed: Story = {
  decorators: [
    (story) => html`<style>
        .themed {
          --gk-color-brand: #0b5394;
          --gk-policy-graph-height: 20rem;
        }
      </style>
      <div class="themed">${story()}</div>`,
  ],
};
