// PocketBase delays an empty filtered list by up to 500 ms once a client has had three in three
// seconds, against timing probes of rows the list rule hides. A list the server scopes to the
// caller and SQLite searches by the caller's own column reads none of those rows, so it answers
// at once (backend/internal/records/emptylist.go); a list without that scope keeps the delay.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';

let server;
let world;
before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
});
after(() => server?.stop());

/** Twelve empty filtered lists in a row: their total time and every answer's item count. */
async function emptyLists(token, filter) {
  const path = `/api/collections/policies/records?perPage=50&skipTotal=1&sort=-period_start&filter=${encodeURIComponent(filter)}`;
  const counts = [];
  const t0 = performance.now();
  for (let i = 0; i < 12; i++) {
    const res = await fetch(server.url + path, { headers: { authorization: token } });
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    counts.push(body.items.length);
  }
  return { ms: performance.now() - t0, counts };
}

test("an insurer's own empty list answers without the delay; an unscoped one keeps it", async () => {
  const filter = 'industry = "no_such_industry"';
  const insurer = await emptyLists(await world.login('insurerA'), filter);
  assert.deepEqual(insurer.counts, Array(12).fill(0));
  // nine delayed answers would average 2.25 s; twelve prompt ones take a few ms each
  assert.ok(insurer.ms < 600, `twelve empty lists of an insurer took ${Math.round(insurer.ms)} ms`);

  // a province regulator's list is not narrowed to an indexed column of its own: the delay stays
  const province = await emptyLists(await world.login('regulatorZhejiang'), filter);
  assert.deepEqual(province.counts, Array(12).fill(0));
  assert.ok(province.ms > 600, `twelve empty lists of a province regulator took only ${Math.round(province.ms)} ms`);

  // a look-up by another insurer's policy number is searched by the number, not by the caller's
  // column: it may read a hidden row, so its empty answer keeps the delay
  const probe = await emptyLists(await world.login('insurerA'), 'policy_no = "NO-SUCH-POLICY"');
  assert.deepEqual(probe.counts, Array(12).fill(0));
  assert.ok(probe.ms > 600, `twelve policy-number probes took only ${Math.round(probe.ms)} ms`);
});
