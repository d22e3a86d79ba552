// `npm run release`: one static azx-server binary in release/ with everything inside: the built
// elements (dist/), the demo portal (index.html, demo/), the migrations (Go code) and the
// built-in data prepareData loads (BUILTIN in pocketbase.mjs). It serves the portal itself on
// the API's origin and loads the built-in data when it starts (see README "Deploy").
import { cpSync, createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { ensureGo, ensureNodeModules, pocketbaseVersion, sh } from './ensure.mjs';

const t0 = Date.now();
const step = (what) => console.log(`› ${what} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
const backend = join(root, 'backend');
const site = join(backend, 'internal', 'portal', 'site');
const builtinFiles = join(backend, 'internal', 'builtin', 'files');
const out = join(root, 'release', 'azx-server');

try {
  ensureNodeModules();
  ensureGo();
  step('building the library (dist/)');
  sh(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  step('building the demo portal (demo/build/)');
  sh(process.execPath, [join(root, 'scripts', 'build-demo.mjs')]);

  const { PUBLIC } = await import('./demo-server.mjs');
  const { BUILTIN } = await import('./pocketbase.mjs');
  step(`staging the portal (${PUBLIC.join(', ')}) and the built-in data (${BUILTIN.map((b) => b.folder).join(', ')})`);
  for (const dir of [site, builtinFiles]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  for (const entry of PUBLIC) cpSync(join(root, entry), join(site, entry), { recursive: true });
  for (const { command, folder } of BUILTIN) cpSync(join(root, folder), join(builtinFiles, command), { recursive: true });

  step(`building release/azx-server (PocketBase ${pocketbaseVersion()}, static, tag release)`);
  rmSync(out, { force: true });
  sh('go', ['build', '-v', '-tags', 'release', '-ldflags', '-s -w', '-o', out, '.'], {
    cwd: backend,
    env: { ...process.env, CGO_ENABLED: '0' },
  });
  const sha = createHash('sha256');
  for await (const chunk of createReadStream(out)) sha.update(chunk);
  const mb = (statSync(out).size / 1024 / 1024).toFixed(1);
  console.log(`\nrelease/azx-server  ${mb} MB  sha256 ${sha.digest('hex')}  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
} catch (err) {
  // no binary from a failed build: a half-made release must not be deployed
  rmSync(out, { force: true });
  console.error(`\n✗ npm run release failed: ${err.message}`);
  process.exit(1);
} finally {
  // the staged copies only feed go:embed
  rmSync(site, { recursive: true, force: true });
  rmSync(builtinFiles, { recursive: true, force: true });
}
