// The Suzhou 2024 bulletin from files alone (issue 14's done condition; 苏应急〔2024〕132号, seed
// 003): the files a city regulator holds (test/fixtures/suzhou-files.mjs, deterministic) go in
// through the API as the regulator: the enterprise registry (XLSX), 21 insurers' policy files (some in
// GBK) imported in import mode, a round from the inspectors' own list, their findings sheet (XLSX). The
// bulletin's figures must then come out of the server's report. Full scale: the notice's own
// numbers. The only setup outside the files is the platform's accounts: the 21 insurers as
// organizations and the Suzhou regulator's login.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER, prepareData } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { suzhouFiles } from '../fixtures/suzhou-files.mjs';

const PASSWORD = 'suzhou-pass-2026';
let dir;
let server;
let regulator;
let files;

const upload = (body, name) => {
  const form = new FormData();
  form.set('file', new Blob([body]), name);
  return form;
};

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'azx-suzhou-'));
  await prepareData(dir);
  server = await startTestServer({ dir, rateLimits: false });
  const su = client(server.url, await authWithPassword(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10); // China's day
  files = await suzhouFiles(today);
  for (const org of files.insurers) assert.equal((await su.create('organizations', org)).status, 200, `insurer ${org.name}`);
  const bureau = await su.create('organizations', { kind: 'regulator', name: '苏州市应急管理局', region_code: '320500' });
  assert.equal(bureau.status, 200, JSON.stringify(bureau.body));
  const user = await su.create('users', {
    email: 'regulator-suzhou@suzhou.test', password: PASSWORD, passwordConfirm: PASSWORD, verified: true, name: '苏州 监管员',
    role: 'regulator', organization: bureau.body.id, scope_level: 'city', region_scope: '320500',
  });
  assert.equal(user.status, 200, JSON.stringify(user.body));
  regulator = client(server.url, await authWithPassword(server.url, 'users', 'regulator-suzhou@suzhou.test', PASSWORD));
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the Suzhou 2024 bulletin comes out of the regulator\'s files alone', { timeout: 240_000 }, async () => {
  const F = files.expect;
  const registry = await regulator.request('POST', '/api/azx/bulk/enterprises', upload(files.registry, '苏州市重点行业企业名录.xlsx'));
  assert.equal(registry.status, 200, JSON.stringify(registry.body).slice(0, 800));
  assert.deepEqual(registry.body.failed, [], JSON.stringify(registry.body.failed.slice(0, 3)));
  assert.equal(registry.body.created, F.insured + F.uninsured);
  assert.equal(registry.body.encoding, 'xlsx');

  let gbk = 0;
  for (const f of files.policyFiles) {
    const r = await regulator.request('POST', `/api/azx/bulk/policies?mode=import&upload=${f.insurer}`, upload(f.body, f.name));
    assert.equal(r.status, 200, `${f.name}: ${JSON.stringify(r.body).slice(0, 800)}`);
    assert.deepEqual(r.body.failed, [], `${f.name}: ${JSON.stringify(r.body.failed.slice(0, 3))}`);
    assert.equal(r.body.created, f.rows, f.name);
    if (f.gbk) assert.equal(r.body.encoding, 'gb18030', `${f.name} is read as GBK`);
    gbk += f.gbk ? 1 : 0;
  }
  assert.ok(gbk >= 5, 'some insurers sent GBK');

  const round = await regulator.request('POST', '/api/azx/compliance/rounds', { name: '2024 年上半年安责险检查评估', region: '320500', policies: files.sampleList });
  assert.equal(round.status, 200, JSON.stringify(round.body).slice(0, 800));
  assert.equal(round.body.unmatched.length, F.notUploaded, 'the policies never uploaded');
  const sheet = await regulator.request('POST', `/api/azx/compliance/rounds/${round.body.id}/findings/import`, upload(files.findings, '检查问题清单.xlsx'));
  assert.equal(sheet.status, 200, JSON.stringify(sheet.body).slice(0, 800));
  assert.deepEqual(sheet.body.failed, []);
  assert.equal(sheet.body.encoding, 'xlsx');

  const r = await regulator.request('GET', `/api/azx/compliance/report?round=${round.body.id}&fresh=1`);
  assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 800));
  const report = r.body;
  assert.equal(report.total.insured, F.insured, '2,649 insured units');
  const byIndustry = Object.fromEntries(report.byIndustry.filter((x) => x.insured > 0).map((x) => [x.code, x.insured]));
  assert.deepEqual(byIndustry, F.insuredByIndustry, 'insured units by industry');
  assert.equal(report.insurersActive, F.insurers, '21 insurers');
  assert.equal(report.total.workers, F.workers, 'about 259,300 workers');
  assert.equal(report.round.sampled + report.round.unmatched.length, F.sampled, '1,448 sampled');
  assert.equal(report.round.unmatched.length, F.notUploaded, '68 not uploaded');
  assert.equal(report.round.withProblems, F.withProblems, '141 problem policies');
  const counts = Object.fromEntries(report.round.categories.filter((c) => c.count > 0).map((c) => [c.category, c.count]));
  assert.deepEqual(counts, F.categories, '77 / 49 / 15 / 11');
  assert.equal(report.total.uninsured, F.uninsured, '37 应保未保');
  assert.equal(report.total.notFullyInsured, F.notFullyInsured, '60 未全员投保');
  // the records' figures beside the inspectors': the policies the inspectors found without a
  // prevention clause, or with a cover not matching the headcount, are those the records show
  const records = Object.fromEntries(report.categories.map((c) => [c.category, c.records]));
  assert.equal(records.no_prevention_clause, F.categories.no_prevention_clause);
  assert.equal(records.cover_headcount_mismatch, F.categories.cover_headcount_mismatch);
});
