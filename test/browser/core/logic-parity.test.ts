// The parity corpus (schemas/fixtures/logic/*.json) through <azx-form>'s validator: the same
// verdicts as the server's validation (backend/internal/validation/logic_fixtures_test.go).
// The file list is checked against the directory by test/backend/logic.test.mjs.
import { expect } from '@open-wc/testing';
import { compileSchema, logicOf, settle, type Compiled, type Issue, type JsonSchema } from '../../../components/core/index.js';
import { hasConditionals, inactiveLocations } from '../../../components/core/conditional.js';
import { underHidden } from '../../../components/core/logic.js';
// the evaluator up front, as a page does with `import 'azx/logic'`: validate() is called here without a form
import '../../../components/core/logic-install.js';

const FIXTURE_FILES = ['branches.json', 'construction-site.json', 'dependencies.json', 'js-semantics.json', 'premium-and-budget.json', 'record-rules.json'];

interface Fixture {
  schema: JsonSchema;
  cases: { description: string; record: unknown; valid?: boolean; errors?: { path: string; code: string }[] }[];
}

const LOGIC_CODES: Record<string, string> = {
  'x-rules': 'rule_failed',
  'x-compute': 'compute_mismatch',
  'x-visible': 'hidden_field',
  // a list under draft-07's dependencies: the server's library reports it as dependentRequired
  dependencies: 'schema_dependent_required',
};

/** The server's {path, code} for a browser issue: data.<dotted path>, schema_<snake_case keyword>. */
function verdict(issues: Issue[]): string[] {
  const byPath = new Map<string, string>();
  for (const i of issues) {
    const path = ['data', ...i.pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))].join('.');
    const code = LOGIC_CODES[i.keyword] ?? 'schema_' + i.keyword.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
    // the server keeps the first error of a field
    if (!byPath.has(path)) byPath.set(path, code);
  }
  return [...byPath].map(([p, c]) => `${p} ${c}`).sort();
}

/**
 * The browser's issues for a record. Where the schema has branches (if/then/else,
 * dependentSchemas, oneOf/anyOf of objects), <azx-form> first drops the fields of a branch that
 * does not apply, as for a falsy x-visible (form.ts #settle), and validates what is left: a
 * dropped field that the record carried is the browser's hidden_field.
 */
function browserIssues(schema: JsonSchema, compiled: Extract<Compiled, { ok: true }>, record: unknown): Issue[] {
  if (!hasConditionals(schema)) return compiled.validate(record);
  const settled = settle(logicOf(schema), record, (v) => inactiveLocations(schema, v));
  const issues: Issue[] = settled.issues.map((i) => ({ pointer: i.pointer, keyword: i.keyword, params: { ...i.params }, schemaPath: '' }));
  const rest = compiled.validate(settled.value).filter((i) => !underHidden(i.pointer, settled.hidden));
  return [...issues, ...rest];
}

async function load(name: string): Promise<Fixture> {
  const res = await fetch(`/schemas/fixtures/logic/${name}`);
  expect(res.ok, `${name} is served`).to.equal(true);
  return (await res.json()) as Fixture;
}

describe('JSON Logic parity corpus (browser)', () => {
  for (const name of FIXTURE_FILES) {
    it(`${name}: every case gets the server's verdict`, async () => {
      const fx = await load(name);
      const compiled = compileSchema(fx.schema);
      if (!compiled.ok) throw new Error(`${name}: ${compiled.message}`);
      expect(fx.cases.length).to.be.greaterThan(0);
      const mismatches: string[] = [];
      for (const c of fx.cases) {
        const want = (c.errors ?? []).map((e) => `${e.path} ${e.code}`).sort();
        const got = verdict(browserIssues(fx.schema, compiled, c.record));
        if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push(`${c.description}\n  got  ${got.join(', ')}\n  want ${want.join(', ')}`);
      }
      expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
    });
  }

  it('the corpus has at least 15 cases', async () => {
    let n = 0;
    for (const name of FIXTURE_FILES) n += (await load(name)).cases.length;
    expect(n).to.be.at.least(15);
  });
});
