// Driving <azx-policy-entry> as a user would: type in the search, pick, edit fields, submit.
import { fixture, html } from '@open-wc/testing';
import '../../../components/policy-entry/index.js';
import type { AzxPolicyEntry } from '../../../components/policy-entry/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import type { Store } from '../../../components/data/index.js';
import { until } from '../setup/unique.js';

export const root = (el: AzxPolicyEntry) => el.shadowRoot!;
export const form = (el: AzxPolicyEntry) => root(el).querySelector<AzxForm>('azx-form')!;

export async function mount(store: Store, lang = 'zh-CN'): Promise<AzxPolicyEntry> {
  const el = await fixture<AzxPolicyEntry>(html`<azx-policy-entry .store=${store} lang=${lang}></azx-policy-entry>`);
  return el;
}

/** Searches the registry and waits for the single match to be chosen. */
export async function find(el: AzxPolicyEntry, query: string): Promise<void> {
  const input = root(el).querySelector<HTMLInputElement>('#q')!;
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('[part="search"] button')!.click();
  await until(() => root(el).querySelector('azx-form') !== null && form(el).shadowRoot?.querySelector('[data-pointer="/headcount"]') != null, 'the policy form');
  await form(el).updateComplete;
}

/** The control of a field of the policy form by JSON pointer. */
export function control(el: AzxPolicyEntry, pointer: string): HTMLInputElement {
  const f = form(el).shadowRoot!;
  return f.querySelector<HTMLInputElement>(`[data-pointer="${pointer}"] input, [data-pointer="${pointer}"] select, [data-pointer="${pointer}"] textarea`)!;
}

/** Types into a field of the policy form (input and change, as a user leaving it). */
export async function type(el: AzxPolicyEntry, pointer: string, text: string): Promise<void> {
  const i = control(el, pointer);
  if (!i) throw new Error(`no field ${pointer}`);
  i.value = text;
  i.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  i.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await form(el).updateComplete;
  await el.updateComplete;
}

/** Ticks or unticks a checkbox field (switch) of the policy form. */
export async function setChecked(el: AzxPolicyEntry, pointer: string, checked: boolean): Promise<void> {
  const i = control(el, pointer);
  if (i.checked !== checked) i.click();
  await form(el).updateComplete;
  await el.updateComplete;
}

/** Chooses a coefficient in the rating panel. */
export async function chooseCoefficient(el: AzxPolicyEntry, key: string, value: string): Promise<void> {
  const s = root(el).querySelector<HTMLSelectElement>(`select[data-coefficient="${key}"]`)!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

export function breakdownText(el: AzxPolicyEntry): string {
  return root(el).querySelector('[part="breakdown"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** Presses the submit button and lets the element check (and store) the policy. */
export async function submit(el: AzxPolicyEntry): Promise<void> {
  const f = form(el);
  f.querySelector<HTMLButtonElement>('button[slot="actions"]')!.click();
  await f.updateComplete;
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** The problems listed above the form: code → message. */
export function problems(el: AzxPolicyEntry): Record<string, string> {
  const out: Record<string, string> = {};
  for (const li of root(el).querySelectorAll('[part="problems"] li')) out[li.getAttribute('data-code') ?? ''] = li.textContent ?? '';
  return out;
}

/** The error <azx-form> shows beside a field. */
export function fieldError(el: AzxPolicyEntry, pointer: string): string {
  return form(el).shadowRoot!.querySelector(`[data-pointer="${pointer}"] [part~="error"]`)?.textContent?.trim() ?? '';
}

/** Presses "以此续保" on the first row of the history and waits for the renewal to be filled in. */
export async function renewFirst(el: AzxPolicyEntry): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('[part="history"] button')!.click();
  await until(() => (form(el).value as Record<string, unknown>)['renewal_of'] !== undefined, 'the renewal');
  await el.updateComplete;
  await form(el).updateComplete;
}
