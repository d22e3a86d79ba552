// The benchmarks cannot report a number for refused work (issue 20): wrk's checks count a wrong
// answer as refused, and each benchmark runs here briefly, to the end, so a change that breaks
// one (a rule that refuses its bodies, a list that comes back empty or someone else's) fails
// `npm test` rather than the next `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/paths.mjs';
import { createScript, listScript, runWrk, WRK } from '../../scripts/bench-wrk.mjs';
import { ensureDebianPackage } from '../../scripts/ensure.mjs';
import { ownRows } from '../../scripts/bench-http.mjs';
import { memoryVerdict, movesFrom, nextRequest } from '../../scripts/mixed-load.mjs';

// A stand-in server (its own process: wrk blocks this one) that gets every third answer wrong:
// a create refused, a list page with another insurer's row, an empty page.
const STUB = `
const http = require('node:http');
let n = 0;
const server = http.createServer((req, res) => {
  n++;
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const bad = n % 3 === 0;
    res.setHeader('content-type', 'application/json');
    if (req.method === 'POST') {
      res.statusCode = bad ? 400 : 200;
      res.end(bad ? '{"status":400,"data":{"data.rating":{"code":"rating_missing"}}}' : '{"id":"abc' + n + '"}');
    } else if (n % 6 === 0) {
      res.end('{"items":[],"page":1}');
    } else {
      const other = bad ? 'ORG2' : 'ORG1';
      res.end('{"items":[{"insurer":"ORG1","industry":"transport"},{"insurer":"' + other + '","industry":"transport"}],"page":1}');
    }
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

async function stub() {
  const child = spawn(process.execPath, ['-e', STUB], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

test('wrk counts a refused create and a wrong or empty list page as refused work', async () => {
  ensureDebianPackage('wrk', WRK, 'the benchmarks');
  const server = await stub();
  try {
    const creates = runWrk(server.url, createScript({ token: 't', path: '/c', body: { data: { policy_no: '__N__' } } }), { name: 'test-create', seconds: 1, connections: 2 });
    assert.ok(creates.requests > 10, `only ${creates.requests} requests`);
    assert.ok(creates.good > 0 && creates.good < creates.requests, `${creates.good} of ${creates.requests} counted good`);
    assert.match(Object.keys(creates.failures)[0], /rating_missing/);
    const lists = runWrk(server.url, listScript({ token: 't', paths: ['/l?a', '/l?b'], field: 'insurer', value: 'ORG1', same: 'industry' }), { name: 'test-list', seconds: 1, connections: 2 });
    assert.ok(lists.good > 0 && lists.good < lists.requests, `${lists.good} of ${lists.requests} counted good`);
    // every third is another insurer's, every sixth empty: a third of the pages are wrong
    const wrongShare = (lists.requests - lists.good) / lists.requests;
    assert.ok(wrongShare > 0.25 && wrongShare < 0.42, `wrong share ${wrongShare}`);
  } finally {
    server.stop();
  }
});

test('a create body needs exactly one unique number', () => {
  assert.throws(() => createScript({ token: 't', path: '/c', body: { a: 'x' } }), /__N__/);
  assert.throws(() => createScript({ token: 't', path: '/c', body: { a: '__N__', b: '__N__' } }), /__N__/);
});

/** Runs a benchmark script to its end; its output is shown when it fails. */
function runBench(script, args, timeout) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout });
  assert.equal(r.status, 0, `${script} exited ${r.status ?? r.signal}:\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

test('the backend benchmark runs briefly, beside bare PocketBase, every answer right', { timeout: 900_000 }, () => {
  const out = runBench('bench-backend.mjs', ['--policies', '300', '--enterprises', '200', '--creates', '24', '--seconds', '1', '--rounds', '1', '--lists', '12', '--judge', '200'], 900_000);
  assert.match(out, /creates, wrk 12 conns, AZX\s+[\d.]+\/s .* [\d.]+× bare/);
  assert.match(out, /list, wrk 12 conns, insurer\s+[\d.]+\/s .* [\d.]+× bare/);
  assert.match(out, /list, wrk 12 conns, bare insurer\s+[\d.]+\/s/);
  assert.ok(existsSync(join(root, '.tmp', 'bench', 'results-backend.json')));
});

test('the coverage benchmark runs briefly on a small folder, every answer checked', { timeout: 900_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'azx-bench-coverage-'));
  try {
    const out = runBench('bench-coverage.mjs', ['--enterprises', '200', '--policies', '500', '--runs', '2', '--dir', dir, '--fresh'], 900_000);
    assert.match(out, /figures, province by city \(cold\)\s+p50\s+[\d.]+ ms/);
    assert.match(out, /records: must insure, not insured \(page 1\) \(warm\)\s+p50/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the seed benchmark seeds a fresh folder, times it and checks the audit chain after', { timeout: 900_000 }, () => {
  const out = runBench('bench-seed.mjs', ['--seed-enterprises', '200'], 900_000);
  assert.match(out, /seed of 200 enterprises: [\d.]+ s wall, [\d.]+ CPU s, peak \d+ MiB/);
  assert.match(out, /"auditVerify": "audit chain intact: \d+ entries/);
  assert.match(out, /"enterprises": 200,/);
});

test('the mixed-load benchmark runs briefly with every role, every answer checked', { timeout: 900_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'azx-bench-mixed-'));
  try {
    const out = runBench('bench-mixed.mjs', ['--enterprises', '200', '--policies', '300', '--seconds', '4', '--mixed-dir', dir], 900_000);
    assert.match(out, /throughput\s+[\d.]+ requests\/s \(\d+ requests\), [\d.]+× issue 20's 358\/s/);
    assert.match(out, /wrong or refused\s+0\n/);
    // every read and write of the mix was made and timed
    for (const action of ['policy list', 'hazard ledger', 'coverage figures', 'policy view', 'policy create', 'hazard event']) {
      assert.match(out, new RegExp(`${action}\\s+p50 [\\d.]+ ms, p95 [\\d.]+ ms, p99 [\\d.]+ ms \\([1-9]`), action);
    }
    assert.match(out, /memory\s+too short/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A mixed-load worker as prepareWorker leaves it: an insurer of ORG1 with one hazard it moves. */
function insurerWorker(status = 'found') {
  return {
    n: 0,
    stamp: 'T',
    role: 'insurer',
    own: { field: 'insurer', value: 'ORG1' },
    check: ownRows('insurer', 'ORG1'),
    reads: ['policy list'],
    writes: [],
    policyPaths: [{ path: '/p', industry: 'transport' }],
    viewIds: ['v1'],
    bodies: [{ insurer: 'ORG1', data: { policy_no: '__N__' } }],
    hazards: [{ id: 'h1', status }],
  };
}

test('the mixed load refuses each wrong answer: another party\'s row, an empty page, a refused create, a hazard someone else moved', () => {
  const w = insurerWorker();
  const [, , , , listCheck] = nextRequest(w, false, 0);
  assert.equal(listCheck({ status: 200, json: { items: [{ insurer: 'ORG1', industry: 'transport' }] } }), true);
  assert.equal(listCheck({ status: 200, json: { items: [{ insurer: 'ORG1', industry: 'transport' }, { insurer: 'ORG2', industry: 'transport' }] } }), false);
  assert.equal(listCheck({ status: 200, json: { items: [] } }), false);
  assert.equal(listCheck({ status: 429, json: {} }), false);

  w.writes = ['policy create'];
  const [action, method, , body, createCheck] = nextRequest(w, true, 7);
  assert.deepEqual([action, method], ['policy create', 'POST']);
  assert.equal(body.data.policy_no, 'MIX-T-0-7');
  assert.equal(createCheck({ status: 400, json: { data: { 'data.rating': { code: 'rating_missing' } } } }), false);
  assert.equal(createCheck({ status: 200, json: { id: 'p2', policy_no: 'MIX-T-0-8', insurer: 'ORG1' } }), false);
  assert.equal(createCheck({ status: 200, json: { id: 'p2', policy_no: 'MIX-T-0-7', insurer: 'ORG1' } }), true);
  assert.ok(w.viewIds.includes('p2'), 'a created policy is viewed later');

  // found: an insurer notifies or escalates; the event must say it moved the hazard from found
  w.writes = ['hazard event'];
  const [, , path, event, eventCheck] = nextRequest(w, true, 0);
  assert.equal(path, '/api/collections/hazard_events/records');
  assert.ok(['notify>notified', 'escalate>escalated'].includes(`${event.action}>${event.to_status}`), event.action);
  assert.equal(eventCheck({ status: 200, json: { id: 'e1', from_status: 'notified', to_status: event.to_status } }), false);
  assert.equal(eventCheck({ status: 200, json: { id: 'e1', from_status: 'found', to_status: 'verified' } }), false);
  assert.equal(w.hazards[0].status, 'found', 'a move that did not happen is not counted');
  assert.equal(eventCheck({ status: 200, json: { id: 'e1', from_status: 'found', to_status: event.to_status } }), true);
  assert.equal(w.hazards[0].status, event.to_status);
  // notified or escalated: the next step is one the insurer may take from there, rectify with evidence
  const [, , , next] = nextRequest(w, true, 1);
  const fields = next instanceof FormData ? Object.fromEntries([...next].filter(([k]) => k !== 'evidence')) : next;
  assert.ok(movesFrom('insurer', event.to_status).some((a) => a.code === fields.action), fields.action);
  assert.equal(next instanceof FormData, fields.action === 'rectify', 'rectify carries evidence');
});

test('the mixed load moves each role only along the workflow, never verifying what it may have rectified', () => {
  assert.deepEqual(movesFrom('insurer', 'rectified').map((a) => a.code), ['reopen']);
  assert.deepEqual(movesFrom('provider', 'escalated').map((a) => a.code), ['rectify']);
  assert.deepEqual(movesFrom('enterprise', 'found').map((a) => a.code), []);
  assert.deepEqual(movesFrom('regulator', 'notified').map((a) => a.code), ['escalate']);
});

test('the mixed load judges memory flat, growing, or a run too short to judge', () => {
  const run = (f) => Array.from({ length: 61 }, (_, i) => ({ s: i * 10, rssMiB: f(i) }));
  // a saw-tooth around 260 MiB after a warm-up climb: flat
  assert.equal(memoryVerdict(run((i) => (i < 6 ? 100 + i * 30 : 255 + (i % 3) * 5)), 600).verdict, 'flat');
  // one spike of the saw-tooth in the last minute is no growth
  assert.equal(memoryVerdict(run((i) => (i === 58 ? 330 : 260)), 600).verdict, 'flat');
  // climbing 2 MiB every 10 s: 12 MiB/min, a fifth more over the second half
  assert.equal(memoryVerdict(run((i) => 200 + 2 * i), 600).verdict, 'grows');
  // a jump of a third in the last minute
  assert.equal(memoryVerdict(run((i) => (i > 54 ? 350 : 260)), 600).verdict, 'grows');
  assert.equal(memoryVerdict(run(() => 260).slice(0, 9), 80).verdict, 'too short');
});
