// Compile time: walk the schema once, give every schema object its node (path, base URI and
// keyword steps in Ajv's order), index $id/$anchor/$dynamicAnchor, resolve every $ref, and
// refuse what Ajv's strict mode refuses.
import { ANY_TYPE, GROUPS, STEPS, isType, type, typeError } from './keywords/index.js';
import { FORMATS } from './formats.js';
import { NUMBER_FORMATS } from './keywords/string.js';
import { esc, escS, has, isObj } from './run.js';
import type { Doc, InterpreterOptions, Json, SchemaNode, Step, Target } from './types.js';
import { LIST, MAP, ONE, QUIET } from './vocabulary.js';

const DEFAULT_BASE = 'https://azx.invalid/schema.json';

function steps(s: Json): Step[] {
  const types = s.type === undefined ? [] : ([] as unknown[]).concat(s.type);
  const single = types.length === 1 ? types[0] : undefined;
  const present = GROUPS.map(([t, kws]) => [t, kws.filter((k) => has(s, k)).map((k) => STEPS[k]!)] as const).filter(([, f]) => f.length);
  const out: Step[] = [];
  // Ajv reports a wrong type inside the group of keywords for that type when there is one
  if (types.length && !present.some(([t]) => t === single)) out.push(type);
  for (const k of ANY_TYPE) if (has(s, k)) out.push(STEPS[k]!);
  for (const [t, fns] of present)
    out.push((c, n, d, at, ev) => {
      if (!isType(d, t)) return single === t ? typeError(c, n, d, at, ev) : true;
      let ok = true;
      for (const f of fns) if (!f(c, n, d, at, ev)) ok = false;
      return ok;
    });
  return out;
}

const unescape = (t: string) => t.replace(/~1/g, '/').replace(/~0/g, '~');

export function prepare(root: unknown, opts: InterpreterOptions): Doc {
  const strict = opts.strict !== false;
  const known = new Set([...QUIET, ...ONE, ...LIST, ...MAP, ...Object.keys(STEPS), ...(opts.keywords ?? []).map((k) => k.keyword)]);
  const doc: Doc = {
    nodes: new WeakMap(),
    dyn: new Map(),
    track: false,
    dynamic: false,
    formats: { ...FORMATS, ...NUMBER_FORMATS, ...opts.formats } as Doc['formats'],
    prec: opts.multipleOfPrecision ?? 0,
  };
  const resources = new Map<string, Target>();
  const anchors = new Map<string, Target>();
  const refs: SchemaNode[] = [];
  const refuse = (m: string): never => {
    throw new Error(m);
  };

  function walk(s: unknown, path: string, base: string): void {
    if (!isObj(s) || doc.nodes.has(s)) return;
    if (typeof s.$id === 'string') base = new URL(s.$id, base).href.replace(/#.*/, '');
    if (typeof s.$id === 'string' || path === '#') resources.set(base, { s, path });
    const n: SchemaNode = { s, path, base, steps: steps(s), t: ([] as unknown[]).concat(s.type) };
    // a keystroke validates the whole record: no escaping or path building per property then
    if (isObj(s.properties)) n.props = Object.keys(s.properties).map((k) => [k, esc(k), `${path}/properties${escS(k)}`]);
    doc.nodes.set(s, n);
    for (const a of ['$anchor', '$dynamicAnchor']) {
      if (typeof s[a] !== 'string') continue;
      anchors.set(`${base}#${s[a]}`, { s, path });
      if (a === '$dynamicAnchor') (doc.dyn.get(base) ?? doc.dyn.set(base, new Map()).get(base)!).set(s[a] as string, { s, path });
    }
    if (strict) {
      for (const k in s) if (!known.has(k)) refuse(`strict mode: unknown keyword: "${k}"`);
      // Ajv2020 knows no other dialect
      if (typeof s.$schema === 'string' && s.$schema.replace(/#$/, '') !== 'https://json-schema.org/draft/2020-12/schema') refuse(`no schema with key or ref "${s.$schema}"`);
      if (typeof s.format === 'string' && !doc.formats[s.format]) refuse(`unknown format "${s.format}" ignored in schema at path "${path}"`);
      if (has(s, 'if') && !has(s, 'then') && !has(s, 'else')) refuse('strict mode: "if" without "then" and "else" is ignored');
      for (const k of ['then', 'else']) if (has(s, k) && !has(s, 'if')) refuse(`strict mode: "${k}" without "if" is ignored`);
      for (const k of ['minContains', 'maxContains']) if (has(s, k) && !has(s, 'contains')) refuse(`strict mode: "${k}" without "contains" is ignored`);
    }
    if (has(s, '$ref') || has(s, '$dynamicRef')) refs.push(n);
    if (has(s, 'unevaluatedProperties') || has(s, 'unevaluatedItems')) doc.track = true;
    if (has(s, '$dynamicRef')) doc.dynamic = true;
    if (typeof s.pattern === 'string') n.re = new RegExp(s.pattern, 'u');
    if (isObj(s.patternProperties)) n.pp = Object.keys(s.patternProperties).map((p) => [new RegExp(p, 'u'), p]);
    for (const k of ONE) walk(s[k], `${path}/${k}`, base);
    for (const k of LIST) if (Array.isArray(s[k])) (s[k] as unknown[]).forEach((x, i) => walk(x, `${path}/${k}/${i}`, base));
    for (const k of MAP) if (isObj(s[k])) for (const p in s[k] as Json) walk((s[k] as Json)[p], `${path}/${k}${escS(p)}`, base);
  }

  function resolve(ref: string, n: SchemaNode): Target {
    let t: Target | undefined;
    try {
      const u = new URL(ref, n.base);
      const frag = decodeURIComponent(u.hash.slice(1));
      u.hash = '';
      if (frag === '' || frag[0] === '/') {
        t = resources.get(u.href);
        for (const tok of frag.split('/').slice(1).map(unescape)) {
          if (!t || typeof t.s !== 'object' || t.s === null || !has(t.s, tok)) t = undefined;
          else t = { s: (t.s as Json)[tok], path: t.path + escS(tok) };
        }
        // a pointer into a place the walk did not reach (e.g. under an unknown keyword)
        if (t && isObj(t.s) && !doc.nodes.has(t.s)) walk(t.s, t.path, doc.nodes.get(resources.get(u.href)!.s as object)!.base);
      } else t = anchors.get(`${u.href}#${frag}`);
    } catch {
      t = undefined;
    }
    return t ?? refuse(`can't resolve reference ${ref} from id ${n.base === DEFAULT_BASE ? '#' : n.base}`);
  }

  walk(root, '#', DEFAULT_BASE);
  for (let i = 0; i < refs.length; i++) {
    const n = refs[i]!;
    if (typeof n.s.$ref === 'string') n.ref = resolve(n.s.$ref, n);
    if (typeof n.s.$dynamicRef === 'string') {
      const target = resolve(n.s.$dynamicRef, n);
      const name = n.s.$dynamicRef.replace(/^[^#]*#?/, '');
      // dynamic only when the static target declares that $dynamicAnchor (2020-12 "bookending")
      n.dref = { target, anchor: isObj(target.s) && target.s.$dynamicAnchor === name ? name : null };
    }
  }
  // A chain of in-place subschemas ($ref, allOf, if …) that comes back to where it started never
  // steps into the value, so validating would recurse forever: refuse it here instead.
  const state = new Map<object, 1 | 2>();
  const visit = (x: unknown): void => {
    if (!isObj(x) || state.get(x) === 2) return;
    const n = doc.nodes.get(x)!;
    if (state.get(x) === 1) refuse(`$ref cycle at ${n.path}: it refers back to itself without reaching into the value`);
    state.set(x, 1);
    for (const k of IN_PLACE) {
      const v = x[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if (k === 'dependentSchemas' && isObj(v)) Object.values(v).forEach(visit);
      else visit(v);
    }
    visit(n.ref?.s);
    visit(n.dref?.target.s);
    state.set(x, 2);
  };
  refs.forEach((n) => visit(n.s));
  return doc;
}

const IN_PLACE = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas'];
