// A choice from a fixed list: `enum`, or `oneOf`/`anyOf` of `const` + title (labelled options).
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { isEnum, rankWith, type RendererEntry } from '../registry.js';
import { equal } from '../interpreter/equal.js';
import { enumOptions } from '../schema.js';
import { displayShell, errorText, fieldShell } from './shell.js';

function render(f: FieldContext) {
  const options = enumOptions(f.schema, f.locale) ?? [];
  // Options are addressed by index so non-string values (numbers, booleans) survive.
  const selected = options.findIndex((o) => equal(o.value, f.value));
  if (f.display) return displayShell(f, selected >= 0 ? options[selected]!.label : '');
  const pick = (e: Event) => {
    const i = Number((e.target as HTMLSelectElement).value);
    return i >= 0 ? options[i]!.value : undefined;
  };
  // x-widget "radio": every option in sight, one radio button each
  if (f.schema['x-widget'] === 'radio') {
    return html`<fieldset class="field checkboxes ${f.invalid ? 'invalid' : ''}" part="field group" data-pointer=${f.pointer}
      aria-describedby=${ifDefined(f.describedBy)} aria-invalid=${f.invalid ? 'true' : 'false'}>
      <legend part="label legend" class=${f.compact ? 'visually-hidden' : 'label'}>${f.label}</legend>
      ${options.map((o, i) => html`<label class="option"><input id=${i === 0 ? f.id : `${f.id}-${i}`} part="control radio" type="radio"
        name=${f.id} value=${i} .checked=${i === selected} ?disabled=${f.disabled || f.readOnly} @change=${(e: Event) => f.change(pick(e))} />${o.label}</label>`)}
      ${errorText(f)}
    </fieldset>`;
  }
  return fieldShell(
    f,
    html`<select
      id=${f.id}
      part="control select"
      ?required=${f.required}
      ?disabled=${f.disabled || f.readOnly}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(f.describedBy)}
      @input=${(e: Event) => f.input(pick(e))}
      @change=${(e: Event) => f.change(pick(e))}
    >
      <option value="-1" ?selected=${selected < 0}>${f.placeholder ?? f.t('choose')}</option>
      ${options.map((o, i) => html`<option value=${i} ?selected=${i === selected}>${o.label}</option>`)}
    </select>`,
  );
}

export const enumRenderer: RendererEntry = {
  name: 'enum',
  tester: rankWith(3, isEnum),
  render,
};
