// The cross-field rules of a definition (x-rules): each a condition built from lists (or JSON
// Logic), a message in Chinese and English, and the field the message is shown at.
import { html, type TemplateResult } from 'lit';
import type { JsonSchema, Locale } from '../core/index.js';
import { leafFields, rulesOf, setRules, type RuleDef } from './model.js';
import { t } from './ui-text.js';
import '../core/logic-builder/define.js';

export interface RulesContext {
  readonly locale: Locale;
  readonly schema: JsonSchema;
  commit(schema: JsonSchema): void;
}

export function renderRules(c: RulesContext): TemplateResult {
  const L = c.locale;
  const rules = rulesOf(c.schema);
  const fields = leafFields(c.schema);
  const edit = (i: number, patch: Partial<RuleDef>) => c.commit(setRules(c.schema, rules.map((r, k) => (k === i ? { ...r, ...patch } : r))));
  return html`<section class="rules" aria-label=${t(L, 'rules')}>
    <h3>${t(L, 'rules')}</h3>
    <ol class="rule-list">
      ${rules.map(
        (r, i) => html`<li class="rule" data-rule=${i}>
          <azx-logic-builder
            lang=${L}
            mode="condition"
            label=${t(L, 'rule', { n: i + 1 })}
            .fields=${fields}
            .logic=${r.rule ?? undefined}
            @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => edit(i, { rule: e.detail.logic ?? true })}
          ></azx-logic-builder>
          <div class="grid">
            <label class="stack" for=${`rule-${i}-zh`}>${t(L, 'messageZh')}</label>
            <input id=${`rule-${i}-zh`} part="control" .value=${r.zh} @change=${(e: Event) => edit(i, { zh: (e.target as HTMLInputElement).value })} />
            <label class="stack" for=${`rule-${i}-en`}>${t(L, 'messageEn')}</label>
            <input id=${`rule-${i}-en`} part="control" .value=${r.en} @change=${(e: Event) => edit(i, { en: (e.target as HTMLInputElement).value })} />
            <label class="stack" for=${`rule-${i}-path`}>${t(L, 'messageAt')}</label>
            <select id=${`rule-${i}-path`} part="control" @change=${(e: Event) => edit(i, { path: (e.target as HTMLSelectElement).value })}>
              <option value="" ?selected=${r.path === ''}>${t(L, 'wholeRecord')}</option>
              ${fields.map((f) => html`<option value=${f.path} ?selected=${f.path === r.path}>${f.title}（${f.path}）</option>`)}
            </select>
          </div>
          <button type="button" part="button" @click=${() => c.commit(setRules(c.schema, rules.filter((_, k) => k !== i)))}>
            ${t(L, 'removeRule', { n: i + 1 })}
          </button>
        </li>`,
      )}
    </ol>
    <button type="button" part="button" class="add-rule" @click=${() => c.commit(setRules(c.schema, [...rules, { rule: true, zh: '', en: '', path: '' }]))}>
      ${t(L, 'addRule')}
    </button>
  </section>`;
}
