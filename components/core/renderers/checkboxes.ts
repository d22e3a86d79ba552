// Several choices from a fixed list: an array of enum items (`uniqueItems`, or x-widget
// "checkboxes") as a group of checkboxes in a fieldset.
import { html, nothing } from 'lit';
import type { FieldContext } from '../field.js';
import { rankWith, type RendererEntry } from '../registry.js';
import { deref } from '../conditional.js';
import { equal } from '../interpreter/equal.js';
import { enumOptions, type JsonSchema } from '../schema.js';
import { displayShell, errorText } from './shell.js';

/** The item schema, with a `$ref` to `#/$defs/...` followed (a shared list of codes). */
function itemsOf(schema: JsonSchema, root: JsonSchema): JsonSchema | undefined {
  const items = schema.items;
  return items && typeof items === 'object' && !Array.isArray(items) ? deref(items as JsonSchema, root) : undefined;
}

function render(f: FieldContext) {
  const items = itemsOf(f.schema, f.root)!;
  const options = enumOptions(items, f.locale) ?? [];
  const chosen = Array.isArray(f.value) ? (f.value as unknown[]) : [];
  if (f.display) {
    return displayShell(f, options.filter((o) => chosen.some((c) => equal(c, o.value))).map((o) => o.label).join('、'));
  }
  // Read from the boxes themselves: two clicks can come before the form re-renders. Kept in
  // the options' order, so the stored list does not depend on click order.
  const toggle = (e: Event) => {
    const boxes = (e.target as HTMLElement).closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
    const next = options.filter((_, i) => boxes[i]?.checked).map((o) => o.value);
    f.change(next.length ? next : undefined);
  };
  return html`<fieldset
    class="field checkboxes ${f.invalid ? 'invalid' : ''}"
    part="field group"
    data-pointer=${f.pointer}
    aria-describedby=${f.describedBy ?? nothing}
    aria-invalid=${f.invalid ? 'true' : 'false'}
  >
    <legend part="label legend" class=${f.compact ? 'visually-hidden' : 'label'}>
      ${f.label}${f.required ? html`<span class="required-mark" part="required-mark" aria-hidden="true">*</span>` : nothing}
    </legend>
    ${options.map(
      (o, i) => html`<label class="option">
        <input
          id=${i === 0 ? f.id : `${f.id}-${i}`}
          part="control checkbox"
          type="checkbox"
          .checked=${chosen.some((c) => equal(c, o.value))}
          ?disabled=${f.disabled || f.readOnly}
          @change=${toggle}
        />
        ${o.label}
      </label>`,
    )}
    ${f.help && !f.compact ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${errorText(f)}
  </fieldset>`;
}

export const checkboxesRenderer: RendererEntry = {
  name: 'checkboxes',
  // Above the table of the array renderer: a list of choices is not a table of rows.
  tester: rankWith(5, (s, context) => {
    const items = itemsOf(s, context.root);
    if (!items || enumOptions(items, 'zh-CN') === undefined) return false;
    return s['x-widget'] === 'checkboxes' || s.uniqueItems === true;
  }),
  render,
};
