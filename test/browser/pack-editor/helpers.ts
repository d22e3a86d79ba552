// Shared set-up of the pack editor's browser tests: the element on a store, and small DOM helpers
// (the schema editor's tests have their own; elements' test folders share nothing sideways).
import { fixture, html } from '@open-wc/testing';
import type { Store } from '../../../components/data/index.js';
import type { AzxPackEditor } from '../../../components/pack-editor/index.js';
import '../../../components/pack-editor/index.js';

export async function packEditorWith(store: Store, lang = 'zh-CN'): Promise<AzxPackEditor> {
  const el = await fixture<AzxPackEditor>(html`<azx-pack-editor lang=${lang} .store=${store}></azx-pack-editor>`);
  await until(() => root(el).querySelector('table.packs, .problem, .not-admin') !== null, 15000);
  return el;
}

export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Waits for a condition, checking every animation frame, for at most `ms`. */
export async function until(test: () => boolean, ms = 8000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Types a value into a control and commits it, as a user leaving the field would. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

export function byText<T extends HTMLElement = HTMLButtonElement>(scope: ParentNode, selector: string, text: string | RegExp): T {
  const all = [...scope.querySelectorAll<T>(selector)];
  const found = all.find((e) => (typeof text === 'string' ? e.textContent?.trim() === text || e.getAttribute('aria-label') === text : text.test(e.textContent ?? '') || text.test(e.getAttribute('aria-label') ?? '')));
  if (!found) throw new Error(`no ${selector} with text ${String(text)} among: ${all.map((e) => e.textContent?.trim() || e.getAttribute('aria-label')).join(' | ')}`);
  return found;
}

export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
}

export async function openTab(el: AzxPackEditor, name: string): Promise<void> {
  byText(root(el), '[role="tab"]', new RegExp(`^\\s*${name}`)).click();
  await settle(el);
}

/** Fills the new-pack form and submits it. */
export async function startPack(el: AzxPackEditor, p: { code: string; key: string; title: string; titleEn: string; from: string; extends?: string }): Promise<void> {
  type(q<HTMLInputElement>(el, '#new-jurisdiction'), p.code);
  type(q<HTMLInputElement>(el, '#new-key'), p.key);
  type(q<HTMLInputElement>(el, '#new-title'), p.title);
  type(q<HTMLInputElement>(el, '#new-title-en'), p.titleEn);
  type(q<HTMLInputElement>(el, '#new-from'), p.from);
  if (p.extends !== undefined) type(q<HTMLSelectElement>(el, '#new-extends'), p.extends);
  q<HTMLButtonElement>(el, 'form.new-pack button[type="submit"]').click();
  await settle(el);
}
