// The formats the browser checks and the list the server reads (backend/internal/validation/
// formats.json) are the same: the server asserts only those, every other format is an annotation
// on both sides, so a record gets the same verdict in the browser and on the server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../scripts/paths.mjs';
import { importTs } from '../../scripts/load-ts.mjs';

test('the browser checks exactly the formats of backend/internal/validation/formats.json', async () => {
  const m = await importTs('formats.ts', `export { FORMATS } from './components/core/interpreter/formats.ts';
export { RARE_FORMATS } from './components/core/interpreter/formats-rare.ts';
export { NUMBER_FORMATS } from './components/core/interpreter/keywords/string.ts';
export { AZX_FORMATS } from './components/core/formats.ts';`);
  const browser = Object.keys({ ...m.FORMATS, ...m.RARE_FORMATS, ...m.NUMBER_FORMATS, ...m.AZX_FORMATS }).sort();
  const list = JSON.parse(readFileSync(join(root, 'backend', 'internal', 'validation', 'formats.json'), 'utf8'));
  assert.deepEqual(browser, [...list.formats].sort());
  for (const f of list.notCheckedByTheServer.formats) assert.ok(list.formats.includes(f), `${f} is a listed format`);
});

test('a validator generated ahead of time checks a rare format (fetched on use by the form) from the moment it loads', async () => {
  const { validatorModule } = await import('../../scripts/validators.mjs');
  const schema = { type: 'object', properties: { host: { type: 'string', format: 'hostname' }, page: { type: 'string', format: 'uri-reference' } } };
  const text = await validatorModule(schema, { source: 'a test schema', runtime: './components/core/precompiled/runtime.ts' });
  const m = await importTs('rare-validator.ts', text);
  assert.equal(m.default({ host: 'db.example.cn', page: '/a/b?c=1' }), true);
  assert.equal(m.default({ host: 'not a host!' }), false);
  assert.equal(m.default.errors[0].keyword, 'format');
  const common = await validatorModule({ type: 'string', format: 'date' }, { source: 'a test schema', runtime: './components/core/precompiled/runtime.ts' });
  assert.ok(!common.includes('rare-formats'), 'a validator of common formats does not import the rare ones');
});
