// The inspectors' findings sheet (issue 14): a round's findings imported from the team's own
// file through POST /api/azx/compliance/rounds/{id}/findings/import, against a real PocketBase.
// Each row is judged as a single finding is; refused rows come back with field errors in both
// languages and are not stored; a sheet sent again stores nothing twice.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER, backendCommand, prepareData } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { assertBilingual, total } from './helpers.mjs';

const PASSWORD = 'azx-demo-2026';
let dir;
let server;
let su;
let regulator;
let regulatorEn;
let other;
let city;
/** the round's sampled policies (records) and a policy of the city left out of it */
let sampled;
let outside;

const signIn = async (email, lang) => client(server.url, await authWithPassword(server.url, 'users', email, PASSWORD), { lang });

function sheet(text, filename = 'findings.csv') {
  const form = new FormData();
  form.set('file', new Blob([text]), filename);
  return form;
}

const csv = (rows) => rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n') + '\n';

async function newRound(policies, name = '问题清单导入测试') {
  const r = await regulator.request('POST', '/api/azx/compliance/rounds', { name, region: city, policies });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const importSheet = (who, round, body) => who.request('POST', `/api/azx/compliance/rounds/${round}/findings/import`, body);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'azx-findings-sheet-'));
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '7', '--enterprises', '120']);
  server = await startTestServer({ dir });
  su = client(server.url, await authWithPassword(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password));
  const active = (await su.list('policies', { filter: 'status = "active"', sort: 'policy_no', perPage: 500 })).items;
  const byCity = new Map();
  for (const p of active) byCity.set(p.city_code, [...(byCity.get(p.city_code) ?? []), p]);
  city = [...byCity.keys()].sort((a, b) => byCity.get(b).length - byCity.get(a).length)[0];
  const mine = byCity.get(city);
  assert.ok(mine.length >= 6, `a city with policies: ${city} has ${mine.length}`);
  sampled = mine.slice(0, 5);
  outside = mine[5];
  regulator = await signIn(`regulator-${city}@azx.demo`);
  regulatorEn = await signIn(`regulator-${city}@azx.demo`, 'en');
  const otherCity = [...byCity.keys()].find((c) => c !== city && c.slice(0, 2) === city.slice(0, 2)) ?? '330100';
  other = await signIn(`regulator-${otherCity}@azx.demo`);
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a findings sheet with Chinese headers stores its good rows, lists the refused ones per field in both languages, and stores nothing twice when sent again', async () => {
  const round = await newRound([...sampled.map((p) => p.policy_no), 'NEVER-UPLOADED-0001']);
  const report = await regulator.request('GET', `/api/azx/compliance/report?round=${round.id}`);
  assert.equal(report.status, 200);
  const cats = report.body.round.categories;
  assert.ok(cats.length >= 2, 'the packs list finding categories');
  const [a, b] = cats;
  const text = csv([
    ['保单号', '问题类别', '说明'],
    [sampled[0].policy_no, a.category, '按代码'],
    [sampled[1].policy_no, b.zh, '按中文名称'],
    [sampled[2].policy_no, b.en.toUpperCase(), 'by English title, any case'],
    [outside.policy_no, a.category, '不在样本中'],
    ['NEVER-UPLOADED-0001', a.category, '未上传'],
    [sampled[3].policy_no, '不存在的类别', ''],
    ['', a.category, '缺保单号'],
    [sampled[4].policy_no, a.category, '长'.repeat(2001)],
  ]);
  const first = await importSheet(regulator, round.id, sheet(text));
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.created, 3);
  assert.equal(first.body.unchanged, 0);
  assert.equal(first.body.encoding, 'utf-8');
  const refused = Object.fromEntries(first.body.failed.map((f) => [f.row, f]));
  assert.deepEqual(Object.keys(refused).map(Number), [4, 5, 6, 7, 8]);
  const at = { 4: 'policy_no', 5: 'policy_no', 6: 'category', 7: 'policy_no', 8: 'note' };
  for (const [row, column] of Object.entries(at)) {
    const error = refused[row].errors[column];
    assert.ok(error, `row ${row} refused at ${column}: ${JSON.stringify(refused[row].errors)}`);
    assertBilingual(error, `row ${row} ${column}`);
    assert.equal(error.message, error.message_zh, 'a Chinese caller reads Chinese');
  }
  assert.match(refused[5].errors.policy_no.message_zh, /未上传/, 'a never-uploaded number says so');
  assert.equal(refused[4].key, outside.policy_no);

  const findings = (await regulator.request('GET', `/api/azx/compliance/rounds/${round.id}/findings`)).body;
  assert.deepEqual(findings.map((f) => [f.policyNo, f.category]).sort(), [
    [sampled[0].policy_no, a.category],
    [sampled[1].policy_no, b.category],
    [sampled[2].policy_no, b.category],
  ].sort());

  // a resend after a dropped connection: the same rows are unchanged, nothing is stored twice
  const again = await importSheet(regulator, round.id, sheet(text));
  assert.equal(again.status, 200);
  assert.equal(again.body.created, 0);
  assert.equal(again.body.unchanged, 3);
  assert.equal(await total(su, 'findings', `round = "${round.id}"`), 3);

  // the report counts them: the inspectors' figure comes out of the sheet
  const after = await regulator.request('GET', `/api/azx/compliance/report?round=${round.id}&fresh=1`);
  const count = (code) => after.body.round.categories.find((c) => c.category === code).count;
  assert.equal(count(a.category), 1);
  assert.equal(count(b.category), 2);
  assert.equal(after.body.round.withProblems, 3);
});

test('English headers, a JSON sheet, and an English caller reading English', async () => {
  const round = await newRound(sampled.map((p) => p.policy_no), 'English sheet');
  const cats = (await regulator.request('GET', `/api/azx/compliance/report?round=${round.id}`)).body.round.categories;
  const en = await importSheet(regulatorEn, round.id, sheet(csv([
    ['Policy number', 'Category', 'Note'],
    [sampled[0].policy_no, cats[0].en, 'fine'],
    [sampled[1].policy_no, 'nonsense', ''],
  ])));
  assert.equal(en.status, 200, JSON.stringify(en.body));
  assert.equal(en.body.created, 1);
  assert.equal(en.body.failed[0].errors.category.message, en.body.failed[0].errors.category.message_en);
  const json = await importSheet(regulator, round.id, { rows: [{ 保单号: sampled[2].policy_no, 问题类别: cats[1].category }] });
  assert.equal(json.status, 200, JSON.stringify(json.body));
  assert.equal(json.body.created, 1);
  assert.equal(await total(su, 'findings', `round = "${round.id}"`), 2);
});

test('a bad file, a stranger, another region and a published round are refused and store nothing', async () => {
  const round = await newRound(sampled.map((p) => p.policy_no), 'refusals');
  const before = await total(su, 'findings');
  for (const body of [sheet(''), sheet(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff])), sheet('保单号,保单号\nX,Y\n'), sheet(csv([['保单号', '颜色'], [sampled[0].policy_no, '红']]))]) {
    const r = await importSheet(regulator, round.id, body);
    if (r.status === 200) {
      assert.equal(r.body.created, 0, 'an unknown column refuses its rows');
      assertBilingual(Object.values(r.body.failed[0].errors)[0], 'unknown column');
    } else {
      assert.equal(r.status, 400, JSON.stringify(r.body));
      assertBilingual(r.body, 'a bad file');
    }
  }
  const insurer = await signIn('insurer-1@azx.demo');
  // as the single findings route: a round the caller takes no part in does not exist for it
  assert.equal((await importSheet(insurer, round.id, sheet('保单号\n'))).status, 404);
  assert.equal((await importSheet(client(server.url), round.id, sheet('保单号\n'))).status, 401);
  assert.equal((await importSheet(other, round.id, sheet('保单号\n'))).status, 404);
  assert.equal((await regulator.request('POST', `/api/azx/compliance/rounds/${round.id}/publish`)).status, 200);
  const published = await importSheet(regulator, round.id, sheet(csv([['保单号', '问题类别'], [sampled[0].policy_no, 'x']])));
  assert.equal(published.status, 400);
  assert.equal(published.body.code, 'round_published');
  assertBilingual(published.body, 'published');
  assert.equal(await total(su, 'findings'), before);
});
