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
  // x-width "half": two such fields share a row where the form is wide enough (form.styles.ts)
  const child = ([key, sub]: [string, JsonSchema]) => {
    const field = f.renderChild(childPointer(f.pointer, key), sub, { required: required.has(key) });
    return sub['x-width'] === 'half' ? html`<div class="half">${field}</div>` : field;
  };
  const groups = groupsOf(f);
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
    out.push(html`<fieldset class="group section" part="group section" id=${sectionId(f, group.key)} tabindex="-1">
      <legend part="legend">${schemaText(group, 'title', f.locale) ?? group.key}</legend>
      ${members.map(child)}
    </fieldset>`);
  }
  return out;
}

function sectionId(f: FieldContext, key: string): string {
  return `${f.id}-section-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function groupsOf(f: FieldContext): Group[] {
  return (Array.isArray(f.schema['x-groups']) ? (f.schema['x-groups'] as unknown[]) : []).filter(
    (g): g is Group => typeof g === 'object' && g !== null && typeof (g as Group).key === 'string',
  );
}

/**
 * A long form's sections as links above the fields: activating one moves the focus (and the view)
 * to that section, so a keyboard or screen-reader user jumps instead of tabbing through the rest.
 * Links inside a shadow root do not follow their hash, hence the handler.
 */
function renderSectionNav(f: FieldContext): unknown {
  const present = new Set(orderedProperties(f.schema).map(([, sub]) => sub['x-group']));
  const groups = groupsOf(f).filter((g) => present.has(g.key));
  if (groups.length < 2) return nothing;
  return html`<nav class="sections" part="sections" aria-label=${f.t('sections')}>
    <ol>
      ${groups.map((g) => {
        const id = sectionId(f, g.key);
        return html`<li>
          <a href=${'#' + id} part="section-link" @click=${(e: Event) => {
            e.preventDefault();
            const root = (e.currentTarget as HTMLElement).getRootNode() as ShadowRoot | Document;
            root.getElementById(id)?.focus();
          }}>${schemaText(g, 'title', f.locale) ?? g.key}</a>
        </li>`;
      })}
    </ol>
  </nav>`;
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
      ${f.display ? nothing : renderSectionNav(f)}<div class="fields" part="fields">${children}${free}</div>`;
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
