/**
 * azx/rjsf: a schema written for react-jsonschema-form, with its `uiSchema`, as a schema for
 * `<azx-form>`: the uiSchema's hints become AZX's `x-` hints on the schema nodes they describe,
 * so a portal moving from RJSF keeps its layout. Validation is untouched, except that a schema
 * without `$schema` is read as draft-07, the draft RJSF's validator (Ajv) uses.
 *
 * ```js
 * import { fromRjsf } from 'azx/rjsf';
 * form.schema = fromRjsf(schema, uiSchema);
 * ```
 *
 * Read: the schema's own `enumNames` (RJSF's labels of enum values), `ui:widget`, `ui:order`, `ui:title`, `ui:description`, `ui:help`, `ui:placeholder`,
 * `ui:enumNames`, `ui:readonly`, `ui:disabled`, `ui:hidden`, `ui:options` (the same keys, and
 * `inputType`); nested under property names, `items` and `additionalProperties`. Other keys
 * (`ui:field`, `ui:classNames`, `ui:autofocus` …) have no AZX counterpart and are left out.
 */
import type { JsonSchema } from '../schema.js';
import { hint, isObj, orderOf, type Obj } from './hints.js';

/** An RJSF uiSchema: `ui:` keys for the node, and the same shape for its children. */
export type UiSchema = { [key: string]: unknown };

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** RJSF widget names → AZX x-widget (null: the AZX default for the type already is that widget). */
const WIDGETS: Record<string, string | null> = {
  text: null, select: null, checkbox: null, updown: null,
  textarea: 'textarea', password: 'password', email: 'email', uri: 'url', url: 'url', tel: 'tel', color: 'color',
  radio: 'radio', checkboxes: 'checkboxes', range: 'range', date: 'date', 'alt-date': 'date', time: 'time', file: 'file',
};

export function fromRjsf(schema: JsonSchema, uiSchema: UiSchema = {}): JsonSchema {
  const out = node(schema, uiSchema) as JsonSchema;
  return out.$schema === undefined ? { $schema: DRAFT_07, ...out } : out;
}

function node(schema: unknown, ui: unknown): unknown {
  if (!isObj(schema)) return schema;
  const u = isObj(ui) ? ui : {};
  const out: Obj = { ...schema };
  // RJSF's own schema keyword for enum labels (unknown to JSON Schema, refused by a strict validator)
  if (Array.isArray(schema.enumNames)) out['x-enum-titles'] = schema.enumNames;
  delete out.enumNames;
  // ui:options carries the same hints as ui: keys (RJSF merges them); the ui: key wins
  const opt = (k: string): unknown => u[`ui:${k}`] ?? (isObj(u['ui:options']) ? u['ui:options'][k] : undefined);
  const widget = opt('widget') ?? opt('inputType');
  if (widget === 'hidden') out['x-hidden'] = true;
  else if (typeof widget === 'string' && WIDGETS[widget] !== null) out['x-widget'] = WIDGETS[widget] ?? widget;
  hint(out, 'title', opt('title'));
  hint(out, 'description', opt('description'));
  hint(out, 'x-help', opt('help'));
  hint(out, 'x-placeholder', opt('placeholder'));
  if (Array.isArray(opt('enumNames'))) out['x-enum-titles'] = opt('enumNames');
  if (opt('readonly') === true) out.readOnly = true;
  if (opt('disabled') === true) out['x-disabled'] = true;
  if (opt('hidden') === true) out['x-hidden'] = true;
  if (isObj(schema.properties)) {
    const order = orderOf(Object.keys(schema.properties), opt('order'));
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, s]) => {
        const child = node(s, u[k]);
        return [k, order.has(k) && isObj(child) ? { ...child, 'x-order': order.get(k) } : child];
      }),
    );
  }
  if (Array.isArray(schema.items)) out.items = schema.items.map((s, i) => node(s, Array.isArray(u.items) ? u.items[i] : u.items));
  else if (schema.items !== undefined) out.items = node(schema.items, u.items);
  if (schema.additionalItems !== undefined) out.additionalItems = node(schema.additionalItems, u.additionalItems);
  if (isObj(schema.additionalProperties)) out.additionalProperties = node(schema.additionalProperties, u.additionalProperties);
  // labels inside shared definitions and choices too (uiSchema does not reach them)
  for (const k of ['definitions', '$defs']) if (isObj(schema[k])) out[k] = Object.fromEntries(Object.entries(schema[k]).map(([n, s]) => [n, node(s, {})]));
  for (const k of ['oneOf', 'anyOf', 'allOf']) if (Array.isArray(schema[k])) out[k] = schema[k].map((s) => node(s, {}));
  return out;
}
