/**
 * MemoryStore: the shared contract over the same world users and the built-in definitions
 * (read from schemas/definitions), then its own plug points (validate, canRead, files).
 */
import { expect } from '@open-wc/testing';
import {
  MemoryStore,
  type FormDefinition,
  type MemoryUser,
  type NewRecord,
  type Organization,
  type RecordChange,
} from '../../../components/data/index.js';
import { offlineWorld as world, type TestWorld, type WorldUserKey } from '../setup/world.js';
import { sleep } from '../setup/unique.js';
import { policyOfA, rejection, storeContract, type Harness } from './contract.js';

const BUILT_INS = ['enterprise', 'policy', 'service-report', 'hazard'];

/** The built-in definitions as the server loads them: published version 1. */
async function builtInDefinitions(): Promise<FormDefinition[]> {
  return Promise.all(
    BUILT_INS.map(async (file) => {
      const doc = (await (await fetch(`/schemas/definitions/${file}.json`)).json()) as Record<string, unknown>;
      return {
        id: `def${file.replace(/[^a-z]/g, '')}`.padEnd(15, '0').slice(0, 15),
        key: String(doc['key']),
        version: 1,
        status: 'published' as const,
        title: String(doc['title'] ?? ''),
        industry: String(doc['industry'] ?? ''),
        base: '',
        schema: doc['schema'] as FormDefinition['schema'],
        hash: '',
        publishedAt: '2026-01-01 00:00:00.000Z',
      };
    }),
  );
}

function usersOf(w: TestWorld): MemoryUser[] {
  return (Object.keys(w.users) as WorldUserKey[]).map((key) => {
    const u = w.users[key];
    return {
      userId: w.ids.users[key] ?? key,
      email: u.email,
      password: u.password,
      name: u.name,
      role: u.role,
      organizationId: w.ids.orgs[u.org] ?? '',
      ...(u.scopeLevel ? { scopeLevel: u.scopeLevel, regionScope: u.regionScope ?? '' } : {}),
    };
  });
}

async function memoryHarness(): Promise<Harness> {
  const w = await world();
  const organizations = Object.entries(w.organizations).map(([key, o]) => ({
    id: w.ids.orgs[key] ?? key,
    name: o.name,
    kind: o.kind as Organization['kind'],
    uscc: o.uscc ?? '',
    regionCode: o.region_code,
  }));
  const root = new MemoryStore({ users: usersOf(w), definitions: await builtInDefinitions(), organizations });
  return {
    world: w,
    client: () => root.newClient(),
  };
}

storeContract('MemoryStore', memoryHarness);

describe('MemoryStore plug points', () => {
  let w: TestWorld;
  let definitions: FormDefinition[];
  before(async () => {
    w = await world();
    definitions = await builtInDefinitions();
  });

  it('refuses what `validate` refuses, with its field errors, and stores nothing', async () => {
    const store = new MemoryStore({
      users: usersOf(w),
      definitions,
      signedInAs: w.users.insurerA.email,
      validate: (_collection, record: NewRecord) =>
        Number(record.data['cover_per_person']) < 400000
          ? { 'data.cover_per_person': { code: 'schema_minimum', message: '每人保额 不得小于 400000', message_zh: '每人保额 不得小于 400000', message_en: 'Cover per person must be at least 400000' } }
          : null,
    });
    const err = await rejection(store.create('policies', policyOfA(w, { cover_per_person: 100 })));
    expect(err.code).to.equal('validation');
    expect(err.fieldErrors['data.cover_per_person']?.message_en).to.equal('Cover per person must be at least 400000');
    expect((await store.list('policies')).totalItems).to.equal(0);
    await store.create('policies', policyOfA(w));
    expect((await store.list('policies')).totalItems).to.equal(1);
  });

  it('refuses a record of a definition version it does not know', async () => {
    const store = new MemoryStore({ users: usersOf(w), definitions, signedInAs: w.users.insurerA.email });
    const err = await rejection(store.create('policies', { ...policyOfA(w), version: 42 }));
    expect(err.fieldErrors['definition']?.message_zh).to.contain('policy');
  });

  it('hides rows `canRead` denies from lists, reads and subscriptions', async () => {
    const root = new MemoryStore({
      users: usersOf(w),
      definitions,
      canRead: (party, _collection, row) => row['insurer'] === party?.organizationId,
    });
    const a = root.newClient();
    const b = root.newClient();
    await a.signIn(w.users.insurerA.email, w.users.insurerA.password);
    await b.signIn(w.users.insurerB.email, w.users.insurerB.password);
    const seenByB: RecordChange[] = [];
    await b.subscribe('policies', (c) => seenByB.push(c));
    const created = await a.create('policies', policyOfA(w));
    await sleep(50);
    expect(seenByB).to.deep.equal([]);
    expect((await b.list('policies')).totalItems).to.equal(0);
    expect((await rejection(b.get('policies', created.id))).code).to.equal('not_found');
    expect((await a.get('policies', created.id)).id).to.equal(created.id);
  });

  it('keeps uploaded files and serves them by URL', async () => {
    const store = new MemoryStore({ users: usersOf(w), definitions, signedInAs: w.users.insurerA.email });
    const created = await store.create('service_reports', {
      definition: 'service-report',
      version: 1,
      data: { ...w.payloads.serviceReport.A },
      files: { evidence: [new File(['整改照片'], 'photo.txt', { type: 'text/plain' })] },
    });
    const [name] = created.columns['evidence'] as string[];
    expect(name).to.match(/photo\.txt$/);
    const res = await fetch(await store.fileUrl(created, name as string));
    expect(await res.text()).to.equal('整改照片');
    const corrected = await store.correct('service_reports', created.id, {
      files: { evidence: [new File(['second'], 'b.txt')] },
      reason: '补充证据',
    });
    expect(corrected.columns['evidence']).to.have.length(2);
  });

  it('gives callers copies, so editing a result never edits the store', async () => {
    const store = new MemoryStore({ users: usersOf(w), definitions, signedInAs: w.users.insurerA.email });
    const created = await store.create('policies', policyOfA(w));
    (created.data as Record<string, unknown>)['premium'] = 1;
    expect((await store.get('policies', created.id)).data['premium']).to.equal(20000);
  });
});
