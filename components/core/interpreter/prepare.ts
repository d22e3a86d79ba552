// Compile time: walk the schema once, give every schema object its node (path, base URI and
// keyword steps in Ajv's order for the schema's draft), index $id/$anchor/$dynamicAnchor/
// $recursiveAnchor, resolve every $ref, and list everything Ajv's strict mode refuses.
import { ANY_TYPE, GROUPS, STEPS, isType, type, typeError } from './keywords/index.js';
import { draftOf, inDraft, type Draft } from './dialect.js';
import { FORMATS } from './formats.js';
import { NUMBER_FORMATS } from './keywords/string.js';
import { esc, escS, has, isObj } from './run.js';
import type { Doc, InterpreterOptions, Json, SchemaNode, SchemaProblem, Step, Target } from './types.js';
import { LIST, MAP, ONE, QUIET } from './vocabulary.js';

const DEFAULT_BASE = 'https://azx.invalid/schema.json';

/** Thrown for a schema that cannot be compiled; `problems` lists every one found, each with its place. */
export class SchemaError extends Error {
  constructor(
    readonly problems: SchemaProblem[],
    message = problems.map((p) => (p.message.includes(p.path) ? p.message : `${p.message} (at ${p.path})`)).join('\n'),
  ) {
    super(message);
  }
}

/** Declared types: `nullable: true` (OpenAPI, which Ajv knows in every draft) adds null. */
function typesOf(s: Json): unknown[] {
  const t = s.type === undefined ? [] : ([] as unknown[]).concat(s.type);
  return s.nullable === true && t.length && !t.includes('null') ? [...t, 'null'] : t;
}

function steps(s: Json, draft: Draft): Step[] {
  const types = typesOf(s);
  const single = types.length === 1 ? types[0] : undefined;
  const on = (k: string) => has(s, k) && inDraft(k, draft);
  const present = GROUPS.map(([t, kws]) => [t, kws.filter(on).map((k) => STEPS[k]!)] as const).filter(([, f]) => f.length);
  const out: Step[] = [];
  // Ajv reports a wrong type inside the group of keywords for that type when there is one
  if (types.length && !present.some(([t]) => t === single)) out.push(type);
  for (const k of ANY_TYPE) if (on(k)) out.push(STEPS[k]!);
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
  const named = draftOf(isObj(root) ? root.$schema : undefined);
  if (!named) throw new SchemaError([{ path: '#/$schema', message: `no schema with key or ref "${String((root as Json).$schema)}"` }]);
  const draft: Draft = named;
  const known = new Set([...QUIET, ...ONE, ...LIST, ...MAP, ...Object.keys(STEPS), ...(opts.keywords ?? []).map((k) => k.keyword)].filter((k) => inDraft(k, draft)));
  const doc: Doc = {
    draft,
    nodes: new WeakMap(),
    dyn: new Map(),
    track: false,
    dynamic: false,
    formats: { ...FORMATS, ...NUMBER_FORMATS, ...opts.formats } as Doc['formats'],
    prec: opts.multipleOfPrecision ?? 0,
    ignored: [],
  };
  const ignoreFormats = opts.unknownFormats === 'ignore' || (!strict && opts.unknownFormats !== 'refuse');
  const resources = new Map<string, Target>();
  const anchors = new Map<string, Target>();
  const refs: SchemaNode[] = [];
  const problems: SchemaProblem[] = [];
  const refuse = (path: string, message: string): void => void problems.push({ path, message });
  const subschemas = (k: string) => inDraft(k, draft);

  function walk(s: unknown, path: string, base: string): void {
    if (!isObj(s) || doc.nodes.has(s)) return;
    if (typeof s.$id === 'string') {
      const u = new URL(s.$id, base);
      base = u.href.replace(/#.*/, '');
      // draft-07 names a place with a fragment-only $id ("#foo"), as later drafts do with $anchor
      if (draft === '07' && u.hash.length > 1) anchors.set(`${base}#${decodeURIComponent(u.hash.slice(1))}`, { s, path });
    }
    if (typeof s.$id === 'string' || path === '#') resources.set(base, { s, path });
    const n: SchemaNode = { s, path, base, steps: steps(s, draft), t: typesOf(s) };
    // a keystroke validates the whole record: no escaping or path building per property then
    if (isObj(s.properties)) n.props = Object.keys(s.properties).map((k) => [k, esc(k), `${path}/properties${escS(k)}`]);
    doc.nodes.set(s, n);
    for (const a of ['$anchor', '$dynamicAnchor']) {
      if (typeof s[a] !== 'string' || !known.has(a)) continue;
      anchors.set(`${base}#${s[a]}`, { s, path });
      if (a === '$dynamicAnchor') dynAnchor(base, s[a] as string, { s, path });
    }
    // 2019-09: "$recursiveAnchor": true is a dynamic anchor without a name
    if (s.$recursiveAnchor === true && known.has('$recursiveAnchor')) dynAnchor(base, '', { s, path });
    if (strict) strictChecks(s, path);
    else if (typeof s.format === 'string' && !doc.formats[s.format]) doc.ignored.push({ path, message: `unknown format "${s.format}" ignored in schema at path "${path}"` });
    if (['$ref', '$dynamicRef', '$recursiveRef'].some((k) => has(s, k) && known.has(k))) refs.push(n);
    if (['unevaluatedProperties', 'unevaluatedItems'].some((k) => has(s, k) && known.has(k))) doc.track = true;
    if (['$dynamicRef', '$recursiveRef'].some((k) => has(s, k) && known.has(k))) doc.dynamic = true;
    if (typeof s.pattern === 'string') n.re = new RegExp(s.pattern, 'u');
    if (isObj(s.patternProperties)) n.pp = Object.keys(s.patternProperties).map((p) => [new RegExp(p, 'u'), p]);
    for (const k of ONE) if (subschemas(k) && !Array.isArray(s[k])) walk(s[k], `${path}/${k}`, base);
    for (const k of LIST) if (subschemas(k) && Array.isArray(s[k])) (s[k] as unknown[]).forEach((x, i) => walk(x, `${path}/${k}/${i}`, base));
    for (const k of MAP) if (subschemas(k) && isObj(s[k])) for (const p in s[k] as Json) walk((s[k] as Json)[p], `${path}/${k}${escS(p)}`, base);
  }

  function dynAnchor(base: string, name: string, t: Target): void {
    (doc.dyn.get(base) ?? doc.dyn.set(base, new Map()).get(base)!).set(name, t);
  }

  function strictChecks(s: Json, path: string): void {
    for (const k in s) if (!known.has(k)) refuse(path, `strict mode: unknown keyword: "${k}"`);
    // Ajv's class for one draft knows no other dialect
    if (s.$schema !== undefined && path !== '#' && draftOf(s.$schema) !== draft) refuse(`${path}/$schema`, `no schema with key or ref "${String(s.$schema)}"`);
    if (typeof s.format === 'string' && !doc.formats[s.format]) {
      const message = `unknown format "${s.format}" ignored in schema at path "${path}"`;
      if (ignoreFormats) doc.ignored.push({ path, message });
      else refuse(path, message);
    }
    if (has(s, 'if') && !has(s, 'then') && !has(s, 'else')) refuse(path, `strict mode: "if" without "then" and "else" is ignored`);
    for (const k of ['then', 'else']) if (has(s, k) && !has(s, 'if')) refuse(path, `strict mode: "${k}" without "if" is ignored`);
    for (const k of ['minContains', 'maxContains']) if (known.has(k) && has(s, k) && !has(s, 'contains')) refuse(path, `strict mode: "${k}" without "contains" is ignored`);
    if (known.has('additionalItems') && has(s, 'additionalItems') && !Array.isArray(s.items)) refuse(path, `strict mode: "additionalItems" is ignored when "items" is not an array of schemas`);
    if (s.nullable !== undefined && !has(s, 'type')) refuse(path, `"nullable" cannot be used without "type"`);
  }

  function resolve(ref: string, n: SchemaNode): Target | undefined {
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
    if (!t) refuse(n.path, `can't resolve reference ${ref} from id ${n.base === DEFAULT_BASE ? '#' : n.base}`);
    return t;
  }

  walk(root, '#', DEFAULT_BASE);
  for (let i = 0; i < refs.length; i++) {
    const n = refs[i]!;
    if (typeof n.s.$ref === 'string') n.ref = resolve(n.s.$ref, n);
    const dynamicRef = known.has('$dynamicRef') ? n.s.$dynamicRef : undefined;
    const recursiveRef = known.has('$recursiveRef') ? n.s.$recursiveRef : undefined;
    const dref = typeof dynamicRef === 'string' ? dynamicRef : typeof recursiveRef === 'string' ? recursiveRef : undefined;
    if (dref === undefined) continue;
    const target = resolve(dref, n);
    if (!target) continue;
    const name = dref.replace(/^[^#]*#?/, '');
    // dynamic only when the static target declares that anchor (2020-12 "bookending"; in 2019-09
    // when it has "$recursiveAnchor": true)
    const dynamic = isObj(target.s) && (dref === dynamicRef ? target.s.$dynamicAnchor === name : target.s.$recursiveAnchor === true);
    n.dref = { target, anchor: dynamic ? (dref === dynamicRef ? name : '') : null };
  }
  if (problems.length) throw new SchemaError(problems);
  // A chain of in-place subschemas ($ref, allOf, if …) that comes back to where it started never
  // steps into the value, so validating would recurse forever: refuse it here instead.
  const state = new Map<object, 1 | 2>();
  const visit = (x: unknown): void => {
    if (!isObj(x) || state.get(x) === 2) return;
    const n = doc.nodes.get(x)!;
    if (state.get(x) === 1) throw new SchemaError([{ path: n.path, message: `$ref cycle at ${n.path}: it refers back to itself without reaching into the value` }]);
    state.set(x, 1);
    for (const k of IN_PLACE) {
      const v = x[k];
      if (Array.isArray(v)) v.forEach(visit);
      else if ((k === 'dependentSchemas' || k === 'dependencies') && isObj(v)) Object.values(v).forEach(visit);
      else visit(v);
    }
    visit(n.ref?.s);
    visit(n.dref?.target.s);
    state.set(x, 2);
  };
  refs.forEach((n) => visit(n.s));
  return doc;
}

const IN_PLACE = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', 'dependencies'];
