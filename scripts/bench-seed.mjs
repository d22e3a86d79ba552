#!/usr/bin/env node
// Seed benchmark (issue 14): the benchmark province — `azx-server seed --seed 42 --enterprises
// 100000` — made in a fresh data folder under the OS temp folder, timed from the command's start
// to its end (the folder's migrations, definitions and packs are prepared first, untimed). Target:
// under 3 minutes. Figures: wall seconds, the seed's own CPU seconds (user + system) and peak
// resident memory, which it prints itself ("seed cost:"), and the load average before and after:
// wall time on a shared machine says little without them.
// The answer is checked before a figure counts: the seed must exit 0, report the enterprises
// asked for, and `azx-server audit verify` must find the audit chain intact afterwards.
// The full size is the default (about as long as the seed takes: minutes); --seed-enterprises N
// makes it shorter (the backend test runs it with a few hundred). The folder is removed after.
// Usage: node scripts/bench-seed.mjs [--seed-enterprises 100000] [--keep]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { machine } from './bench-env.mjs';
import { pocketbaseVersion } from './ensure.mjs';
import { backendCommand, prepareData } from './pocketbase.mjs';

const { values: opts } = parseArgs({
  strict: false, // `npm run bench` passes its arguments to every benchmark
  options: { 'seed-enterprises': { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } },
});
const ENTERPRISES = Number(opts['seed-enterprises']);
const TARGET_SECONDS = 180;
const resultsFile = join(root, '.tmp', 'bench', 'results-seed.json');

const round = (x) => Math.round(x * 10) / 10;

/** What the seed printed about itself: rows per step, its CPU time and peak memory. */
function parseSeedOutput(out) {
  const cost = /seed cost: ([\d.]+) CPU s, peak RSS (\d+) MiB/.exec(out);
  const steps = {};
  for (const m of out.matchAll(/^ {2}(organizations|users|enterprises|policies|service reports|hazards and events|claims and events|admin login) +(\d+) {2}\(/gm)) {
    steps[m[1]] = Number(m[2]);
  }
  return { cpuSeconds: cost ? Number(cost[1]) : null, peakRssMiB: cost ? Number(cost[2]) : null, steps };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'azx-bench-seed-'));
  const failures = [];
  try {
    await prepareData(dir);
    const loadBefore = round(loadavg()[0]);
    console.log(`› seeding ${ENTERPRISES} enterprises into a fresh folder (${dir}); load average ${loadBefore}`);
    const t0 = performance.now();
    const out = await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(ENTERPRISES)], { timeout: 4 * 3600_000 });
    const seconds = (performance.now() - t0) / 1000;
    const loadAfter = round(loadavg()[0]);
    const seed = parseSeedOutput(out);
    if (seed.steps.enterprises !== ENTERPRISES) failures.push(`the seed wrote ${seed.steps.enterprises} enterprises, not ${ENTERPRISES}`);
    if (!(seed.steps.policies > 0 && seed.steps['hazards and events'] > 0)) failures.push(`the seed wrote no policies or hazards: ${JSON.stringify(seed.steps)}`);
    if (seed.cpuSeconds == null) failures.push('the seed did not report its cost');
    const verify = await backendCommand(dir, ['audit', 'verify'], { timeout: 3600_000 }).catch((e) => `${e.stdout ?? ''}${e.message}`);
    if (!/audit chain intact/.test(verify)) failures.push(`audit verify: ${verify.trim()}`);

    const figures = {
      benchmark: 'seed',
      machine: machine(),
      versions: { node: process.version, pocketbase: pocketbaseVersion() },
      enterprises: ENTERPRISES,
      rows: seed.steps,
      wallSeconds: round(seconds),
      cpuSeconds: seed.cpuSeconds,
      peakRssMiB: seed.peakRssMiB,
      loadAverage1m: { before: loadBefore, after: loadAfter },
      targetSeconds: ENTERPRISES === 100000 ? TARGET_SECONDS : null,
      auditVerify: verify.trim().split('\n').at(-1),
      failures,
    };
    mkdirSync(join(root, '.tmp', 'bench'), { recursive: true });
    writeFileSync(resultsFile, JSON.stringify(figures, null, 2));
    console.log(JSON.stringify(figures, null, 2));
    const met = figures.targetSeconds == null ? 'n/a (not the full size)' : seconds < TARGET_SECONDS ? 'yes' : 'no';
    console.log(`› seed of ${ENTERPRISES} enterprises: ${round(seconds)} s wall, ${seed.cpuSeconds} CPU s, peak ${seed.peakRssMiB} MiB (target < ${TARGET_SECONDS} s at 100,000: ${met}; load average ${loadBefore} → ${loadAfter})`);
  } finally {
    if (!opts.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`› kept ${dir}`);
  }
  if (failures.length) {
    console.error(`✗ seed benchmark refused: ${failures.join('; ')}`);
    process.exit(1);
  }
}

await main();
