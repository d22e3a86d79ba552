// Schema compilation and validation, behind a small interface so the engine never depends on
// one validator. Three sources of a validate function, in this order:
//   1. a validator Ajv generated ahead of time for exactly this schema (schemas/validators/,
//      registered when its module is imported): Ajv's code, no compiler shipped, CSP-safe;
//   2. the run-time engine: by default the interpreter (components/core/interpreter/), which
//      evaluates the schema without generating code, so it works under a Content-Security-Policy
//      without 'unsafe-eval'; a page that allows eval may install Ajv's compiler instead
//      (`import 'azx/ajv'`, components/core/ajv.ts);
// All three report errors in Ajv's shape, proven equal by the parity tests.
import { compileInterpreted, SchemaError, type AjvLikeError, type SchemaProblem, type ValidateLike } from './interpreter/index.js';
import { precompiledFor } from './precompiled/runtime.js';
import { AZX_FORMATS } from './formats.js';
import { loadRareFormats, needsRareFormats } from './interpreter/formats.js';
import { NUMBER_FORMATS } from './interpreter/keywords/string.js';
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
  | { ok: true; validate(value: unknown): Issue[]; engine: EngineName }
  | { ok: false; kind: 'schema' | 'csp'; message: string; problems: readonly SchemaProblem[] };

export type EngineName = 'precompiled' | 'interpreter' | 'ajv';

/** A validate function with Ajv's interface: true, or false with `errors`. */
export type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvLikeError[] | null };

/**
 * Turns a schema into a validate function, or throws (a broken schema, an unknown keyword, an
 * unresolvable $ref; a format it cannot check unless it is in `ignoreFormats`). `matcher` is for
 * subschemas: no type required beside keywords. The draft follows the schema's `$schema`.
 */
export interface SchemaEngine {
  readonly name: EngineName;
  compile(schema: JsonSchema, ignoreFormats?: readonly string[]): ValidateFn;
  matcher(schema: JsonSchema): ValidateFn;
}

// multipleOfPrecision: 0.01 steps of money (1.15, 0.29) are not exact in binary floating point;
// without it a validator refuses amounts the server (exact decimals) accepts.
const OPTIONS = { formats: AZX_FORMATS, keywords: X_KEYWORDS, multipleOfPrecision: 9 } as const;

export const interpreterEngine: SchemaEngine = {
  name: 'interpreter',
  compile: (schema, ignoreFormats) => compileInterpreted(schema, { ...OPTIONS, unknownFormats: ignoreFormats ? 'ignore' : 'refuse' }) as ValidateLike,
  matcher: (schema) => compileInterpreted(schema, { ...OPTIONS, validateSchema: false, unknownFormats: 'ignore' }) as ValidateLike,
};

/**
 * What the definition says about formats AZX cannot check: by default they are annotations (the
 * form warns once on the console); `"x-assert-formats": true` at the root makes every format an
 * assertion, so such a definition is refused instead.
 */
const assertsFormats = (schema: JsonSchema): boolean => schema['x-assert-formats'] === true;

const OWN_FORMATS = { ...NUMBER_FORMATS, ...AZX_FORMATS };

/**
 * True when the schema names a format that may be one of the rare ones not loaded yet
 * (interpreter/formats.ts): compile it after `loadFormats()`, or its checks would be missing.
 */
export const needsFormats = (schema: JsonSchema): boolean => needsRareFormats(schema, OWN_FORMATS);

/** Fetches the rare formats once; resolves when every format can be checked. */
export const loadFormats = loadRareFormats;

let engine: SchemaEngine = interpreterEngine;

/**
 * Installs the run-time engine for schemas without a validator generated ahead of time
 * (components/core/ajv.ts installs Ajv's compiler). Forms compiled before keep their validator.
 */
export function useSchemaEngine(next: SchemaEngine): void {
  engine = next;
}

export function currentSchemaEngine(): EngineName {
  return engine.name;
}

/** Ajv's compile throws EvalError where the page's CSP forbids new Function. */
function isCspError(err: unknown): boolean {
  return err instanceof EvalError || (err instanceof Error && /Content Security Policy|unsafe-eval/i.test(err.message));
}

let warnedCsp = false;

/** The run-time engine's compile; where the page forbids eval, the interpreter instead (once warned). */
function compileAtRunTime(schema: JsonSchema): { fn: ValidateFn; name: EngineName } {
  // The interpreter first: it lists every problem of a bad schema, and the formats it cannot check.
  const checked = interpreterEngine.compile(schema, assertsFormats(schema) ? undefined : []) as ValidateLike;
  const ignored = checked.ignoredFormats ?? [];
  if (ignored.length) {
    console.warn(`azx-form: formats this form cannot check are only annotations (set "x-assert-formats": true to refuse them): ${ignored.map((p) => `"${formatAt(schema, p.path)}" at ${p.path}`).join(', ')}`);
  }
  if (engine === interpreterEngine) return { fn: checked, name: 'interpreter' };
  try {
    return { fn: engine.compile(schema, ignored.map((p) => formatAt(schema, p.path))), name: engine.name };
  } catch (err) {
    if (!isCspError(err)) throw err;
    if (!warnedCsp) {
      warnedCsp = true;
      console.warn('azx-form: this page forbids eval (Content-Security-Policy), so Ajv cannot compile here; using the interpreter instead.');
    }
    engine = interpreterEngine;
    return { fn: checked, name: 'interpreter' };
  }
}

/** The format named by the schema node at a schema location ("#/properties/a"). */
function formatAt(root: JsonSchema, path: string): string {
  return String((schemaNodeAt(root, path, false) as JsonSchema | undefined)?.format);
}

const cache = new WeakMap<object, Compiled>();

/**
 * Compile once per schema object; a broken schema yields a message, never a throw. A schema that
 * names a format not loaded yet (needsFormats) validates by throwing, saying what to load, rather
 * than passing values unchecked (the form loads them itself).
 */
export function compileSchema(schema: JsonSchema): Compiled {
  const hit = cache.get(schema);
  if (hit) return hit;
  if (needsFormats(schema)) {
    return {
      ok: true,
      engine: engine.name,
      validate: () => {
        throw new Error('azx: this schema names a format whose check is fetched on use: `await loadFormats()` first (<azx-form> does it itself)');
      },
    };
  }
  let compiled: Compiled;
  try {
    const precompiled = precompiledFor(schema);
    const { fn, name } = precompiled ? { fn: precompiled as ValidateFn, name: 'precompiled' as const } : compileAtRunTime(schema);
    // malformed x-rules / x-compute / x-visible make the schema unusable, as on the server
    const spec = logicOf(schema);
    compiled = {
      ok: true,
      engine: name,
      validate: hasLogic(spec) ? (value) => withLogic(spec, fn, value, schema) : (value) => toIssues(fn, value, schema),
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const problems = err instanceof SchemaError ? err.problems : [{ path: '#', message }];
    compiled = { ok: false, kind: isCspError(err) ? 'csp' : 'schema', message, problems };
  }
  cache.set(schema, compiled);
  return compiled;
}

/**
 * The server's order (backend/internal/validation ValidateRecord): the logic's own findings
 * (hidden field sent, computed value differs), then the schema over the settled value without
 * hidden fields, then x-rules; a rule adds nothing at a field that already has an error.
 */
function withLogic(spec: LogicSpec, fn: ValidateFn, value: unknown, root: JsonSchema): Issue[] {
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

function toIssues(fn: ValidateFn, value: unknown, root: JsonSchema): Issue[] {
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

/** The schema value at an Ajv schemaPath ("#/properties/a/oneOf"), or undefined (or not a list, when `list`). */
function schemaNodeAt(root: JsonSchema, schemaPath: string, list = true): unknown {
  let node: unknown = root;
  for (const key of parsePointer(schemaPath.replace(/^#/, ''))) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(key)];
  }
  return !list || Array.isArray(node) ? node : undefined;
}

function toIssue(e: AjvLikeError): Issue {
  const params = e.params as Record<string, unknown>;
  const missing = params['missingProperty'];
  // a missing property is reported at its own field; a bad name (propertyNames) at its entry
  const at = REQUIRING.has(e.keyword) && typeof missing === 'string' ? missing : (e.propertyName ?? params['propertyName']);
  const pointer = typeof at === 'string' ? childPointer(e.instancePath, at) : e.instancePath;
  return { pointer, keyword: e.keyword, params, schemaPath: e.schemaPath };
}

const REQUIRING = new Set(['required', 'dependentRequired', 'dependencies']);

const matchers = new WeakMap<object, (value: unknown) => boolean>();

/**
 * Whether a value satisfies a subschema (an `if`, a oneOf branch) of root; its `$ref`s to
 * `#/$defs/...` resolve in root. Always the interpreter: choosing what to show must work on
 * every page. A subschema that cannot compile matches nothing.
 */
export function matcher(schema: JsonSchema, root: JsonSchema): (value: unknown) => boolean {
  const hit = matchers.get(schema);
  if (hit) return hit;
  let test: (value: unknown) => boolean;
  try {
    const { $id: _id, $schema: _s, ...rest } = schema;
    // the root's draft and its definitions, so the subschema's $refs resolve as in the root
    const { $schema, $defs, definitions } = root;
    const fn = interpreterEngine.matcher({ ...rest, ...($schema ? { $schema } : {}), ...($defs ? { $defs } : {}), ...(definitions ? { definitions } : {}) });
    test = (value) => fn(value) === true;
  } catch {
    test = () => false;
  }
  matchers.set(schema, test);
  return test;
}
