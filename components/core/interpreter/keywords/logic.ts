// Applicators in place: allOf, anyOf, oneOf, not, if/then/else. A choice that passes drops the
// errors of the branches that failed (Ajv's reset); one that fails keeps them and adds its own.
import { fail, inPlace, run } from '../run.js';
import type { Step } from '../types.js';

const each = (kw: string): Step => (c, n, d, at, ev) => {
  const before = c.errs.length;
  const passing: number[] = [];
  (n.s[kw] as unknown[]).forEach((s, i) => {
    if (inPlace(c, s, `${n.path}/${kw}/${i}`, d, at, ev)) passing.push(i);
  });
  const ok = kw === 'allOf' ? passing.length === (n.s[kw] as unknown[]).length : kw === 'anyOf' ? passing.length > 0 : passing.length === 1;
  if (ok) {
    if (kw !== 'allOf') c.errs.length = before;
    return true;
  }
  if (kw === 'allOf') return false;
  return fail(c, n, at, kw, kw === 'anyOf' ? {} : { passingSchemas: passing.length ? passing.slice(0, 2) : null });
};

export const logic: Record<string, Step> = {
  allOf: each('allOf'),
  anyOf: each('anyOf'),
  oneOf: each('oneOf'),
  not: (c, n, d, at) => {
    const before = c.errs.length;
    const ok = run(c, n.s.not, n.path + '/not', d, at, null);
    c.errs.length = before;
    return !ok || fail(c, n, at, 'not', {});
  },
  if: (c, n, d, at, ev) => {
    const before = c.errs.length;
    const cond = inPlace(c, n.s.if, n.path + '/if', d, at, ev);
    c.errs.length = before;
    const kw = cond ? 'then' : 'else';
    if (n.s[kw] === undefined || inPlace(c, n.s[kw], `${n.path}/${kw}`, d, at, ev)) return true;
    return fail(c, n, at, 'if', { failingKeyword: kw }, 'if');
  },
};
