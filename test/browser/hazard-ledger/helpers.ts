// Mounting the ledger with a store, and reading what a user sees in its shadow DOM.
import { fixture, html } from '@open-wc/testing';
import { provideStore, type Store } from '../../../components/data/index.js';
import '../../../components/hazard-ledger/index.js';
import type { AzxHazardLedger } from '../../../components/hazard-ledger/index.js';

export async function mountLedger(store: Store, lang = 'zh-CN'): Promise<AzxHazardLedger> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideStore(host, store);
  const el = document.createElement('azx-hazard-ledger');
  el.lang = lang;
  const loaded = new Promise((resolve) => el.addEventListener('azx-loaded', resolve, { once: true }));
  host.append(el);
  await loaded;
  await el.updateComplete;
  return el;
}

export const shadow = (el: Element) => el.shadowRoot!;

/** The rows on screen (not the header). */
export function visibleRows(el: Element): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('.rows .row')];
}

/** The hazard numbers of the rows on screen. */
export function visibleNumbers(el: Element): string[] {
  return visibleRows(el).map((r) => r.querySelector('button.link')?.textContent?.trim() ?? '');
}

export function text(el: Element, selector: string): string {
  return shadow(el).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sets a filter control the way a user does (value + change event). */
export async function setControl(el: AzxHazardLedger, name: string, value: string | boolean): Promise<void> {
  const control = shadow(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  const loaded = new Promise((resolve) => el.addEventListener('azx-loaded', resolve, { once: true }));
  if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value as boolean;
  else control.value = String(value);
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await loaded;
  await el.updateComplete;
}

export async function openHazard(el: AzxHazardLedger, hazardNo: string): Promise<void> {
  const button = [...shadow(el).querySelectorAll<HTMLButtonElement>('.rows button.link')].find((b) => b.textContent?.trim() === hazardNo);
  if (!button) throw new Error(`no row ${hazardNo}`);
  button.click();
  await until(() => !!shadow(el).querySelector('.history'), 3000, 'history');
  await el.updateComplete;
}

export function actionButtons(el: Element): string[] {
  return [...shadow(el).querySelectorAll<HTMLButtonElement>('.actions button')].map((b) => b.dataset['action'] ?? '');
}
