import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../components/service-report/index.js';
import type { AzxServiceReport } from '../components/service-report/index.js';
import type { AzxForm } from '../components/core/index.js';
import { provideStore, type Role } from '../components/data/index.js';
import definition from '../schemas/definitions/service-report.json';
import { IDS, serviceStore, type FixtureOptions } from '../test/browser/service-report/fixture.js';

interface Args {
  role: Role;
  lang: 'zh-CN' | 'en';
  policy: string;
  deliveredCost: number;
}

/** The element under its own in-memory store (one policy, budget 4,000 yuan, one planned service). */
function mount(args: Args, extra: Partial<FixtureOptions> = {}): HTMLElement {
  const host = document.createElement('div');
  const store = serviceStore({
    schema: definition.schema as Record<string, unknown>,
    role: args.role,
    deliveredCost: args.deliveredCost,
    lang: args.lang === 'en' ? 'en' : 'zh',
    ...extra,
  });
  provideStore(host, store);
  const el = document.createElement('azx-service-report');
  el.lang = args.lang;
  el.policy = args.policy;
  host.append(el);
  return host;
}

/** Waits for the element's form, fills it with a delivered service and submits it. */
async function submitDelivered(canvas: HTMLElement, extra: Record<string, unknown> = {}): Promise<void> {
  const el = canvas.querySelector<AzxServiceReport>('azx-service-report')!;
  let form: AzxForm | null = null;
  for (let i = 0; i < 100 && !form; i++) {
    await new Promise((r) => setTimeout(r, 50));
    form = el.shadowRoot?.querySelector<AzxForm>('azx-form') ?? null;
  }
  if (!form) return;
  form.value = {
    ...form.value,
    service_types: ['03'],
    campaign_items: ['hot_work'],
    location: '二号车间',
    personnel: [{ name: '王工程师', role: 'engineer' }],
    hours: 3.5,
    content_summary: '动火作业专项检查',
    cost: 600,
    ...extra,
  };
  await form.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
}

const meta: Meta<Args> = {
  title: 'Elements/azx-service-report',
  component: 'azx-service-report',
  args: { role: 'provider', lang: 'zh-CN', policy: IDS.policy, deliveredCost: 1500 },
  argTypes: {
    role: { control: 'select', options: ['insurer', 'provider', 'enterprise', 'regulator'] },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  render: (args) => mount(args),
};
export default meta;

type Story = StoryObj<Args>;

/** A provider records a delivered service: ledger, the policy's services, the report form, evidence. */
export const ProviderRecords: Story = {};

/** The insurer of the policy may record too, and deliver the planned service (登记实施). */
export const InsurerRecords: Story = { args: { role: 'insurer' } };

/** No policy chosen yet: the picker only. */
export const ChoosePolicy: Story = { args: { policy: '' } };

/** Delivered services cost more than the prevention budget: the ledger warns. */
export const OverBudget: Story = { args: { deliveredCost: 4600 } };

/** The policy's provider is on the region's black list: warned before anything is typed. */
export const ProviderBlacklisted: Story = {
  render: (args) => mount(args, { standing: 'blacklisted' }),
};

/** The region keeps a white list without the policy's provider. */
export const ProviderNotWhitelisted: Story = {
  render: (args) => mount(args, { standing: 'not_whitelisted' }),
};

/** The enterprise (and a regulator) see the ledger and the services, without a form. */
export const EnterpriseReadOnly: Story = { args: { role: 'enterprise' } };

/** After a submit the server accepted: saved notice, the ledger moved, a fresh form. */
export const Saved: Story = {
  play: async ({ canvasElement }) => submitDelivered(canvasElement),
};

/** The server refused a black-listed provider and a hazard's mobile number. */
export const RefusedBlacklisted: Story = {
  render: (args) =>
    mount(args, {
      refuse: {
        provider: {
          code: 'provider_blacklisted',
          message: '该服务机构已被列入本地区服务机构黑名单，不能提供事故预防服务',
          message_zh: '该服务机构已被列入本地区服务机构黑名单，不能提供事故预防服务',
          message_en: 'This provider is black-listed in the region and may not deliver prevention services',
        },
      },
    }),
  play: async ({ canvasElement }) => submitDelivered(canvasElement),
};

/** What the form itself refuses before sending: an evacuation drill without service type 05. */
export const DrillWithoutType05: Story = {
  play: async ({ canvasElement }) => submitDelivered(canvasElement, { campaign_items: ['evacuation_drill'], service_types: ['01'] }),
};

/** English UI. */
export const English: Story = { args: { lang: 'en' } };
