// An array as a table: one row per item, one column per property of object
// items (or a single column for primitives), with add, remove and reorder.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fieldId, type FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { applyDefaults, orderedProperties, primaryType, schemaText, type JsonSchema } from '../schema.js';
import { deref } from '../conditional.js';

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
  return type === 'string' ? '' : undefined;
}

function render(f: FieldContext) {
  // items named by $ref (shared row shapes) are resolved once, for the columns and new rows
  const items = deref(f.schema.items!, f.root);
  const list = Array.isArray(f.value) ? f.value : [];
  const cols = columns(f, items);
  const requiredKeys = new Set(items.required ?? []);
  const editable = !f.display && !f.readOnly && !f.disabled;
  const canAdd = editable && (f.schema.maxItems === undefined || list.length < f.schema.maxItems);
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
    f.change([...list, newItem(items, f.root)]);
    const first = cols[0];
    if (first) f.focusAfterUpdate(fieldId(cellPointer(list.length, first.key)));
  };

  return html`<div
    class="array ${f.invalid ? 'invalid' : ''}"
    part="array"
    data-pointer=${f.pointer}
  >
    <table id=${f.id} tabindex="-1" part="table" aria-describedby=${ifDefined(f.describedBy)}>
      <caption part="legend">${f.label}${f.required && !f.display
        ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>`
        : nothing}</caption>
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
                <th scope="row" class="row-number">${i + 1}</th>
                ${cols.map(
                  (c) => html`<td>${f.renderChild(cellPointer(i, c.key), c.schema, {
                    compact: true,
                    required: c.key !== undefined && requiredKeys.has(c.key),
                  })}</td>`,
                )}
                ${editable
                  ? html`<td class="row-actions">
                      <button type="button" part="button" id=${`${f.id}-up-${i}`} ?disabled=${i === 0}
                        aria-label=${f.t('moveUp', { n: i + 1 })} @click=${() => move(i, i - 1)}>↑</button>
                      <button type="button" part="button" id=${`${f.id}-down-${i}`} ?disabled=${i === list.length - 1}
                        aria-label=${f.t('moveDown', { n: i + 1 })} @click=${() => move(i, i + 1)}>↓</button>
                      <button type="button" part="button remove" ?disabled=${!canRemove}
                        aria-label=${f.t('removeRow', { n: i + 1 })} @click=${() => remove(i)}>✕</button>
                    </td>`
                  : nothing}
              </tr>`,
            )}
      </tbody>
    </table>
    ${editable
      ? html`<button type="button" part="button add" id=${`${f.id}-add`} ?disabled=${!canAdd} @click=${add}>
          ${f.t('addRow')}
        </button>`
      : nothing}
    ${f.help ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${f.invalid ? html`<p id=${f.errorId} class="error" part="error">${f.errors.join('；')}</p>` : nothing}
  </div>`;
}

export const arrayRenderer: RendererEntry = {
  name: 'array',
  tester: rankWith(1, (s) => primaryType(s) === 'array' && typeof s.items === 'object'),
  render,
};
