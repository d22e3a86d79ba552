// A nested object as a fieldset with a legend; the root object as the form's field list under
// the record's title and description. Keys the user names (a map) follow the declared fields.
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FieldContext } from '../field.js';
import { childPointer } from '../pointer.js';
import { isType, rankWith, type RendererEntry } from '../registry.js';
import { orderedProperties, schemaText, type JsonSchema } from '../schema.js';
import { takesFreeKeys } from '../shape.js';
import { freeKeys } from './map.js';
import { errorText } from './shell.js';

interface Group {
  key: string;
  title?: string;
  [keyword: string]: unknown;
}

/**
 * Children in x-order; properties sharing an `x-group` named in the object's
 * `x-groups` are gathered into one titled section where the first of them falls.
 */
function renderChildren(f: FieldContext): unknown[] {
  const required = new Set(f.schema.required ?? []);
  const child = ([key, sub]: [string, JsonSchema]) =>
    f.renderChild(childPointer(f.pointer, key), sub, { required: required.has(key) });
  const groups = (Array.isArray(f.schema['x-groups']) ? (f.schema['x-groups'] as unknown[]) : []).filter(
    (g): g is Group => typeof g === 'object' && g !== null && typeof (g as Group).key === 'string',
  );
  const props = orderedProperties(f.schema);
  const out: unknown[] = [];
  const placed = new Set<string>();
  for (const prop of props) {
    const group = groups.find((g) => g.key === prop[1]['x-group']);
    if (!group) {
      out.push(child(prop));
      continue;
    }
    if (placed.has(group.key)) continue;
    placed.add(group.key);
    const members = props.filter(([, sub]) => sub['x-group'] === group.key);
    out.push(html`<fieldset class="group section" part="group section">
      <legend part="legend">${schemaText(group, 'title', f.locale) ?? group.key}</legend>
      ${members.map(child)}
    </fieldset>`);
  }
  return out;
}

function render(f: FieldContext) {
  const children = renderChildren(f);
  const free = takesFreeKeys(f.schema) ? freeKeys(f) : nothing;
  if (f.pointer === '') {
    // the record's own title and description head the form (mode="print" has its own header);
    // a branch drawn at the root (a union of the record's shapes) leaves that to the union
    if (f.schema !== f.root) return html`<div class="fields" part="fields">${children}${free}</div>`;
    const title = schemaText(f.schema, 'title', f.locale);
    const description = schemaText(f.schema, 'description', f.locale);
    return html`${title ? html`<h2 class="form-title" part="title">${title}</h2>` : nothing}
      ${description ? html`<p class="form-description help" part="description">${description}</p>` : nothing}
      <div class="fields" part="fields">${children}${free}</div>`;
  }
  // compact: a group inside another control (a union, a list item) that names it already
  return html`<fieldset
    id=${f.id}
    tabindex="-1"
    class="group ${f.invalid ? 'invalid' : ''} ${f.compact ? 'compact' : ''}"
    part="group"
    data-pointer=${f.pointer}
    aria-describedby=${ifDefined(f.describedBy)}
  >
    <legend part="legend" class=${f.compact ? 'visually-hidden' : ''}>${f.label}</legend>
    ${f.help ? html`<p id=${f.helpId} class="help" part="help">${f.help}</p>` : nothing}
    ${children}${free}
    ${errorText(f)}
  </fieldset>`;
}

export const objectRenderer: RendererEntry = {
  name: 'object',
  tester: rankWith(1, isType('object')),
  render,
};
