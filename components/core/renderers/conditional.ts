// Nodes whose shape follows their value ($ref, allOf, if/then/else, dependentSchemas,
// dependentRequired, oneOf/anyOf of objects): resolved against the current value and handed to
// the ordinary renderers. A choice without a discriminator gets its own select of branches.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { chosenBranch, deref, discriminator, effectiveSchema, isConditional, objectBranches, pickBranch } from '../conditional.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { branchLabel } from '../shape.js';
import { schemaText, type JsonSchema } from '../schema.js';

type Obj = Record<string, unknown>;

function branchSelect(f: FieldContext, node: JsonSchema, branches: JsonSchema[]): unknown {
  const chosen = chosenBranch(branches, f.value, f.root);
  const labels = branches.map((b, i) => branchLabel({ ...deref(b, f.root), $ref: b.$ref }, i, f.locale));
  const title = schemaText(node, 'title', f.locale) ?? f.label;
  if (f.display) {
    return html`<div class="field display" part="field choice">
      <span class="label" part="label">${title}</span><span class="value" part="value">${labels[chosen]}</span>
    </div>`;
  }
  const id = `${f.id}-choice`;
  const pick = (e: Event) => {
    const i = Number((e.target as HTMLSelectElement).value);
    pickBranch(branches, i);
    // only what the branches share stays; the new branch starts empty
    const keep = new Set(Object.keys(node.properties ?? {}));
    const v = (f.value && typeof f.value === 'object' ? f.value : {}) as Obj;
    f.change(Object.fromEntries(Object.entries(v).filter(([k]) => keep.has(k))));
  };
  return html`<div class="field" part="field choice">
    <label for=${id} part="label" class="label">${title}</label>
    <select id=${id} part="control select choice" ?disabled=${f.disabled || f.readOnly}
      aria-describedby=${ifDefined(f.describedBy)} @change=${pick}>
      ${labels.map((l, i) => html`<option value=${i} ?selected=${i === chosen}>${l}</option>`)}
    </select>
  </div>`;
}

function render(f: FieldContext) {
  const node = deref(f.schema, f.root);
  const effective = effectiveSchema(f.schema, f.value, f.root);
  const branches = objectBranches(node);
  const select = branches && discriminator(branches, f.root) === undefined ? branchSelect(f, node, branches) : nothing;
  return html`${select}${f.renderChild(f.pointer, effective, { required: f.required, compact: f.compact })}`;
}

export const conditionalRenderer: RendererEntry = {
  name: 'conditional',
  // above every built-in (they rank 1 to 3): the node is resolved first, then drawn by them
  tester: rankWith(5, (s) => isConditional(s)),
  render,
};
