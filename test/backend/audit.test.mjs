// The audit chain: every write leaves a chained audit_log row, `azx-server audit verify` passes
// on an untouched store and fails, naming the row, after someone edits SQLite behind the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverBinary } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { reprice } from '../fixtures/records.mjs';
import { total } from './helpers.mjs';

let server;
let world;
let su;
let dir;
let entries; // the audit rows, by seq, read while the server ran
const copies = [];

/** Runs `audit verify` on a data folder: {code, out} (out = stdout + stderr). */
function verify(dataDir) {
  return new Promise((resolve) => {
    execFile(serverBinary, ['audit', 'verify', '--dir', dataDir], { timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (err.code ?? 1) : 0, out: `${stdout}\n${stderr}` });
    });
  });
}

/** A fresh copy of the stopped server's data folder, edited with the sqlite3 CLI. */
function tamperedCopy(sql) {
  const copy = mkdtempSync(join(tmpdir(), 'azx-tamper-'));
  copies.push(copy);
  cpSync(dir, copy, { recursive: true });
  execFileSync('sqlite3', [join(copy, 'data.db'), sql]);
  return copy;
}

before(async () => {
  try {
    execFileSync('sqlite3', ['-version']);
  } catch {
    throw new Error('the sqlite3 CLI is needed to tamper with the store (Debian package "sqlite3")');
  }
  server = await startTestServer({ keep: true });
  dir = server.dir;
  world = await createWorld(server.url);
  su = world.superuser;
  const policy = (await su.view('policies', world.ids.policies.A)).body;
  const api = world.api(await world.login('insurerA'));
  const r = await api.update('policies', policy.id, {
    data: reprice(policy.data, { accident_record: 1.15 }),
    correction_reason: '按批单更正保费',
  });
  assert.equal(r.status, 200, `correction: ${JSON.stringify(r.body)}`);
  // every page: the reference data's rows (loaded by migration) come first
  entries = [];
  for (let page = 1; ; page++) {
    const p = await su.list('audit_log', { sort: 'seq', page });
    entries.push(...p.items);
    if (page >= (p.body?.totalPages ?? 0)) break;
  }
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  for (const c of copies) rmSync(c, { recursive: true, force: true });
});

describe('writes through the API', () => {
  test('every world record has a create entry, the correction an update entry by its author', () => {
    const created = new Set(entries.filter((e) => e.action === 'create').map((e) => `${e.collection_name}/${e.record_id}`));
    const ids = world.ids;
    const expected = [
      ...Object.values(ids.enterprises).map((id) => `enterprises/${id}`),
      ...Object.values(ids.policies).map((id) => `policies/${id}`),
      ...Object.values(ids.serviceReports).map((id) => `service_reports/${id}`),
      ...Object.values(ids.hazards).map((id) => `hazards/${id}`),
      ...Object.values(ids.hazardEvents).map((id) => `hazard_events/${id}`),
    ];
    for (const key of expected) assert.ok(created.has(key), `no create entry for ${key}`);
    const update = entries.filter((e) => e.action === 'update' && e.record_id === ids.policies.A);
    assert.equal(update.length, 1, 'one update entry for the corrected policy');
    assert.equal(update[0].actor, ids.users.insurerA);
  });

  test('entries form a chain: seq 1..n without gaps, each prev_hash the previous hash', () => {
    assert.ok(entries.length >= 10, `only ${entries.length} entries`);
    entries.forEach((e, i) => {
      assert.equal(e.seq, i + 1, 'seq has no gaps');
      if (i > 0) assert.equal(e.prev_hash, entries[i - 1].hash, `prev_hash of seq ${e.seq}`);
      assert.match(e.hash, /^[0-9a-f]{64}$/);
      assert.match(e.record_hash, /^[0-9a-f]{64}$/);
    });
    assert.equal(new Set(entries.map((e) => e.hash)).size, entries.length, 'hashes are distinct');
  });

  test('hash = sha256(prev_hash|seq|at|actor|collection_name|record_id|action|record_hash)', () => {
    for (const e of entries) {
      const line = [e.prev_hash, e.seq, e.at, e.actor, e.collection_name, e.record_id, e.action, e.record_hash].join('|');
      assert.equal(createHash('sha256').update(line).digest('hex'), e.hash, `seq ${e.seq}`);
    }
  });

  test('a refused write leaves no audit entry', async () => {
    const before = await total(su, 'audit_log');
    const api = world.api(await world.login('insurerA'));
    const policy = (await su.view('policies', world.ids.policies.A)).body;
    const r = await api.update('policies', policy.id, { data: { ...policy.data, premium: -1 }, correction_reason: '错误更正' });
    assert.equal(r.status, 400);
    assert.equal(await total(su, 'audit_log'), before);
  });
});

describe('audit verify on the stopped store', () => {
  before(async () => {
    await server.stop(); // keeps dir (keep: true)
  });

  test('exits 0 on an untouched store', async () => {
    const { code, out } = await verify(dir);
    assert.equal(code, 0, out);
  });

  const cases = [
    {
      what: 'a premium changed in policies',
      sql: () => `UPDATE policies SET premium = 1 WHERE id = '${world.ids.policies.B}';`,
      names: () => [world.ids.policies.B],
    },
    {
      what: "a policy's data changed in place",
      sql: () => `UPDATE policies SET data = json_set(data, '$.cover_per_person', 1) WHERE id = '${world.ids.policies.A}';`,
      names: () => [world.ids.policies.A],
    },
    {
      what: 'a hazard deleted',
      sql: () => `DELETE FROM hazards WHERE id = '${world.ids.hazards.A}';`,
      names: () => [world.ids.hazards.A],
    },
    {
      what: "a user's role raised to admin",
      sql: () => `UPDATE users SET role = 'admin' WHERE id = '${world.ids.users.enterpriseE1}';`,
      names: () => [world.ids.users.enterpriseE1],
    },
    {
      what: 'an organization inserted behind the API',
      sql: () => `INSERT INTO organizations (id, name, kind, uscc, region_code, created, updated) VALUES ('forgedorg000001', '伪造保险机构', 'insurer', '', '330600', '2026-01-01 00:00:00.000Z', '2026-01-01 00:00:00.000Z');`,
      names: () => ['forgedorg000001'],
    },
    {
      what: 'an audit_log row deleted',
      sql: () => `DELETE FROM audit_log WHERE seq = 3;`,
      names: () => ['3', entries[2].id],
    },
    {
      what: "an audit_log row's hash edited",
      sql: () => `UPDATE audit_log SET hash = '${'0'.repeat(64)}' WHERE seq = 5;`,
      names: () => ['5', entries[4].id],
    },
    {
      what: "an audit_log row's record_hash edited to match a forged record",
      sql: () => `UPDATE audit_log SET record_hash = '${'f'.repeat(64)}' WHERE seq = 2;`,
      names: () => ['2', entries[1].id],
    },
    {
      what: 'the last audit_log row deleted',
      sql: () => `DELETE FROM audit_log WHERE seq = ${entries.length};`,
      names: () => [String(entries.length), entries.at(-1).id, entries.at(-1).record_id],
    },
  ];
  for (const c of cases) {
    test(`exits 1 and names the row after ${c.what}`, async () => {
      const copy = tamperedCopy(c.sql());
      const { code, out } = await verify(copy);
      assert.equal(code, 1, `exit ${code}: ${out}`);
      const named = c.names().some((name) => new RegExp(`(^|[^0-9a-z])${name}([^0-9a-z]|$)`, 'm').test(out));
      assert.ok(named, `the report names none of ${c.names().join(', ')}:\n${out}`);
    });
  }
});
