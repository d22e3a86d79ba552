// String keywords; lengths count code points as Ajv does. format also checks numbers.
import { fail } from '../run.js';
import type { Step } from '../types.js';

const length = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

export const string: Record<string, Step> = {
  maxLength: (c, n, d, at) => length(d as string) <= (n.s.maxLength as number) || fail(c, n, at, 'maxLength', { limit: n.s.maxLength }),
  minLength: (c, n, d, at) => length(d as string) >= (n.s.minLength as number) || fail(c, n, at, 'minLength', { limit: n.s.minLength }),
  pattern: (c, n, d, at) => (n.re as RegExp).test(d as string) || fail(c, n, at, 'pattern', { pattern: n.s.pattern }),
  format: (c, n, d, at) => {
    const f = n.s.format as string;
    const test = c.doc.formats[f] as ((v: unknown) => boolean) | undefined;
    // unknown formats (allowed only when not strict) and string formats on numbers pass
    if (!test || (typeof d === 'number') !== f in NUMBER_FORMATS) return true;
    return test(d) || fail(c, n, at, 'format', { format: f });
  },
};

/** ajv-formats' number formats; every other format applies to strings. */
export const NUMBER_FORMATS: Record<string, (v: unknown) => boolean> = {
  int32: (v) => Number.isInteger(v) && Math.abs(v as number + 0.5) <= 2 ** 31,
  int64: Number.isInteger,
  float: () => true,
  double: () => true,
};
