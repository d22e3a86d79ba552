// What the JSON view says about a definition while the administrator types: JSON syntax, the
// JSON Schema 2020-12 meta-schema, the types of our x- keywords, and the JSON Logic in x-rules,
// x-compute and x-visible. No `new Function` anywhere: it works under a strict CSP.
import { X_KEYWORDS, logicOf } from '../../core/index.js';
import type { JsonSchema } from '../../core/index.js';
import { compileInterpreted, metaSchema, type ValidateLike } from '../../core/interpreter/index.js';

export interface SchemaProblem {
  /** JSON Pointer of the offending node in the schema ('' for the whole document). */
  readonly pointer: string;
  readonly zh: string;
  readonly en: string;
}

export type CheckResult =
  | { readonly ok: true; readonly schema: JsonSchema }
  | { readonly ok: false; readonly problems: readonly SchemaProblem[]; readonly schema?: JsonSchema };

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses and checks the JSON text of a schema. */
export function checkSchemaText(text: string): CheckResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    const detail = (err as Error).message;
    return { ok: false, problems: [{ pointer: '', zh: `不是有效的 JSON：${detail}`, en: `Not valid JSON: ${detail}` }] };
  }
  return checkSchema(doc);
}

/** Checks a parsed schema document. */
export function checkSchema(doc: unknown): CheckResult {
  if (!isObject(doc)) {
    return { ok: false, problems: [{ pointer: '', zh: '表单定义必须是一个 JSON 对象', en: 'A definition schema must be a JSON object' }] };
  }
  const problems: SchemaProblem[] = [];
  const meta = metaValidator();
  if (!meta(doc)) {
    const errors = (meta.errors ?? []).filter(
      // "must match a schema in anyOf" repeats the specific error found inside it
      (e) => e.keyword !== 'anyOf' && e.keyword !== '$dynamicRef',
    );
    for (const e of dedupe(errors)) problems.push(metaProblem(e));
  }
  if (doc['type'] !== 'object' || !isObject(doc['properties'])) {
    problems.push({ pointer: '', zh: '表单定义的根必须是 type 为 object 且带 properties 的对象', en: 'The root must be "type": "object" with "properties"' });
  }
  walkXKeywords(doc, '', problems);
  ruleMessages(doc, problems);
  if (problems.length === 0) {
    try {
      logicOf(doc as JsonSchema);
    } catch (err) {
      const detail = (err as Error).message;
      problems.push({ pointer: '', zh: `JSON Logic 有误：${detail}`, en: `Malformed JSON Logic: ${detail}` });
    }
  }
  return problems.length === 0 ? { ok: true, schema: doc as JsonSchema } : { ok: false, problems, schema: doc as JsonSchema };
}

let meta: ValidateLike | undefined;

/**
 * The 2020-12 meta-schema as <azx-form> checks it (core/interpreter/meta.ts): the editor says what
 * the form will refuse, with the form's own check, and carries no second meta-schema validator.
 * Our x- keywords are left to walkXKeywords below, which words their errors.
 */
function metaValidator(): ValidateLike {
  return (meta ??= compileInterpreted(metaSchema({}), { strict: false, validateSchema: false }));
}

function dedupe(errors: AjvError[]): AjvError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${e.message ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const KEYWORD_ZH: Record<string, (p: Record<string, unknown>) => string> = {
  type: (p) => `类型应为 ${String(p['type'])}`,
  minimum: (p) => `不得小于 ${String(p['limit'])}`,
  exclusiveMinimum: (p) => `必须大于 ${String(p['limit'])}`,
  enum: () => '不是允许的取值之一',
  required: (p) => `缺少 ${String(p['missingProperty'])}`,
  uniqueItems: () => '列表中有重复项',
  minItems: (p) => `至少需要 ${String(p['limit'])} 项`,
  pattern: (p) => `格式不符（${String(p['pattern'])}）`,
};

function metaProblem(e: AjvError): SchemaProblem {
  const en = `${e.instancePath || '/'}: ${e.message ?? e.keyword}`;
  const zhText = KEYWORD_ZH[e.keyword]?.(e.params) ?? `不符合 JSON Schema 2020-12 元模式（${e.keyword}）`;
  return { pointer: e.instancePath, zh: `${e.instancePath || '/'}：${zhText}`, en };
}

const X_TYPES = new Map(X_KEYWORDS.map((k) => [k.keyword, k.schemaType]));

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const KNOWN = new Set([
  '$schema', '$id', '$ref', '$anchor', '$dynamicRef', '$dynamicAnchor', '$vocabulary', '$comment', '$defs', 'definitions',
  'prefixItems', 'items', 'contains', 'additionalProperties', 'properties', 'patternProperties', 'dependentSchemas',
  'propertyNames', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not', 'unevaluatedItems', 'unevaluatedProperties',
  'type', 'const', 'enum', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength',
  'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties',
  'minProperties', 'required', 'dependentRequired', 'title', 'description', 'default', 'deprecated', 'readOnly',
  'writeOnly', 'examples', 'format', 'contentEncoding', 'contentMediaType', 'contentSchema',
]);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SUBSCHEMAS = new Set([
  'items', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not',
  'unevaluatedItems', 'unevaluatedProperties', 'contentSchema',
]);

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Unknown keywords (a misspelt "titel" would be silently ignored by the meta-schema, but our
 * validators run strict and refuse it) and x- keywords of the wrong type.
 */
function walkXKeywords(node: unknown, pointer: string, problems: SchemaProblem[]): void {
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const here = `${pointer}/${escape(key)}`;
    if (key.startsWith('x-')) {
      if (!X_TYPES.has(key)) {
        problems.push({ pointer: here, zh: `${here}：未知的扩展关键字 ${key}`, en: `${here}: unknown extension keyword ${key}` });
        continue;
      }
      const want = X_TYPES.get(key);
      const got = typeOf(value);
      if (want && got !== want && !(want === 'number' && got === 'integer')) {
        problems.push({ pointer: here, zh: `${here}：${key} 应为 ${want}`, en: `${here}: ${key} must be ${want}` });
      }
    } else if (!KNOWN.has(key)) {
      problems.push({ pointer: here, zh: `${here}：未知的关键字 ${key}`, en: `${here}: unknown keyword ${key}` });
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      for (const [name, child] of Object.entries(value)) walkXKeywords(child, `${here}/${escape(name)}`, problems);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      value.forEach((child, i) => walkXKeywords(child, `${here}/${i}`, problems));
    } else if (SUBSCHEMAS.has(key)) {
      walkXKeywords(value, here, problems);
    }
  }
}

/** Each cross-field rule needs its message in both languages: said plainly, before the logic check. */
function ruleMessages(doc: Record<string, unknown>, problems: SchemaProblem[]): void {
  const rules = doc['x-rules'];
  if (!Array.isArray(rules)) return;
  rules.forEach((r, i) => {
    const message = isObject(r) && isObject(r['message']) ? r['message'] : {};
    const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
    const n = i + 1;
    if (blank(message['zh-CN'])) problems.push({ pointer: `/x-rules/${i}/message`, zh: `规则 ${n} 缺少中文提示`, en: `Rule ${n} has no Chinese message` });
    if (blank(message['en'])) problems.push({ pointer: `/x-rules/${i}/message`, zh: `规则 ${n} 缺少英文提示`, en: `Rule ${n} has no English message` });
  });
}
