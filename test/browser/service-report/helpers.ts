// Mounting <azx-service-report> under a store, and reading what it shows.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/service-report/index.js';
import type { AzxServiceReport } from '../../../components/service-report/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import { provideStore, type Store } from '../../../components/data/index.js';

let schema: Promise<Record<string, unknown>> | undefined;

/** The built-in service-report schema, as the server loads it. */
export function serviceReportSchema(): Promise<Record<string, unknown>> {
  schema ??= fetch('/schemas/definitions/service-report.json')
    .then((r) => r.json())
    .then((doc: { schema: Record<string, unknown> }) => doc.schema);
  return schema;
}

export async function mount(store: Store, policy: string, lang = 'zh-CN'): Promise<AzxServiceReport> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideStore(host, store);
  const el = document.createElement('azx-service-report');
  el.lang = lang;
  el.policy = policy;
  host.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="ledger"]'), 'the ledger shows', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: AzxServiceReport, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

export const text = (el: AzxServiceReport, selector: string): string => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const form = (el: AzxServiceReport): AzxForm => $<AzxForm>(el, 'azx-form')!;

/** Fills the form with a whole record and submits it as the user would with the button. */
export async function submitValue(el: AzxServiceReport, value: Record<string, unknown>): Promise<void> {
  const f = form(el);
  f.value = { ...f.value, ...value };
  await f.updateComplete;
  $<HTMLButtonElement>(el, '[part="submit"]')!.click();
}

/** A delivered service as a provider would fill it in. */
export const deliveredService = {
  service_types: ['03'],
  campaign_items: ['hot_work'],
  location: '二号车间',
  personnel: [{ name: '王工程师', role: 'engineer', certificate: '注册安全工程师' }],
  hours: 3.5,
  participants: 12,
  content_summary: '动火作业专项检查，查阅作业票并现场检查监护落实情况',
  cost: 600,
};

export const hazardItem = {
  location: '二号车间动火点',
  description: '动火作业未办理作业票，现场无监护人',
  category: 'management',
  is_major: false,
  recommendation: '立即停止作业，办理动火作业票并落实专人监护',
  rectifier: { name: '李安全', mobile: '13900000002' },
  deadline: '2026-04-10',
};
