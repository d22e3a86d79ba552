// The meta-schemas of the three drafts, as much of them as says what type each keyword's value
// must have, checked by the interpreter itself: a definition with `"minLength": "3"` is refused at once.
import { draftOf, inDraft, type Draft } from './dialect.js';
import { SchemaError } from './prepare.js';
import type { InterpreterOptions, ValidateLike } from './types.js';

const S = { $ref: '#' };
const LIST = { type: 'array', minItems: 1, items: S };
const MAP = { type: 'object', additionalProperties: S };
const STR = { type: 'string' };
const NUM = { type: 'number' };
const BOOL = { type: 'boolean' };
const COUNT = { type: 'integer', minimum: 0 };
const NAMES = { type: 'array', items: STR, uniqueItems: true };
const URI_REF = { type: 'string', format: 'uri-reference' };
const ANCHOR = { type: 'string', pattern: '^[A-Za-z_][-A-Za-z0-9._]*$' };
const TYPES = { enum: ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] };

const KEYWORDS: Record<string, unknown> = {
  $id: { ...URI_REF, pattern: '^[^#]*#?$' },
  $schema: { type: 'string', format: 'uri' },
  $ref: URI_REF,
  $dynamicRef: URI_REF,
  $anchor: ANCHOR,
  $dynamicAnchor: ANCHOR,
  $vocabulary: { type: 'object', additionalProperties: BOOL },
  $comment: STR,
  $defs: MAP,
  prefixItems: LIST,
  allOf: LIST,
  anyOf: LIST,
  oneOf: LIST,
  properties: MAP,
  dependentSchemas: MAP,
  patternProperties: { ...MAP, propertyNames: { format: 'regex' } },
  type: { anyOf: [TYPES, { type: 'array', items: TYPES, minItems: 1, uniqueItems: true }] },
  enum: { type: 'array' },
  multipleOf: { type: 'number', exclusiveMinimum: 0 },
  maximum: NUM,
  exclusiveMaximum: NUM,
  minimum: NUM,
  exclusiveMinimum: NUM,
  pattern: { type: 'string', format: 'regex' },
  uniqueItems: BOOL,
  required: NAMES,
  dependentRequired: { type: 'object', additionalProperties: NAMES },
  deprecated: BOOL,
  readOnly: BOOL,
  writeOnly: BOOL,
  examples: { type: 'array' },
};
for (const k of ['items', 'contains', 'additionalProperties', 'propertyNames', 'if', 'then', 'else', 'not', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema']) KEYWORDS[k] = S;
for (const k of ['maxLength', 'minLength', 'maxItems', 'minItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties']) KEYWORDS[k] = COUNT;
for (const k of ['title', 'description', 'format', 'contentEncoding', 'contentMediaType']) KEYWORDS[k] = STR;

KEYWORDS.definitions = MAP;
KEYWORDS.dependencies = { type: 'object', additionalProperties: { anyOf: [S, NAMES] } };
KEYWORDS.additionalItems = S;
KEYWORDS.$recursiveRef = URI_REF;
KEYWORDS.$recursiveAnchor = BOOL;

/** Where the older drafts' meta-schemas differ from 2020-12's. */
const OLDER: Partial<Record<Draft, Record<string, unknown>>> = {
  '07': { items: { anyOf: [S, LIST] }, $id: URI_REF },
  '2019': { items: { anyOf: [S, LIST] }, $anchor: { type: 'string', pattern: '^[A-Za-z][-A-Za-z0-9.:_]*$' } },
};

/** The draft's meta-schema, with the declared x- keywords' value types. */
export function metaSchema(opts: InterpreterOptions, draft: Draft = '2020'): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ...KEYWORDS, ...OLDER[draft] })) if (inDraft(k, draft)) props[k] = v;
  for (const k of opts.keywords ?? []) if (k.schemaType) props[k.keyword] = { type: k.schemaType };
  return { type: ['object', 'boolean'], properties: props };
}

const cache = new Map<string, ValidateLike>();

/** Throws Ajv's "schema is invalid: …" when schema breaks its draft's meta-schema, listing every problem. */
export function checkSchema(schema: unknown, opts: InterpreterOptions, compile: (s: unknown, o: InterpreterOptions) => ValidateLike): void {
  const draft = draftOf(typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined);
  if (!draft) return; // prepare() refuses it with Ajv's words
  const key = draft + JSON.stringify(opts.keywords ?? []);
  let v = cache.get(key);
  if (!v) cache.set(key, (v = compile(metaSchema(opts, draft), { strict: false, validateSchema: false })));
  if (v(schema)) return;
  const errors = v.errors!;
  throw new SchemaError(
    errors.map((e) => ({ path: '#' + e.instancePath, message: e.message ?? e.keyword })),
    'schema is invalid: ' + errors.map((e) => `data${e.instancePath} ${e.message}`).join(', '),
  );
}
