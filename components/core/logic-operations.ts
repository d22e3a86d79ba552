// Operations AZX adds to JSON Logic, generic and nothing regulatory: exact decimal rounding for
// money, calendar dates, and look-ups that JSON Logic's scoping cannot write (inside map or
// filter, var sees only the item). The server's evaluator has the same operations
// (backend/internal/logic/extensions.go, decimal.go); the operator corpus
// (schemas/fixtures/jsonlogic-js-cases.json) is computed here and held to on both sides.
//
// This module imports nothing, so a Node script can load it too (test/backend/logic-cases.mjs).

type Fn = (...args: unknown[]) => unknown;

/** A number, or a string that is one; anything else is NaN (never the 0 JavaScript makes of null or ""). */
function numberArg(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '') return Number(v);
  return NaN;
}

/** x as digits × 10^exp from its shortest round-trip form (String(x)); undefined when not finite. */
function decimalOf(x: number): { digits: bigint; exp: number } | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (x === 0) return { digits: 0n, exp: 0 };
  const [mant = '', expPart = '0'] = x.toExponential().split('e');
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  const digitsValue = BigInt(digits);
  return { digits: neg ? -digitsValue : digitsValue, exp: Number(expPart) - (digits.length - 1) };
}

const MAX_SCALE = 800;

/** Π factors ÷ Π divisors, exact, rounded to places decimals: half_up (away from zero), ceiling or floor. */
function roundExact(factors: readonly unknown[], divisors: readonly unknown[], placesArg: unknown, modeArg: unknown): number {
  const places = placesArg === null || placesArg === undefined ? 0 : numberArg(placesArg);
  if (!Number.isInteger(places) || places < 0 || places > 20) return NaN;
  let mode = 'half_up';
  if (modeArg !== null && modeArg !== undefined) {
    if (typeof modeArg !== 'string') return NaN;
    mode = modeArg;
  }
  if (mode !== 'half_up' && mode !== 'ceiling' && mode !== 'floor') return NaN;
  let num = 1n;
  let den = 1n;
  let scale = places;
  for (const f of factors) {
    const d = decimalOf(numberArg(f));
    if (!d) return NaN;
    num *= d.digits;
    scale += d.exp;
  }
  for (const f of divisors) {
    const d = decimalOf(numberArg(f));
    if (!d || d.digits === 0n) return NaN;
    den *= d.digits;
    scale -= d.exp;
  }
  if (scale > MAX_SCALE || scale < -MAX_SCALE) return NaN;
  if (scale >= 0) num *= 10n ** BigInt(scale);
  else den *= 10n ** BigInt(-scale);
  const neg = num < 0n !== den < 0n && num !== 0n;
  if (num < 0n) num = -num;
  if (den < 0n) den = -den;
  let q = num / den;
  const r = num % den;
  if (r !== 0n) {
    const up = mode === 'half_up' ? 2n * r >= den : mode === 'ceiling' ? !neg : neg;
    if (up) q += 1n;
  }
  if (q === 0n) return 0;
  let s = q.toString();
  if (places > 0) {
    if (s.length <= places) s = '0'.repeat(places - s.length + 1) + s;
    s = `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
  }
  return Number(neg ? `-${s}` : s);
}

const asList = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : [v]);

/** A calendar date "YYYY-MM-DD" (years 0001–9999) as UTC milliseconds. */
function dayOf(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const [y, m, d] = v.split('-').map(Number) as [number, number, number];
  if (y < 1) return undefined;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return isoDay(t.getTime()) === v ? t.getTime() : undefined;
}

function isoDay(ms: number): string {
  const t = new Date(ms);
  const y = t.getUTCFullYear();
  return `${String(y).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}

const DAY = 86_400_000;

/** var's walk over a value: own keys of objects, indexes and length of arrays and strings. */
function lookup(value: unknown, path: unknown, notFound: unknown = null): unknown {
  if (path === undefined || path === null || path === '') return value;
  let cur = value;
  for (const key of String(path).split('.')) {
    if (cur === null || cur === undefined) return notFound;
    if (typeof cur === 'string' || Array.isArray(cur)) {
      if (key === 'length') {
        cur = cur.length;
        continue;
      }
      if (!/^(0|[1-9]\d{0,8})$/.test(key) || Number(key) >= cur.length) return notFound;
      cur = cur[Number(key)];
      continue;
    }
    if (typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, key)) return notFound;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur === undefined ? notFound : cur;
}

/** The operations by name (json-logic-js calls them with the evaluated arguments). */
export const LOGIC_OPERATIONS: Readonly<Record<string, Fn>> = {
  round: (x, places, mode) => roundExact([x], [], places, mode),
  round_product: (factors, places, mode, divisors) =>
    roundExact(asList(factors), divisors === null || divisors === undefined ? [] : asList(divisors), places, mode),
  date_add: (date, days) => {
    const t = dayOf(date);
    const n = numberArg(days);
    if (t === undefined || !Number.isInteger(n) || Math.abs(n) > 4e6) return null;
    const out = new Date(t + n * DAY);
    const y = out.getUTCFullYear();
    return y < 1 || y > 9999 ? null : isoDay(out.getTime());
  },
  days_between: (from, to) => {
    const a = dayOf(from);
    const b = dayOf(to);
    return a === undefined || b === undefined ? null : Math.round((b - a) / DAY);
  },
  get: (value, path, notFound) => lookup(value, path, notFound === undefined ? null : notFound),
  find: (list, field, value) => (Array.isArray(list) ? list.find((item) => lookup(item, field) === value) ?? null : null),
  difference: (...args: unknown[]) => {
    const [list, other, field] = args;
    const others = Array.isArray(other) ? other : [];
    const keyOf = (item: unknown) => (args.length > 2 ? lookup(item, field) : item);
    return (Array.isArray(list) ? list : []).filter((item) => !others.some((o) => o === keyOf(item)));
  },
  join: (list, separator) => (Array.isArray(list) ? list.join(separator === null || separator === undefined ? ',' : String(separator)) : null),
  tier: (x, list, field) => {
    const n = Number(x);
    if (!Array.isArray(list)) return null;
    for (const item of list) {
      const bound = lookup(item, field);
      if (bound === null || n <= Number(bound)) return item;
    }
    return null;
  },
  pick: (object, keys) => (Array.isArray(keys) ? keys.map((k) => lookup(object, k)) : []),
};

interface JsonLogicLike {
  add_operation(name: string, code: Fn): void;
}

/** Adds the operations to a json-logic-js instance. */
export function installOperations(jsonLogic: JsonLogicLike): void {
  for (const [name, fn] of Object.entries(LOGIC_OPERATIONS)) jsonLogic.add_operation(name, fn);
}
