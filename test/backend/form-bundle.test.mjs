// azx/form bundled as scripts/bench-form.mjs bundles it (esbuild, code splitting): the parts a form
// fetches on use (the print layout, the rare formats, the JSON Logic evaluator) are chunks of
// their own that share no module with the entry. A shared module would make esbuild move it and
// its imports into a second chunk the entry loads up front, a larger download than one file
// (issue 15: the entry's size; core/document/kit.ts says how the layout avoids it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from '../../scripts/paths.mjs';

test('azx/form loads no chunk of shared modules up front, and fetches its optional parts on use', async () => {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: [{ in: 'components/core/index.ts', out: 'index' }],
    outdir: join(root, '.tmp', 'form-bundle-test'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((o) => o.endsWith('/index.js'));
  assert.ok(entry, 'the entry was built');
  const shared = outputs[entry].imports
    .filter((i) => i.kind === 'import-statement')
    .flatMap((i) => Object.keys(outputs[i.path].inputs))
    .filter((input) => !input.startsWith('<runtime>'));
  assert.deepEqual(shared, [], 'modules the entry loads from another chunk');
  const lazy = outputs[entry].imports.filter((i) => i.kind === 'dynamic-import').flatMap((i) => Object.keys(outputs[i.path].inputs));
  for (const part of ['components/core/document/print-record.ts', 'components/core/interpreter/formats-rare.ts', 'components/core/logic-evaluator.ts']) {
    assert.ok(lazy.includes(part), `${part} is fetched on use`);
    assert.ok(!Object.keys(outputs[entry].inputs).includes(part), `${part} is not in the entry`);
  }
});
