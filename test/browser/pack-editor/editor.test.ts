/**
 * <azx-pack-editor> on a MemoryStore: a region added when missing, a new version of a published
 * pack edited as tables and rules, the server's errors (as the store answers them) at their
 * fields, the changes against the published version, publish and retire, the keyboard, English,
 * and no accessibility violation on any tab.
 */
import { expect } from '@open-wc/testing';
import { MemoryStore, type PackCheck, type PackDocument, type RulePack } from '../../../components/data/index.js';
import type { AzxLogicBuilder } from '../../../components/core/logic-builder/index.js';
import { expectAccessible } from '../setup/axe.js';
import { addRule, byText, openTab, packEditorWith, q, root, settle, startPack, type, until } from './helpers.js';

const ADMIN = 'admin@azx.test';

/** A published national pack with one scalar, one list and one table of rates (test data, not a notice's). */
function published(): RulePack {
  return {
    id: 'packtest0000001', key: 'cn-test', version: 1, status: 'published', publishedAt: '2026-01-01 00:00:00.000Z',
    title: '全国：测试规则包', title_en: 'National: test pack', jurisdiction: '000000', legal_status: 'in_force',
    effective_from: '2026-01-01', effective_to: null, extends: null,
    sources: [{ id: '测试〔2026〕1号', title: '测试文件', title_en: 'Test document' }],
    tables: {
      min_cover_per_person: { title: { zh: '每人限额下限', en: 'Least cover' }, value: 1000, source: { document: '测试〔2026〕1号', article: '第一条' } },
      high_risk_industries: { title: { zh: '高危行业', en: 'High-risk industries' }, value: ['mining'] },
      base_rates: { title: { zh: '基准费率', en: 'Base rates' }, example: true, value: { basis_cover: 1000, rates: { mining: 7 } } },
    },
    computations: [], rules: [], tests: [],
  };
}

function store(checkPack?: (d: PackDocument) => PackCheck): MemoryStore {
  return new MemoryStore({
    users: [
      { userId: 'adminuser000000', email: ADMIN, password: 'pw', name: '管理员', role: 'admin', organizationId: '' },
      { userId: 'insureruser0000', email: 'insurer@azx.test', password: 'pw', name: '保险', role: 'insurer', organizationId: 'insurerorg00000' },
    ],
    regions: [{ code: '440000', name: '广东省', nameEn: 'Guangdong', level: 'province', parent: '' }],
    packs: [published()],
    signedInAs: ADMIN,
    ...(checkPack ? { checkPack } : {}),
  });
}

describe('<azx-pack-editor>', function () {
  this.timeout(30000);

  it('adds a missing region, then starts the pack there, without a release', async () => {
    const s = store();
    const el = await packEditorWith(s);
    const added = new Promise<CustomEvent>((resolve) => el.addEventListener('azx-region-added', (e) => resolve(e as CustomEvent), { once: true }));
    await startPack(el, { code: '440300', key: 'gd-shenzhen', title: '深圳：测试', titleEn: 'Shenzhen: test', from: '2026-02-01', extends: 'cn-test' });
    await until(() => root(el).querySelector('form.add-region') !== null);
    expect(q(el, 'form.add-region').textContent).to.contain('参考数据中没有 440300');
    expect(el.draft).to.equal(undefined);
    type(q(el, '#region-name'), '深圳市');
    q<HTMLButtonElement>(el, 'form.add-region button[type="submit"]').click();
    expect((await added).detail.region).to.include({ code: '440300', name: '深圳市', level: 'city', parent: '440000' });
    await settle(el);
    expect(q(el, '.status').textContent).to.contain('已添加地区 440300 深圳市');
    expect(await s.listRegions({ parent: '440000' })).to.have.length(1);
    q<HTMLButtonElement>(el, 'form.new-pack button[type="submit"]').click();
    await until(() => el.draft !== undefined);
    expect(q(el, '.general').textContent).to.contain('深圳市（440300）');
  });

  it('refuses a key or a code in the wrong form at the field, before asking anyone', async () => {
    const el = await packEditorWith(store());
    await startPack(el, { code: '44', key: 'Bad Key', title: '', titleEn: '', from: '' });
    expect(q(el, '#new-key-error').textContent).to.contain('标识须以小写字母开头');
    expect(q(el, '#new-jurisdiction-error').textContent).to.contain('六位数字');
    expect(q(el, '#new-jurisdiction').getAttribute('aria-invalid')).to.equal('true');
    expect(el.draft).to.equal(undefined);
  });

  it('edits a new version as tables and rules, shows the changes, publishes it and retires the old one', async () => {
    const s = store();
    const el = await packEditorWith(s);
    q<HTMLButtonElement>(el, 'tr[data-key="cn-test"] button.edit').click();
    await until(() => el.draft !== undefined);
    expect(el.draft!.version).to.equal(2);

    await openTab(el, '参数表');
    type(q(el, 'fieldset[data-table="min_cover_per_person"] input[type="number"]'), '2000');
    await settle(el);
    // a list of industries: picked from the reference data, removed by name
    const codes = q(el, 'fieldset[data-table="high_risk_industries"] .codes');
    type(codes.querySelector('select')!, 'construction');
    codes.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await settle(el);
    expect(el.draft!.doc.tables['high_risk_industries']!.value).to.deep.equal(['mining', 'construction']);
    // a rate per industry: a row added for an industry, its rate typed
    const rates = q(el, 'fieldset[data-table="base_rates"]');
    type(rates.querySelector<HTMLSelectElement>('form.add-entry select')!, 'construction');
    rates.querySelector<HTMLButtonElement>('form.add-entry button')!.click();
    await settle(el);
    type(q(el, 'fieldset[data-table="base_rates"] input[id$="-construction"]'), '5');
    await settle(el);
    expect(el.draft!.doc.tables['base_rates']!.value).to.deep.equal({ basis_cover: 1000, rates: { mining: 7, construction: 5 } });

    // a rule through the rule builder: refuse when the headcount is 0
    await openTab(el, '规则');
    const builder = await addRule(el, 'no_staff');
    // the new rule's condition is read back by the builder: one condition to change
    type(builder.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'enterprise.headcount');
    await builder.updateComplete;
    type(builder.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="比较 1"]')!, '==');
    await builder.updateComplete;
    type(builder.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="值 1"]')!, '0');
    await settle(el);
    expect(el.draft!.doc.rules[0]).to.deep.include({ code: 'no_staff', when: { '==': [{ var: 'enterprise.headcount' }, 0] } });

    await openTab(el, '发布');
    const rows = [...root(el).querySelectorAll('table.diff tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' '));
    expect(q(el, '.publish p').textContent).to.contain('与已发布的 cn-test 第 1 版相比');
    expect(rows.find((r) => r.includes('tables.min_cover_per_person'))).to.contain('修改').and.contain('1000').and.contain('2000');
    expect(rows.find((r) => r.includes('rules.no_staff'))).to.contain('新增');
    q<HTMLButtonElement>(el, 'button.publish').click();
    await until(() => el.draft === undefined);
    const versions = (await s.listRulePacks()).map((p) => `${p.version}:${p.status}`);
    expect(versions).to.deep.equal(['1:published', '2:published']);
    byText(root(el), 'button', '停用 cn-test 第 1 版').click();
    await until(() => q(el, 'tr[data-key="cn-test"]').textContent!.includes('已停用'));
    expect((await s.listRulePacks()).map((p) => p.status)).to.deep.equal(['retired', 'published']);
  });

  it('edits computations, per-item rules, intermediate values and English parameters as forms', async () => {
    const el = await packEditorWith(store());
    q<HTMLButtonElement>(el, 'tr[data-key="cn-test"] button.edit').click();
    await until(() => el.draft !== undefined);
    await openTab(el, '规则');
    // a computation: its name, a note in both languages, a formula from lists
    byText(root(el), 'button', '添加计算').click();
    await settle(el);
    // (each change is drawn before the next, as when a person types)
    for (const [id, v] of [['name', 'least_total'], ['title_zh', '全员最低限额'], ['title_en', 'Least cover for all staff']]) {
      type(q(el, `#f-computations_0_${id}`), v!);
      await settle(el);
    }
    const formula = q<AzxLogicBuilder>(el, '.computation azx-logic-builder');
    await formula.updateComplete;
    const $f = <T extends Element>(sel: string) => formula.shadowRoot!.querySelector<T>(sel)!;
    // a new computation starts as the number 0: one operand
    type($f<HTMLSelectElement>('select[aria-label="运算数 1"]'), 'field');
    await formula.updateComplete;
    type($f<HTMLSelectElement>('select[aria-label="字段 1"]'), 'enterprise.headcount');
    await formula.updateComplete;
    byText(formula.shadowRoot!, 'button', '添加运算数').click();
    await formula.updateComplete;
    type($f<HTMLSelectElement>('select[aria-label="运算数 2"]'), 'number');
    await formula.updateComplete;
    type($f<HTMLInputElement>('input[aria-label="数字 2"]'), '1000');
    await formula.updateComplete;
    type($f<HTMLSelectElement>('label select'), '*');
    await settle(el);
    expect(el.draft!.doc.computations).to.deep.equal([
      { name: 'least_total', title: { zh: '全员最低限额', en: 'Least cover for all staff' }, logic: { '*': [{ var: 'enterprise.headcount' }, 1000] } },
    ]);

    // a rule judged once per high-risk industry, with an intermediate value and its parameters
    const when = await addRule(el, 'industry_listed');
    // the computation is offered to the rule's condition
    const fieldChoices = [...when.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[aria-label="字段 1"] option')].map((o) => o.value);
    expect(fieldChoices).to.include('computed.least_total');
    const each = q<HTMLSelectElement>(el, '#f-rules_0_each');
    expect([...each.options].map((o) => o.value)).to.include('tables.high_risk_industries.value');
    type(each, 'tables.high_risk_industries.value');
    await settle(el);
    expect(el.draft!.doc.rules[0]!.each).to.deep.equal({ var: 'tables.high_risk_industries.value' });
    const lets = q(el, '.rule fieldset[data-named="rules.0.let"]');
    byText(lets, 'button', '添加一项').click();
    await settle(el);
    const letName = q<HTMLInputElement>(el, '.rule fieldset[data-named="rules.0.let"] .named-row input');
    type(letName, 'twice');
    await settle(el);
    expect(el.draft!.doc.rules[0]!.let).to.deep.equal({ twice: 0 });
    // the item and the let value are offered to the condition
    await when.updateComplete;
    const after = [...when.shadowRoot!.querySelectorAll<HTMLOptionElement>('select[aria-label="字段 1"] option')].map((o) => o.value);
    expect(after).to.include.members(['item', 'let.twice']);
    // parameters, and English ones where the words differ; each edited as a formula or JSON Logic
    for (const [named, name] of [['rules.0.params', 'industry'], ['rules.0.params_en', 'industry']] as const) {
      byText(q(el, `.rule fieldset[data-named="${named}"]`), 'button', '添加一项').click();
      await settle(el);
      type(q<HTMLInputElement>(el, `.rule fieldset[data-named="${named}"] .named-row input`), name);
      await settle(el);
      const builder = q<AzxLogicBuilder>(el, `.rule fieldset[data-named="${named}"] azx-logic-builder`);
      await builder.updateComplete;
      // a new value is the number 0, which the builder shows as JSON Logic text
      const json = builder.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
      json.value = named.endsWith('_en') ? '{"cat": ["industry ", {"var": "item"}]}' : '{"var": "item"}';
      json.dispatchEvent(new Event('input', { bubbles: true }));
      await settle(el);
    }
    expect(el.draft!.doc.rules[0]).to.deep.include({
      params: { industry: { var: 'item' } },
      params_en: { industry: { cat: ['industry ', { var: 'item' }] } },
    });
    // judged once, again: the each goes, the rest stays
    type(each, '');
    await settle(el);
    expect('each' in el.draft!.doc.rules[0]!).to.equal(false);
    expect(el.draft!.doc.rules[0]!.let).to.deep.equal({ twice: 0 });
  });

  it('edits a test case as a form, keeps JSON for the rest, and shows each case’s verdict from a run', async () => {
    const runs: PackDocument[] = [];
    const check = (d: PackDocument): PackCheck => {
      runs.push(d);
      const headcount = Number(d.tests[0]?.enterprise['headcount'] ?? 0);
      return {
        errors: {},
        tests: d.tests.map((x) => ({
          name: x.name, region: x.region ?? '000000', date: '2026-03-01', passed: headcount > 0,
          diffs: headcount > 0 ? [] : ['expected no_staff at headcount'],
          verdict: { computed: {}, warnings: [], refusals: headcount > 0 ? [] : [{ path: 'headcount', code: 'no_staff', severity: 'refuse', layer: 'cn-test', message_zh: '没有员工', message_en: 'No staff' }] },
        })),
      };
    };
    const el = await packEditorWith(store(check));
    q<HTMLButtonElement>(el, 'tr[data-key="cn-test"] button.edit').click();
    await until(() => el.draft !== undefined);
    await openTab(el, '测试用例');
    byText(root(el), 'button', '添加测试用例').click();
    await settle(el);
    type(q(el, '#f-tests_0_name'), '无员工应拒绝');
    await settle(el);
    // a field of the enterprise added from the list, then its value typed
    const enterprise = q(el, 'fieldset[data-sample="enterprise"]');
    type(enterprise.querySelector<HTMLSelectElement>('form.add-field select')!, 'enterprise.headcount');
    enterprise.querySelector<HTMLButtonElement>('form.add-field button[type="submit"]')!.click();
    await settle(el);
    expect(el.draft!.doc.tests[0]!.enterprise).to.deep.equal({ headcount: 0 });
    // the policy's fields: one added through the JSON text, then edited in the form
    const raw = q<HTMLTextAreaElement>(el, 'fieldset[data-sample="record"] details.raw-json textarea');
    raw.value = '{"cover_per_person": 500}';
    raw.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(el);
    const cover = q<HTMLInputElement>(el, 'fieldset[data-sample="record"] [data-field="cover_per_person"] input[type="number"]');
    type(cover, '800');
    await settle(el);
    expect(el.draft!.doc.tests[0]!.record).to.deep.equal({ cover_per_person: 800 });
    // what it must be refused with: a field and a code offered from the pack's rules
    const refuse = q(el, '.test fieldset.expect-refuse');
    byText(refuse, 'button', '添加预期').click();
    await settle(el);
    type(q(el, '#test-0-refuse-0-path'), 'headcount');
    await settle(el);
    type(q(el, '#test-0-refuse-0-code'), 'no_staff');
    await settle(el);
    expect(el.draft!.doc.tests[0]!.expect.refuse).to.deep.equal({ headcount: 'no_staff' });
    // a computed value it must give
    byText(q(el, '.test fieldset.expect-computed'), 'button', '添加预期').click();
    await settle(el);
    type(q(el, '#test-0-computed-0-name'), 'least_total');
    await settle(el);
    type(q(el, '#test-0-computed-0-value'), '0');
    await settle(el);
    expect(el.draft!.doc.tests[0]!.expect.computed).to.deep.equal({ least_total: 0 });
    // run: the server's verdict beside the case
    byText(root(el), 'button', '运行用例').click();
    await until(() => root(el).querySelector('.case-result') !== null);
    expect(runs.at(-1)!.tests[0]!.enterprise).to.deep.equal({ headcount: 0 });
    const result = q(el, '.test .case-result');
    expect(result.classList.contains('failed')).to.equal(true);
    expect(result.textContent).to.contain('未通过').and.contain('expected no_staff at headcount').and.contain('no_staff');
    // the sample changed and run again: it passes
    type(q<HTMLInputElement>(el, 'fieldset[data-sample="enterprise"] [data-field="headcount"] input'), '3');
    await settle(el);
    byText(root(el), 'button', '运行用例').click();
    await until(() => root(el).querySelector('.case-result.passed') !== null);
    expect(q(el, '.test .case-result').textContent).to.contain('通过');
  });

  it('shows the server’s errors at their fields and counts them on their tabs', async () => {
    const check = (): PackCheck => ({
      errors: {
        'tables.min_cover_per_person.value': { code: 'schema_type', message: '须为数字', message_zh: '须为数字', message_en: 'must be a number' },
        title_en: { code: 'schema_min_length', message: '英文名称至少 2 个字符', message_zh: '英文名称至少 2 个字符', message_en: 'at least 2 characters' },
      },
      tests: [],
    });
    const el = await packEditorWith(store(check));
    q<HTMLButtonElement>(el, 'tr[data-key="cn-test"] button.edit').click();
    await until(() => el.draft !== undefined);
    await openTab(el, '检查与预览');
    await until(() => root(el).querySelector('.check-errors') !== null);
    expect(q(el, '.check-result').textContent).to.contain('服务器发现 2 处问题');
    expect(q(el, '#tab-tables .badge').textContent).to.equal('1');
    expect(q(el, '#tab-general .badge').textContent).to.equal('1');
    await openTab(el, '参数表');
    const input = q<HTMLInputElement>(el, '#tables_min_cover_per_person_value');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, `#${input.getAttribute('aria-describedby')!}`).textContent).to.equal('须为数字');
    // as a form control: a surrounding <form> sees the refusal and would not submit the draft
    const form = document.createElement('form');
    el.parentElement!.append(form);
    el.setAttribute('name', 'pack');
    form.append(el);
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('tables.min_cover_per_person.value: 须为数字');
    expect(JSON.parse(String(new FormData(form).get('pack'))).pack.key).to.equal('cn-test');
  });

  it('moves between tabs with the arrow keys, speaks English, and has no axe violation', async () => {
    const el = await packEditorWith(store(() => ({ errors: {}, tests: [] })), 'en');
    expect(q(el, 'h2').textContent).to.equal('Rule packs');
    await expectAccessible(el);
    q<HTMLButtonElement>(el, 'tr[data-key="cn-test"] button.edit').click();
    await until(() => el.draft !== undefined);
    q(el, '#tab-general').focus();
    q(el, '#tab-general').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await settle(el);
    expect(el.tab).to.equal('tables');
    expect(root(el).activeElement?.id).to.equal('tab-tables');
    for (const tab of ['General', 'Tables', 'Rules', 'Test cases', 'Check and preview', 'Publish']) {
      await openTab(el, tab);
      if (tab === 'Rules') byText(root(el), 'button', 'Add a rule').click();
      if (tab === 'Test cases') byText(root(el), 'button', 'Add a test case').click();
      await settle(el);
      await expectAccessible(el);
    }
  });

  it('tells a non-administrator it is for administrators', async () => {
    const el = await packEditorWith(new MemoryStore({
      users: [{ userId: 'insureruser0000', email: 'i@azx.test', password: 'pw', name: '保险', role: 'insurer', organizationId: 'o' }],
      signedInAs: 'i@azx.test',
    }));
    expect(q(el, '.not-admin').textContent).to.contain('只有管理员可以编辑规则包');
  });
});
