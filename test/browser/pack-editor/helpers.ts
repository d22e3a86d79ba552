// Shared set-up of the pack editor's browser tests: the element on a store, and DOM helpers
// (the common ones from setup/dom.ts).
import { fixture, html } from '@open-wc/testing';
import type { Store } from '../../../components/data/index.js';
import type { AzxPackEditor } from '../../../components/pack-editor/index.js';
import type { AzxLogicBuilder } from '../../../components/core/logic-builder/index.js';
import '../../../components/pack-editor/index.js';

export async function packEditorWith(store: Store, lang = 'zh-CN'): Promise<AzxPackEditor> {
  const el = await fixture<AzxPackEditor>(html`<azx-pack-editor lang=${lang} .store=${store}></azx-pack-editor>`);
  await until(() => root(el).querySelector('table.packs, .problem, .not-admin') !== null, 15000);
  return el;
}

export { byText, root, settle, type, until } from '../setup/dom.js';
import { byText, root, settle, type, until } from '../setup/dom.js';

export function q<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = root(el).querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
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

/** Adds a rule on the rules tab and names it; resolves with its condition's builder, drawn. */
export async function addRule(el: AzxPackEditor, code: string): Promise<AzxLogicBuilder> {
  byText(root(el), 'button', '添加规则').click();
  await settle(el);
  type(q<HTMLInputElement>(el, '#f-rules_0_code'), code);
  await settle(el);
  const builder = q<AzxLogicBuilder>(el, '.rule azx-logic-builder[mode="condition"]');
  await builder.updateComplete;
  return builder;
}
