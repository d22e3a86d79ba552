/**
 * Local drafts: what a user typed survives until the server accepts it, keeps its submit's
 * idempotency key, and stays with its user.
 */
import { expect } from '@open-wc/testing';
import { IndexedDbDraftBox, MemoryDraftBox, draftScope, type DraftBox } from '../../../components/data/index.js';
import { unique } from '../setup/unique.js';

function draftContract(name: string, make: () => DraftBox): void {
  describe(`DraftBox: ${name}`, () => {
    it('gives back what was saved, keeping the idempotency key across saves', async () => {
      const box = make();
      const scope = draftScope('user1', 'policies');
      const first = await box.save(scope, { definition: 'policy', version: 1, data: { policy_no: 'AZX-1' } });
      expect(first.idempotencyKey).to.match(/^[a-z0-9]{15}$/);
      const second = await box.save(scope, { definition: 'policy', version: 1, data: { policy_no: 'AZX-12' } });
      expect(second.idempotencyKey).to.equal(first.idempotencyKey);
      const loaded = await box.load<{ policy_no: string }>(scope);
      expect(loaded?.data).to.deep.equal({ policy_no: 'AZX-12' });
      expect(loaded?.idempotencyKey).to.equal(first.idempotencyKey);
    });

    it('forgets a draft once removed, and a new draft gets a new key', async () => {
      const box = make();
      const scope = draftScope('user1', 'hazards');
      const old = await box.save(scope, { definition: 'hazard', version: 1, data: {} });
      await box.remove(scope);
      expect(await box.load(scope)).to.equal(null);
      const fresh = await box.save(scope, { definition: 'hazard', version: 1, data: {} });
      expect(fresh.idempotencyKey).to.not.equal(old.idempotencyKey);
    });

    it("lists one user's drafts without another's", async () => {
      const box = make();
      await box.save(draftScope('alice', 'policies'), { definition: 'policy', version: 1, data: { n: 1 } });
      await box.save(draftScope('alice', 'service_reports', 'abc'), { definition: 'service-report', version: 1, data: { n: 2 } });
      await box.save(draftScope('alicia', 'policies'), { definition: 'policy', version: 1, data: { n: 3 } });
      const mine = await box.list('alice/');
      expect(mine.map((d) => d.data['n']).sort()).to.deep.equal([1, 2]);
    });

    it('is not changed by editing the object that was saved', async () => {
      const box = make();
      const scope = draftScope('user2', 'policies');
      const data = { premium: 100 };
      await box.save(scope, { definition: 'policy', version: 1, data });
      data.premium = 1;
      expect((await box.load<{ premium: number }>(scope))?.data.premium).to.equal(100);
    });
  });
}

draftContract('MemoryDraftBox', () => new MemoryDraftBox());

const databases: string[] = [];
draftContract('IndexedDbDraftBox', () => {
  const name = `azx-drafts-test-${unique()}`;
  databases.push(name);
  return new IndexedDbDraftBox(name);
});

describe('IndexedDbDraftBox across page loads', () => {
  it('still has the draft when the page opens the box again', async () => {
    const name = `azx-drafts-test-${unique()}`;
    databases.push(name);
    const before = new IndexedDbDraftBox(name);
    const saved = await before.save(draftScope('user3', 'policies'), { definition: 'policy', version: 1, data: { premium: 20000 } });
    await before.close();
    const after = new IndexedDbDraftBox(name);
    const loaded = await after.load(draftScope('user3', 'policies'));
    expect(loaded?.data).to.deep.equal({ premium: 20000 });
    expect(loaded?.idempotencyKey).to.equal(saved.idempotencyKey);
    await after.close();
  });
});

after(() => {
  for (const name of databases) indexedDB.deleteDatabase(name);
});
