// JSON Logic annotations of a schema (DESIGN.md, "The spine"), evaluated with json-logic-js:
//   x-rules   on an object: [{ rule, message: { 'zh-CN', en }, path? }], each rule must be truthy
//   x-compute on a property: the property's value is the logic's result (read-only in the form)
//   x-visible on a property: when falsy the field is hidden, neither validated nor stored
// `var` paths are dotted from the record root. The server (backend/internal/validation/logic.go)
// takes the same steps in the same order, so both give the same verdict on the same record;
// schemas/fixtures/logic/*.json proves it on both sides.
//
// Reading and checking the annotations is here; evaluating them needs json-logic-js, which a form
// without logic never loads: logic-evaluator.ts installs it, fetched by loadLogicEvaluator() the
// first time a schema has logic (<azx-form> waits for it), or imported up front by a page.
import { childPointer } from './pointer.js';
import { LOGIC_OPERATION_ARITY } from './logic-arity.js';
import type { JsonSchema } from './schema.js';

export type LogicKeyword = 'x-rules' | 'x-compute' | 'x-visible';

export interface LogicIssue {
  pointer: string;
  keyword: LogicKeyword;
  params: { zh?: string; en?: string; expected?: unknown };
}

interface FieldLogic {
  loc: string[];
  logic: unknown;
}

interface RuleLogic {
  owner: string[];
  rule: unknown;
  zh: string;
  en: string;
  path?: string[];
}

export interface LogicSpec {
  computes: FieldLogic[];
  visibles: FieldLogic[];
  rules: RuleLogic[];
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

// ---- reading the annotations -----------------------------------------------------------

const SPECIAL = ['if', '?:', 'and', 'or', 'filter', 'map', 'all', 'none', 'some', 'reduce'];
const OPERATIONS = [
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'log', 'in', 'cat', 'substr',
  '+', '*', '-', '/', 'min', 'max', 'merge', 'var', 'missing', 'missing_some',
  ...Object.keys(LOGIC_OPERATION_ARITY),
];
const ARITY: Record<string, readonly [number, number]> = {
  ...LOGIC_OPERATION_ARITY,
  var: [0, 2], missing_some: [2, 2], substr: [2, 3],
  filter: [2, 2], map: [2, 2], all: [2, 2], none: [2, 2], some: [2, 2], reduce: [2, 3],
  '!': [1, 1], '!!': [1, 1], '==': [2, 2], '===': [2, 2], '!=': [2, 2], '!==': [2, 2],
  '>': [2, 2], '>=': [2, 2], '<': [2, 3], '<=': [2, 3], '/': [2, 2], '%': [2, 2], '-': [1, 2], '*': [1, -1],
  in: [2, 2],
};

/** Refuses logic an administrator most likely got wrong (the server's logic.Check, same rules). */
export function checkLogic(logic: unknown, where = 'logic', depth = 0): void {
  if (depth > 256) throw new Error(`${where}: nested more than 256 levels deep`);
  if (Array.isArray(logic)) {
    logic.forEach((l, i) => checkLogic(l, `${where}[${i}]`, depth + 1));
    return;
  }
  if (!isObj(logic)) return;
  const keys = Object.keys(logic);
  if (keys.length !== 1) {
    throw new Error(`${where}: an operation is an object with exactly one operator, found ${keys.length} keys [${keys.join(' ')}]`);
  }
  const op = keys[0]!;
  if (!SPECIAL.includes(op) && !OPERATIONS.includes(op)) throw new Error(`${where}: unknown operator "${op}"`);
  const raw = logic[op];
  const values = Array.isArray(raw) ? raw : [raw];
  const bounds = ARITY[op];
  if (bounds && (values.length < bounds[0] || (bounds[1] >= 0 && values.length > bounds[1]))) {
    throw new Error(
      bounds[1] < 0
        ? `${where}: "${op}" needs at least ${bounds[0]} arguments, has ${values.length}`
        : `${where}: "${op}" takes ${bounds[0]} to ${bounds[1]} arguments, has ${values.length}`,
    );
  }
  checkLogic(values, `${where}.${op}`, depth + 1);
}

const cache = new WeakMap<object, LogicSpec>();

/**
 * The annotations of a schema, read once per schema object. Throws (with the place named) on
 * malformed logic, and on annotations where they cannot work (array items, $defs).
 */
export function logicOf(schema: JsonSchema): LogicSpec {
  const hit = cache.get(schema);
  if (hit) return hit;
  const spec: LogicSpec = { computes: [], visibles: [], rules: [] };
  const supported = new Set<string>();
  walk(schema, [], '', spec, supported);
  const stray: string[] = [];
  findAnnotations(schema, '', (p) => {
    if (!supported.has(p)) stray.push(p);
  });
  if (stray.length > 0) {
    throw new Error(
      `${stray.sort().join(', ')}: x-rules, x-compute and x-visible are supported only on the root object and on properties reached from it through "properties"`,
    );
  }
  cache.set(schema, spec);
  return spec;
}

function walk(node: unknown, loc: string[], ptr: string, spec: LogicSpec, supported: Set<string>): void {
  if (!isObj(node)) return;
  const where = ptr || '/';
  if ('x-rules' in node) {
    supported.add(`${where}#x-rules`);
    const list = node['x-rules'];
    if (!Array.isArray(list)) throw new Error(`${where}: x-rules must be a list of {rule, message, path?}`);
    list.forEach((item, i) => {
      try {
        spec.rules.push({ owner: loc, ...parseRule(item) });
      } catch (err) {
        throw new Error(`${where}: x-rules[${i}]: ${(err as Error).message}`);
      }
    });
  }
  for (const kw of ['x-compute', 'x-visible'] as const) {
    if (!(kw in node)) continue;
    supported.add(`${where}#${kw}`);
    if (loc.length === 0) throw new Error(`${where}: ${kw} belongs on a property, not on the record itself`);
    try {
      checkLogic(node[kw]);
    } catch (err) {
      throw new Error(`${where}: ${kw}: ${(err as Error).message}`);
    }
    (kw === 'x-compute' ? spec.computes : spec.visibles).push({ loc, logic: node[kw] });
  }
  const props = isObj(node['properties']) ? node['properties'] : {};
  // sorted like the server, so rules meet a field in the same order on both sides
  for (const k of Object.keys(props).sort(byCodeUnits)) walk(props[k], [...loc, k], `${ptr}/properties/${k}`, spec, supported);
}

// Go sorts strings by bytes (UTF-8), which orders code points; compare the same way
function byCodeUnits(a: string, b: string): number {
  const ca = [...a].map((c) => c.codePointAt(0)!);
  const cb = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < ca.length && i < cb.length; i++) if (ca[i] !== cb[i]) return ca[i]! - cb[i]!;
  return ca.length - cb.length;
}

function parseRule(item: unknown): Omit<RuleLogic, 'owner'> {
  if (!isObj(item)) throw new Error('each rule must be an object {rule, message, path?}');
  if (!('rule' in item)) throw new Error('"rule" is missing');
  checkLogic(item['rule']);
  const msg = isObj(item['message']) ? item['message'] : {};
  const zh = msg['zh-CN'];
  const en = msg['en'];
  if (typeof zh !== 'string' || !zh.trim() || typeof en !== 'string' || !en.trim()) {
    throw new Error('"message" must give both "zh-CN" and "en" text');
  }
  for (const k of Object.keys(item)) {
    if (k !== 'rule' && k !== 'message' && k !== 'path') throw new Error(`unknown member "${k}" (a rule has rule, message and path)`);
  }
  const rule: Omit<RuleLogic, 'owner'> = { rule: item['rule'], zh, en };
  if ('path' in item) {
    const p = item['path'];
    if (typeof p !== 'string' || p === '' || p.startsWith('.') || p.endsWith('.') || p.includes('..')) {
      throw new Error('"path" must be a dotted field path such as "prevention_budget"');
    }
    rule.path = p.split('.');
  }
  return rule;
}

function findAnnotations(node: unknown, ptr: string, found: (p: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((e, i) => findAnnotations(e, `${ptr}/${i}`, found));
    return;
  }
  if (!isObj(node)) return;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'x-rules' || k === 'x-compute' || k === 'x-visible') found(`${ptr || '/'}#${k}`);
    else if (k !== 'const' && k !== 'enum' && k !== 'default' && k !== 'examples') findAnnotations(v, `${ptr}/${k}`, found);
  }
}

export function hasLogic(spec: LogicSpec): boolean {
  return spec.computes.length + spec.visibles.length + spec.rules.length > 0;
}

// ---- applying them -------------------------------------------------------------------------

export const pointerOf = (loc: string[]): string => loc.reduce((p, k) => childPointer(p, k), '');

function valueAt(v: unknown, loc: string[]): { present: boolean; value: unknown } {
  let cur = v;
  for (const k of loc) {
    if (!isObj(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return { present: false, value: undefined };
    cur = cur[k];
  }
  return { present: true, value: cur };
}

function parentPresent(v: Obj, loc: string[]): boolean {
  if (loc.length <= 1) return true;
  const p = valueAt(v, loc.slice(0, -1));
  return p.present && isObj(p.value);
}

function setAt(v: Obj, loc: string[], val: unknown): void {
  let cur: Obj = v;
  for (const k of loc.slice(0, -1)) {
    const next = cur[k];
    if (!isObj(next)) return;
    cur = next;
  }
  cur[loc[loc.length - 1]!] = val;
}

function removeAt(v: Obj, loc: string[]): void {
  let cur: Obj = v;
  for (const k of loc.slice(0, -1)) {
    const next = cur[k];
    if (!isObj(next)) return;
    cur = next;
  }
  delete cur[loc[loc.length - 1]!];
}

/** Objects copied all the way down (we write into them); arrays and scalars shared. */
function copyObjects(v: Obj): Obj {
  const out: Obj = {};
  for (const [k, x] of Object.entries(v)) out[k] = isObj(x) ? copyObjects(x) : x;
  return out;
}

// ---- the evaluator ---------------------------------------------------------------------------

/** JSON Logic with AZX's operations (logic-evaluator.ts: json-logic-js's). */
export interface LogicEvaluator {
  apply(logic: unknown, data: unknown): unknown;
  truthy(value: unknown): boolean;
}

let evaluator: LogicEvaluator | undefined;
let evaluatorLoading: Promise<void> | undefined;

/** Installs the evaluator (loadLogicEvaluator, or logic-install.ts when azx/logic is imported). */
export function useLogicEvaluator(next: LogicEvaluator): void {
  evaluator = next;
}

/** True when logic can be evaluated now, without waiting. */
export function logicEvaluatorReady(): boolean {
  return evaluator !== undefined;
}

/** Fetches the evaluator once (a chunk of its own in a bundle); resolves when logic can be evaluated. */
export function loadLogicEvaluator(): Promise<void> {
  return (evaluatorLoading ??= import('./logic-evaluator.js').then((m) => useLogicEvaluator(m.logicEvaluator)));
}

/** True when the schema has logic to evaluate and the evaluator is not loaded yet; malformed logic is compileSchema's to report. */
export function needsLogicEvaluator(schema: JsonSchema): boolean {
  if (evaluator) return false;
  try {
    return hasLogic(logicOf(schema));
  } catch {
    return false;
  }
}

function loadedEvaluator(): LogicEvaluator {
  if (evaluator) return evaluator;
  throw new Error(
    'azx: this schema has x-rules, x-compute or x-visible, and the JSON Logic evaluator is not loaded: `await loadLogicEvaluator()` first, or import "azx/logic" once on the page',
  );
}

function evaluate(logic: unknown, data: unknown): { ok: true; value: unknown } | { ok: false } {
  const logicEvaluator = loadedEvaluator();
  try {
    return { ok: true, value: logicEvaluator.apply(logic, data) };
  } catch {
    return { ok: false };
  }
}

/** Math.round as the server writes it (floor(x·100 + 0.5)/100), so both round identically. */
export function round2(x: number): number {
  const r = Math.floor(x * 100 + 0.5) / 100;
  return r === 0 ? 0 : r;
}

/** What a computed field holds: numbers to 2 decimals; nothing for NaN, ±Infinity, null. */
function computedValue(out: unknown): unknown {
  if (typeof out === 'number') return Number.isFinite(out) ? round2(out) : undefined;
  if (out === null || out === undefined) return undefined;
  return JSON.parse(JSON.stringify(out)) as unknown;
}

/** Structural equality of JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

function sameComputed(sent: unknown, want: unknown): boolean {
  if (typeof sent === 'number') return typeof want === 'number' && round2(sent) === round2(want);
  return deepEqual(sent, want);
}

function isHidden(loc: string[], hidden: string[][]): boolean {
  return hidden.some((h) => h.length <= loc.length && h.every((k, i) => loc[i] === k));
}

function fillComputes(spec: LogicSpec, v: Obj, hidden: string[][]): void {
  for (let pass = 0; pass <= spec.computes.length; pass++) {
    let changed = false;
    for (const c of spec.computes) {
      if (!parentPresent(v, c.loc) || isHidden(c.loc, hidden)) continue;
      const r = evaluate(c.logic, v);
      const next = r.ok ? computedValue(r.value) : undefined;
      const cur = valueAt(v, c.loc);
      if (next === undefined) {
        if (cur.present) {
          removeAt(v, c.loc);
          changed = true;
        }
        continue;
      }
      if (!cur.present || !deepEqual(cur.value, next)) {
        setAt(v, c.loc, next);
        changed = true;
      }
    }
    if (!changed) return;
  }
}

export interface Settled {
  /** The record as it is checked and stored: computed fields filled, hidden fields removed. */
  value: unknown;
  /** Locations of hidden fields. */
  hidden: string[][];
  /** A value sent for a hidden field, a computed value that differs. */
  issues: LogicIssue[];
}

/**
 * Fill computed fields, hide the invisible, recompute without them; report what the record sent wrongly.
 * moreHidden names further hidden locations (judged after the computes), removed the same way.
 */
export function settle(spec: LogicSpec, record: unknown, moreHidden?: (value: Obj) => string[][]): Settled {
  if (!isObj(record) || (!hasLogic(spec) && !moreHidden)) return { value: record, hidden: [], issues: [] };
  const v = copyObjects(record);
  fillComputes(spec, v, []);
  // fields hidden for other reasons (a branch of if/then/else that does not apply) go the same way
  const hidden: string[][] = moreHidden ? moreHidden(v) : [];
  for (const f of spec.visibles) {
    if (!parentPresent(v, f.loc)) continue;
    const r = evaluate(f.logic, v);
    if (r.ok && loadedEvaluator().truthy(r.value)) continue;
    hidden.push(f.loc);
  }
  const issues: LogicIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: LogicIssue) => {
    if (seen.has(issue.pointer)) return;
    seen.add(issue.pointer);
    issues.push(issue);
  };
  for (const h of hidden) {
    if (valueAt(record, h).present) add({ pointer: pointerOf(h), keyword: 'x-visible', params: {} });
    removeAt(v, h);
  }
  fillComputes(spec, v, hidden);
  for (const c of spec.computes) {
    if (isHidden(c.loc, hidden)) continue;
    const sent = valueAt(record, c.loc);
    if (!sent.present || sent.value === null) continue;
    const want = valueAt(v, c.loc).value;
    if (!sameComputed(sent.value, want)) add({ pointer: pointerOf(c.loc), keyword: 'x-compute', params: { expected: want ?? null } });
  }
  return { value: v, hidden, issues };
}

/** The x-rules that fail on a settled value. */
export function ruleIssues(spec: LogicSpec, value: unknown, hidden: string[][]): LogicIssue[] {
  const out: LogicIssue[] = [];
  for (const r of spec.rules) {
    if (isHidden(r.owner, hidden)) continue;
    if (r.owner.length > 0) {
      const owner = valueAt(value, r.owner);
      if (!owner.present || owner.value === null) continue;
    }
    const res = evaluate(r.rule, value);
    if (res.ok && loadedEvaluator().truthy(res.value)) continue;
    out.push({ pointer: pointerOf(r.path ?? r.owner), keyword: 'x-rules', params: { zh: r.zh, en: r.en } });
  }
  return out;
}

/** True when pointer names a hidden field or lies inside one. */
export function underHidden(pointer: string, hidden: string[][]): boolean {
  return hidden.some((h) => {
    const p = pointerOf(h);
    return pointer === p || pointer.startsWith(p + '/');
  });
}
