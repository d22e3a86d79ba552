// The keys of an object that the user names (a map: patternProperties, additionalProperties, or
// an object with no declared properties): one row per key, its name editable, its value drawn by
// the ordinary renderers; a name field and a button to add one. Names are checked by the schema
// (propertyNames, patternProperties), whose errors show at their row.
import { html, nothing } from 'lit';
import { fieldId, type FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { blankValue, freeKeySchema } from '../shape.js';

type Obj = Record<string, unknown>;

/** The rows of the keys not declared in `properties`, and the way to add one. */
export function freeKeys(f: FieldContext): unknown {
  const value = (f.value && typeof f.value === 'object' && !Array.isArray(f.value) ? f.value : {}) as Obj;
  const declared = f.schema.properties ?? {};
  const keys = Object.keys(value).filter((k) => !(k in declared));
  const editable = !f.display && !f.readOnly && !f.disabled;
  // a renamed key keeps its place
  const rename = (from: string, input: HTMLInputElement) => {
    const to = input.value;
    if (to === from) return;
    if (to === '' || to in value) {
      input.value = from;
      return;
    }
    f.change(Object.fromEntries(Object.entries(value).map(([k, v]) => [k === from ? to : k, v])));
    // Leaving the key by Tab moves the focus to the row's value; a new name may take another
    // schema, so the render replaces that control and Chromium drops the focus to the page.
    // It is put on the new control then, never taken from wherever else the user went.
    const control = fieldId(childPointer(f.pointer, to));
    const root = input.getRootNode() as Document | ShadowRoot;
    if (root.activeElement === null) {
      setTimeout(() => {
        if (document.activeElement === document.body || document.activeElement === null) root.getElementById(control)?.focus();
      });
    }
  };
  const add = (input: HTMLInputElement) => {
    const key = input.value;
    if (key === '' || key in value) {
      input.focus();
      return;
    }
    input.value = '';
    f.change({ ...value, [key]: blankValue(freeKeySchema(f.schema, key), f.root) });
    f.focusAfterUpdate(`${f.id}-key-${keys.length}`);
  };
  return html`<div class="map" part="map">
    ${keys.map(
      (k, i) => html`<div class="entry" part="entry">
        ${editable
          ? html`<input id=${`${f.id}-key-${i}`} class="key" part="control input key" aria-label=${f.t('keyOf', { n: i + 1 })} .value=${k}
              @change=${(e: Event) => rename(k, e.target as HTMLInputElement)} />`
          : html`<span class="key" part="value key">${k}</span>`}
        ${f.renderChild(childPointer(f.pointer, k), freeKeySchema(f.schema, k), { compact: true })}
        ${editable
          ? html`<button type="button" part="button remove" aria-label=${f.t('removeKey', { name: k })}
              @click=${() => f.change(Object.fromEntries(Object.entries(value).filter(([x]) => x !== k)))}>✕</button>`
          : nothing}
      </div>`,
    )}
    ${editable
      ? html`<div class="entry add" part="entry">
          <input id=${`${f.id}-new-key`} class="key" part="control input key" placeholder=${f.t('newKey')} aria-label=${f.t('newKey')}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Enter' || e.isComposing) return;
              // Enter adds the key instead of submitting the form
              e.preventDefault();
              e.stopPropagation();
              add(e.target as HTMLInputElement);
            }} />
          <button type="button" part="button add" @click=${(e: Event) => add((e.target as HTMLElement).previousElementSibling as HTMLInputElement)}>${f.t('addKey')}</button>
        </div>`
      : nothing}
  </div>`;
}
