/**
 * <azx-compliance-report>: the bulletin's numbers are the store's, exactly, and each opens the
 * records behind it; a finding is recorded only with a category and flows into the report; the
 * tables export to a real XLSX package in the printed order; printing prints the bulletin alone; and on
 * the server a city regulator draws a reproducible sample and another city cannot read it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { complianceXlsx } from '../../../components/compliance-report/index.js';
import { PocketBaseStore } from '../../../components/data/index.js';
import { world } from '../setup/world.js';
import { $, $$, mount } from './mount.js';
import { FIXTURE_PASSWORD, FIXTURE_REGULATOR, FixtureRegulatorStore, HANGZHOU_COUNTIES, ROUND, XIHU_BEHIND_PLAN, XIHU_UNINSURED } from '../coverage-map/fixture.js';

const figuresIn = (el: AzxComplianceReport, s: string) => $$(el, `${s} [part="figure"]`).map((b) => b.textContent!.trim());

describe('<azx-compliance-report> with known figures', () => {
  it('writes the overview with every number from the store, each a link to its records', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330100' });
    expect($(el, 'h1')!.textContent).to.equal('关于杭州市安全生产责任保险工作开展情况的通报');
    const insured = HANGZHOU_COUNTIES.reduce((n, c) => n + c.insured, 0);
    const workers = HANGZHOU_COUNTIES.reduce((n, c) => n + c.workers, 0);
    // insured total, then per industry (22 construction, 4 chemicals), insurers active, workers; late, uninsured, not fully, lapsed
    expect(figuresIn(el, '.summary')).to.deep.equal([String(insured), '22', '4', '2', workers.toLocaleString('zh-CN'), '2', '3', '2', '1']);
    expect($(el, '.summary')!.textContent!.replace(/\s+/g, '')).to.contain('建筑施工22、危险化学品4');

    const uninsured = $$(el, '.summary [part="figure"]')[6]!;
    uninsured.click();
    await waitUntil(() => $(el, '[part="records"]'), 'records opened');
    expect(store.calls.records.at(-1)).to.include({ region: '330100', metric: 'uninsured' });
    expect($(el, '#records-title')!.textContent).to.equal('应保未保：共 3 条');
    expect($$(el, '[part="records"] tbody tr td:first-child').map((td) => td.textContent)).to.deep.equal(XIHU_UNINSURED.map((x) => x.name));
  });

  it('counts the policies behind their service plan and the units without a 帮扶 visit, each opening the policies by name', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330100' });
    const problems = Object.fromEntries([...$$(el, 'article table')[0]!.querySelectorAll('tbody tr')]
      .map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent!.trim()]));
    expect(problems).to.include({ 未按服务方案开展服务: '1', 参保单位未获帮扶: '2' });
    // the region table: 西湖区's behind-plan figure opens its policies
    const regionTable = $$(el, 'article table')[1]!;
    const head = [...regionTable.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    const col = head.indexOf('未按服务方案开展服务');
    expect(col).to.be.greaterThan(0);
    expect(head[col + 1]).to.equal('参保单位未获帮扶');
    const xihu = [...regionTable.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '西湖区')!;
    const cell = xihu.children[col] as HTMLElement;
    expect(cell.textContent!.trim()).to.equal('1');
    (cell.querySelector('[part="figure"]') as HTMLElement).click();
    await waitUntil(() => $(el, '[part="records"]'), 'records opened');
    expect(store.calls.records.at(-1)).to.include({ region: '330106', metric: 'behind_plan' });
    expect($$(el, '[part="records"] tbody tr td:first-child').map((td) => td.textContent)).to.deep.equal(XIHU_BEHIND_PLAN.map((x) => x.name));
    const en = await mount(new FixtureRegulatorStore(), { region: '330100', lang: 'en' });
    const enHead = [...$$(en, 'article table')[1]!.querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(enHead).to.include.members(['Behind the service plan', 'No assistance visit (帮扶)']);
  });

  it('opens a figure\'s records in a drawer beside the report (no jump); Escape closes it and the focus is back on the figure', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100' });
    const figure = $$(el, '.summary [part="figure"]')[6]!;
    figure.focus();
    const before = window.scrollY;
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => ($(el, 'dialog[part="records"]') as HTMLDialogElement | null)?.open, 'the drawer is open');
    const drawer = $(el, 'dialog[part="records"]') as HTMLDialogElement;
    expect(drawer.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#records-title'));
    expect(window.scrollY).to.equal(before, 'the page did not move');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !$(el, 'dialog[part="records"]'), 'the drawer closed');
    expect(el.shadowRoot!.activeElement).to.equal(figure);
  });

  it('folds the problem lists on screen and opens them to print; notes why two insured totals differ', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100' });
    const list = $(el, 'details.list-body') as HTMLDetailsElement;
    expect(list.open).to.equal(false);
    expect(list.querySelector('summary')!.textContent).to.equal('展开名单（3 条）');
    window.dispatchEvent(new Event('beforeprint'));
    expect(list.open).to.equal(true);
    window.dispatchEvent(new Event('afterprint'));
    expect(list.open).to.equal(false);
    const r = el.report!;
    if (r.total.insured !== r.total.insuredMustInsure) expect($(el, '[part="note"]')!.textContent).to.contain(String(r.total.insuredMustInsure));
    else expect($(el, '[part="note"]')).to.equal(null);
  });

  it('lists the must-insure overrides and the over-budget services with the reasons recorded, their counties by name, in Chinese and in English', async () => {
    const rowsOf = (el: AzxComplianceReport, part: string) =>
      $$(el, `[part="${part}"] tbody tr`).map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    const store = new FixtureRegulatorStore();
    await store.signIn(FIXTURE_REGULATOR.email, FIXTURE_PASSWORD);
    const el = await mount(store, { region: '330100' });
    await waitUntil(() => rowsOf(el, 'overrides')[0]?.[2] === '西湖区', 'the county named', { timeout: 5000 });
    expect($(el, '[part="overrides"] h3')!.textContent).to.equal('监管部门认定的应保范围调整（共 1 家）');
    expect(rowsOf(el, 'overrides')).to.deep.equal([
      ['杭州某仓储有限公司', '91330106MA2B3C4D5E', '西湖区', '危险化学品', '不属应投保', '已停产转为仓储，经局务会认定不属应保'],
    ]);
    expect($(el, '[part="over-budget"] h3')!.textContent).to.equal('超出预防费用预算的服务（共 1 项）');
    expect(rowsOf(el, 'over-budget')).to.deep.equal([
      ['FW-330106-2026-000007', '甲财产保险杭州分公司', '西湖区', '9,999,999.00', '重大活动保障期间追加专家驻场服务'],
    ]);
    const en = await mount(store, { region: '330100', lang: 'en' });
    await waitUntil(() => rowsOf(en, 'over-budget')[0]?.[2] === 'Xihu District', 'the county named in English', { timeout: 5000 });
    expect($(en, '[part="overrides"] h3')!.textContent).to.equal('Must-insure set by a regulator (1)');
    expect(rowsOf(en, 'overrides')[0]![4]).to.equal('Need not insure');
    expect($$(en, '[part="over-budget"] th[scope="col"]').map((th) => th.textContent!.trim())).to.deep.equal(
      ['Service record', 'Insurer', 'Region', 'Cost (CNY)', 'Why over budget']);
    expect(rowsOf(en, 'over-budget')[0]![2]).to.equal('Xihu District');
  });

  it('says there are none when no figure rests on an override or an over-budget reason', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330000' });
    expect($(el, '[part="overrides"] h3')!.textContent).to.equal('监管部门认定的应保范围调整（共 0 家）');
    expect($(el, '[part="overrides"] p')!.textContent).to.equal('无');
    expect($(el, '[part="over-budget"] table') === null).to.equal(true);
  });

  it('flows at 320 px: the page never scrolls sideways, wide tables scroll inside themselves', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      await mount(new FixtureRegulatorStore(), { region: '330100' });
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('tabulates by region (with a total), by insurer and by industry, and lists the problem enterprises', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100' });
    const tables = $$(el, 'article table');
    // problems, by region, by insurer, by industry, then the lists' tables
    const regionRows = [...tables[1]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent!.trim()));
    expect(regionRows).to.deep.equal([
      ['上城区', '10', '10', '100.0%', '0', '0'],
      ['西湖区', '18', '15', '83.3%', '3', '2'],
      ['滨江区', '0', '0', '—', '0', '0'],
    ]);
    expect([...tables[1]!.querySelectorAll('tfoot th, tfoot td')].slice(0, 6).map((c) => c.textContent!.trim())).to.deep.equal(['合计', '28', '25', '89.3%', '3', '2']);
    const insurers = [...tables[2]!.querySelectorAll('tbody tr')].map((tr) => [...tr.children].slice(0, 4).map((c) => c.textContent!.trim()));
    expect(insurers).to.deep.equal([
      ['甲财产保险杭州分公司', '16', '800', '400,000.00'],
      ['乙人寿财险杭州分公司', '10', '500', '250,000.00'],
    ]);
    const problems = Object.fromEntries([...tables[0]!.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent!.trim()]));
    expect(problems).to.include({ 应保未保: '3', 未全员投保: '2', 到期未续保: '1', 未按时上传: '2' });
    const lists = $$(el, 'section.list h3').map((h) => h.textContent);
    expect(lists).to.deep.equal(['到期未续保（共 0 条）', '未全员投保（共 0 条）', '未按时上传（共 0 条）', '应保未保（共 3 条）', '预防费用不足（共 0 条）']);
  });

  it('records a finding against a sampled policy only with a category, and the report counts it', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { round: ROUND.id });
    expect($(el, '.meta')!.textContent).to.contain('随机种子 2026');
    // drawn, nothing inspected yet: no finding is claimed
    expect($(el, '.summary')!.textContent!.replace(/\s+/g, '')).to.contain('检查结果尚未录入').and.not.contain('检查发现');
    expect($$(el, '[part="sample"] tbody tr').length).to.equal(3);
    $$(el, '[part="sample"] tbody button')[0]!.click();
    await el.updateComplete;
    const form = $(el, 'form.finding') as HTMLFormElement;
    form.requestSubmit();
    await el.updateComplete;
    expect($(el, '#finding-category-error')!.textContent).to.equal('请选择问题类别');
    expect(store.calls.findings.length).to.equal(0);

    (form.querySelector('select') as HTMLSelectElement).value = 'rate_misused';
    (form.querySelector('textarea') as HTMLTextAreaElement).value = '未按系数核算保费';
    let recorded: unknown;
    el.addEventListener('azx-finding', (e) => (recorded = (e as CustomEvent).detail.finding));
    form.requestSubmit();
    await waitUntil(() => recorded, 'finding stored');
    expect(store.calls.findings[0]).to.deep.equal({ round: ROUND.id, policy: 'pol1', category: 'rate_misused', note: '未按系数核算保费' });
    await waitUntil(() => el.report?.round?.withProblems === 1, 'the report counts it');
    await el.updateComplete;
    const sample = figuresIn(el, '.summary');
    expect(sample.slice(5, 7)).to.deep.equal(['3', '1']); // sampled, with problems
    const problems = $$(el, 'article table')[0]!.querySelector('tbody tr')!;
    expect(problems.querySelector('th')!.textContent).to.equal('未规范使用保险方案及费率机制');
    expect(problems.querySelector('td')!.textContent!.trim()).to.equal('1');
  });

  it('pages through every sampled policy, 100 at a time, and says how many the round holds', async () => {
    const store = new FixtureRegulatorStore({ sampled: 250 });
    const el = await mount(store, { round: ROUND.id });
    await waitUntil(() => $$(el, '[part="sample"] tbody tr').length === 100, 'the first page');
    expect($(el, '#sample-title')!.textContent).to.contain('250');
    for (const shown of [200, 250]) {
      $(el, 'button.more-sample')!.click();
      await waitUntil(() => $$(el, '[part="sample"] tbody tr').length === shown, `${shown} shown`);
    }
    expect($(el, 'button.more-sample')).to.equal(null);
    const rows = $$(el, '[part="sample"] tbody tr');
    expect(rows.at(-1)!.textContent).to.contain('HZ-2026-10246');
    expect(new Set(rows.map((r) => r.textContent)).size).to.equal(250); // none twice
    expect(store.calls.records.filter((q) => q.metric === 'sampled').map((q) => q.page ?? 1)).to.deep.equal([1, 2, 3]);
  });

  it("puts the records' figure, in its own unit, and the import flags beside the inspectors' count; lapsed renewals are policies", async () => {
    const el = await mount(new FixtureRegulatorStore(), { round: ROUND.id });
    const row = $$(el, 'article table')[0]!.querySelectorAll('tbody tr');
    const notFully = [...row].find((r) => r.querySelector('th')!.textContent === '未全员投保')!;
    const records = String(el.report!.total.notFullyInsured);
    expect(notFully.querySelectorAll('td')[2]!.textContent!.trim()).to.equal(`${records} 家企业；导入标记 2 份`);
    const other = [...row].find((r) => r.querySelector('th')!.textContent === '未规范使用保险方案及费率机制')!;
    expect(other.querySelectorAll('td')[2]!.textContent!.trim()).to.equal('');
    expect($(el, '.summary')!.textContent!.replace(/\s+/g, '')).to.contain('份保单到期未续保');
  });

  it("exports the records' figure, its unit and the import flags beside each sampled category's count", async () => {
    const el = await mount(new FixtureRegulatorStore(), { round: ROUND.id });
    await waitUntil(() => el.sheets().length, 'lists loaded');
    const problems = el.sheets()[0]!;
    expect(problems.rows[0]).to.deep.equal(['问题类别', '发现数', '涉及保单', '系统记录', '记录单位', '导入标记（份保单）', '来源']);
    const notFully = problems.rows.find((r) => r[0] === '未全员投保')!;
    expect(notFully.slice(3, 6)).to.deep.equal([el.report!.total.notFullyInsured, '家企业', 2]);
    // a category that names no figure of the records leaves the cells empty
    expect(problems.rows.find((r) => r[0] === '未规范使用保险方案及费率机制')!.slice(3, 5)).to.deep.equal([null, null]);
    expect(problems.formats!.slice(3, 6)).to.deep.equal(['integer', 'text', 'integer']);
  });

  it('asks the server for the insurers in the order set (by name or by size), and by default leaves the order to it', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330100' });
    expect(store.calls.reports.at(-1)).to.not.have.property('insurers');
    el.insurerOrder = 'size';
    await waitUntil(() => store.calls.reports.at(-1)?.insurers === 'size', 'asked by size');
    el.insurerOrder = 'name';
    await waitUntil(() => store.calls.reports.at(-1)?.insurers === 'name', 'asked by name');
  });

  it('draws a sample from the form, refusing a blank name', async () => {
    const store = new FixtureRegulatorStore();
    const el = await mount(store, { region: '330100' });
    const form = $(el, 'form.draw') as HTMLFormElement;
    form.requestSubmit();
    await el.updateComplete;
    expect($(el, '#draw-name-error')!.textContent).to.equal('请填写检查轮次名称');
    expect(store.calls.draws.length).to.equal(0);
    (form.querySelector('[name="name"]') as HTMLInputElement).value = '下半年抽查';
    (form.querySelector('[name="seed"]') as HTMLInputElement).value = '77';
    (form.querySelector('[name="size"]') as HTMLInputElement).value = '3';
    form.requestSubmit();
    await waitUntil(() => el.round, 'the new round is shown');
    expect(store.calls.draws[0]).to.deep.equal({ name: '下半年抽查', seed: 77, size: 3, region: '330100' });
    await waitUntil(() => el.report?.round?.name === '下半年抽查', 'report of the new round');
  });

  it('exports its tables to an XLSX package, in the order of the printed bulletin', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100' });
    await waitUntil(() => el.sheets().length, 'lists loaded');
    const sheets = el.sheets();
    expect(sheets.map((s) => s.name)).to.deep.equal(['主要存在问题', '附件1 各地区安责险投保情况表', '附件2 各保险机构承保情况表', '附件3 分行业投保情况表', '附件4 到期未续保名单', '附件5 未全员投保名单', '附件6 未按时上传名单', '附件7 应保未保名单', '附件8 预防费用不足名单']);
    // 西湖区: must insure 18, of which insured 15, 3 not, a share of 15/18
    expect(sheets[1]!.rows[2]!.slice(0, 5)).to.deep.equal(['西湖区', 18, 15, 3, 15 / 18]);
    expect(sheets[1]!.formats!.slice(0, 5)).to.deep.equal(['text', 'integer', 'integer', 'integer', 'percent']);
    const bytes = complianceXlsx(sheets);
    expect(String.fromCharCode(bytes[0]!, bytes[1]!)).to.equal('PK');
    const text = new TextDecoder().decode(bytes);
    expect(text).to.contain('[Content_Types].xml');
    expect(text).to.contain('<sheet name="附件1 各地区安责险投保情况表" sheetId="2" r:id="rId2"/>');
    expect(text).to.contain('<c r="A3" s="7" t="inlineStr"><is><t xml:space="preserve">西湖区</t></is></c><c r="B3" s="2"><v>18</v></c>');
    expect(text).to.contain('杭州西湖丙加油站');
    // the end-of-central-directory record counts 5 package parts + 9 sheets
    const end = bytes.length - 22;
    expect(bytes[end]).to.equal(0x50);
    expect(bytes[end + 8]! | (bytes[end + 9]! << 8)).to.equal(14);
  });

  it('prints the bulletin alone: 打印 opens its document in a frame of its own, never the page', async () => {
    const el = await mount(new FixtureRegulatorStore(), { region: '330100' });
    const print = window.print;
    let pagePrinted = false;
    window.print = () => (pagePrinted = true);
    let doc: Document | undefined;
    el.addEventListener('azx-print', (e) => {
      doc = e.detail.document;
      e.preventDefault();
    });
    try {
      $$(el, '[part="toolbar"] > button')[0]!.click();
      await waitUntil(() => doc, 'azx-print');
    } finally {
      window.print = print;
    }
    expect(pagePrinted).to.equal(false);
    expect(doc!.querySelector('h1')!.textContent).to.equal('关于杭州市安全生产责任保险工作开展情况的通报');
    expect(doc!.querySelector('.doc-mark')!.textContent).to.equal('杭州市应急管理局文件');
    expect(doc!.querySelector('.doc-addressees')!.textContent).to.equal('各区、县（市）应急管理局，各有关保险机构：');
    expect(doc!.querySelectorAll('button, select, form, azx-compliance-report').length).to.equal(0);
  });
});

describe('<azx-compliance-report> on the server', () => {
  it("a city regulator draws a reproducible sample and records a finding; another city cannot read the round", async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const el = await mount(store);
    expect(el.report!.region.code).to.equal('330600');
    expect($(el, 'h1')!.textContent).to.equal('关于绍兴市安全生产责任保险工作开展情况的通报');
    const direct = await store.complianceReport({});
    expect(figuresIn(el, '.summary')[0]).to.equal(String(direct.total.insured));

    const a = await store.drawSample({ name: '浏览器测试', seed: 99, size: 5 });
    const b = await store.drawSample({ name: '浏览器测试（复核）', seed: 99, size: 5 });
    expect(b.sample).to.deep.equal(a.sample);
    expect(a.sample.length).to.be.greaterThan(0);
    el.round = a.id;
    await waitUntil(() => el.report?.round?.id === a.id && $$(el, '[part="sample"] tbody tr').length === a.sample.length, 'the sample is shown', { timeout: 10000 });
    await store.recordFinding({ round: a.id, policy: a.sample[0]!, category: 'no_prevention_clause', note: '合同未约定' });
    await el.reload();
    await el.updateComplete;
    expect(el.report!.round!.withProblems).to.equal(1);
    expect(el.report!.round!.categories.find((c) => c.category === 'no_prevention_clause')!.count).to.equal(1);

    const other = new PocketBaseStore({ url: w.url });
    await other.signIn(w.users.regulatorHangzhou.email, w.users.regulatorHangzhou.password);
    let refused: { code?: string } | undefined;
    await other.complianceReport({ round: a.id }).catch((e) => (refused = e));
    expect(refused?.code).to.equal('not_found');
    const el2 = await mount(other, { region: '330600' });
    expect($(el2, '[part="error"]')!.textContent).to.contain('辖区');
  });
  it('a draft round is deleted with its findings; a published one is refused and stays', async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const draft = await store.drawSample({ name: '试抽（删除）', seed: 7, size: 3 });
    expect(draft.status).to.equal('draft');
    await store.recordFinding({ round: draft.id, policy: draft.sample[0]!, category: 'no_prevention_clause' });
    await store.deleteRound(draft.id);
    expect((await store.listInspectionRounds()).some((r) => r.id === draft.id)).to.equal(false);

    const kept = await store.drawSample({ name: '正式抽查', seed: 8, size: 3 });
    expect((await store.publishRound(kept.id)).status).to.equal('published');
    let refused: { status?: number; message_zh?: string } | undefined;
    await store.deleteRound(kept.id).catch((e) => (refused = e));
    expect(refused?.status).to.equal(400);
    expect(refused?.message_zh).to.equal('已发布的检查轮次不能删除');
    expect((await store.listInspectionRounds()).find((r) => r.id === kept.id)?.status).to.equal('published');
  });
  it("makes a round from the inspectors' own list in the form, keeps the numbers never uploaded, publishes it, and deletes a draft", async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const drawn = await store.drawSample({ name: '取保单号', seed: 5, size: 2 });
    const sampled = await store.coverageRecords({ metric: 'sampled', round: drawn.id, perPage: 10 });
    const numbers = sampled.items.map((x) => x.policyNo!);
    expect(numbers.length).to.be.greaterThan(0); // the world's Shaoxing holds few policies
    await store.deleteRound(drawn.id);

    const el = await mount(store);
    const form = $(el, 'form.draw') as HTMLFormElement;
    (form.querySelector('[name="name"]') as HTMLInputElement).value = '检查组清单';
    (form.querySelector('[name="policies"]') as HTMLTextAreaElement).value = `${numbers.join('\n')}\nNEVER-UPLOADED-1`;
    form.requestSubmit();
    await waitUntil(() => el.report?.round?.name === '检查组清单' && $$(el, '[part="sample"] tbody tr').length === numbers.length, 'the list round is shown', { timeout: 10000 });
    await el.updateComplete;
    expect(el.report!.round!.source).to.equal('list');
    expect(el.report!.round!.unmatched).to.deep.equal(['NEVER-UPLOADED-1']);
    expect($(el, '.meta')!.textContent).to.contain('1 个保单号未上传系统');

    $(el, 'button.publish')!.click();
    await waitUntil(() => el.report?.round?.status === 'published', 'published');
    await el.updateComplete;
    expect($(el, 'button.delete-round')).to.equal(null);
    expect($(el, '.round-status')!.textContent).to.equal('已发布');

    const draft = await store.drawSample({ name: '草稿（删除）', seed: 6, size: 2 });
    el.round = draft.id;
    await waitUntil(() => el.report?.round?.id === draft.id && $(el, 'button.delete-round'), 'the draft is shown');
    $(el, 'button.delete-round')!.click();
    await waitUntil(() => el.round === '' && !el.report?.round, 'the draft is gone');
    expect((await store.listInspectionRounds()).map((r) => r.id)).to.not.include(draft.id);
  });
});
