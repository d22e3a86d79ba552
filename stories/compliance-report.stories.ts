import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../components/compliance-report/index.js';
import { StoreError, provideStore } from '../components/data/index.js';
import { FixtureRegulatorStore, ROUND, type FixtureOptions } from '../test/browser/coverage-map/fixture.js';

interface Args {
  lang: 'zh-CN' | 'en';
  region: string;
  round: string;
}

function mount(args: Args, set: Partial<AzxComplianceReport> = {}, opts: FixtureOptions = {}): HTMLElement {
  const host = document.createElement('div');
  provideStore(host, new FixtureRegulatorStore(opts));
  const el = document.createElement('azx-compliance-report');
  Object.assign(el, { lang: args.lang, region: args.region, round: args.round, ...set });
  host.append(el);
  return host;
}

const meta: Meta<Args> = {
  title: 'Elements/azx-compliance-report',
  component: 'azx-compliance-report',
  args: { lang: 'zh-CN', region: '330100', round: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] }, round: { control: 'select', options: ['', ROUND.id] } },
  render: (args) => mount(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The bulletin from the records alone: overview, problems, tables by region, insurer and industry, lists. */
export const Bulletin: Story = {};

/** With an inspection round: sampled policies, the finding forms, the problem categories. */
export const WithRound: Story = { args: { round: ROUND.id, region: '' } };

/** A number opened: the records behind it. */
export const RecordsOpened: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('azx-compliance-report')!;
    for (let i = 0; i < 50 && !el.report; i++) await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    await el.openRecords({ metric: 'uninsured', label: '应保未保' });
  },
};

/** Waiting for the server. */
export const Loading: Story = { render: (args) => mount(args, {}, { delay: 1e9 }) };

/** Refused by the server. */
export const Refused: Story = {
  render: (args) =>
    mount(args, {}, { refuse: new StoreError({ code: 'forbidden', status: 403, message_zh: '所请求的地区不在本账户辖区内', message_en: "The requested region is outside this account's scope" }) }),
};

/** English UI. */
export const English: Story = { args: { lang: 'en', round: ROUND.id, region: '' } };
