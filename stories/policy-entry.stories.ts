import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/policy-entry/index.js';
import type { AzxPolicyEntry } from '../components/policy-entry/index.js';
import type { AzxForm } from '../components/core/index.js';
import type { EffectivePack, FieldErrors } from '../components/data/index.js';
import policy from '../schemas/definitions/policy.json';
import rulePacks from '../test/fixtures/effective-packs.json';
import enterprise from '../schemas/definitions/enterprise.json';
import { ENTERPRISES, PREVIOUS, entryStore } from '../test/browser/policy-entry/fixture.js';

interface Args {
  lang: 'zh-CN' | 'en';
  /** The registry row chosen at start (empty: the search only). */
  enterprise: string;
}

/**
 * The element over an in-memory registry (Suzhou, Kunshan, Beijing, Shaoxing) with the server's
 * effective rule packs for those regions, judging as the server does.
 */
function mount(args: Args, options: { refuse?: FieldErrors; renewalOf?: string } = {}): AzxPolicyEntry {
  const el = document.createElement('azx-policy-entry');
  el.store = entryStore({
    policySchema: policy.schema as Record<string, unknown>,
    enterpriseSchema: enterprise.schema as Record<string, unknown>,
    rulePacks: rulePacks as unknown as EffectivePack[],
    serverChecks: true,
    refuse: options.refuse ?? null,
  });
  el.lang = args.lang;
  el.enterprise = args.enterprise;
  if (options.renewalOf) el.renewalOf = options.renewalOf;
  return el;
}

/** Waits for the policy form inside the element. */
async function formOf(el: AzxPolicyEntry): Promise<AzxForm | null> {
  for (let i = 0; i < 100; i++) {
    const form = el.shadowRoot?.querySelector<AzxForm>('azx-form');
    if (form?.shadowRoot?.querySelector('[data-pointer="/policy_no"]')) return form;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

/** Fills in the policy number and whatever else a story changes, then presses submit. */
async function enterAndSubmit(canvas: HTMLElement, changes: Record<string, unknown>): Promise<void> {
  const el = canvas.querySelector<AzxPolicyEntry>('azx-policy-entry') ?? (canvas as unknown as AzxPolicyEntry);
  const form = await formOf(el);
  if (!form) return;
  form.value = { ...form.value, policy_no: 'PICC-320500-2026-000123', ...changes };
  form.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await form.updateComplete;
  form.querySelector<HTMLButtonElement>('button[slot="actions"]')?.click();
}

const meta: Meta<Args> = {
  title: 'Elements/azx-policy-entry',
  component: 'azx-policy-entry',
  args: { lang: 'zh-CN', enterprise: ENTERPRISES.suzhou.id },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    enterprise: {
      control: 'select',
      options: ['', ...Object.values(ENTERPRISES).map((e) => e.id)],
    },
  },
  render: (args) => mount(args),
};
export default meta;

type Story = StoryObj<Args>;

/** Nothing chosen yet: search the must-insure registry by USCC or name (try 化工). */
export const FindEnterprise: Story = { args: { enterprise: '' } };

/** A Suzhou enterprise: national, Jiangsu and Suzhou packs (budget at least Suzhou's floor), premium 320 × 0.9 × 50 = 14400 with its breakdown, last year's policy in the history. */
export const SuzhouPolicy: Story = {};

/** A Kunshan plant of 320 persons: the headcount band coefficient 0.95 applies. */
export const HeadcountBand: Story = { args: { enterprise: ENTERPRISES.kunshan.id } };

/** A Beijing construction firm: the national packs in force; Beijing's draft for comment only warns (untick 03 and submit). */
export const BeijingPolicy: Story = { args: { enterprise: ENTERPRISES.beijing.id } };

/** A Beijing policy without hazard inspection: the draft for comment warns, the policy is stored. */
export const BeijingDraftWarns: Story = {
  args: { enterprise: ENTERPRISES.beijing.id },
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { prevention_items: ['01'] }),
};

/** A Shaoxing enterprise: the national packs with Zhejiang's and Shaoxing's. */
export const Zhejiang: Story = { args: { enterprise: ENTERPRISES.shaoxing.id } };

/** Renewal of last year's policy: the period follows it, the insured is corrected to the registry, and its 0.85 accident coefficient is flagged as not the regulator's. */
export const Renewal: Story = { render: (args) => mount(args, { renewalOf: PREVIOUS.id }) };

/** Submitted with insured persons ≠ headcount: refused (保额与投保企业人数不匹配), with the rule and its source. */
export const CoverNotMatchingHeadcount: Story = {
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { insured_persons: 45 }),
};

/** Submitted with a headcount below the registry's: not everyone insured (未全员投保). */
export const NotEveryoneInsured: Story = {
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { headcount: 40, insured_persons: 40 }),
};

/** Submitted without the prevention clause, and a budget under Suzhou's floor: both refused. */
export const NoPreventionClause: Story = {
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { prevention_clause: false, prevention_budget: 1000 }),
};

/** Submitted with the insured's name typed short: irregular entry (录入不规范). */
export const IrregularEntry: Story = {
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { insured: { uscc: ENTERPRISES.suzhou.uscc, name: '苏州相城化工', region_code: '320507' } }),
};

/** A valid policy submitted: the store accepts it. */
export const Saved: Story = {
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, {}),
};

/** The server refuses what the browser could not know (a policy number already taken). */
export const ServerRefusal: Story = {
  render: (args) =>
    mount(args, {
      refuse: {
        'data.policy_no': { code: 'validation_not_unique', message: '保单号已存在', message_zh: '保单号已存在', message_en: 'The policy number is taken' },
      },
    }),
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, {}),
};

/** The same in English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => enterAndSubmit(canvasElement, { insured_persons: 45 }),
};
