import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { checkLogic } from '../logic.js';
import { LANG_PROPERTY } from '../locale.js';
import { LocaleController } from '../lang-controller.js';
import {
  CONDITION_OPS,
  FORMULA_OPS,
  emptyCondition,
  formulaLogic,
  groupLogic,
  readFormula,
  readGroup,
  type Condition,
  type ConditionGroup,
  type ConditionOp,
  type Formula,
  type FormulaOp,
  type FieldKind,
  type Operand,
} from './conditions.js';
import { builderStyles } from './logic-builder.styles.js';
import { t, type BuilderKey } from './text.js';

export interface LogicField {
  readonly path: string;
  readonly title: string;
  readonly kind: FieldKind;
}

const OP_KEYS: Record<ConditionOp, BuilderKey> = {
  '==': 'op_eq', '!=': 'op_ne', '>': 'op_gt', '>=': 'op_ge', '<': 'op_lt', '<=': 'op_le',
  in: 'op_in', filled: 'op_filled', empty: 'op_empty',
};
const FORMULA_KEYS: Record<FormulaOp, BuilderKey> = { '+': 'fop_add', '-': 'fop_sub', '*': 'fop_mul', '/': 'fop_div' };

let counter = 0;

/**
 * Builds a JSON Logic expression from lists: conditions joined by "all"/"any" (x-visible,
 * x-rules) or a formula over fields and numbers (x-compute). Logic the builder cannot show is
 * edited as JSON Logic text, checked as it is typed.
 *
 * @event azx-logic-change - `CustomEvent<{ logic: unknown }>`: the expression changed; `logic` is undefined when there is none.
 * @csspart control - Every select and input.
 * @csspart button - Every button.
 */
export class AzxLogicBuilder extends LitElement {
  static override styles = builderStyles;

  /** The JSON Logic expression shown; undefined for none. */
  @property({ attribute: false }) accessor logic: unknown = undefined;
  /** The fields an expression may name. */
  @property({ attribute: false }) accessor fields: readonly LogicField[] = [];
  @property() accessor mode: 'condition' | 'formula' = 'condition';
  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);
  /** Accessible name of the builder (a fieldset legend). */
  @property() accessor label: string = '';

  @state() accessor #group: ConditionGroup = { combinator: 'and', conditions: [] };
  @state() accessor #formula: Formula = { op: '*', operands: [] };
  @state() accessor #expert = false;
  @state() accessor #jsonText = '';
  @state() accessor #jsonError = '';
  #emitted: unknown = Symbol('none');
  readonly #id = `lb${++counter}`;

  get #locale() {
    return this.#lang.locale;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('logic') && !changed.has('mode')) return;
    if (this.logic === this.#emitted) return;
    this.#jsonText = this.logic === undefined ? '' : JSON.stringify(this.logic, null, 2);
    this.#jsonError = '';
    if (this.mode === 'formula') {
      const f = readFormula(this.logic);
      this.#expert = f === null;
      if (f) this.#formula = f;
    } else {
      const g = readGroup(this.logic);
      this.#expert = g === null;
      if (g) this.#group = g;
    }
  }

  #emit(logic: unknown): void {
    const value = logic === null ? undefined : logic;
    this.#emitted = value;
    this.logic = value;
    this.dispatchEvent(new CustomEvent('azx-logic-change', { detail: { logic: value }, bubbles: true, composed: true }));
  }

  #kindOf = (path: string): FieldKind | undefined => this.fields.find((f) => f.path === path)?.kind;

  #setGroup(group: ConditionGroup): void {
    this.#group = group;
    this.#jsonText = '';
    const logic = groupLogic(group, this.#kindOf);
    this.#jsonText = logic === null ? '' : JSON.stringify(logic, null, 2);
    this.#emit(logic);
  }

  #setFormula(formula: Formula): void {
    this.#formula = formula;
    const logic = formulaLogic(formula);
    this.#jsonText = logic === null ? '' : JSON.stringify(logic, null, 2);
    this.#emit(logic);
  }

  #updateCondition(i: number, patch: Partial<Condition>): void {
    const conditions = this.#group.conditions.map((c, n) => (n === i ? { ...c, ...patch } : c));
    this.#setGroup({ ...this.#group, conditions });
  }

  #onJson(text: string): void {
    this.#jsonText = text;
    if (text.trim() === '') {
      this.#jsonError = '';
      this.#emit(undefined);
      return;
    }
    try {
      const logic: unknown = JSON.parse(text);
      checkLogic(logic);
      this.#jsonError = '';
      this.#emit(logic);
    } catch (err) {
      this.#jsonError = t(this.#locale, 'logicInvalid', { m: (err as Error).message });
    }
  }

  #toggleExpert(): void {
    if (this.#expert) {
      const back = this.mode === 'formula' ? readFormula(this.logic) : readGroup(this.logic);
      if (!back) {
        this.#jsonError = t(this.#locale, 'logicNotBuilder');
        return;
      }
      if (this.mode === 'formula') this.#formula = back as Formula;
      else this.#group = back as ConditionGroup;
    }
    this.#expert = !this.#expert;
  }

  protected override render(): TemplateResult {
    const L = this.#locale;
    return html`<fieldset class="builder" part="builder">
      <legend>${this.label}</legend>
      ${this.#expert ? this.#renderJson() : this.mode === 'formula' ? this.#renderFormula() : this.#renderGroup()}
      <button type="button" part="button" class="link" @click=${this.#toggleExpert}>
        ${t(L, this.#expert ? 'builder' : 'expert')}
      </button>
    </fieldset>`;
  }

  #renderJson(): TemplateResult {
    const L = this.#locale;
    const errId = `${this.#id}-err`;
    return html`<label class="stack"
        >${t(L, 'logicJson')}
        <textarea
          part="control"
          rows="4"
          spellcheck="false"
          .value=${this.#jsonText}
          aria-invalid=${this.#jsonError ? 'true' : 'false'}
          aria-describedby=${errId}
          @input=${(e: Event) => this.#onJson((e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <p id=${errId} class="error" role="status">${this.#jsonError}</p>`;
  }

  #fieldSelect(value: string, label: string, onChange: (v: string) => void): TemplateResult {
    const L = this.#locale;
    return html`<select part="control" aria-label=${label} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${value === ''}>${t(L, 'field')}…</option>
      ${this.fields.map((f) => html`<option value=${f.path} ?selected=${f.path === value}>${f.title}（${f.path}）</option>`)}
    </select>`;
  }

  #renderGroup(): TemplateResult {
    const L = this.#locale;
    const g = this.#group;
    return html`
      ${g.conditions.length > 1
        ? html`<select part="control" aria-label=${t(L, 'all')} @change=${(e: Event) =>
            this.#setGroup({ ...g, combinator: (e.target as HTMLSelectElement).value as 'and' | 'or' })}>
            <option value="and" ?selected=${g.combinator === 'and'}>${t(L, 'all')}</option>
            <option value="or" ?selected=${g.combinator === 'or'}>${t(L, 'any')}</option>
          </select>`
        : nothing}
      <ol class="conditions">
        ${g.conditions.map((c, i) => this.#renderCondition(c, i))}
      </ol>
      <button type="button" part="button" class="add-condition" @click=${() => this.#setGroup({ ...g, conditions: [...g.conditions, emptyCondition()] })}>
        ${t(L, 'addCondition')}
      </button>`;
  }

  #renderCondition(c: Condition, i: number): TemplateResult {
    const L = this.#locale;
    const n = i + 1;
    const unary = c.op === 'filled' || c.op === 'empty';
    return html`<li class="condition">
      ${this.#fieldSelect(c.field, `${t(L, 'field')} ${n}`, (v) => this.#updateCondition(i, { field: v }))}
      <select part="control" aria-label=${`${t(L, 'operator')} ${n}`} @change=${(e: Event) =>
        this.#updateCondition(i, { op: (e.target as HTMLSelectElement).value as ConditionOp })}>
        ${CONDITION_OPS.map((op) => html`<option value=${op} ?selected=${op === c.op}>${t(L, OP_KEYS[op])}</option>`)}
      </select>
      ${unary
        ? nothing
        : html`${c.op === 'in'
            ? nothing
            : html`<select part="control" aria-label=${`${t(L, 'againstValue')} ${n}`} @change=${(e: Event) =>
                this.#updateCondition(i, { against: (e.target as HTMLSelectElement).value as 'value' | 'field' })}>
                <option value="value" ?selected=${c.against === 'value'}>${t(L, 'againstValue')}</option>
                <option value="field" ?selected=${c.against === 'field'}>${t(L, 'againstField')}</option>
              </select>`}
          ${c.against === 'field' && c.op !== 'in'
            ? html`${this.#fieldSelect(c.otherField, `${t(L, 'otherField')} ${n}`, (v) => this.#updateCondition(i, { otherField: v }))}
                <label>× <input part="control" type="number" step="any" class="short" aria-label=${`${t(L, 'factor')} ${n}`}
                  .value=${String(c.factor)}
                  @change=${(e: Event) => {
                    const x = Number((e.target as HTMLInputElement).value);
                    this.#updateCondition(i, { factor: Number.isFinite(x) && x !== 0 ? x : 1 });
                  }} /></label>`
            : html`<input part="control" aria-label=${`${t(L, 'value')} ${n}`} .value=${c.value}
                @change=${(e: Event) => this.#updateCondition(i, { value: (e.target as HTMLInputElement).value })} />`}`}
      <button type="button" part="button" aria-label=${t(L, 'removeCondition', { n })} @click=${() =>
        this.#setGroup({ ...this.#group, conditions: this.#group.conditions.filter((_, k) => k !== i) })}>✕</button>
    </li>`;
  }

  #renderFormula(): TemplateResult {
    const L = this.#locale;
    const f = this.#formula;
    const setOperand = (i: number, patch: Partial<Operand>) =>
      this.#setFormula({ ...f, operands: f.operands.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
    return html`<label>${t(L, 'formulaOp')}
        <select part="control" @change=${(e: Event) => this.#setFormula({ ...f, op: (e.target as HTMLSelectElement).value as FormulaOp })}>
          ${FORMULA_OPS.map((op) => html`<option value=${op} ?selected=${op === f.op}>${t(L, FORMULA_KEYS[op])}（${op}）</option>`)}
        </select></label>
      <ol class="conditions">
        ${f.operands.map((o, i) => {
          const n = i + 1;
          return html`<li class="condition">
            <select part="control" aria-label=${`${t(L, 'operand', { n })}`} @change=${(e: Event) =>
              setOperand(i, { kind: (e.target as HTMLSelectElement).value as 'field' | 'number', text: '' })}>
              <option value="field" ?selected=${o.kind === 'field'}>${t(L, 'field')}</option>
              <option value="number" ?selected=${o.kind === 'number'}>${t(L, 'number')}</option>
            </select>
            ${o.kind === 'field'
              ? this.#fieldSelect(o.text, `${t(L, 'field')} ${n}`, (v) => setOperand(i, { text: v }))
              : html`<input part="control" type="number" step="any" aria-label=${`${t(L, 'number')} ${n}`} .value=${o.text}
                  @change=${(e: Event) => setOperand(i, { text: (e.target as HTMLInputElement).value })} />`}
            <button type="button" part="button" aria-label=${t(L, 'removeOperand', { n })} @click=${() =>
              this.#setFormula({ ...f, operands: f.operands.filter((_, k) => k !== i) })}>✕</button>
          </li>`;
        })}
      </ol>
      <button type="button" part="button" @click=${() => this.#setFormula({ ...f, operands: [...f.operands, { kind: 'field', text: '' }] })}>
        ${t(L, 'addOperand')}
      </button>`;
  }
}
