/**
 * azx/formily: a Formily (@formily/json-schema) form schema as a JSON Schema 2020-12 for
 * `<azx-form>`, its layout hints mapped onto AZX's `x-` hints so a portal moving from Formily
 * keeps its layout.
 *
 * ```js
 * import { fromFormily } from 'azx/formily';
 * form.schema = fromFormily(formilySchema);
 * ```
 *
 * Read: `x-component` (Input.TextArea, Password, Select, Radio.Group, Checkbox.Group, DatePicker,
 * TimePicker, NumberPicker, Switch, Upload, ArrayTable, ArrayCards, ArrayItems …),
 * `x-component-props` (placeholder, disabled, readOnly), `x-decorator-props` (tooltip, extra),
 * `x-index`, `x-display`, `x-visible`, `x-hidden`, `x-pattern`, `x-disabled`, `x-read-only`,
 * `required: true` on a field, `enum` of `{ label, value }` (on an array: its items' options),
 * simple `x-validator`s (email, url, phone, a pattern), and `type: "void"` containers: their fields join the enclosing object, in a titled
 * section (`x-groups`) when the container has a title. `x-reactions`, `x-content` and the other
 * run-time keys have no JSON counterpart and are left out.
 */
import type { JsonSchema } from '../schema.js';
import { X_KEYWORDS } from '../vocabulary.js';
import { hint, isObj, type Obj } from './hints.js';

/** Formily components → AZX x-widget (null: the AZX default for the type). */
const COMPONENTS: Record<string, string | null> = {
  Input: null, Select: null, NumberPicker: null, Switch: null, Checkbox: null, 'Radio.Group': 'radio', 'Checkbox.Group': 'checkboxes',
  'Input.TextArea': 'textarea', Password: 'password', DatePicker: 'date', TimePicker: 'time', Upload: 'file', 'Upload.Dragger': 'file',
  ArrayTable: 'table', ArrayCards: 'list', ArrayItems: 'list', ArrayCollapse: 'list',
};

/** x-validator names → a format the schema asserts. */
const VALIDATORS: Record<string, string> = { email: 'email', url: 'uri', phone: 'cn-mobile' };

const AZX = new Set(X_KEYWORDS.map((k) => k.keyword));

export function fromFormily(schema: Obj): JsonSchema {
  return field(schema) as JsonSchema;
}

function field(s: Obj): Obj {
  const out: Obj = {};
  // everything JSON Schema and AZX know is kept; Formily's own x- keys are read below
  for (const [k, v] of Object.entries(s)) if (!k.startsWith('x-') || AZX.has(k)) out[k] = v;
  delete out.required;
  delete out.name;
  const type = s.type === 'date' || s.type === 'datetime' ? 'string' : s.type;
  if (type !== undefined) out.type = type;
  if (s.type === 'date') out['x-widget'] = 'date';
  const props = isObj(s['x-component-props']) ? s['x-component-props'] : {};
  const deco = isObj(s['x-decorator-props']) ? s['x-decorator-props'] : {};
  const widget = typeof s['x-component'] === 'string' ? COMPONENTS[s['x-component']] : null;
  if (widget) out['x-widget'] = widget;
  hint(out, 'x-placeholder', props.placeholder);
  hint(out, 'x-help', deco.tooltip ?? deco.extra);
  if (typeof s['x-index'] === 'number') out['x-order'] = s['x-index'];
  if (s['x-display'] === 'none' || s['x-display'] === 'hidden' || s['x-visible'] === false || s['x-hidden'] === true) out['x-hidden'] = true;
  if (s['x-pattern'] === 'readOnly' || s['x-pattern'] === 'readPretty' || s['x-read-only'] === true || s['x-editable'] === false || props.readOnly === true) out.readOnly = true;
  if (s['x-pattern'] === 'disabled' || s['x-disabled'] === true || props.disabled === true) out['x-disabled'] = true;
  else delete out['x-disabled'];
  if (Array.isArray(s.enum)) {
    const labelled = s.enum.some((e) => isObj(e) && 'value' in e);
    const options: Obj = { enum: s.enum.map((e) => (labelled && isObj(e) ? e.value : e)) };
    if (labelled) options['x-enum-titles'] = s.enum.map((e) => (isObj(e) ? String(e.label ?? e.value) : String(e)));
    // on an array (Checkbox.Group, a multiple Select) the options are those of its items
    if (type === 'array') {
      delete out.enum;
      out.items = { ...(isObj(s.items) ? field(s.items) : {}), ...options };
      out.uniqueItems ??= true;
    } else Object.assign(out, options);
  }
  for (const v of ([] as unknown[]).concat(s['x-validator'] ?? [])) {
    const format = VALIDATORS[String(isObj(v) ? v.format : v)];
    if (format) out.format = format;
    if (isObj(v) && typeof v.pattern === 'string') out.pattern = v.pattern;
  }
  if (isObj(s.properties)) Object.assign(out, members(s));
  if (isObj(s.items) && !(type === 'array' && Array.isArray(s.enum))) out.items = field(s.items);
  else if (Array.isArray(s.items)) out.items = s.items.map((i) => (isObj(i) ? field(i) : i));
  return out;
}

/** An object's fields with its void containers flattened, their titles as sections; `required: true` gathered. */
function members(s: Obj): Obj {
  const properties: Obj = {};
  const required = Array.isArray(s.required) ? [...(s.required as string[])] : [];
  const groups: { key: string; title: string }[] = [];
  const visit = (props: Obj, group: string | undefined, column?: unknown) => {
    for (const [k, p] of Object.entries(props)) {
      if (!isObj(p)) continue;
      if (p.type === 'void') {
        const title = p.title ?? (isObj(p['x-component-props']) ? p['x-component-props'].title ?? p['x-component-props'].header : undefined);
        // an ArrayTable column titles its field; a titled container (Card, a FormCollapse panel,
        // a FormStep pane …) is a section; a plain one only lays out
        if (String(p['x-component']).endsWith('.Column')) {
          if (isObj(p.properties)) visit(p.properties, group, title);
          continue;
        }
        const inner = group ?? (typeof title === 'string' ? k : undefined);
        if (inner === k) groups.push({ key: k, title: title as string });
        if (isObj(p.properties)) visit(p.properties, inner);
        continue;
      }
      const f = field(p);
      if (group) f['x-group'] = group;
      if (typeof column === 'string' && f.title === undefined) f.title = column;
      properties[k] = f;
      if (p.required === true && !required.includes(k)) required.push(k);
    }
  };
  visit(s.properties as Obj, undefined);
  const out: Obj = { properties };
  if (required.length) out.required = required;
  if (groups.length) out['x-groups'] = groups;
  return out;
}
