// Numbers and integers.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { isType, rankWith, type RendererEntry } from '../registry.js';
import { primaryType } from '../schema.js';
import { displayShell, fieldShell } from './shell.js';

/** An empty box removes the value; a half-typed number stays absent until it parses. */
function parse(el: HTMLInputElement): number | undefined {
  return el.value === '' || Number.isNaN(el.valueAsNumber) ? undefined : el.valueAsNumber;
}

function render(f: FieldContext) {
  const text = typeof f.value === 'number' ? String(f.value) : '';
  if (f.display) return displayShell(f, typeof f.value === 'number' ? f.value.toLocaleString(f.locale) : '');
  const integer = primaryType(f.schema) === 'integer';
  return fieldShell(
    f,
    html`<input
      id=${f.id}
      part="control input"
      type=${f.schema['x-widget'] === 'range' ? 'range' : 'number'}
      inputmode=${integer ? 'numeric' : 'decimal'}
      step=${ifDefined(f.schema.multipleOf ?? (integer ? 1 : 'any'))}
      min=${ifDefined(f.schema.minimum)}
      max=${ifDefined(f.schema.maximum)}
      .value=${text}
      placeholder=${ifDefined(f.placeholder)}
      ?required=${f.required}
      ?readonly=${f.readOnly}
      ?disabled=${f.disabled}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(f.describedBy)}
      @input=${(e: Event) => f.input(parse(e.target as HTMLInputElement))}
      @change=${(e: Event) => f.change(parse(e.target as HTMLInputElement))}
    />`,
  );
}

export const numberRenderer: RendererEntry = {
  name: 'number',
  tester: rankWith(1, (s, c) => isType('number')(s, c) || isType('integer')(s, c)),
  render,
};
