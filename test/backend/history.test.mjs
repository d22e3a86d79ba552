// GET /api/azx/records/{collection}/{id}/history: a record's revisions for whoever may read the
// record (its creation and each correction with the reason, by role and organization), and
// nothing for anyone else.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { ORGANIZATIONS } from '../fixtures/records.mjs';

let server;
/** @type {import('../fixtures/world.mjs').World} */
let world;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
});
after(async () => {
  await server?.stop();
});

const history = async (userKey, collection, id, options) =>
  (await world.as(userKey, options)).request('GET', `/api/azx/records/${collection}/${id}/history`);

describe('a record\'s history', () => {
  test('lists the creation and each correction with its reason, role and organization', async () => {
    const id = world.ids.hazards.A;
    const insurer = await world.as('insurerA');
    const stored = (await insurer.view('hazards', id)).body;
    const fixed = await insurer.update('hazards', id, { data: { ...stored.data, location: '三号仓库东侧' }, correction_reason: '部位写错，按现场记录更正' });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));

    const r = await history('providerP', 'hazards', id);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const items = r.body.items;
    assert.deepEqual(items.map((i) => [i.revision, i.action]), [[1, 'create'], [2, 'correct']]);
    assert.equal(items[0].actor.system, true, 'the world was written by the superuser: no party');
    assert.equal(items[1].reason, '部位写错，按现场记录更正');
    assert.deepEqual(items[1].actor, { role: 'insurer', organization: world.ids.orgs.insurerA, organization_name: ORGANIZATIONS.insurerA.name, system: false });
    assert.ok(Date.parse(items[0].at) <= Date.parse(items[1].at), JSON.stringify(items));
    assert.doesNotMatch(JSON.stringify(r.body), new RegExp(world.ids.users.insurerA), 'no user id');
  });

  test('is refused to a party that may not read the record, and to nobody signed in', async () => {
    const id = world.ids.hazards.A;
    assert.equal((await history('insurerB', 'hazards', id)).status, 404);
    const en = await history('insurerB', 'hazards', id, { lang: 'en' });
    assert.match(en.body.message, /may not be read/);
    assert.equal((await history(null, 'hazards', id)).status, 401);
    assert.equal((await history('insurerA', 'audit_log', id)).status, 404);
    assert.equal((await history('insurerA', 'hazards', 'nosuchrecord123')).status, 404);
    assert.equal((await history('regulatorShaoxing', 'policies', world.ids.policies.A)).status, 200);
  });
});
