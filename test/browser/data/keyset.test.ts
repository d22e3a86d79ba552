// Deep pages read by key (PocketBaseStore + /api/azx/paging) give exactly the rows OFFSET gives,
// in every sort the ledger offers, with ties broken by id, under the party's access rule.
import { expect } from '@open-wc/testing';
import { PocketBaseStore, type Condition, type StoredRecord } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';

async function insurer(w: TestWorld, keysetFromOffset: number): Promise<PocketBaseStore> {
  const store = new PocketBaseStore({ url: w.url, keysetFromOffset });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  return store;
}

async function allPages(store: PocketBaseStore, where: readonly Condition[], sort: string[], perPage: number): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const p = await store.list('hazards', { where, sort, page, perPage, skipTotal: true });
    ids.push(...p.items.map((r: StoredRecord) => r.id));
    if (p.items.length < perPage) return ids;
  }
}

describe('PocketBaseStore keyset paging', () => {
  it('every page by key equals the page by OFFSET, for each ledger sort and with ties', async function () {
    this.timeout(60_000);
    const w = await world();
    const byKey = await insurer(w, 1);
    const byOffset = await insurer(w, Number.POSITIVE_INFINITY);
    const tag = `KS${unique()}`.replace(/[^A-Za-z0-9]/g, '');
    // 13 hazards, the found time shared by groups of three, deadlines shared too: ties everywhere
    for (let i = 0; i < 13; i++) {
      await byKey.create('hazards', {
        definition: 'hazard', version: w.versions.hazards,
        // the number is the server's (issue 19): the run's tag rides in the place, which search_text holds too
        data: { ...w.payloads.hazard, location: `${String(w.payloads.hazard['location'] ?? '')} ${tag}-${i}`, found_at: `2026-0${1 + (i % 4)}-1${Math.floor(i / 3) % 10}T02:00:00Z`, deadline: `2026-12-0${1 + (i % 2)}` },
        columns: { service_report: w.ids.serviceReports['A'], policy: w.ids.policies.A, enterprise: w.ids.enterprises.E1 },
      });
    }
    const where = [{ field: 'search_text', op: '~' as const, value: tag }];
    for (const sort of [['-found_at', '-id'], ['found_at', 'id'], ['-deadline', '-id'], ['status', 'region_code', '-found_at', 'id']]) {
      const offset = await allPages(byOffset, where, sort, 3);
      const keyed = await allPages(byKey, where, sort, 3);
      expect(offset.length, sort.join()).to.equal(13);
      expect(keyed, sort.join()).to.deep.equal(offset);
    }
    // a page past the end is empty, not an error
    expect((await byKey.list('hazards', { where, sort: ['-found_at', '-id'], page: 9, perPage: 3, skipTotal: true })).items).to.deep.equal([]);
  });

  it('keys respect the access rule: another insurer\'s pages hold none of these rows', async function () {
    this.timeout(30_000);
    const w = await world();
    const other = new PocketBaseStore({ url: w.url, keysetFromOffset: 1 });
    await other.signIn(w.users.insurerB.email, w.users.insurerB.password);
    const mine = await insurer(w, 1);
    const minePage = await mine.list('hazards', { sort: ['-found_at', '-id'], page: 2, perPage: 2, skipTotal: true });
    const theirs = await allPages(other, [], ['-found_at', '-id'], 2);
    for (const r of minePage.items) expect(theirs).not.to.include(r.id);
  });
});
