// A tuple (prefixItems, or an array under items in draft-07 and 2019-09): one labelled place per
// position, in order; the next position can be added and the last removed, as far as minItems and
// what may follow the positions (items, additionalItems) allow.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { schemaText, type JsonSchema } from '../schema.js';
import { blankValue, tupleOf } from '../shape.js';
import { errorText } from './shell.js';

/** A position that may hold anything (`true`, or no schema). */
const ANY: JsonSchema = {};

function render(f: FieldContext) {
  const { positions, rest } = tupleOf(f.schema)!;
  const list = Array.isArray(f.value) ? f.value : [];
  const schemaOf = (i: number): JsonSchema => {
    const s = i < positions.length ? positions[i] : rest;
    return (typeof s === 'object' && s !== null ? s : ANY) as JsonSchema;
  };
  const editable = !f.display && !f.readOnly && !f.disabled;
  const max = Math.min(f.schema.maxItems ?? Infinity, rest === false ? positions.length : Infinity);
  const canAdd = editable && list.length < max;
  const canRemove = editable && list.length > (f.schema.minItems ?? 0);
  const label = (i: number) => schemaText(schemaOf(i), 'title', f.locale) ?? f.t('item', { n: i + 1 });
  return html`<fieldset id=${f.id} tabindex="-1" class="group tuple ${f.invalid ? 'invalid' : ''}" part="group tuple"
    data-pointer=${f.pointer} aria-describedby=${ifDefined(f.describedBy)}>
    <legend part="legend">${f.label}</legend>
    ${f.help && !f.compact ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${list.map((_, i) => html`<div class="position" part="position">
      <span class="position-label" aria-hidden="true">${label(i)}</span>
      ${f.renderChild(childPointer(f.pointer, i), schemaOf(i), { compact: true })}
    </div>`)}
    ${editable
      ? html`<div class="row-actions">
          <button type="button" part="button add" ?disabled=${!canAdd}
            @click=${() => f.change([...list, blankValue(schemaOf(list.length), f.root)])}>${f.t('addItem', { n: list.length + 1 })}</button>
          <button type="button" part="button remove" ?disabled=${!canRemove || list.length === 0}
            @click=${() => f.change(list.slice(0, -1))}>${f.t('removeItem', { n: list.length })}</button>
        </div>`
      : nothing}
    ${errorText(f)}
  </fieldset>`;
}

export const tupleRenderer: RendererEntry = {
  name: 'tuple',
  tester: rankWith(2, (s) => tupleOf(s) !== undefined),
  render,
};
