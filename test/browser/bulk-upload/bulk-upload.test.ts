/**
 * <azx-bulk-upload> against the real server: an import shows each refused and flagged row in the
 * page's language and downloads them as an XLSX; a connection that drops after the server stored
 * the rows is resumed under the same upload id and no row is stored twice; no file, no upload.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/bulk-upload/index.js';
import type { AzxBulkUpload } from '../../../components/bulk-upload/index.js';
import { PocketBaseStore, provideStore, StoreError, type BulkKind, type BulkResult, type BulkUploadOptions, type Store } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';

const mounted: HTMLElement[] = [];
const dropped = () => new StoreError({ code: 'network', status: 0, message_zh: '无法连接服务器', message_en: 'The server could not be reached' });
afterEach(() => mounted.splice(0).forEach((h) => h.remove()));

async function mount(store: Store, set: Partial<AzxBulkUpload> = {}): Promise<AzxBulkUpload> {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement('azx-bulk-upload');
  Object.assign(el, set);
  host.append(el);
  document.body.append(host);
  mounted.push(host);
  await el.updateComplete;
  return el;
}

const $ = (el: AzxBulkUpload, s: string) => el.shadowRoot!.querySelector<HTMLElement>(s);
const $$ = (el: AzxBulkUpload, s: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(s)];

/** Chooses a file in the element's file input, as a person does. */
function choose(el: AzxBulkUpload, file: File): void {
  const input = $(el, 'input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

/** Three policies of E1 as JSON rows: one as it should be, one under the 2025 minimum cover (a rule of the packs), one with a negative premium (a schema error). */
function policiesFile(w: TestWorld, prefix: string): File {
  const base = { ...w.payloads.policy.E1, enterprise_uscc: w.uscc.E1, period: { start: '2026-02-01', end: '2027-01-31' } };
  const rows = [
    { ...base, policy_no: `${prefix}-0001` },
    { ...base, policy_no: `${prefix}-0002`, cover_per_person: 300000 },
    { ...base, policy_no: `${prefix}-0003`, premium: -5 },
  ];
  return new File([JSON.stringify(rows)], `${prefix}.json`, { type: 'application/json' });
}

async function insurer(w: TestWorld, lang: 'zh' | 'en' = 'zh'): Promise<PocketBaseStore> {
  const store = new PocketBaseStore({ url: w.url, lang });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  return store;
}

async function countPolicies(store: Store, prefix: string): Promise<number> {
  const page = await store.list('policies', { where: [{ field: 'policy_no', op: '~', value: prefix }], perPage: 50 });
  return page.totalItems;
}

describe('<azx-bulk-upload>', () => {
  it('imports a file: refused and flagged rows shown row by row in zh and en, and downloaded as an XLSX', async () => {
    const w = await world();
    const store = await insurer(w);
    const el = await mount(store, { mode: 'import' });
    const prefix = `BU-${Date.now()}`;
    const progress: number[] = [];
    const upload = store.bulkUpload.bind(store);
    store.bulkUpload = (kind: BulkKind, file: Blob, o?: BulkUploadOptions) => upload(kind, file, { ...o, onProgress: (s, t) => (progress.push(s / t), o?.onProgress?.(s, t)) });
    choose(el, policiesFile(w, prefix));
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => el.result, 'the server answered', { timeout: 20000 });
    await el.updateComplete;

    expect(progress.at(-1)).to.equal(1);
    expect(el.result!.created).to.equal(2);
    expect($(el, '[part="summary"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.contain('新增 2 条，未变 0 条，拒收 1 行，标记 1 行');
    const rows = $$(el, 'tbody tr').map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim()));
    const refused = rows.find((r) => r[1] === `${prefix}-0003`)!;
    expect(refused.slice(0, 4)).to.deep.equal(['3', `${prefix}-0003`, '拒收（未存储）', 'premium']);
    expect(refused[4]).to.match(/[\u4e00-\u9fff]/);
    const flagged = rows.find((r) => r[1] === `${prefix}-0002`)!;
    expect(flagged.slice(0, 4)).to.deep.equal(['2', `${prefix}-0002`, '已存储，已标记', 'cover_per_person']);
    expect(flagged[5]).to.contain('27号');
    expect(rows.some((r) => r[1] === `${prefix}-0001`)).to.equal(false);
    expect(await countPolicies(store, prefix)).to.equal(2);

    el.lang = 'en';
    await waitUntil(() => $(el, 'tbody tr td:nth-child(3)')!.textContent!.trim() === 'Stored and flagged', 'the results in English');
    const en = $$(el, 'tbody tr').find((tr) => tr.textContent!.includes(`${prefix}-0003`))!;
    expect(en.querySelectorAll('td')[4]!.textContent).to.not.match(/[\u4e00-\u9fff]/);

    // the XLSX (stored ZIP entries): a sheet with both rows, both languages of each message
    const sheet = new TextDecoder().decode((await el.resultsXlsx())!);
    expect(sheet.startsWith('PK')).to.equal(true);
    expect(sheet).to.contain(`${prefix}-0002`).and.contain(`${prefix}-0003`).and.contain('Stored and flagged').and.contain('cover_below_minimum');
  });

  it('resumes after the connection dropped once the server had stored the rows: the same upload id, nothing stored twice', async () => {
    const w = await world();
    const store = await insurer(w);
    const prefix = `BR-${Date.now()}`;
    const ids: (string | undefined)[] = [];
    const upload = store.bulkUpload.bind(store);
    store.bulkUpload = async (kind: BulkKind, file: Blob, o?: BulkUploadOptions): Promise<BulkResult> => {
      ids.push(o?.upload);
      const answer = await upload(kind, file, { ...o, mode: 'import' });
      // the first answer is lost on the way back: the server stored the rows, the browser never hears it
      if (ids.length === 1) throw dropped();
      return answer;
    };
    const el = await mount(store, { mode: 'import', retryDelay: 10 });
    choose(el, policiesFile(w, prefix));
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => el.result, 'the resent upload answered', { timeout: 20000 });
    expect(ids.length).to.equal(2);
    expect(ids[0]).to.be.a('string').and.equal(ids[1]);
    expect(el.result!.created).to.equal(0);
    expect(el.result!.unchanged).to.equal(2);
    expect(el.result!.failed.length).to.equal(1);
    expect(await countPolicies(store, prefix)).to.equal(2);
  });

  it('offers "resume" when the connection stays down, and refuses to upload without a file', async () => {
    const w = await world();
    const store = await insurer(w);
    const el = await mount(store, { retries: 1, retryDelay: 10 });
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await el.updateComplete;
    expect($(el, '[part="status"]')!.textContent).to.equal('请先选择要上传的文件');

    let calls = 0;
    store.bulkUpload = async () => {
      calls++;
      throw dropped();
    };
    choose(el, policiesFile(w, `BD-${Date.now()}`));
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => $(el, 'button[part~="resume"]'), 'resume offered');
    expect(calls).to.equal(2);
    expect($(el, '[part="status"]')!.textContent).to.contain('已存储的行不会重复存储');
  });

  it('a large upload: the table lists the first 100 problem rows of the answer, the summary counts all, the XLSX holds every one', async () => {
    const w = await world();
    const store = await insurer(w);
    const el = await mount(store, { mode: 'import' });
    const prefix = `BL-${Date.now()}`;
    const base = { ...w.payloads.policy.E1, enterprise_uscc: w.uscc.E1, period: { start: '2026-02-01', end: '2027-01-31' } };
    const no = (i: number) => `${prefix}-${String(i).padStart(4, '0')}`;
    // 130 rows with a negative premium (refused), then one as it should be
    const rows = [...Array.from({ length: 130 }, (_, i) => ({ ...base, policy_no: no(i + 1), premium: -5 })), { ...base, policy_no: no(131) }];
    choose(el, new File([JSON.stringify(rows)], `${prefix}.json`, { type: 'application/json' }));
    ($(el, 'form') as HTMLFormElement).requestSubmit();
    await waitUntil(() => el.result, 'the server answered', { timeout: 30000 });
    await el.updateComplete;

    expect(el.result!.created).to.equal(1);
    expect(el.result!.complete).to.equal(false);
    expect(el.result!.failed.length).to.equal(100);
    expect($(el, '[part="summary"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('拒收 130 行');
    expect($(el, '[part="first"]')!.textContent).to.contain('前 100 行');
    const keys = $$(el, 'tbody tr').map((tr) => tr.querySelectorAll('td')[1]!.textContent!.trim());
    expect(keys.length).to.equal(100);
    expect(keys.includes(no(101))).to.equal(false);

    const sheet = new TextDecoder().decode((await el.resultsXlsx())!);
    for (const i of [1, 100, 101, 130]) expect(sheet.includes(no(i)), `row ${i} in the XLSX`).to.equal(true);
    expect(sheet.includes(no(131))).to.equal(false);
  });

  it('downloads the XLSX template of the current definition', async () => {
    const w = await world();
    const blob = await (await insurer(w)).bulkTemplate('policies', 'xlsx');
    const head = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
    expect(String.fromCharCode(...head)).to.equal('PK');
    expect(blob.size).to.be.greaterThan(5000);
  });
});
