// An array as a table: one row per item, one column per property of object items (or a single
// column for primitives), with add, remove and reorder; a tuple (prefixItems, draft-07's items
// array) one row per position, labelled by its title, adding the next and removing the last. Items a cell cannot hold (nested arrays
// and groups, maps, unions of shapes, rows whose fields follow their values) are a list instead:
// one disclosure per item, its summary in the title, the whole item form inside (master/detail).
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fieldId, type FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { errorText } from './shell.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { applyDefaults, enumOptions, orderedProperties, primaryType, schemaText, valueText, type JsonSchema } from '../schema.js';
import { deref, isConditional } from '../conditional.js';
import { blankValue, tupleOf, unionBranches } from '../shape.js';

function columns(f: FieldContext, items: JsonSchema): { key: string | undefined; schema: JsonSchema; title: string }[] {
  if (primaryType(items) === 'object' && items.properties) {
    return orderedProperties(items).map(([key, schema]) => ({ key, schema, title: schemaText(schema, 'title', f.locale) ?? key }));
  }
  return [{ key: undefined, schema: items, title: schemaText(items, 'title', f.locale) ?? f.label }];
}

/**
 * A new row: the schema's defaults, and for object rows an unticked yes/no as false (a checkbox
 * cannot say "not answered", so a required one would otherwise be reported missing).
 */
function newItem(items: JsonSchema, root: JsonSchema): unknown {
  const filled = applyDefaults(items, undefined);
  const type = primaryType(items);
  if (type === 'object') {
    const row: Record<string, unknown> = { ...((filled as Record<string, unknown> | undefined) ?? {}) };
    for (const [key, prop] of orderedProperties(items)) {
      if (row[key] === undefined && primaryType(deref(prop, root)) === 'boolean') row[key] = false;
    }
    return row;
  }
  if (filled !== undefined) return filled;
  return type === 'string' ? '' : type === 'number' || type === 'integer' ? undefined : blankValue(items, root);
}

/** Items of any kind (no `items`, or `true`). */
const ANY: JsonSchema = {};

/** Whether a node fits a table cell: one control, not a group, list, map or choice of shapes. */
function cellable(s: unknown, root: JsonSchema): boolean {
  if (typeof s !== 'object' || s === null) return false;
  const n = deref(s as JsonSchema, root);
  if (n['x-widget'] || enumOptions(n, 'zh-CN') || 'const' in n) return true;
  if (isConditional(n) || tupleOf(n)) return false;
  const branches = unionBranches(n, root);
  if (branches) return branches.every((b) => cellable(b, root));
  return ['string', 'number', 'integer', 'boolean', 'null'].includes(primaryType(n) ?? '');
}

/** Table, unless an item or one of its fields would need a table or group of its own. */
function isTable(f: FieldContext, items: JsonSchema): boolean {
  const widget = f.schema['x-widget'];
  if (widget === 'table' || widget === 'list') return widget === 'table';
  if (primaryType(items) === 'object' && items.properties) {
    // free keys (a map beside the fields) have no column
    const free = items.patternProperties !== undefined || (typeof items.additionalProperties === 'object' && items.additionalProperties !== null);
    return !free && !isConditional(items) && Object.values(items.properties).every((p) => cellable(p, f.root));
  }
  return cellable(items, f.root);
}

/** An item in a few words, for its summary line: the first few filled values. */
function summary(f: FieldContext, item: unknown): string {
  if (item !== null && typeof item === 'object') {
    const parts = (Array.isArray(item) ? item : Object.values(item)).filter((v) => v !== null && typeof v !== 'object' && v !== '');
    return parts.length ? parts.slice(0, 3).map(String).join(' · ') : Array.isArray(item) ? f.t('item', { n: item.length }) : f.t('blank');
  }
  return item === undefined || item === '' ? f.t('blank') : valueText(item, f.locale);
}

const schemaOf = (s: unknown, root: JsonSchema): JsonSchema => (typeof s === 'object' && s !== null ? deref(s as JsonSchema, root) : ANY);

function render(f: FieldContext) {
  // a tuple (prefixItems, draft-07's items array): each position its own schema, then `rest`
  const tuple = tupleOf(f.schema);
  const rest = tuple ? tuple.rest : f.schema.items;
  // items named by $ref (shared row shapes) are resolved once, for the columns and new rows
  const items = schemaOf(rest, f.root);
  const itemAt = (i: number): JsonSchema => (tuple && i < tuple.positions.length ? schemaOf(tuple.positions[i], f.root) : items);
  const list = Array.isArray(f.value) ? f.value : [];
  const table = tuple ? [...tuple.positions, rest].every((p) => p === false || cellable(p, f.root)) : isTable(f, items);
  const cols = tuple ? [{ key: undefined, schema: items, title: f.label }] : table ? columns(f, items) : [];
  const rowLabel = (i: number) => (tuple ? (schemaText(itemAt(i), 'title', f.locale) ?? f.t('item', { n: i + 1 })) : String(i + 1));
  const requiredKeys = new Set(items.required ?? []);
  const editable = !f.display && !f.readOnly && !f.disabled;
  const max = Math.min(f.schema.maxItems ?? Infinity, rest === false ? (tuple?.positions.length ?? 0) : Infinity);
  const canAdd = editable && list.length < max;
  const canRemove = editable && list.length > (f.schema.minItems ?? 0);
  const rowPointer = (i: number) => childPointer(f.pointer, i);
  const cellPointer = (i: number, key: string | undefined) => (key === undefined ? rowPointer(i) : childPointer(rowPointer(i), key));

  const move = (from: number, to: number) => {
    const next = list.slice();
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    f.change(next);
    f.focusAfterUpdate(`${f.id}-${to > from ? 'down' : 'up'}-${to}`);
  };
  const remove = (i: number) => {
    f.change(list.filter((_, j) => j !== i));
    f.focusAfterUpdate(`${f.id}-add`);
  };
  const add = () => {
    // a tuple's position must hold a value: its first one
    f.change([...list, tuple ? blankValue(itemAt(list.length), f.root) : newItem(items, f.root)]);
    const first = cols[0];
    // in a list, the new item's first field (the form opens the disclosure around what it focuses)
    const key = table ? first?.key : orderedProperties(items)[0]?.[0];
    if (first || !table) f.focusAfterUpdate(fieldId(table ? cellPointer(list.length, key) : key === undefined ? rowPointer(list.length) : childPointer(rowPointer(list.length), key)));
  };

  // a tuple's positions keep their places: only the last one goes
  const actions = (i: number) => tuple
    ? html`<button type="button" part="button remove" ?disabled=${!canRemove || i !== list.length - 1}
        aria-label=${f.t('removeItem', { n: i + 1 })} @click=${() => remove(i)}>✕</button>`
    : html`<button type="button" part="button" id=${`${f.id}-up-${i}`} ?disabled=${i === 0}
      aria-label=${f.t('moveUp', { n: i + 1 })} @click=${() => move(i, i - 1)}>↑</button>
    <button type="button" part="button" id=${`${f.id}-down-${i}`} ?disabled=${i === list.length - 1}
      aria-label=${f.t('moveDown', { n: i + 1 })} @click=${() => move(i, i + 1)}>↓</button>
    <button type="button" part="button remove" ?disabled=${!canRemove}
      aria-label=${f.t('removeRow', { n: i + 1 })} @click=${() => remove(i)}>✕</button>`;
  const required = f.required && !f.display ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>` : nothing;
  const body = table
    ? html`<table id=${f.id} tabindex="-1" part="table" aria-describedby=${ifDefined(f.describedBy)}>
        <caption part="legend" class=${f.compact ? 'visually-hidden' : ''}>${f.label}${required}</caption>
        <thead>
          <tr>
            <th scope="col" class="row-number">#</th>
            ${cols.map((c) => html`<th scope="col">${c.title}</th>`)}
            ${editable ? html`<th scope="col"><span class="visually-hidden">${f.t('actions')}</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${list.length === 0
            ? html`<tr><td class="no-rows" colspan=${cols.length + (editable ? 2 : 1)}>${f.t('noRows')}</td></tr>`
            : list.map(
                (_, i) => html`<tr>
                  <th scope="row" class="row-number">${rowLabel(i)}</th>
                  ${cols.map(
                    (c) => html`<td>${f.renderChild(cellPointer(i, c.key), c.key === undefined ? itemAt(i) : c.schema, {
                      compact: true,
                      required: c.key !== undefined && requiredKeys.has(c.key),
                    })}</td>`,
                  )}
                  ${editable ? html`<td class="row-actions">${actions(i)}</td>` : nothing}
                </tr>`,
              )}
        </tbody>
      </table>`
    : html`<fieldset id=${f.id} tabindex="-1" class="group list ${f.compact ? 'compact' : ''}" part="group list" aria-describedby=${ifDefined(f.describedBy)}>
        <legend part="legend" class=${f.compact ? 'visually-hidden' : ''}>${f.label}${required}</legend>
        ${list.length === 0 ? html`<p class="no-rows">${f.t('noRows')}</p>` : nothing}
        ${list.map(
          (item, i) => html`<details class="item" part="item">
            <summary part="item-summary">${rowLabel(i)}. ${summary(f, item)}</summary>
            ${editable ? html`<div class="row-actions">${actions(i)}</div>` : nothing}
            ${f.renderChild(rowPointer(i), itemAt(i), { compact: true })}
          </details>`,
        )}
      </fieldset>`;

  return html`<div class="array ${f.invalid ? 'invalid' : ''}" part="array" data-pointer=${f.pointer}>
    ${body}
    ${editable
      ? html`<button type="button" part="button add" id=${`${f.id}-add`} ?disabled=${!canAdd} @click=${add}>
          ${f.t('addRow')}
        </button>`
      : nothing}
    ${f.help ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${errorText(f)}
  </div>`;
}

export const arrayRenderer: RendererEntry = {
  name: 'array',
  // no items (or `true`): items of any kind
  tester: rankWith(1, (s) => primaryType(s) === 'array'),
  render,
};
