// National reference data (regions, industries): readable by every signed-in user, written by
// administrators only, and named in the regulators' answers for any province — a Jiangsu
// regulator sees 苏州市 and 昆山市, never 320500 or 320583.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { enterpriseData } from '../fixtures/records.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';

const shipped = JSON.parse(readFileSync(new URL('../../schemas/reference/regions.json', import.meta.url), 'utf8')).regions;
const PASSWORD = 'jiangsu-pass-2026';
let server;
let world;
let su;
let jiangsu; // a provincial regulator of Jiangsu (320000)
let suzhou; // a city regulator of Suzhou (320500)
let kunshan; // an enterprise of Kunshan (320583)

async function regulator(key, name, level, scope) {
  const org = await su.create('organizations', { kind: 'regulator', name, region_code: scope });
  assert.equal(org.status, 200, JSON.stringify(org.body));
  const email = `${key}@reference.test`;
  const user = await su.create('users', {
    email, password: PASSWORD, passwordConfirm: PASSWORD, verified: true, name, role: 'regulator',
    organization: org.body.id, scope_level: level, region_scope: scope,
  });
  assert.equal(user.status, 200, JSON.stringify(user.body));
  return client(server.url, await authWithPassword(server.url, 'users', email, PASSWORD));
}

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  jiangsu = await regulator('jiangsu', '江苏省应急管理厅', 'province', '320000');
  suzhou = await regulator('suzhou', '苏州市应急管理局', 'city', '320500');
  const data = enterpriseData({ uscc: makeUscc('320583', 'MA2K00583'), name: '昆山精密五金有限公司', region_code: '320583', industry: 'metal_smelting', headcount: 80 });
  const r = await jiangsu.create('enterprises', { definition: 'enterprise', version: world.versions.enterprises, data });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  kunshan = r.body;
});

after(async () => {
  await server?.stop();
});

describe('reference collections', () => {
  test('every GB/T 2260 division the data ships is loaded, with its level and parent', async () => {
    const r = await su.list('regions', { perPage: 1 });
    assert.equal(r.body.totalItems, shipped.length);
    const kun = (await su.list('regions', { filter: 'code = "320583"' })).items[0];
    assert.deepEqual([kun.name, kun.level, kun.parent], ['昆山市', 'county', '320500']);
    assert.ok(shipped.length > 3000 && shipped.some((x) => x.code === '650000'), 'the whole country');
  });

  test('any signed-in user reads them; anonymous callers get nothing', async () => {
    for (const who of ['insurerA', 'enterpriseE1', 'providerP']) {
      const api = await world.as(who);
      const r = await api.list('regions', { filter: 'parent = "320500"' });
      assert.equal(r.status, 200);
      assert.ok(r.items.some((x) => x.name === '昆山市'), `${who} reads Suzhou's counties`);
      assert.ok((await api.list('industries')).items.some((x) => x.code === 'hazardous_chemicals' && x.name === '危险化学品'));
    }
    const anonymous = await world.as(null);
    assert.equal((await anonymous.list('regions')).items.length, 0);
    assert.equal((await anonymous.list('industries')).items.length, 0);
  });

  test('only an administrator writes them; the server sets level and parent from the code', async () => {
    for (const who of ['insurerA', 'regulatorZhejiang']) {
      const api = await world.as(who);
      assert.notEqual((await api.create('regions', { code: '320598', name: '不该存在' })).status, 200, `${who} creates a region`);
      const kun = (await api.list('regions', { filter: 'code = "320583"' })).items[0];
      assert.notEqual((await api.update('regions', kun.id, { name: '改名' })).status, 200, `${who} renames a region`);
      assert.notEqual((await api.create('industries', { code: 'new_one', name: '新行业' })).status, 200, `${who} adds an industry`);
    }
    const admin = await world.as('admin');
    const r = await admin.create('regions', { code: '320598', name: '苏州测试片区', level: 'province', parent: '110000' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual([r.body.level, r.body.parent], ['county', '320500']);
    const bad = await admin.create('regions', { code: '329801', name: '无上级' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.data.code.code, 'region_parent_unknown');
    assert.match(bad.body.data.code.message_zh, /上级行政区划/);
    assert.match(bad.body.data.code.message_en, /region above/);
    const industry = await admin.create('industries', { code: 'lithium_battery', name: '锂电池制造', name_en: 'Lithium batteries', gbt4754: ['C'] });
    assert.equal(industry.status, 200, JSON.stringify(industry.body));
    const wrong = await admin.create('industries', { code: 'x_ray', name: '乱码门类', gbt4754: ['Z9'] });
    assert.equal(wrong.body.data.gbt4754.code, 'gbt4754_invalid');
  });
});

describe('names for any province in the regulators’ answers', () => {
  test('the Jiangsu regulator sees Jiangsu and its cities by name, Kunshan counted under Suzhou', async () => {
    const r = await jiangsu.request('GET', '/api/azx/coverage/figures?region=320000');
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.region.name, '江苏省');
    const names = Object.fromEntries(r.body.rows.map((f) => [f.code, f.name]));
    assert.equal(names['320500'], '苏州市');
    assert.equal(names['320100'], '南京市');
    assert.equal(r.body.rows.length, 13, 'every city of Jiangsu, with data or not');
    assert.ok(r.body.rows.every((f) => f.name !== f.code), 'no bare code');
    assert.equal(r.body.rows.find((f) => f.code === '320500').enterprises, 1);
  });

  test("Suzhou's counties by name, the records behind a figure named too, and the bulletin's title", async () => {
    const figures = await suzhou.request('GET', '/api/azx/coverage/figures?region=320500');
    assert.equal(figures.status, 200);
    const kun = figures.body.rows.find((f) => f.code === '320583');
    assert.equal(kun.name, '昆山市');
    assert.equal(kun.enterprises, 1);
    const records = await suzhou.request('GET', '/api/azx/coverage/records?region=320500&metric=enterprises');
    assert.equal(records.status, 200, JSON.stringify(records.body));
    assert.deepEqual([records.body.items[0].regionName, records.body.items[0].industryName], ['昆山市', '金属冶炼']);
    const report = await suzhou.request('GET', '/api/azx/compliance/report?region=320500');
    assert.equal(report.status, 200);
    assert.deepEqual(report.body.path.map((p) => p.name), ['苏州市']);
    assert.ok(report.body.byIndustry.some((f) => f.code === 'metal_smelting' && f.name === '金属冶炼'));
  });

  test('an administrator renames a region and the next answer uses the new name', async () => {
    const admin = await world.as('admin');
    const kun = (await admin.list('regions', { filter: 'code = "320583"' })).items[0];
    assert.equal((await admin.update('regions', kun.id, { name: '昆山市（测试更名）' })).status, 200);
    const r = await suzhou.request('GET', '/api/azx/coverage/figures?region=320500');
    assert.equal(r.body.rows.find((f) => f.code === '320583').name, '昆山市（测试更名）');
    assert.equal((await admin.update('regions', kun.id, { name: '昆山市' })).status, 200);
    assert.equal(kunshan.region_code, '320583');
  });
});
