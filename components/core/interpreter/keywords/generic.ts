// Keywords for any type: type, const, enum.
import { equal } from '../equal.js';
import { fail, isObj } from '../run.js';
import type { Step } from '../types.js';

/** JSON type test as Ajv does it (numbers must be finite). */
export function isType(d: unknown, t: string): boolean {
  switch (t) {
    case 'null': return d === null;
    case 'array': return Array.isArray(d);
    case 'object': return isObj(d);
    case 'number': return typeof d === 'number' && isFinite(d);
    case 'integer': return typeof d === 'number' && Number.isInteger(d);
    default: return typeof d === t;
  }
}

export const typeError: Step = (c, n, _d, at) => fail(c, n, at, 'type', { type: n.s.type });

export const type: Step = (c, n, d, at, ev) => n.t!.some((t) => isType(d, t as string)) || typeError(c, n, d, at, ev);

export const generic: Record<string, Step> = {
  const: (c, n, d, at) => equal(d, n.s.const) || fail(c, n, at, 'const', { allowedValue: n.s.const }),
  enum: (c, n, d, at) => (n.s.enum as unknown[]).some((v) => equal(d, v)) || fail(c, n, at, 'enum', { allowedValues: n.s.enum }),
};
