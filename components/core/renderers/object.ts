// A nested object as a fieldset with a legend; the root object as the form's field list.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { isType, rankWith, type RendererEntry } from '../registry.js';
import { orderedProperties } from '../schema.js';

function render(f: FieldContext) {
  const required = new Set(f.schema.required ?? []);
  const children = orderedProperties(f.schema).map(([key, sub]) =>
    f.renderChild(childPointer(f.pointer, key), sub, { required: required.has(key) }),
  );
  if (f.pointer === '') return html`<div class="fields" part="fields">${children}</div>`;
  return html`<fieldset
    id=${f.id}
    tabindex="-1"
    class="group ${f.invalid ? 'invalid' : ''}"
    part="group"
    data-pointer=${f.pointer}
    aria-describedby=${ifDefined(f.describedBy)}
  >
    <legend part="legend">${f.label}</legend>
    ${f.help ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${children}
    ${f.invalid ? html`<p id=${f.errorId} class="error" part="error">${f.errors.join('；')}</p>` : nothing}
  </fieldset>`;
}

export const objectRenderer: RendererEntry = {
  name: 'object',
  tester: rankWith(1, isType('object')),
  render,
};
