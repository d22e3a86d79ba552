// The benchmark's baseline: the least a Lit element can do with the same definition — one
// labelled input per field, nested groups as fieldsets, one compiled Ajv validator run on
// every edit, its messages beside the fields. No logic, no i18n, no form association.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface Schema {
  type?: string;
  title?: string;
  format?: string;
  enum?: string[];
  properties?: Record<string, Schema>;
  [k: string]: unknown;
}
type Obj = Record<string, unknown>;

// strict: false lets Ajv skip the x- annotations the baseline does not implement
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

const INPUT_TYPE: Record<string, string> = { email: 'email', uri: 'url', date: 'date' };

export class BenchBaseline extends LitElement {
  static override properties = { schema: { attribute: false }, value: { attribute: false } };
  declare schema: Schema | undefined;
  declare value: Obj;
  #validate: ValidateFunction | undefined;
  #for: Schema | undefined;
  #errors = new Map<string, string>();

  constructor() {
    super();
    this.value = {};
  }

  protected override willUpdate(): void {
    if (this.schema && this.schema !== this.#for) {
      this.#for = this.schema;
      this.#validate = ajv.compile(this.schema);
    }
    this.#errors.clear();
    if (this.#validate && !this.#validate(this.value)) {
      for (const e of this.#validate.errors as ErrorObject[]) this.#errors.set(e.instancePath, e.message ?? '');
    }
  }

  #set(path: string[], v: unknown): void {
    const next = structuredClone(this.value);
    let o = next;
    for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Obj;
    if (v === undefined || v === '') delete o[path[path.length - 1]];
    else o[path[path.length - 1]] = v;
    this.value = next;
  }

  #field(key: string, s: Schema, path: string[], value: unknown): TemplateResult {
    const id = path.join('.');
    if (s.type === 'object') {
      const o = (value ?? {}) as Obj;
      return html`<fieldset>
        <legend>${s.title ?? key}</legend>
        ${Object.entries(s.properties ?? {}).map(([k, c]) => this.#field(k, c, [...path, k], o[k]))}
      </fieldset>`;
    }
    const error = this.#errors.get('/' + path.join('/'));
    let control: TemplateResult;
    if (s.enum) {
      control = html`<select id=${id} @change=${(e: Event) => this.#set(path, (e.target as HTMLSelectElement).value)}>
        <option value="">—</option>
        ${s.enum.map((o) => html`<option value=${o} ?selected=${o === value}>${o}</option>`)}
      </select>`;
    } else if (s.type === 'boolean') {
      control = html`<input id=${id} type="checkbox" .checked=${value === true}
        @change=${(e: Event) => this.#set(path, (e.target as HTMLInputElement).checked)} />`;
    } else if (s.type === 'number' || s.type === 'integer') {
      control = html`<input id=${id} type="number" .value=${value === undefined ? '' : String(value)}
        @input=${(e: Event) => {
          const t = (e.target as HTMLInputElement).value;
          this.#set(path, t === '' ? undefined : Number(t));
        }} />`;
    } else {
      control = html`<input id=${id} type=${INPUT_TYPE[s.format ?? ''] ?? 'text'} .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => this.#set(path, (e.target as HTMLInputElement).value)} />`;
    }
    return html`<div class="field">
      <label for=${id}>${s.title ?? key}</label>${control}${error ? html`<span class="error">${error}</span>` : nothing}
    </div>`;
  }

  protected override render(): unknown {
    if (!this.schema) return nothing;
    return html`<form novalidate>
      ${Object.entries(this.schema.properties ?? {}).map(([k, s]) => this.#field(k, s, [k], this.value[k]))}
    </form>`;
  }
}
customElements.define('bench-baseline', BenchBaseline);
