import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../components/compliance-report/index.js';
import { StoreError, provideStore } from '../components/data/index.js';
import {
  CROSS_ROUND,
  FIXTURE_PASSWORD,
  FIXTURE_REGULATOR,
  FIXTURE_TEAM,
  FixtureRegulatorStore,
  ROUND,
  type FixtureOptions,
} from '../test/browser/coverage-map/fixture.js';

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

/** The element under a fixture store signed in as `user` (the region's divisions are read for a signed-in regulator). */
function signedIn(args: Args, user: { readonly email: string }, set: Partial<AzxComplianceReport> = {}): HTMLElement {
  const host = document.createElement('div');
  const store = new FixtureRegulatorStore();
  provideStore(host, store);
  void store.signIn(user.email, FIXTURE_PASSWORD).then(() => {
    const el = document.createElement('azx-compliance-report');
    Object.assign(el, { lang: args.lang, region: args.region, round: args.round, ...set });
    host.append(el);
  });
  return host;
}

/**
 * A province's new round with its cross-inspection table (Zhejiang, 001 annex 2): each line a
 * team's city and the city it inspects, picked by name from the province's cities.
 */
export const CrossInspectionTable: Story = {
  args: { region: '330000' },
  render: (args) => signedIn(args, FIXTURE_REGULATOR),
  play: async ({ canvasElement }) => {
    let el: AzxComplianceReport | null = null;
    for (let i = 0; i < 100 && !el?.shadowRoot?.querySelector('form.draw azx-form'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      el = canvasElement.querySelector('azx-compliance-report');
    }
    const details = el?.shadowRoot?.querySelector<HTMLDetailsElement>('.toolbar details');
    if (details) details.open = true;
  },
};

/** The round as the regulator of an assigned team sees it: the table, and the sampled policies of the city it inspects. */
export const AssignedTeam: Story = {
  args: { region: '', round: CROSS_ROUND.id },
  render: (args) => signedIn(args, FIXTURE_TEAM),
};

