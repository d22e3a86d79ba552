// JSON Logic on both sides.
//
// The official suite (jsonlogic.com/tests.json) cannot be used: no registry this project can
// reach ships it (checked: the Go module proxy serves no Go JSON Logic module that includes it,
// and the npm packages json-logic-js 1.2.3–2.0.5, json-logic-engine and json-logic do not carry
// it), and third-party files are not committed. Instead schemas/fixtures/jsonlogic-js-cases.json
// holds operator cases written for this project (logic-cases.mjs) whose expected values are
// json-logic-js's own results; this test proves they still are, and the Go evaluator must
// reproduce every one of them (backend/internal/logic/logic_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/paths.mjs';
import { CASES_FILE, buildCases } from './logic-cases.mjs';

test('the operator corpus is exactly what json-logic-js computes for logic-cases.mjs', () => {
  const text = readFileSync(CASES_FILE, 'utf8');
  assert.ok(text === buildCases(), 'schemas/fixtures/jsonlogic-js-cases.json is stale: run node test/backend/logic-cases.mjs');
  const n = JSON.parse(text).filter((c) => typeof c !== 'string').length;
  assert.ok(n >= 300, `only ${n} cases`);
});

test('the browser parity test runs every file of the parity corpus', () => {
  const files = readdirSync(join(root, 'schemas', 'fixtures', 'logic')).filter((f) => f.endsWith('.json')).sort();
  const src = readFileSync(join(root, 'test', 'browser', 'core', 'logic-parity.test.ts'), 'utf8');
  const listed = JSON.parse(src.match(/const FIXTURE_FILES = (\[[^\]]*\])/)[1].replace(/'/g, '"')).sort();
  assert.deepEqual(listed, files);
});
