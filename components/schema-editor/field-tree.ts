// The list of fields (a tree through group objects) with move, remove and select buttons,
// the form that adds a field, and the list of groups.
import { isEnglish } from '../core/locale.js';
import { html, nothing, type TemplateResult } from 'lit';
import type { JsonSchema, Locale } from '../core/index.js';
import {
  FIELD_KINDS,
  addField,
  childKeys,
  fieldAt,
  groupsOf,
  keyProblem,
  kindOf,
  moveField,
  removeField,
  setGroups,
  type FieldKind,
  type FieldPath,
} from './model.js';
import { t, type EditorKey } from './ui-text.js';

export interface FieldTreeContext {
  readonly locale: Locale;
  readonly schema: JsonSchema;
  readonly selected: FieldPath;
  /** A problem with the field being added, shown under the form. */
  readonly addProblem: string;
  select(path: FieldPath): void;
  commit(schema: JsonSchema): void;
  setAddProblem(text: string): void;
  /** Focus the name button of this field after the next render (it moved). */
  focusField(path: FieldPath): void;
}

const same = (a: FieldPath, b: FieldPath) => a.length === b.length && a.every((k, i) => k === b[i]);

function title(node: JsonSchema | undefined, key: string): string {
  return typeof node?.title === 'string' && node.title !== '' ? node.title : key;
}

function renderLevel(c: FieldTreeContext, parent: FieldPath): TemplateResult {
  const L = c.locale;
  const node = fieldAt(c.schema, parent);
  const keys = childKeys(node);
  return html`<ul class=${parent.length === 0 ? 'tree' : 'subtree'} role=${parent.length === 0 ? 'list' : nothing}>
    ${keys.map((key, i) => {
      const path = [...parent, key];
      const child = fieldAt(c.schema, path);
      const name = title(child, key);
      const selected = same(path, c.selected);
      return html`<li class="tree-item ${selected ? 'selected' : ''}" data-path=${path.join('.')}>
        <div class="row">
          <button type="button" part="button field-name" class="name" aria-pressed=${selected ? 'true' : 'false'}
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            @click=${() => c.select(path)}
            @keydown=${(e: KeyboardEvent) => {
              // Alt+↑/↓ moves the field, as the ↑/↓ buttons do, and keeps the focus on it
              if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
              e.preventDefault();
              c.commit(moveField(c.schema, path, e.key === 'ArrowUp' ? -1 : 1));
              c.focusField(path);
            }}>
            <span>${name}</span> <code>${key}</code> <small>${t(L, `kind_${kindOf(child ?? {})}` as EditorKey)}</small>
          </button>
          <button type="button" part="button" ?disabled=${i === 0} aria-label=${t(L, 'moveUp', { f: name })}
            @click=${() => c.commit(moveField(c.schema, path, -1))}>↑</button>
          <button type="button" part="button" ?disabled=${i === keys.length - 1} aria-label=${t(L, 'moveDown', { f: name })}
            @click=${() => c.commit(moveField(c.schema, path, 1))}>↓</button>
          <button type="button" part="button" aria-label=${t(L, 'remove', { f: name })} @click=${() => {
            c.commit(removeField(c.schema, path));
            if (same(path, c.selected)) c.select([]);
          }}>✕</button>
        </div>
        ${child && kindOf(child) === 'object' ? renderLevel(c, path) : nothing}
      </li>`;
    })}
  </ul>`;
}

/** Where a new field goes: into the selected group object, else beside the selected field. */
function addTarget(c: FieldTreeContext): FieldPath {
  const node = fieldAt(c.schema, c.selected);
  if (c.selected.length > 0 && node && kindOf(node) === 'object') return c.selected;
  return c.selected.slice(0, -1);
}

function onAdd(c: FieldTreeContext, form: HTMLFormElement): void {
  const data = new FormData(form);
  const key = String(data.get('key') ?? '').trim();
  const kind = String(data.get('kind') ?? 'string') as FieldKind;
  const zh = String(data.get('zh') ?? '').trim();
  const en = String(data.get('en') ?? '').trim();
  const parent = addTarget(c);
  const problem = keyProblem(c.schema, parent, key);
  if (problem) {
    c.setAddProblem(isEnglish(c.locale) ? problem.en : problem.zh);
    form.querySelector<HTMLInputElement>('[name="key"]')?.focus();
    return;
  }
  c.setAddProblem('');
  c.commit(addField(c.schema, parent, key, kind, zh || key, en));
  c.select([...parent, key]);
  form.reset();
}

export function renderFieldTree(c: FieldTreeContext): TemplateResult {
  const L = c.locale;
  const target = addTarget(c);
  const targetName = target.length === 0 ? t(L, 'root') : title(fieldAt(c.schema, target), target[target.length - 1]!);
  return html`<section class="fields" aria-label=${t(L, 'fields')}>
    <h3>${t(L, 'fields')}</h3>
    ${renderLevel(c, [])}
    <form class="add-field" part="add-field" @submit=${(e: Event) => {
      e.preventDefault();
      onAdd(c, e.target as HTMLFormElement);
    }}>
      <fieldset>
        <legend>${t(L, 'addField')}（${t(L, 'addInto')}：${targetName}）</legend>
        <label>${t(L, 'fieldKey')} <input name="key" part="control" required autocomplete="off"
          aria-invalid=${c.addProblem ? 'true' : 'false'} aria-describedby="add-problem" /></label>
        <label>${t(L, 'fieldKind')} <select name="kind" part="control">
          ${FIELD_KINDS.map((k) => html`<option value=${k}>${t(L, `kind_${k}` as EditorKey)}</option>`)}
        </select></label>
        <label>${t(L, 'title')} <input name="zh" part="control" autocomplete="off" /></label>
        <label>${t(L, 'titleEn')} <input name="en" part="control" autocomplete="off" /></label>
        <button type="submit" part="button primary">${t(L, 'addField')}</button>
        <p id="add-problem" class="error" role="alert">${c.addProblem}</p>
      </fieldset>
    </form>
    ${renderGroups(c)}
  </section>`;
}

function renderGroups(c: FieldTreeContext): TemplateResult {
  const L = c.locale;
  const groups = groupsOf(c.schema);
  const edit = (i: number, patch: Partial<(typeof groups)[number]>) =>
    c.commit(setGroups(c.schema, groups.map((g, k) => (k === i ? { ...g, ...patch } : g))));
  return html`<fieldset class="groups">
    <legend>${t(L, 'groups')}</legend>
    <table>
      <thead><tr><th>${t(L, 'groupKey')}</th><th>${t(L, 'title')}</th><th>${t(L, 'titleEn')}</th><th>${t(L, 'actions')}</th></tr></thead>
      <tbody>
        ${groups.map(
          (g, i) => html`<tr>
            <td><code>${g.key}</code></td>
            <td><input part="control" aria-label=${`${t(L, 'title')} ${g.key}`} .value=${g.zh}
              @change=${(e: Event) => edit(i, { zh: (e.target as HTMLInputElement).value })} /></td>
            <td><input part="control" aria-label=${`${t(L, 'titleEn')} ${g.key}`} .value=${g.en}
              @change=${(e: Event) => edit(i, { en: (e.target as HTMLInputElement).value })} /></td>
            <td><button type="button" part="button" aria-label=${t(L, 'remove', { f: g.zh || g.key })}
              @click=${() => c.commit(setGroups(c.schema, groups.filter((_, k) => k !== i)))}>✕</button></td>
          </tr>`,
        )}
      </tbody>
    </table>
    <button type="button" part="button" @click=${() => {
      let n = groups.length + 1;
      while (groups.some((g) => g.key === `group_${n}`)) n++;
      c.commit(setGroups(c.schema, [...groups, { key: `group_${n}`, zh: `分组 ${n}`, en: `Group ${n}` }]));
    }}>${t(L, 'addGroup')}</button>
  </fieldset>`;
}
