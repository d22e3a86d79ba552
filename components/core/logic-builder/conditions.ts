// The rule builder's model: conditions an administrator picks from lists, turned into JSON
// Logic (and read back from it when the logic has that shape), and simple formulas for
// computed fields. Anything else stays editable as JSON Logic text.
/**
 * A field's kind as an editor names it: 'number' and 'integer' values are compared as numbers,
 * 'boolean' ones as true/false, any other as text.
 */
export type FieldKind = string;

export const CONDITION_OPS = ['==', '!=', '>', '>=', '<', '<=', 'in', 'filled', 'empty'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export interface Condition {
  readonly field: string;
  readonly op: ConditionOp;
  /** Compare with a typed value or with another field (times a factor). */
  readonly against: 'value' | 'field';
  /** The typed value; for `in` a comma-separated list. */
  readonly value: string;
  readonly otherField: string;
  /** other field × factor (1 when absent): "budget ≥ premium × 0.3". */
  readonly factor: number;
}

export interface ConditionGroup {
  readonly combinator: 'and' | 'or';
  readonly conditions: readonly Condition[];
}

export function emptyCondition(field = ''): Condition {
  return { field, op: '==', against: 'value', value: '', otherField: '', factor: 1 };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function typed(text: string, kind: FieldKind | undefined): unknown {
  const t = text.trim();
  if (kind === 'number' || kind === 'integer') {
    const n = Number(t);
    return t !== '' && Number.isFinite(n) ? n : t;
  }
  if (kind === 'boolean') return t === 'true' || t === '是';
  return text;
}

function conditionLogic(c: Condition, kindOf: (path: string) => FieldKind | undefined): unknown {
  const left = { var: c.field };
  if (c.op === 'filled') return { '!!': [left] };
  if (c.op === 'empty') return { '!': [left] };
  if (c.op === 'in') {
    const list = c.value.split(/[,，]/).map((s) => s.trim()).filter((s) => s !== '').map((s) => typed(s, kindOf(c.field)));
    return { in: [left, list] };
  }
  let right: unknown;
  if (c.against === 'field') {
    right = c.factor === 1 ? { var: c.otherField } : { '*': [{ var: c.otherField }, c.factor] };
  } else {
    right = typed(c.value, kindOf(c.field));
  }
  return { [c.op]: [left, right] };
}

/** The JSON Logic of a group; null when it has no complete condition. */
export function groupLogic(group: ConditionGroup, kindOf: (path: string) => FieldKind | undefined): unknown {
  const parts = group.conditions.filter((c) => c.field !== '' && (c.against === 'value' || c.op === 'filled' || c.op === 'empty' || c.otherField !== '')).map((c) => conditionLogic(c, kindOf));
  if (parts.length === 0) return null;
  if (parts.length === 1) return parts[0];
  return { [group.combinator]: parts };
}

function varName(v: unknown): string | undefined {
  if (!isObj(v) || Object.keys(v).length !== 1) return undefined;
  const name = v['var'];
  if (typeof name === 'string') return name;
  if (Array.isArray(name) && name.length === 1 && typeof name[0] === 'string') return name[0];
  return undefined;
}

function readCondition(logic: unknown): Condition | null {
  if (!isObj(logic) || Object.keys(logic).length !== 1) return null;
  const op = Object.keys(logic)[0]!;
  const raw = logic[op];
  const args = Array.isArray(raw) ? raw : [raw];
  const field = varName(args[0]);
  if (!field) return null;
  const base = emptyCondition(field);
  if (op === '!!' && args.length === 1) return { ...base, op: 'filled' };
  if (op === '!' && args.length === 1) return { ...base, op: 'empty' };
  if (op === 'in' && args.length === 2 && Array.isArray(args[1]) && args[1].every((x) => typeof x !== 'object' || x === null)) {
    return { ...base, op: 'in', value: (args[1] as unknown[]).map(String).join(', ') };
  }
  if (!(CONDITION_OPS as readonly string[]).includes(op) || args.length !== 2) return null;
  const right = args[1];
  const other = varName(right);
  if (other) return { ...base, op: op as ConditionOp, against: 'field', otherField: other };
  if (isObj(right) && Array.isArray(right['*']) && right['*'].length === 2) {
    const [a, b] = right['*'] as unknown[];
    const name = varName(a);
    if (name && typeof b === 'number') return { ...base, op: op as ConditionOp, against: 'field', otherField: name, factor: b };
  }
  if (right === null || typeof right !== 'object') return { ...base, op: op as ConditionOp, value: String(right) };
  return null;
}

/** The group a logic expression was built from, or null when it has another shape. */
export function readGroup(logic: unknown): ConditionGroup | null {
  if (logic === undefined || logic === null || logic === true) return { combinator: 'and', conditions: [] };
  if (isObj(logic) && Object.keys(logic).length === 1) {
    const op = Object.keys(logic)[0]!;
    if ((op === 'and' || op === 'or') && Array.isArray(logic[op])) {
      const conditions = (logic[op] as unknown[]).map(readCondition);
      if (conditions.every((c): c is Condition => c !== null)) return { combinator: op, conditions };
      return null;
    }
  }
  const one = readCondition(logic);
  return one ? { combinator: 'and', conditions: [one] } : null;
}

// ── formulas of computed fields ─────────────────────────────────────────────────────────

export const FORMULA_OPS = ['+', '-', '*', '/'] as const;
export type FormulaOp = (typeof FORMULA_OPS)[number];

/** An operand: a field's dotted path, or a number typed as text. */
export interface Operand {
  readonly kind: 'field' | 'number';
  readonly text: string;
}

export interface Formula {
  readonly op: FormulaOp;
  readonly operands: readonly Operand[];
}

export function formulaLogic(f: Formula): unknown {
  const args = f.operands
    .filter((o) => o.text.trim() !== '')
    .map((o) => (o.kind === 'field' ? { var: o.text } : Number(o.text)));
  if (args.length < 2) return null;
  // "-" and "/" take exactly two arguments; more become a left fold
  if ((f.op === '-' || f.op === '/') && args.length > 2) {
    return args.slice(1).reduce<unknown>((acc, a) => ({ [f.op]: [acc, a] }), args[0]);
  }
  return { [f.op]: args };
}

export function readFormula(logic: unknown): Formula | null {
  if (logic === undefined) return { op: '*', operands: [] };
  if (!isObj(logic) || Object.keys(logic).length !== 1) return null;
  const op = Object.keys(logic)[0]!;
  if (!(FORMULA_OPS as readonly string[]).includes(op)) return null;
  const raw = logic[op];
  if (!Array.isArray(raw)) return null;
  const operands: Operand[] = [];
  for (const a of raw) {
    const name = varName(a);
    if (name) operands.push({ kind: 'field', text: name });
    else if (typeof a === 'number') operands.push({ kind: 'number', text: String(a) });
    else return null;
  }
  return { op: op as FormulaOp, operands };
}
