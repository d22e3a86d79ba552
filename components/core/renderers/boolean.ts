// Yes/no as a checkbox.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { isType, rankWith, type RendererEntry } from '../registry.js';
import { displayShell, errorText } from './shell.js';

function render(f: FieldContext) {
  if (f.display) return displayShell(f, f.value === true ? f.t('yes') : f.value === false ? f.t('no') : '');
  // The label follows the box, as people expect for a checkbox.
  return html`<div class="field checkbox ${f.invalid ? 'invalid' : ''}" part="field" data-pointer=${f.pointer}>
    <input
      id=${f.id}
      part="control checkbox"
      type="checkbox"
      .checked=${f.value === true}
      ?disabled=${f.disabled || f.readOnly}
      aria-invalid=${f.invalid ? 'true' : 'false'}
      aria-describedby=${ifDefined(f.describedBy)}
      @change=${(e: Event) => f.change((e.target as HTMLInputElement).checked)}
    />
    <label for=${f.id} part="label" class=${f.compact ? 'visually-hidden' : 'label'}>${f.label}</label>
    ${f.help && !f.compact ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${errorText(f)}
  </div>`;
}

export const booleanRenderer: RendererEntry = {
  name: 'boolean',
  tester: rankWith(1, isType('boolean')),
  render,
};
