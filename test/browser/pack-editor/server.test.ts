/**
 * <azx-pack-editor> against the real AZX backend: an administrator writes a Guangdong pack on
 * the national 2025 measures without JSON (a higher minimum, its own base rate, a source, a test
 * case), previews it with the server's evaluator, sees the server's errors at the fields,
 * publishes it, and the server judges a Guangdong policy by it at once.
 */
import { expect } from '@open-wc/testing';
import { PocketBaseStore, type Store } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';
import { byText, openTab, packEditorWith, q, root, settle, startPack, type, until } from './helpers.js';

async function signedIn(w: TestWorld, user: 'admin' | 'insurerA'): Promise<Store> {
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users[user].email, w.users[user].password);
  return store;
}

describe('<azx-pack-editor> against the AZX backend', function () {
  this.timeout(60000);

  it('lists the shipped packs with their versions, and refuses a non-administrator', async () => {
    const w = await world();
    const el = await packEditorWith(await signedIn(w, 'admin'));
    const keys = [...root(el).querySelectorAll<HTMLElement>('table.packs tr[data-key]')].map((tr) => tr.dataset['key']);
    expect(keys).to.include.members(['cn-2017', 'cn-2025', 'zj', 'bj']);
    expect(q(el, 'tr[data-key="cn-2025"]').textContent).to.contain('全国').and.to.contain('已发布');
    const insurer = await packEditorWith(await signedIn(w, 'insurerA'));
    await until(() => root(insurer).textContent!.includes('只有管理员可以编辑规则包'));
  });

  it('writes, previews and publishes a province pack; the server judges by it at once', async () => {
    const w = await world();
    const admin = await signedIn(w, 'admin');
    const el = await packEditorWith(admin);
    const key = `gd-${unique().toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 40);
    await startPack(el, { code: '440000', key, title: '广东：示例规则包', titleEn: 'Guangdong: example pack', from: '2026-01-01', extends: 'cn-2025' });
    await until(() => el.draft !== undefined);
    expect(el.draft!.doc).to.include({ jurisdiction: '440000', extends: 'cn-2025', effective_from: '2026-01-01' });

    // a source document, in the general tab
    byText(root(el), 'button', '添加依据文件').click();
    await settle(el);
    type(q(el, '#source-0-id'), '粤示例〔2026〕1号');
    await settle(el);
    type(q(el, '#source-0-title'), '广东示例通知');
    await settle(el);
    type(q(el, '#source-0-title_en'), 'Guangdong example notice');
    await settle(el);

    // the minimum cover and the base rates, overridden from the tables in force and edited as tables
    await openTab(el, '参数表');
    await until(() => root(el).querySelector('tr[data-table="min_cover_per_person"] button.override') !== null);
    q<HTMLButtonElement>(el, 'tr[data-table="min_cover_per_person"] button.override').click();
    await settle(el);
    const cover = q<HTMLInputElement>(el, 'fieldset[data-table="min_cover_per_person"] input[type="number"]');
    expect(cover.value).to.equal('400000');
    type(cover, '500000');
    await settle(el);
    type(q(el, 'fieldset[data-table="min_cover_per_person"] select[id$="-document"]'), '粤示例〔2026〕1号');
    await settle(el);
    type(q(el, 'fieldset[data-table="min_cover_per_person"] input[id$="-article"]'), '第三条');
    await settle(el);
    q<HTMLButtonElement>(el, 'tr[data-table="base_rates"] button.override').click();
    await settle(el);
    const rate = q<HTMLInputElement>(el, 'fieldset[data-table="base_rates"] table.entries input[id$="-hazardous_chemicals"]');
    type(rate, '450');
    await settle(el);
    expect((el.draft!.doc.tables['base_rates']!.value as { rates: Record<string, number> }).rates['hazardous_chemicals']).to.equal(450);
    expect(el.draft!.doc.tables['min_cover_per_person']).to.deep.include({ value: 500000, source: { document: '粤示例〔2026〕1号', article: '第三条' } });

    // a test case: the national sample policy, in Guangzhou, must be refused for its cover
    await openTab(el, '测试用例');
    byText(root(el), 'button', '添加测试用例').click();
    await settle(el);
    type(q(el, '#f-tests_0_name'), '低于广东最低限额');
    await settle(el);
    type(q(el, '#f-tests_0_region'), '440106');
    await settle(el);
    // the sample policy is a form named by the policy definition's titles; the period through
    // its JSON text (the fallback for advanced users)
    const sampleCover = q<HTMLInputElement>(el, 'fieldset[data-sample="record"] [data-field="cover_per_person"] input[type="number"]');
    expect(q(el, 'fieldset[data-sample="record"] [data-field="cover_per_person"] dt').textContent).to.contain('（cover_per_person）');
    type(sampleCover, '450000');
    await settle(el);
    const record = JSON.parse(q<HTMLTextAreaElement>(el, '#test-0-record').value) as Record<string, unknown>;
    expect(record['cover_per_person']).to.equal(450000);
    record['period'] = { start: '2026-03-01', end: '2027-02-28' };
    type(q(el, '#test-0-record'), JSON.stringify(record));
    await settle(el);
    byText(root(el), 'fieldset.expect-refuse button', '添加预期').click();
    await settle(el);
    type(q(el, '#test-0-refuse-0-path'), 'cover_per_person');
    await settle(el);
    type(q(el, '#test-0-refuse-0-code'), 'cover_below_minimum');
    await settle(el);

    // the base rates changed without a source: the server names that table, and the editor shows
    // its error by the table's source, counted on the tab
    const unsourced = (await el.check())!;
    expect(Object.keys(unsourced.errors)).to.deep.equal(['tables.base_rates.source']);
    await openTab(el, '参数表');
    const ratesSource = q<HTMLSelectElement>(el, 'fieldset[data-table="base_rates"] select[id$="-document"]');
    expect(ratesSource.getAttribute('aria-invalid')).to.equal('true');
    const note = root(el).querySelector(`#${ratesSource.getAttribute('aria-describedby')}`);
    expect(note?.closest('fieldset')?.getAttribute('data-table')).to.equal('base_rates');
    expect(note?.textContent).to.contain('基准费率').and.to.contain('须注明依据');
    expect(q(el, '#tab-tables .badge').textContent).to.equal('1');
    type(ratesSource, '粤示例〔2026〕1号');
    await settle(el);
    type(q(el, 'fieldset[data-table="base_rates"] input[id$="-article"]'), '第四条');
    await settle(el);
    await openTab(el, '测试用例');

    // the server's evaluator judges the case: refused for the cover, with Guangdong's source
    const checked = (await el.check())!;
    expect(checked.errors, JSON.stringify(checked.errors)).to.deep.equal({});
    const first = checked.tests[0]!;
    const refusal = first.verdict.refusals.find((r) => r.path === 'cover_per_person')!;
    expect(refusal.code).to.equal('cover_below_minimum');
    expect(refusal.message_zh).to.match(/500000.*粤示例〔2026〕1号 第三条/);
    // the case names every refusal the server finds (the national sample's rating is not Guangdong's)
    const others = first.verdict.refusals.filter((r) => r.path !== 'cover_per_person');
    for (const [n, r] of others.entries()) {
      byText(root(el), 'fieldset.expect-refuse button', '添加预期').click();
      await settle(el);
      type(q(el, `#test-0-refuse-${n + 1}-path`), r.path);
      await settle(el);
      type(q(el, `#test-0-refuse-${n + 1}-code`), r.code);
      await settle(el);
    }
    // run from the cases: the server's verdict beside the case
    q<HTMLButtonElement>(el, 'button.run-tests').click();
    await until(() => root(el).querySelector('.test .case-result') !== null, 15000);
    expect(q(el, '.test .case-result').className).to.contain('passed');
    expect(q(el, '.test .case-result').textContent).to.contain('cover_below_minimum');
    // the preview shows the verdicts as a user reads them
    await openTab(el, '检查与预览');
    q<HTMLButtonElement>(el, 'button.run-check').click();
    await settle(el);
    // (the cases' run above already passed: wait for this run to end)
    await until(() => !q<HTMLButtonElement>(el, 'button.run-check').disabled && root(el).querySelector('.test-results li.passed') !== null, 15000);
    expect(q(el, '.check-result').textContent).to.contain('规则包有效');
    expect(q(el, '.test-results li.passed').textContent).to.contain('天河区').and.to.contain('粤示例〔2026〕1号 第三条');

    // a window ending before it starts: the server's error shows at the field, and on its tab
    await openTab(el, '概况');
    type(q(el, '#f-effective_to'), '2025-12-31');
    await settle(el);
    q<HTMLButtonElement>(el, 'button.save').click();
    await until(() => root(el).querySelector('#f-effective_to-error') !== null, 10000);
    expect(q(el, '#f-effective_to').getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#tab-general .badge').textContent).to.equal('1');
    type(q(el, '#f-effective_to'), '');
    await settle(el);

    // the changes against nothing published (a new key), then publish
    await openTab(el, '发布');
    const changes = [...root(el).querySelectorAll('table.diff tr')].map((tr) => tr.textContent ?? '');
    expect(changes.join('\n')).to.contain('tables.min_cover_per_person').and.to.contain('tables.base_rates').and.to.contain('tests.低于广东最低限额');
    const published = new Promise<CustomEvent>((resolve) => el.addEventListener('azx-pack-published', (e) => resolve(e as CustomEvent), { once: true }));
    q<HTMLButtonElement>(el, 'button.publish').click();
    const event = await published;
    expect(event.detail.pack).to.include({ key, version: 1, status: 'published' });
    await until(() => root(el).querySelector(`tr[data-key="${key}"]`) !== null);
    expect(q(el, `tr[data-key="${key}"]`).textContent).to.contain('广东省').and.to.contain('已发布');

    // no restart: what applies in Guangzhou in 2026 is the new pack, on the national one
    const eff = await (await signedIn(w, 'insurerA')).effectivePack('440106', '2026-03-01');
    expect(eff.layers.map((l) => l.key)).to.include.members(['cn-2025', key]);
    expect(eff.tables['min_cover_per_person']!.value).to.equal(500000);
  });
});
