// GET /api/azx/paging/{collection}/key: the key of the row at an offset, under the caller's
// list rule and filter — the same row the records API gives at that position — and clear
// refusals in both languages for what it cannot answer.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { DEFINITION_KEYS, hazardData } from '../fixtures/records.mjs';

let server;
let world;
before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  // hazards of insurer A with shared found times (ties broken by id)
  const api = await world.as('insurerA');
  for (let i = 0; i < 7; i++) {
    const r = await api.create('hazards', {
      definition: DEFINITION_KEYS.hazards, version: world.versions.hazards,
      data: hazardData(`HZ-PAGING-${i}`, { found_at: `2026-0${1 + (i % 3)}-10T02:00:00Z`, deadline: '2026-12-01' }),
      service_report: world.ids.serviceReports.A, policy: world.ids.policies.A, enterprise: world.ids.enterprises.E1,
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
});
after(() => server?.stop());

async function get(path, token, lang) {
  const res = await fetch(server.url + path, { headers: { ...(token ? { authorization: token } : {}), ...(lang ? { 'accept-language': lang } : {}) } });
  return { status: res.status, body: await res.json() };
}

const tokenOf = (key) => world.login(key);

describe('the key at an offset', () => {
  test('equals the records API row at every offset, for each sort, as a rule-limited party', async () => {
    const token = await tokenOf('insurerA');
    for (const sort of ['-found_at,-id', 'found_at,id', 'status,region_code,-found_at,id', '-deadline,id']) {
      const list = await get(`/api/collections/hazards/records?perPage=200&sort=${sort}`, token);
      assert.equal(list.status, 200);
      assert.ok(list.body.items.length >= 8, 'insurer A sees its hazards');
      for (const [i, row] of list.body.items.entries()) {
        const r = await get(`/api/azx/paging/hazards/key?offset=${i}&sort=${sort}`, token);
        assert.equal(r.status, 200, JSON.stringify(r.body));
        const fields = sort.split(',').map((s) => s.replace(/^-/, ''));
        assert.deepEqual(r.body.key, Object.fromEntries(fields.map((f) => [f, row[f]])), `${sort} @${i}`);
      }
      const past = await get(`/api/azx/paging/hazards/key?offset=${list.body.items.length}&sort=${sort}`, token);
      assert.deepEqual(past.body, { key: null });
    }
  });

  test('the filter applies as in the records API; another insurer never gets these rows', async () => {
    const a = await tokenOf('insurerA');
    const b = await tokenOf('insurerB');
    const filter = encodeURIComponent(`enterprise = "${world.ids.enterprises.E1}"`);
    const list = await get(`/api/collections/policies/records?sort=-id&filter=${filter}`, a);
    const first = await get(`/api/azx/paging/policies/key?offset=0&sort=-id&filter=${filter}`, a);
    assert.equal(first.body.key.id, list.body.items[0].id);
    const theirs = await get(`/api/azx/paging/policies/key?offset=0&sort=-id&filter=${filter}`, b);
    assert.deepEqual(theirs.body, { key: null }, 'E1 is insured by A, not B');
    const anonymous = await get(`/api/azx/paging/policies/key?offset=0&sort=-id`);
    assert.deepEqual(anonymous.body, { key: null });
  });

  test('refusals: sort without id, bad offset, unknown field or collection, @-fields for non-superusers', async () => {
    const token = await tokenOf('insurerA');
    const cases = [
      ['/api/azx/paging/policies/key?offset=0&sort=-created', 400, 'invalid_sort'],
      ['/api/azx/paging/policies/key?offset=-1&sort=id', 400, 'invalid_offset'],
      ['/api/azx/paging/policies/key?offset=abc&sort=id', 400, 'invalid_offset'],
      ['/api/azx/paging/policies/key?offset=0&sort=no_such_field,id', 400, 'invalid_sort'],
      ['/api/azx/paging/policies/key?offset=0&sort=enterprise.name,id', 400, 'invalid_sort'],
      ['/api/azx/paging/policies/key?offset=0&sort=id&filter=' + encodeURIComponent('(('), 400, 'invalid_filter'],
      ['/api/azx/paging/no_such/key?offset=0&sort=id', 404, 'not_found'],
      ['/api/azx/paging/policies/key?offset=0&sort=id&filter=' + encodeURIComponent('@collection.users.role = "admin"'), 403, 'forbidden'],
    ];
    for (const [path, status, code] of cases) {
      const zh = await get(path, token);
      assert.equal(zh.status, status, path);
      assert.equal(zh.body.code, code, path);
      assert.match(zh.body.message_zh, /[\u4e00-\u9fff]/, path);
      const en = await get(path, token, 'en');
      assert.equal(en.body.message, en.body.message_en, path);
      assert.doesNotMatch(en.body.message_en, /[\u4e00-\u9fff]/, path);
    }
  });
});
