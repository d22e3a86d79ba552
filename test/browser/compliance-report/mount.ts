/** Mounting <azx-compliance-report> under a store for a test, removed after each test; shadow-root queries. */
import { waitUntil } from '@open-wc/testing';
import '../../../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { provideStore, type Store } from '../../../components/data/index.js';

const mounted: HTMLElement[] = [];
afterEach(() => mounted.splice(0).forEach((h) => h.remove()));

/**
 * The element under `store` with `set` applied, once its report (or its error) is on screen, or
 * whatever `ready` waits for (an assigned team's view of a round).
 */
export async function mount(
  store: Store,
  set: Partial<AzxComplianceReport> = {},
  ready: (el: AzxComplianceReport) => unknown = (el) => el.report || el.shadowRoot?.querySelector('[part="error"]'),
): Promise<AzxComplianceReport> {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement('azx-compliance-report');
  Object.assign(el, set);
  host.append(el);
  document.body.append(host);
  mounted.push(host);
  await waitUntil(() => ready(el), 'report loaded', { timeout: 15000 });
  await el.updateComplete;
  return el;
}

export const $ = (el: AzxComplianceReport, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
export const $$ = (el: AzxComplianceReport, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];
