// The official JSON-Schema-Test-Suite, drafts 2020-12, 2019-09 and 7, through the interpreting
// validator (components/core/interpreter), in Chromium, and beside Ajv's class for each draft.
// The suite is served by test/browser/setup/json-schema-suite.mjs from the Go module cache; if it
// cannot be read the test fails. Every case runs except those listed below with the reason; a case
// that fails must be one of the expected deviations, and an expected deviation that starts passing
// fails too. The deviations are listed in components/core/interpreter/README.md.
import { expect } from '@open-wc/testing';
import { compileInterpreted, type AjvLikeError, type Draft } from '../../../components/core/interpreter/index.js';
import { loadRareFormats } from '../../../components/core/interpreter/formats.js';
import { ajvFor } from '../setup/ajv.js';

interface SuiteCase { description: string; data: unknown; valid: boolean }
interface SuiteGroup { description: string; schema: unknown; tests: SuiteCase[] }
type Files = Record<string, SuiteGroup[]>;
interface Suite { source: string; drafts: Record<string, Files>; error?: string }

/** The suite's folders and the interpreter's names for them. */
const DRAFTS: [string, Draft, string][] = [
  ['2020-12', '2020', 'https://json-schema.org/draft/2020-12/schema'],
  ['2019-09', '2019', 'https://json-schema.org/draft/2019-09/schema'],
  ['7', '07', 'http://json-schema.org/draft-07/schema'],
];

const NO_FORMAT = 'a format ajv-formats does not define: Ajv and the interpreter alike refuse it in strict mode';

/** Whole files not run, and why. */
const EXCLUDED_FILES: Record<string, string> = {
  'refRemote.json': 'every case loads a document the suite serves from localhost:1234; definitions are self-contained and the browser fetches no schemas',
  'optional/format/idn-email.json': NO_FORMAT,
  'optional/format/idn-hostname.json': NO_FORMAT,
  'optional/format/iri.json': NO_FORMAT,
  'optional/format/iri-reference.json': NO_FORMAT,
};

const ANNOTATION = 'format is asserted on purpose (as Ajv and the server do), so "only an annotation by default" fails';
const AJV_EMAIL = 'email follows ajv-formats (what <azx-form> has always accepted): no quoted local parts, no address literals';
const REF_SIBLINGS = 'draft-07: keywords beside $ref are evaluated, as Ajv evaluates them in every draft';
const CONTENT = 'draft-07: contentMediaType and contentEncoding are annotations, as in Ajv and in the later drafts';

/** Cases expected to fail: why, or undefined. */
function deviation(draft: string, file: string, group: string, t: SuiteCase): string | undefined {
  const test = t.description;
  // formats ajv-formats lacks (idn-*, iri*) are unknown, so ignored outside strict mode
  if (file === 'format.json' && test.includes('only an annotation by default') && !/idn-|iri/.test(group)) return ANNOTATION;
  if (file === 'optional/format/email.json' && /quoted string|address-literal/.test(test) && test.endsWith(' is valid')) return AJV_EMAIL;
  if (draft === '7' && file === 'ref.json' && (/\$ref prevents a sibling \$id/.test(group) || (/ref overrides any sibling keywords/.test(group) && /maxItems ignored/.test(test)))) return REF_SIBLINGS;
  if (draft === '7' && file === 'optional/content.json' && !t.valid) return CONTENT;
  return undefined;
}

const BASE = 'https://azx.invalid/definition.json';

/**
 * Whether a schema needs a document it does not contain: a remote $ref, or a $schema other than
 * the draft's own (a custom meta-schema served by the suite). The meta-schemas themselves count
 * as remote here: the interpreter does not bundle them.
 */
function needsRemote(schema: unknown, meta: string): boolean {
  const declared = new Set<string>();
  const refs: string[] = [];
  const strip = (u: URL) => u.href.replace(/#.*$/, '');
  const walk = (node: unknown, base: URL, root: boolean): void => {
    if (Array.isArray(node)) return node.forEach((x) => walk(x, base, false));
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    if (typeof o.$id === 'string') {
      base = new URL(o.$id, base);
      declared.add(strip(base));
    }
    if (root) declared.add(strip(base));
    if (typeof o.$schema === 'string' && o.$schema.replace(/#$/, '') !== meta) refs.push(o.$schema);
    for (const [k, v] of Object.entries(o)) {
      if (k === 'const' || k === 'enum' || k === 'default' || k === 'examples') continue;
      if ((k === '$ref' || k === '$dynamicRef' || k === '$recursiveRef') && typeof v === 'string') refs.push(strip(new URL(v, base)));
      else walk(v, base, false);
    }
  };
  walk(schema, new URL(BASE), true);
  return refs.some((r) => !declared.has(r));
}

/** Whether Ajv reports schemaPath its own way here: inside a $ref target or another resource. */
const refersAround = (schema: unknown): boolean => /"\$(ref|dynamicRef|recursiveRef|id)"/.test(JSON.stringify(schema));

const FAILED_ONE_OF = 'after a oneOf that fails, unevaluatedProperties lists other properties than Ajv (the verdict is the same)';

/** Error shapes that differ from Ajv's on purpose or by Ajv's own quirk, "file | group". */
const ERRORS_DIFFER: Record<string, string> = {
  'oneOf.json | oneOf with boolean schemas, more than one true': 'Ajv skips the false branch after two passing ones; the interpreter reports it too',
  // a oneOf that fails evaluates nothing (the spec); Ajv keeps what its passing branches evaluated
  'unevaluatedProperties.json | unevaluatedProperties + ref inside allOf / oneOf': FAILED_ONE_OF,
  'unevaluatedProperties.json | dynamic evalation inside nested refs': FAILED_ONE_OF,
};

let suite: Promise<Suite> | undefined;
const load = () =>
  (suite ??= fetch('/__azx/json-schema-suite.json').then(async (res) => {
    const body = (await res.json()) as Suite;
    if (body.error) throw new Error(body.error);
    return body;
  }));

/** The groups of a draft that run: not excluded, nothing remote. */
async function groupsOf(folder: string, meta: string): Promise<{ file: string; g: SuiteGroup; schema: unknown }[]> {
  const s = await load();
  const files = s.drafts[folder];
  expect(files, `the suite has draft ${folder}`).to.not.equal(undefined);
  return Object.entries(files!).flatMap(([file, groups]) =>
    EXCLUDED_FILES[file]
      ? []
      : groups
          .filter((g) => !needsRemote(g.schema, meta))
          // the suite's schemas name no draft: the interpreter reads the draft from $schema
          .map((g) => ({ file, g, schema: typeof g.schema === 'object' && g.schema !== null && !('$schema' in g.schema) ? { $schema: meta, ...g.schema } : g.schema })),
  );
}

const shape = (errors: AjvLikeError[] | null | undefined, withPath: boolean) =>
  (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${withPath ? e.schemaPath : ''} ${JSON.stringify(e.params)} ${e.message}`).join('\n');

describe('JSON-Schema-Test-Suite through the interpreter, drafts 2020-12, 2019-09 and 7 (browser)', () => {
  // the rare formats are fetched on use (interpreter/formats.ts); these cases name them directly
  before(() => loadRareFormats());
  it('the suite is readable and has the three drafts', async () => {
    const s = await load();
    expect(Object.keys(s.drafts['2020-12']!)).to.include.members(['type.json', 'ref.json', 'unevaluatedProperties.json', 'dynamicRef.json']);
    expect(Object.keys(s.drafts['2019-09']!)).to.include.members(['recursiveRef.json', 'dependentSchemas.json', 'unevaluatedItems.json']);
    expect(Object.keys(s.drafts['7']!)).to.include.members(['definitions.json', 'dependencies.json', 'additionalItems.json', 'items.json']);
  });

  for (const [folder, , meta] of DRAFTS) {
    it(`draft ${folder}: every case gets the suite's verdict, but for the listed deviations`, async function () {
      this.timeout(60_000);
      const unexpected: string[] = [];
      const fixed: string[] = [];
      const seen: Record<string, number> = {};
      const totals = { groups: 0, cases: 0, passed: 0, deviations: 0, refusedStrict: 0 };
      for (const { file, g, schema } of await groupsOf(folder, meta)) {
        totals.groups++;
        try {
          compileInterpreted(schema, { multipleOfPrecision: 9 });
        } catch {
          totals.refusedStrict++;
        }
        let validate: ReturnType<typeof compileInterpreted>;
        try {
          // the suite's own schemas use unknown keywords and "if" alone on purpose: not strict
          validate = compileInterpreted(schema, { strict: false, multipleOfPrecision: 9 });
        } catch (err) {
          unexpected.push(`${file} | ${g.description}: does not compile: ${(err as Error).message}`);
          continue;
        }
        for (const t of g.tests) {
          totals.cases++;
          const why = deviation(folder, file, g.description, t);
          const ok = validate(t.data) === t.valid;
          if (ok && !why) totals.passed++;
          else if (!ok && why) {
            totals.deviations++;
            seen[why] = (seen[why] ?? 0) + 1;
          } else (ok ? fixed : unexpected).push(`${file} | ${g.description} | ${t.description}`);
        }
      }
      console.log(
        `JSON-Schema-Test-Suite draft ${folder} via the interpreter: ${totals.groups} schemas, ${totals.cases} cases: ` +
          `${totals.passed} pass, ${totals.deviations} expected deviations, ${unexpected.length} unexpected failures; ` +
          `strict mode (as <azx-form> compiles definitions) refuses ${totals.refusedStrict} of the schemas (unknown keywords, "if" alone …)`,
      );
      for (const [why, n] of Object.entries(seen)) console.log(`  deviation ×${n}: ${why}`);
      expect(unexpected, 'cases that fail').to.deep.equal([]);
      expect(fixed, 'expected deviations that now pass: take them off the list').to.deep.equal([]);
      expect(totals.passed).to.be.greaterThan(1200);
    });

    it(`draft ${folder}: the verdicts and errors of Ajv's class for the draft, but where Ajv leaves the suite`, async function () {
      // Ajv compiles some 400 schemas: seconds on a busy 2-core machine
      this.timeout(120_000);
      const differ: string[] = [];
      const ajvWrong = new Map<string, number>();
      let cases = 0;
      let sameErrors = 0;
      for (const { file, g, schema } of await groupsOf(folder, meta)) {
        const ours = compileInterpreted(schema, { strict: false, multipleOfPrecision: 9 });
        let ajv: ReturnType<ReturnType<typeof ajvFor>['compile']>;
        try {
          ajv = ajvFor(g.schema, { strict: false, azx: false, draft: DRAFTS.find(([f]) => f === folder)![1] }).compile(g.schema as object);
        } catch {
          continue; // Ajv cannot compile it (a remote meta-schema, a recursion it cannot follow)
        }
        const run = (data: unknown): boolean | 'crash' => {
          try {
            return ajv(data);
          } catch {
            return 'crash';
          }
        };
        const where = `${file} | ${g.description}`;
        // where Ajv gets a case of the schema wrong, its errors for the others are no reference
        const ajvLeaves = g.tests.some((t) => run(t.data) !== t.valid && !deviation(folder, file, g.description, t));
        for (const t of g.tests) {
          cases++;
          const v = ours(t.data);
          const a = run(t.data);
          if (a !== v) {
            // the interpreter follows the suite where Ajv does not (counted, by file)
            if (v === t.valid || deviation(folder, file, g.description, t)) ajvWrong.set(file, (ajvWrong.get(file) ?? 0) + 1);
            else differ.push(`${where} | ${t.description}: Ajv ${a}, interpreter ${v}, suite ${t.valid}`);
            continue;
          }
          const withPath = !refersAround(g.schema);
          if (shape(ajv.errors as AjvLikeError[], withPath) === shape(ours.errors, withPath)) sameErrors++;
          else if (!ERRORS_DIFFER[where] && !ajvLeaves) differ.push(`${where} | ${t.description}\n  Ajv: ${shape(ajv.errors as AjvLikeError[], true)}\n  ours: ${shape(ours.errors, true)}`);
        }
      }
      console.log(
        `draft ${folder} beside Ajv: ${cases} cases, ${sameErrors} with the same errors; Ajv leaves the suite (the interpreter does not) in ` +
          [...ajvWrong].map(([f, n]) => `${f} ×${n}`).join(', '),
      );
      expect(differ.map((d) => d.split("\n")[0]), `${differ.length} cases differ from Ajv`).to.deep.equal([]);
      expect(sameErrors).to.be.greaterThan(1000);
    });
  }
});
