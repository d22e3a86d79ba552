// Number keywords, with Ajv's params and its multipleOfPrecision tolerance.
import { fail } from '../run.js';
import type { Step } from '../types.js';

const limit = (op: string, ok: (d: number, l: number) => boolean): Step => (c, n, d, at) => {
  const kw = op === '<=' ? 'maximum' : op === '>=' ? 'minimum' : op === '<' ? 'exclusiveMaximum' : 'exclusiveMinimum';
  const l = n.s[kw] as number;
  return ok(d as number, l) || fail(c, n, at, kw, { comparison: op, limit: l });
};

export const number: Record<string, Step> = {
  maximum: limit('<=', (d, l) => d <= l),
  minimum: limit('>=', (d, l) => d >= l),
  exclusiveMaximum: limit('<', (d, l) => d < l),
  exclusiveMinimum: limit('>', (d, l) => d > l),
  multipleOf: (c, n, d, at) => {
    const m = n.s.multipleOf as number;
    const q = (d as number) / m;
    const p = c.doc.prec;
    // an overflowing quotient (1e308 / 0.5): a whole number is a multiple of 1/k, nothing else is
    const ok = isFinite(q) ? (p ? Math.abs(Math.round(q) - q) <= 10 ** -p : Number.isInteger(q)) : Number.isInteger(d) && Number.isInteger(1 / m);
    return ok || fail(c, n, at, 'multipleOf', { multipleOf: m });
  },
};
