// A value that may take several shapes (anyOf/oneOf of scalars, arrays or mixed branches, a type
// array, a node with no type): a choice of branch, guessed from the value, and the branch drawn
// by the ordinary renderers below it. Choosing another branch starts it from its first value.
import { html, nothing } from 'lit';
import type { FieldContext } from '../field.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { blankValue, branchLabel, pickUnionBranch, unionBranch, unionBranches } from '../shape.js';
import { matcher } from '../validator.js';

function render(f: FieldContext) {
  const branches = unionBranches(f.schema, f.root)!;
  const chosen = unionBranch(branches, f.value, f.pointer, (b) => matcher(b, f.root)(f.value));
  const labels = branches.map((b, i) => branchLabel(b, i, f.locale));
  // the branch at the same pointer: its control carries the field's id, errors and value
  const child = f.renderChild(f.pointer, branches[chosen]!, { required: f.required, compact: f.compact || !f.display });
  if (f.display) return child;
  const id = `${f.id}-choice`;
  const pick = (e: Event) => {
    const i = Number((e.target as HTMLSelectElement).value);
    pickUnionBranch(branches, f.pointer, i);
    // a text or number starts absent (its box empty); a group, list, yes/no or fixed value starts as one
    const first = blankValue(branches[i], f.root);
    f.change(first === '' || (typeof first === 'number' && !('const' in branches[i]!)) ? undefined : first);
  };
  const mark = f.required ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>` : nothing;
  return html`<div class="field union ${f.compact ? 'compact' : ''}" part="field union">
    ${f.pointer === ''
      ? // the record itself: its title heads the form, as an object's does
        f.label ? html`<h2 class="form-title" part="title">${f.label}</h2>` : nothing
      : html`<label for=${id} part="label" class=${f.compact ? 'visually-hidden' : 'label'}>${f.label}${mark}</label>`}
    <div class="union-body">
      <select id=${id} part="control select choice" aria-label=${f.t('kind', { field: f.label })} ?disabled=${f.disabled || f.readOnly} @change=${pick}>
        ${labels.map((l, i) => html`<option value=${i} ?selected=${i === chosen}>${l}</option>`)}
      </select>
      ${child}
    </div>
    ${f.help && !f.compact ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
  </div>`;
}

export const unionRenderer: RendererEntry = {
  name: 'union',
  // above the type renderers and the enum (3), below conditional (5), which resolves $ref first
  tester: rankWith(4, (s, c) => unionBranches(s, c.root) !== undefined),
  render,
};
