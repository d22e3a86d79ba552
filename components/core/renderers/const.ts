// A fixed value (`const`, or `type: "null"`): a box that puts the value in or leaves it out.
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { equal } from '../interpreter/equal.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { valueText, type JsonSchema } from '../schema.js';
import { displayShell, fieldShell } from './shell.js';

const fixed = (s: JsonSchema): unknown => ('const' in s ? s.const : null);

function render(f: FieldContext) {
  const value = fixed(f.schema);
  const text = valueText(value, f.locale);
  const present = f.value !== undefined;
  const on = present && equal(f.value, value);
  if (f.display) return displayShell(f, present ? valueText(f.value, f.locale) : '');
  return fieldShell(
    f,
    html`<span class="const">
      <input id=${f.id} part="control checkbox" type="checkbox" .checked=${on} ?disabled=${f.disabled || f.readOnly}
        aria-invalid=${f.invalid ? 'true' : 'false'} aria-describedby=${ifDefined(f.describedBy)}
        @change=${(e: Event) => f.change((e.target as HTMLInputElement).checked ? structuredClone(value) : undefined)} />
      <span part="value">${present && !on ? `${valueText(f.value, f.locale)} → ${text}` : text}</span>
    </span>`,
  );
}

export const constRenderer: RendererEntry = {
  name: 'const',
  tester: rankWith(4, (s) => 'const' in s || s.type === 'null'),
  render,
};
