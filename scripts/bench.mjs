// `npm run bench`: every benchmark, each printing its figures with the machine and versions.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { ensureBackend, ensureDebianPackage, ensureNodeModules } from './ensure.mjs';

ensureNodeModules();
ensureBackend();
// wrk drives the create and list benchmarks without taking the server's CPU (see bench-wrk.mjs).
ensureDebianPackage('wrk', '/usr/bin/wrk', 'the create benchmark');

const benches = ['bench-backend.mjs', 'bench-form.mjs', 'bench-ledger.mjs'].map((f) => join(root, 'scripts', f)).filter(existsSync);
benches.push(join(root, 'scripts', 'bench-imports.mjs')); // issue 14: a 50,000-row policy file imported
benches.push(join(root, 'scripts', 'bench-seed.mjs')); // issue 14: the 100,000-enterprise province seeded into a fresh folder
benches.push(join(root, 'scripts', 'bench-coverage.mjs')); // issue 5: coverage aggregation, 100,000 enterprises / 200,000 policies
benches.push(join(root, 'scripts', 'bench-mixed.mjs')); // issue 20: 8 closed-loop workers of every role, 70% reads, 10 minutes
let failed = 0;
for (const bench of benches) {
  const r = spawnSync(process.execPath, [bench, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
