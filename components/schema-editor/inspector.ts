// The inspector: every property of the selected field as a labelled control. Each control
// commits on `change`, so typing inside a text box keeps the browser's own undo.
import { isEnglish } from '../core/locale.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonSchema, Locale } from '../core/index.js';
import {
  FIELD_KINDS,
  fieldAt,
  groupsOf,
  isRequired,
  kindOf,
  leafFields,
  optionsOf,
  setKeywords,
  setKind,
  setOptions,
  setRequired,
  type FieldKind,
  type FieldOption,
  type FieldPath,
} from './model.js';
import { t, type EditorKey } from './ui-text.js';
import '../core/logic-builder/define.js';

export interface InspectorContext {
  readonly locale: Locale;
  readonly schema: JsonSchema;
  readonly path: FieldPath;
  /** Replaces the schema (one undo step). */
  commit(schema: JsonSchema): void;
}

const FORMATS = ['', 'email', 'uri', 'date', 'date-time', 'uscc', 'cn-region', 'cn-mobile'];

const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : String(v));

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** A typed default from what was typed, by kind. */
function typedDefault(kind: FieldKind, text: string): unknown {
  if (text === '') return undefined;
  if (kind === 'number' || kind === 'integer') return numberOrUndefined(text);
  if (kind === 'boolean') return text === 'true';
  return text;
}

export function renderInspector(c: InspectorContext): TemplateResult {
  const L = c.locale;
  const node = fieldAt(c.schema, c.path);
  if (!node || c.path.length === 0) return html`<p class="hint">${t(L, 'noField')}</p>`;
  const kind = kindOf(node);
  const id = `f-${c.path.join('-')}`;
  const set = (patch: Record<string, unknown>) => c.commit(setKeywords(c.schema, c.path, patch));
  const text = (label: EditorKey, keyword: string, opts: { area?: boolean } = {}) => {
    const value = str(node[keyword]);
    const onChange = (e: Event) => set({ [keyword]: (e.target as HTMLInputElement | HTMLTextAreaElement).value });
    return html`<label class="stack" for=${`${id}-${keyword}`}>${t(L, label)}</label>
      ${opts.area
        ? html`<textarea id=${`${id}-${keyword}`} part="control" rows="2" .value=${value} @change=${onChange}></textarea>`
        : html`<input id=${`${id}-${keyword}`} part="control" .value=${value} @change=${onChange} />`}`;
  };
  const num = (label: EditorKey, keyword: string) => html`<label class="stack" for=${`${id}-${keyword}`}>${t(L, label)}</label>
    <input id=${`${id}-${keyword}`} part="control" type="number" step="any" .value=${str(node[keyword])}
      @change=${(e: Event) => set({ [keyword]: numberOrUndefined((e.target as HTMLInputElement).value) })} />`;
  const isNumeric = kind === 'number' || kind === 'integer';
  const isText = kind === 'string' || kind === 'textarea';
  const fields = leafFields(c.schema).filter((f) => f.path !== c.path.join('.'));
  return html`<div class="inspector" part="inspector">
    <h3>${str(node.title) || c.path[c.path.length - 1]} <code>${c.path.join('.')}</code></h3>
    <div class="grid">
      <label class="stack" for=${`${id}-kind`}>${t(L, 'fieldKind')}</label>
      <select id=${`${id}-kind`} part="control" @change=${(e: Event) =>
        c.commit(setKind(c.schema, c.path, (e.target as HTMLSelectElement).value as FieldKind))}>
        ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(L, `kind_${k}` as EditorKey)}</option>`)}
      </select>
      ${text('title', 'title')} ${text('titleEn', 'x-title-en')}
      <span></span>
      <label class="check"><input type="checkbox" part="control" .checked=${isRequired(c.schema, c.path)}
        @change=${(e: Event) => c.commit(setRequired(c.schema, c.path, (e.target as HTMLInputElement).checked))} />
        ${t(L, 'required')}</label>
      ${text('description', 'description', { area: true })} ${text('descriptionEn', 'x-description-en', { area: true })}
      ${text('help', 'x-help', { area: true })} ${text('helpEn', 'x-help-en', { area: true })}
      ${kind !== 'object' && kind !== 'boolean' ? text('placeholder', 'x-placeholder') : nothing}
      ${isNumeric ? html`${num('minimum', 'minimum')} ${num('maximum', 'maximum')}` : nothing}
      ${isText ? html`${num('minLength', 'minLength')} ${num('maxLength', 'maxLength')} ${text('pattern', 'pattern')}` : nothing}
      ${kind === 'string'
        ? html`<label class="stack" for=${`${id}-format`}>${t(L, 'format')}</label>
            <select id=${`${id}-format`} part="control" @change=${(e: Event) => set({ format: (e.target as HTMLSelectElement).value })}>
              ${FORMATS.map((f) => html`<option value=${f} ?selected=${f === str(node.format)}>${f || t(L, 'formatNone')}</option>`)}
            </select>`
        : nothing}
      ${kind !== 'object' && kind !== 'multiselect' ? renderDefault(c, id, kind, node, (v) => set({ default: v })) : nothing}
      ${c.path.length === 1 ? renderGroupSelect(c, id, node, (v) => set({ 'x-group': v })) : nothing}
    </div>
    ${kind === 'select' || kind === 'multiselect' ? renderOptions(c, optionsOf(node)) : nothing}
    ${kind !== 'object'
      ? html`<azx-logic-builder
            lang=${L}
            mode="condition"
            label=${t(L, 'visibility')}
            .fields=${fields}
            .logic=${node['x-visible']}
            @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => set({ 'x-visible': e.detail.logic })}
          ></azx-logic-builder>
          <p class="hint">${t(L, 'visibilityHint')}</p>
          ${isNumeric
            ? html`<azx-logic-builder
                  lang=${L}
                  mode="formula"
                  label=${t(L, 'compute')}
                  .fields=${fields.filter((f) => f.kind === 'number' || f.kind === 'integer')}
                  .logic=${node['x-compute']}
                  @azx-logic-change=${(e: CustomEvent<{ logic: unknown }>) => set({ 'x-compute': e.detail.logic })}
                ></azx-logic-builder>
                <p class="hint">${t(L, 'computeHint')}</p>`
            : nothing}`
      : nothing}
  </div>`;
}

function renderDefault(c: InspectorContext, id: string, kind: FieldKind, node: JsonSchema, commit: (v: unknown) => void): TemplateResult {
  const L = c.locale;
  const label = html`<label class="stack" for=${`${id}-default`}>${t(L, 'default')}</label>`;
  if (kind === 'boolean') {
    return html`${label}<select id=${`${id}-default`} part="control" @change=${(e: Event) => commit(typedDefault(kind, (e.target as HTMLSelectElement).value))}>
      <option value="" ?selected=${node.default === undefined}>—</option>
      <option value="true" ?selected=${node.default === true}>true</option>
      <option value="false" ?selected=${node.default === false}>false</option>
    </select>`;
  }
  if (kind === 'select') {
    return html`${label}<select id=${`${id}-default`} part="control" @change=${(e: Event) => commit(typedDefault(kind, (e.target as HTMLSelectElement).value))}>
      <option value="" ?selected=${node.default === undefined}>—</option>
      ${optionsOf(node).map((o) => html`<option value=${o.value} ?selected=${node.default === o.value}>${o.zh || o.value}</option>`)}
    </select>`;
  }
  return html`${label}<input id=${`${id}-default`} part="control" type=${kind === 'number' || kind === 'integer' ? 'number' : kind === 'date' ? 'date' : 'text'}
    step="any" .value=${str(node.default)} @change=${(e: Event) => commit(typedDefault(kind, (e.target as HTMLInputElement).value))} />`;
}

function renderGroupSelect(c: InspectorContext, id: string, node: JsonSchema, commit: (v: string) => void): TemplateResult {
  const L = c.locale;
  const current = str(node['x-group']);
  return html`<label class="stack" for=${`${id}-group`}>${t(L, 'group')}</label>
    <select id=${`${id}-group`} part="control" @change=${(e: Event) => commit((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${current === ''}>${t(L, 'noGroup')}</option>
      ${groupsOf(c.schema).map((g) => html`<option value=${g.key} ?selected=${g.key === current}>${(isEnglish(L) && g.en) || g.zh || g.key}</option>`)}
    </select>`;
}

function renderOptions(c: InspectorContext, options: FieldOption[]): TemplateResult {
  const L = c.locale;
  const commit = (next: FieldOption[]) => c.commit(setOptions(c.schema, c.path, next));
  const edit = (i: number, patch: Partial<FieldOption>) => commit(options.map((o, k) => (k === i ? { ...o, ...patch } : o)));
  return html`<fieldset class="options">
    <legend>${t(L, 'options')}</legend>
    <div class="table-wrap"><table>
      <thead><tr><th>${t(L, 'optionValue')}</th><th>${t(L, 'optionZh')}</th><th>${t(L, 'optionEn')}</th><th>${t(L, 'actions')}</th></tr></thead>
      <tbody>
        ${options.map(
          (o, i) => html`<tr>
            <td><input part="control" aria-label=${`${t(L, 'optionValue')} ${i + 1}`} .value=${o.value}
              @change=${(e: Event) => edit(i, { value: (e.target as HTMLInputElement).value })} /></td>
            <td><input part="control" aria-label=${`${t(L, 'optionZh')} ${i + 1}`} .value=${o.zh}
              @change=${(e: Event) => edit(i, { zh: (e.target as HTMLInputElement).value })} /></td>
            <td><input part="control" aria-label=${`${t(L, 'optionEn')} ${i + 1}`} .value=${o.en}
              @change=${(e: Event) => edit(i, { en: (e.target as HTMLInputElement).value })} /></td>
            <td><button type="button" part="button" aria-label=${t(L, 'removeOption', { n: i + 1 })}
              @click=${() => commit(options.filter((_, k) => k !== i))}>✕</button></td>
          </tr>`,
        )}
      </tbody>
    </table></div>
    <button type="button" part="button" @click=${() => commit([...options, { value: `option_${options.length + 1}`, zh: '', en: '' }])}>
      ${t(L, 'addOption')}
    </button>
  </fieldset>`;
}
