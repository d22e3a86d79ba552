// Parity of the interpreting validator with Ajv as components/core/validator.ts configures it
// (2020 dialect, all errors, ajv-formats, our formats and x- keywords, multipleOfPrecision 9):
// over the fixture corpus (schemas/fixtures/logic) and the built-in definitions with the test
// world's records, each record also broken in many ways, both must give the same verdict and
// the same errors (instancePath, keyword, schemaPath, params and message, in the same order), and
// refuse the same bad schemas.
import { expect } from '@open-wc/testing';
import { ajvCompile } from '../setup/ajv.js';
import { compileInterpreted, type ValidateLike } from '../../../components/core/interpreter/index.js';
import { loadRareFormats } from '../../../components/core/interpreter/formats.js';
import { AZX_FORMATS } from '../../../components/core/formats.js';
import { X_KEYWORDS } from '../../../components/core/vocabulary.js';

const FIXTURE_FILES = ['branches.json', 'construction-site.json', 'dependencies.json', 'js-semantics.json', 'premium-and-budget.json', 'record-rules.json'];
const DEFINITIONS = ['enterprise', 'hazard', 'policy', 'service-report'];
const OPTIONS = { formats: AZX_FORMATS, keywords: X_KEYWORDS, multipleOfPrecision: 9 };


async function json<T>(url: string): Promise<T> {
  const res = await fetch(url);
  expect(res.ok, `${url} is served`).to.equal(true);
  return (await res.json()) as T;
}

/** A record and many broken copies: fields removed, of the wrong type, empty, out of range, extra. */
function variants(record: unknown): unknown[] {
  const out: unknown[] = [record, null, [], 'x', {}];
  const wrong = (v: unknown): unknown[] =>
    typeof v === 'string' ? [12345, '', 'x'.repeat(300), '2026-13-45', 'not a value']
    : typeof v === 'number' ? ['abc', -1, 0, 0.123, 1e12, 2.5]
    : typeof v === 'boolean' ? ['yes', 0]
    : Array.isArray(v) ? [{}, [], [...v, ...v], ['x'], [null]]
    : typeof v === 'object' && v !== null ? ['x', [], {}]
    : [1, 'x'];
  const mutate = (obj: Record<string, unknown>, set: (o: Record<string, unknown>) => unknown, depth: number): void => {
    for (const [k, v] of Object.entries(obj)) {
      const { [k]: _gone, ...without } = obj;
      out.push(set(without));
      for (const w of wrong(v)) out.push(set({ ...obj, [k]: w }));
      if (depth > 0 && typeof v === 'object' && v !== null && !Array.isArray(v))
        mutate(v as Record<string, unknown>, (inner) => set({ ...obj, [k]: inner }), depth - 1);
      if (depth > 0 && Array.isArray(v) && typeof v[0] === 'object' && v[0] !== null)
        mutate(v[0] as Record<string, unknown>, (inner) => set({ ...obj, [k]: [inner, ...v.slice(1)] }), depth - 1);
    }
    out.push(set({ ...obj, zz_unknown: 1 }));
  };
  if (typeof record === 'object' && record !== null && !Array.isArray(record)) mutate(record as Record<string, unknown>, (o) => o, 2);
  return out;
}

const shape = (errors: { instancePath: string; keyword: string; schemaPath: string; params: object; message?: string }[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath} ${JSON.stringify(e.params)} ${e.message}`);

/** Runs every record through both; returns the disagreements. */
function compare(name: string, schema: object, records: unknown[]): { checked: number; invalid: number; diffs: string[] } {
  const ajv = ajvCompile(schema);
  const ours: ValidateLike = compileInterpreted(schema, OPTIONS);
  const diffs: string[] = [];
  let invalid = 0;
  for (const r of records) {
    const a = ajv(r);
    const b = ours(r);
    if (!a) invalid++;
    const sa = shape(ajv.errors);
    const sb = shape(ours.errors);
    if (a !== b || sa.join('\n') !== sb.join('\n')) diffs.push(`${name} ${JSON.stringify(r).slice(0, 200)}\n  ajv ${a}: ${sa.join(', ')}\n  ours ${b}: ${sb.join(', ')}`);
  }
  return { checked: records.length, invalid, diffs };
}

describe('interpreting validator: parity with Ajv (browser)', () => {
  // the rare formats are fetched on use (interpreter/formats.ts); these cases name them directly
  before(() => loadRareFormats());
  for (const file of FIXTURE_FILES) {
    it(`fixture ${file}: same verdicts and errors for its cases and their broken copies`, async () => {
      const fx = await json<{ schema: object; cases: { record: unknown }[] }>(`/schemas/fixtures/logic/${file}`);
      const records = fx.cases.flatMap((c) => variants(c.record));
      const { checked, invalid, diffs } = compare(file, fx.schema, records);
      console.log(`parity ${file}: ${checked} records, ${invalid} invalid, ${diffs.length} differ`);
      expect(diffs.slice(0, 5), `${diffs.length} of ${checked} records differ`).to.deep.equal([]);
      expect(invalid, 'the corpus has invalid records').to.be.greaterThan(10);
    });
  }

  for (const key of DEFINITIONS) {
    it(`definition ${key}: same verdicts and errors for the world's records and their broken copies`, async () => {
      const def = await json<{ schema: object }>(`/schemas/definitions/${key}.json`);
      const fx = await json<{ payloads: Record<string, unknown> }>('/__azx/fixtures.json');
      const p = fx.payloads as {
        enterprises: Record<string, unknown>;
        policy: Record<string, unknown>;
        serviceReport: Record<string, unknown>;
        hazard: unknown;
      };
      const base = { enterprise: Object.values(p.enterprises), policy: Object.values(p.policy), 'service-report': Object.values(p.serviceReport), hazard: [p.hazard] }[key]!;
      expect(base.length).to.be.greaterThan(0);
      const ours = compileInterpreted(def.schema, OPTIONS);
      for (const r of base) expect(ours(r), `${key}: the world's record is valid: ${JSON.stringify(ours.errors)}`).to.equal(true);
      const { checked, invalid, diffs } = compare(key, def.schema, base.flatMap(variants));
      console.log(`parity ${key}: ${checked} records, ${invalid} invalid, ${diffs.length} differ`);
      expect(diffs.slice(0, 5), `${diffs.length} of ${checked} records differ`).to.deep.equal([]);
      expect(invalid).to.be.greaterThan(20);
    });
  }

  it('refuses at compile time the same bad definitions as Ajv, with a clear message', () => {
    const bad: [string, object, RegExp][] = [
      ['unknown keyword', { type: 'object', properties: { a: { type: 'string', minLenght: 3 } } }, /unknown keyword: "minLenght"/],
      ['unresolvable $ref', { type: 'object', properties: { a: { $ref: '#/$defs/missing' } } }, /can't resolve reference #\/\$defs\/missing/],
      ['keyword value of the wrong type', { type: 'object', properties: { a: { type: 'string', minLength: '3' } } }, /schema is invalid: data\/properties\/a\/minLength must be integer/],
      ['unknown type name', { type: 'strin' }, /schema is invalid: data\/type/],
      ['properties not an object', { type: 'object', properties: 5 }, /schema is invalid: data\/properties must be object/],
      ['pattern not a regular expression', { type: 'string', pattern: '(' }, /schema is invalid: data\/pattern must match format "regex"/],
      ['unknown format', { type: 'string', format: 'postcode' }, /unknown format "postcode"/],
      ['x- keyword of the wrong type', { type: 'string', 'x-widget': 5 }, /schema is invalid: data\/x-widget must be string/],
      ['"if" alone', { if: { type: 'string' } }, /"if" without "then" and "else"/],
      ['a dialect neither speaks', { $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' }, /no schema with key or ref "http:\/\/json-schema.org\/draft-04\/schema#"/],
      ['a keyword of a later draft', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', dependentRequired: { a: ['b'] } }, /unknown keyword: "dependentRequired"/],
      ['tuple items in 2020-12', { type: 'array', items: [{ type: 'string' }] }, /schema is invalid: data\/items must be object,boolean/],
    ];
    for (const [what, schema, message] of bad) {
      expect(() => ajvCompile(schema), `Ajv refuses: ${what}`).to.throw();
      expect(() => compileInterpreted(schema, OPTIONS), `interpreter refuses: ${what}`).to.throw(message);
    }
  });
});
