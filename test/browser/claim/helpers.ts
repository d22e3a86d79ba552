// Mounting <azx-claim> under a store, and reading what it shows.
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/claim/index.js';
import type { AzxClaim } from '../../../components/claim/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import { PocketBaseStore, provideStore, type Store } from '../../../components/data/index.js';
import { world, type WorldUserKey } from '../setup/world.js';

export async function signedIn(key: WorldUserKey, lang: 'zh' | 'en' = 'zh') {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url, lang });
  await store.signIn(w.users[key].email, w.users[key].password);
  return { w, store };
}

export async function mount(store: Store, policy: string, claim = '', lang = 'zh-CN'): Promise<AzxClaim> {
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  provideStore(host, store);
  const el = document.createElement('azx-claim');
  el.lang = lang;
  el.policy = policy;
  el.claim = claim;
  host.append(el);
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="picker"]'), 'the element loaded', { timeout: 5000 });
  if (claim) await waitUntil(() => el.shadowRoot?.querySelector('[part~="timeline"]'), 'the claim shows', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: AzxClaim, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);
export const $$ = (el: AzxClaim, selector: string): Element[] => [...el.shadowRoot!.querySelectorAll(selector)];
export const text = (el: AzxClaim, selector: string): string => ($(el, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Fills the report form with a whole record and submits it as the user would. */
export async function submitReport(el: AzxClaim, value: Record<string, unknown>): Promise<void> {
  const f = $<AzxForm>(el, 'azx-form')!;
  f.value = { ...f.value, ...value };
  await f.updateComplete;
  $<HTMLButtonElement>(el, 'azx-form [part="submit"]')!.click();
}

/** Picks the step's action, attaches a document when asked, enters payments and submits. */
export async function submitStep(
  el: AzxClaim,
  step: { action: string; note?: string; document?: boolean; payments?: readonly { target: string; amount: number }[] },
): Promise<void> {
  // a step still being saved ignores the button, as it does for a user
  await waitUntil(() => $(el, '.step [part="submit"]')?.getAttribute('aria-disabled') === 'false', 'the step form is ready', { timeout: 10000 });
  const action = $<HTMLSelectElement>(el, '#action')!;
  action.value = step.action;
  action.dispatchEvent(new Event('change'));
  await el.updateComplete;
  if (step.document) {
    const input = $<HTMLInputElement>(el, '#documents')!;
    const files = new DataTransfer();
    files.items.add(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], '查勘报告.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
  }
  if (step.note) {
    const note = $<HTMLTextAreaElement>(el, '#note')!;
    note.value = step.note;
    note.dispatchEvent(new Event('input'));
  }
  for (const [i, p] of (step.payments ?? []).entries()) {
    $<HTMLButtonElement>(el, '.add-payment')!.click();
    await el.updateComplete;
    const row = $(el, `[data-payment="${i}"]`)!;
    const target = row.querySelector<HTMLSelectElement>('select.target')!;
    target.value = p.target;
    target.dispatchEvent(new Event('change'));
    const amount = row.querySelector<HTMLInputElement>('input.amount')!;
    amount.value = String(p.amount);
    amount.dispatchEvent(new Event('input'));
    await el.updateComplete;
  }
  $<HTMLButtonElement>(el, '.step [part="submit"]')!.click();
}

/** An accident inside policy A's period (2026), with what the test needs of casualties. */
export function accident(persons: readonly { name: string; party: string; outcome: string }[], more: Record<string, unknown> = {}) {
  return {
    accident_date: '2026-06-01',
    place: '二号车间反应釜区',
    description: '反应釜泄漏引发闪爆，造成人员伤亡。',
    persons,
    ...more,
  };
}
