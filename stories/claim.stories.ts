import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/claim/index.js';
import { provideStore, type Role } from '../components/data/index.js';
import definition from '../schemas/definitions/claim.json';
import { IDS, claimStore } from '../test/browser/claim/fixture.js';

interface Args {
  role: Role;
  lang: 'zh-CN' | 'en';
  claim: string;
}

/** The element under its own in-memory store (one policy, a serious claim paid in advance and overdue, a settled one). */
function mount(args: Args): HTMLElement {
  const host = document.createElement('div');
  provideStore(host, claimStore({ schema: definition.schema as Record<string, unknown>, role: args.role, lang: args.lang === 'en' ? 'en' : 'zh' }));
  const el = document.createElement('azx-claim');
  el.lang = args.lang;
  el.policy = IDS.policy;
  el.claim = args.claim;
  host.append(el);
  return host;
}

const meta: Meta<Args> = {
  title: 'Elements/azx-claim',
  component: 'azx-claim',
  args: { role: 'insurer', lang: 'zh-CN', claim: IDS.open },
  argTypes: {
    role: { control: 'select', options: ['insurer', 'enterprise', 'regulator', 'financial_regulator'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    claim: { control: 'select', options: ['', IDS.open, IDS.settled] },
  },
  render: (args) => mount(args),
};
export default meta;

type Story = StoryObj<Args>;

/** The insurer on a serious claim paid in advance, its stage overdue: the timeline and the next step (settle). */
export const InsurerNextStep: Story = {};

/** The enterprise reports an accident: the claim form, persons one row each. */
export const EnterpriseReports: Story = { args: { role: 'enterprise', claim: '' } };

/** A settled claim: no deadline, nothing more to do. */
export const Settled: Story = { args: { claim: IDS.settled } };

/** The financial regulator reads the claim, with no form and no step. */
export const FinancialRegulatorReads: Story = { args: { role: 'financial_regulator' } };

/** English UI. */
export const English: Story = { args: { lang: 'en' } };
