// Schema compilation and validation, behind a small interface so the engine
// never handles Ajv's types and a CSP-safe validator can replace it later.
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { AZX_FORMATS } from './formats.js';
import { X_KEYWORDS } from './vocabulary.js';
import { chosenBranch, objectBranches } from './conditional.js';
import { childPointer, getAt, parsePointer } from './pointer.js';
import { hasLogic, logicOf, ruleIssues, settle, underHidden, type LogicIssue, type LogicSpec } from './logic.js';
import type { JsonSchema } from './schema.js';

/** One failed constraint, located at the field (JSON Pointer) it concerns. */
export interface Issue {
  pointer: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath: string;
}

export type Compiled =
  | { ok: true; validate(value: unknown): Issue[] }
  | { ok: false; kind: 'schema' | 'csp'; message: string };

let shared: Ajv2020 | undefined;

/** Ajv's warnings stay; the generated-code dump it prints before a failed compile does not (we report the failure). */
const quietLogger = {
  log: () => {},
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Error compiling schema')) return;
    console.error(...args);
  },
};

function ajv(): Ajv2020 {
  // multipleOfPrecision: 0.01 steps of money (1.15, 0.29) are not exact in binary floating point;
  // without it ajv refuses amounts the server (exact decimals) accepts.
  shared ??= makeAjv({ allErrors: true, multipleOfPrecision: 9, logger: quietLogger });
  return shared;
}

let sharedMatcher: Ajv2020 | undefined;

/** For subschemas (an `if`, a branch): they rarely repeat the type, which is the parent's job. */
function matcherAjv(): Ajv2020 {
  sharedMatcher ??= makeAjv({ multipleOfPrecision: 9, strictTypes: false, logger: quietLogger });
  return sharedMatcher;
}

function makeAjv(options: ConstructorParameters<typeof Ajv2020>[0]): Ajv2020 {
  const a = new Ajv2020(options);
  addFormats(a);
  for (const [name, test] of Object.entries(AZX_FORMATS)) a.addFormat(name, { type: 'string', validate: test });
  a.addVocabulary(X_KEYWORDS.map(({ keyword, schemaType }) => (schemaType ? { keyword, schemaType } : { keyword })));
  return a;
}

const cache = new WeakMap<object, Compiled>();

/** Compile once per schema object; a broken schema yields a message, never a throw. */
export function compileSchema(schema: JsonSchema): Compiled {
  const hit = cache.get(schema);
  if (hit) return hit;
  let compiled: Compiled;
  try {
    const a = ajv();
    // Another object with the same $id (a reloaded definition) replaces the old one.
    if (typeof schema.$id === 'string' && a.getSchema(schema.$id)) a.removeSchema(schema.$id);
    try {
      const fn = a.compile(schema);
      // malformed x-rules / x-compute / x-visible make the schema unusable, as on the server
      const spec = logicOf(schema);
      compiled = { ok: true, validate: hasLogic(spec) ? (value) => withLogic(spec, fn, value, schema) : (value) => toIssues(fn, value, schema) };
    } catch (err) {
      if (typeof schema.$id === 'string') a.removeSchema(schema.$id);
      throw err;
    }
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // Ajv generates code with new Function, which a strict Content-Security-Policy forbids.
    compiled = { ok: false, kind: err instanceof EvalError ? 'csp' : 'schema', message };
  }
  cache.set(schema, compiled);
  return compiled;
}

/**
 * The server's order (backend/internal/validation ValidateRecord): the logic's own findings
 * (hidden field sent, computed value differs), then the schema over the settled value without
 * hidden fields, then x-rules; a rule adds nothing at a field that already has an error.
 */
function withLogic(spec: LogicSpec, fn: ValidateFunction, value: unknown, root: JsonSchema): Issue[] {
  const settled = settle(spec, value);
  const issues: Issue[] = settled.issues.map(fromLogic);
  const taken = new Set(issues.map((i) => i.pointer));
  for (const i of toIssues(fn, settled.value, root)) {
    if (!taken.has(i.pointer) && !underHidden(i.pointer, settled.hidden)) issues.push(i);
  }
  for (const i of issues) taken.add(i.pointer);
  for (const r of ruleIssues(spec, settled.value, settled.hidden)) {
    if (taken.has(r.pointer)) continue;
    taken.add(r.pointer);
    issues.push(fromLogic(r));
  }
  return issues;
}

function fromLogic(i: LogicIssue): Issue {
  return { pointer: i.pointer, keyword: i.keyword, params: { ...i.params }, schemaPath: '' };
}

function toIssues(fn: ValidateFunction, value: unknown, root: JsonSchema): Issue[] {
  if (fn(value)) return [];
  const errors = fn.errors ?? [];
  // A failed choice (oneOf/anyOf) speaks for its branches, unless the value is plainly in one
  // branch (a choice of objects: the one the form shows), whose own errors then say what is
  // missing; "if" only repeats its "then".
  const failed = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const choices = failed.map((e) => e.schemaPath + '/');
  const shown = failed.flatMap((e) => {
    const branches = objectBranches({ oneOf: schemaNodeAt(root, e.schemaPath) as JsonSchema[] });
    if (!branches) return [];
    const path = `${e.schemaPath}/${chosenBranch(branches, getAt(value, e.instancePath), root)}/`;
    return errors.some((x) => x.schemaPath.startsWith(path)) ? [{ choice: e, path }] : [];
  });
  return errors
    .filter((e) => e.keyword !== 'if' && !shown.some((c) => c.choice === e))
    .filter((e) => !choices.some((c) => e.schemaPath.startsWith(c)) || shown.some((c) => e.schemaPath.startsWith(c.path)))
    .map(toIssue);
}

/** The schema value at an Ajv schemaPath ("#/properties/a/oneOf"), or undefined. */
function schemaNodeAt(root: JsonSchema, schemaPath: string): unknown {
  let node: unknown = root;
  for (const key of parsePointer(schemaPath.replace(/^#/, ''))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return Array.isArray(node) ? node : undefined;
}

function toIssue(e: ErrorObject): Issue {
  const params = e.params as Record<string, unknown>;
  const missing = params['missingProperty'];
  const pointer =
    (e.keyword === 'required' || e.keyword === 'dependentRequired') && typeof missing === 'string'
      ? childPointer(e.instancePath, missing)
      : e.instancePath;
  return { pointer, keyword: e.keyword, params, schemaPath: e.schemaPath };
}

const matchers = new WeakMap<object, (value: unknown) => boolean>();

/**
 * Whether a value satisfies a subschema (an `if`, a oneOf branch) of root; its `$ref`s to
 * `#/$defs/...` resolve in root. A subschema that cannot compile (CSP) matches nothing.
 */
export function matcher(schema: JsonSchema, root: JsonSchema): (value: unknown) => boolean {
  const hit = matchers.get(schema);
  if (hit) return hit;
  let test: (value: unknown) => boolean;
  try {
    const { $id: _id, $schema: _s, ...rest } = schema;
    const fn = matcherAjv().compile(root.$defs ? { ...rest, $defs: root.$defs } : rest);
    test = (value) => fn(value) === true;
  } catch {
    test = () => false;
  }
  matchers.set(schema, test);
  return test;
}
