// $ref, $dynamicRef and $recursiveRef: targets are resolved when the schema compiles; a $dynamicRef to a
// $dynamicAnchor takes the outermost resource in the dynamic scope that declares that anchor.
import { inPlace } from '../run.js';
import type { Step, Target } from '../types.js';

export const ref: Record<string, Step> = {
  $ref: (c, n, d, at, ev) => inPlace(c, n.ref!.s, n.ref!.path, d, at, ev),
  $recursiveRef: (c, n, d, at, ev) => dynamic(c, n, d, at, ev),
  $dynamicRef: (c, n, d, at, ev) => dynamic(c, n, d, at, ev),
};

/** $dynamicRef, and 2019-09's $recursiveRef (a dynamic anchor named ''). */
const dynamic: Step = (c, n, d, at, ev) => {
  let t: Target = n.dref!.target;
  const name = n.dref!.anchor;
  if (name !== null)
    for (const base of c.scope) {
      const hit = c.doc.dyn.get(base)?.get(name);
      if (hit) {
        t = hit;
        break;
      }
    }
  return inPlace(c, t.s, t.path, d, at, ev);
};
