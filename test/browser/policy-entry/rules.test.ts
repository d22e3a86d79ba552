/**
 * Each problem the Suzhou 2024 bulletin found cannot be submitted from <azx-policy-entry>: the
 * element names the rule and its source (zh + en) beside the field and above the form, and
 * nothing reaches the store until the user fixes it.
 */
import { expect } from '@open-wc/testing';
import type { MemoryStore } from '../../../components/data/index.js';
import type { AzxPolicyEntry } from '../../../components/policy-entry/index.js';
import { ENTERPRISES, entryStore, schemas } from './fixture.js';
import { chooseCoefficient, control, fieldError, find, form, mount, problems, renewFirst, root, setChecked, submit, type } from './helpers.js';

async function policies(store: MemoryStore): Promise<number> {
  return (await store.list('policies')).totalItems;
}

/** A Suzhou policy as the element fills it in (cover 400,000: premium 320 × 0.9 × 50 = 14400, budget 20%), with a number. */
async function suzhou(lang = 'zh-CN'): Promise<{ el: AzxPolicyEntry; store: MemoryStore }> {
  const store = entryStore(await schemas());
  const el = await mount(store, lang);
  await find(el, ENTERPRISES.suzhou.uscc);
  await type(el, '/policy_no', 'PICC-320500-2026-000777');
  return { el, store };
}

async function refused(el: AzxPolicyEntry, store: MemoryStore, code: string, source: RegExp): Promise<string> {
  await submit(el);
  const found = problems(el);
  expect(Object.keys(found), JSON.stringify(found)).to.include(code);
  expect(found[code]).to.match(source);
  expect(await policies(store)).to.equal(1, 'nothing stored (only last year’s policy)');
  return found[code]!;
}

describe('<azx-policy-entry> refuses the problems of the Suzhou bulletin', () => {
  it('a valid Suzhou policy is stored with its premium and rating', async () => {
    const { el, store } = await suzhou();
    await submit(el);
    expect(problems(el)).to.deep.equal({});
    await new Promise((r) => setTimeout(r, 20));
    const stored = (await store.list('policies', { where: [{ field: 'data.policy_no', op: '=', value: 'PICC-320500-2026-000777' }] })).items;
    expect(stored.length).to.equal(1);
    expect(stored[0]!.data['premium']).to.equal(14400);
    expect(stored[0]!.data['prevention_budget']).to.equal(2880);
    expect(stored[0]!.data['rating']).to.deep.equal({
      base_rate: 320,
      coefficients: { accident_record: 1, standardization: 0.9, safety_credit: 1, dual_prevention: 1, headcount_band: 1 },
      premium_by_rate: 14400,
    });
    expect(root(el).querySelector('[part="status"]')?.textContent).to.contain('已提交');
  });

  it('a mandatory policy surrendered without a reason and a document (应急〔2025〕27号 第十六条) is not sent; with them it is', async () => {
    const { el, store } = await suzhou();
    expect(control(el, '/surrender/reason'), 'no surrender fields for an active policy').to.equal(null);
    await type(el, '/status', '2'); // 已退保
    expect(control(el, '/surrender/reason'), 'the surrender group appears').to.not.equal(null);
    const msg = await refused(el, store, 'surrender_reason_required', /应急〔2025〕27号 第十六条/);
    expect(msg).to.contain('依法关闭');
    await type(el, '/surrender/reason', '1'); // 全面停止生产经营
    await type(el, '/surrender/document', '全面停产决定书 昆应急〔2026〕8号');
    await submit(el);
    expect(problems(el)).to.deep.equal({});
    await new Promise((r) => setTimeout(r, 20));
    expect(await policies(store)).to.equal(2, 'stored with its reason and document');
  });

  it('a commission above the 5% cap (应急〔2025〕27号 第十四条) is not sent; at the cap it is', async () => {
    const { el, store } = await suzhou();
    await type(el, '/commission_rate', '0.08');
    const msg = await refused(el, store, 'commission_over_cap', /第十四条/);
    expect(msg).to.contain('5%');
    expect(fieldError(el, '/commission_rate')).to.contain('佣金比例不得高于 5%');
    await type(el, '/commission_rate', '0.05');
    await submit(el);
    expect(problems(el)).to.deep.equal({});
  });

  it('the premium is declared the unit’s (第六条): the declaration starts made, and unticking it is refused', async () => {
    const { el, store } = await suzhou();
    expect(control(el, '/premium_borne_by_unit').checked).to.equal(true);
    await setChecked(el, '/premium_borne_by_unit', false);
    const msg = await refused(el, store, 'premium_charged_to_workers', /应急〔2025〕27号 第六条/);
    expect(msg).to.contain('不得摊派给从业人员个人');
  });

  it('fewer services a year than the risk grade’s service plan are not sent (a high-risk unit: 4)', async () => {
    const { el, store } = await suzhou();
    await type(el, '/service_frequency', '1');
    const msg = await refused(el, store, 'service_frequency_below_plan', /帮扶/);
    expect(msg).to.contain('高风险单位');
    expect(msg).to.contain('至少 4 次');
    await type(el, '/service_frequency', '4');
    await submit(el);
    expect(problems(el)).to.deep.equal({});
  });

  it('cover not matching headcount (保额与投保企业人数不匹配): insured persons must equal the headcount', async () => {
    const { el, store } = await suzhou();
    await type(el, '/insured_persons', '45');
    const msg = await refused(el, store, 'cover_headcount_mismatch', /应急〔2025〕27号 第十六条/);
    expect(msg).to.contain('参保人数 45 应等于从业人员数 50');
    expect(fieldError(el, '/insured_persons')).to.contain('全员投保');
  });

  it('not everyone insured (未全员投保): a headcount below the registry’s', async () => {
    const { el, store } = await suzhou();
    await type(el, '/headcount', '40');
    await type(el, '/insured_persons', '40');
    const msg = await refused(el, store, 'not_fully_insured', /第十六条/);
    expect(msg).to.contain('登记的 50 人');
  });

  it('no prevention clause (未明确约定事故预防服务)', async () => {
    const { el, store } = await suzhou();
    await setChecked(el, '/prevention_clause', false);
    await refused(el, store, 'no_prevention_clause', /未明确约定事故预防服务.*应急〔2025〕27号 第四条/);
  });

  it('prevention budget under 20% of the premium in Suzhou', async () => {
    const { el, store } = await suzhou();
    await type(el, '/prevention_budget', '2500');
    const msg = await refused(el, store, 'prevention_budget_under_ratio', /苏应急〔2024〕132号/);
    expect(msg).to.contain('至少 2880 元');
    expect(fieldError(el, '/prevention_budget')).to.contain('20%');
  });

  it('irregular entry (录入不规范): the insured’s name typed short', async () => {
    const { el, store } = await suzhou();
    await type(el, '/insured/name', '苏州相城化工');
    const msg = await refused(el, store, 'irregular_name', /录入不规范/);
    expect(msg).to.contain('苏州相城化工有限公司');
  });

  it('cover per person under the 2025 minimum', async () => {
    const { el, store } = await suzhou();
    await type(el, '/cover_per_person', '350000');
    await refused(el, store, 'cover_below_minimum', /400000 元.*应急〔2025〕27号 第十五条/);
  });

  it('a statutory cover item cut (删减保障内容)', async () => {
    const { el, store } = await suzhou();
    const rescue = [...root(el).querySelector('azx-form')!.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-pointer="/coverage_scope"] input')]
      .find((i) => i.value === 'rescue' || i.closest('label')?.textContent?.includes('抢险救援'))!;
    rescue.click();
    await el.updateComplete;
    await refused(el, store, 'coverage_cut', /删减保障内容/);
  });

  it('a period that ends before it starts', async () => {
    const { el, store } = await suzhou();
    await type(el, '/period/end', '2020-01-01');
    await refused(el, store, 'period_invalid', /录入不规范/);
  });

  it('fixed, the problem goes and the policy is stored', async () => {
    const { el, store } = await suzhou();
    await type(el, '/prevention_budget', '2500');
    await submit(el);
    expect(Object.keys(problems(el))).to.include('prevention_budget_under_ratio');
    await type(el, '/prevention_budget', '2950');
    expect(problems(el)).to.deep.equal({});
    await submit(el);
    await new Promise((r) => setTimeout(r, 20));
    expect(await policies(store)).to.equal(2);
  });

  it('in English the message names the rule and its source', async () => {
    const { el, store } = await suzhou('en');
    await type(el, '/insured_persons', '45');
    const msg = await refused(el, store, 'cover_headcount_mismatch', /source: 2025 national measures \(应急〔2025〕27号\) Art\. 16/);
    expect(msg).to.contain('Cover does not match headcount');
  });
});

describe('<azx-policy-entry> in Beijing', () => {
  it('a prevention budget over 21% of the premium for construction is refused by the national cap', async () => {
    const store = entryStore(await schemas());
    const el = await mount(store);
    await find(el, ENTERPRISES.beijing.uscc);
    await type(el, '/policy_no', 'PICC-110000-2026-000001');
    await type(el, '/prevention_budget', '9000');
    const msg = await refused(el, store, 'prevention_budget_over_cap', /应急厅函〔2024〕322号/);
    expect(msg).to.contain('21%');
  });

  it('the draft for comment only warns: the policy is stored, the warning shown', async () => {
    const store = entryStore({ ...(await schemas()), serverChecks: true });
    const el = await mount(store);
    await find(el, ENTERPRISES.beijing.uscc);
    await type(el, '/policy_no', 'PICC-110000-2026-000002');
    const items = [...form(el).shadowRoot!.querySelectorAll<HTMLInputElement>('[data-pointer="/prevention_items"] input')];
    items.find((i) => i.value === '03' || i.closest('label')?.textContent?.includes('隐患排查'))!.click();
    await el.updateComplete;
    await submit(el);
    expect(problems(el)).to.deep.equal({});
    const warning = root(el).querySelector('[part="warnings"] li[data-code="hazard_inspection_not_agreed"]');
    expect(warning?.textContent).to.match(/隐患排查.*征求意见稿/);
    await new Promise((r) => setTimeout(r, 20));
    expect(await policies(store)).to.equal(2, 'stored despite the warning');
  });
});

describe('<azx-policy-entry> renews a policy', () => {
  it('carries last year’s terms, follows its period, fixes the insured as the registry has it, and flags a coefficient the regulator does not list', async () => {
    const store = entryStore(await schemas());
    const el = await mount(store);
    await find(el, ENTERPRISES.suzhou.uscc);
    const history = root(el).querySelector('[part="history"]')!;
    expect(history.textContent).to.contain('PICC-320500-2025-000001');
    // its status by name, never the stored code
    expect(history.textContent).to.contain('已到期');
    expect(history.textContent).not.to.contain('expired');
    await renewFirst(el);
    const v = root(el).querySelector('azx-form')!.value as Record<string, unknown>;
    expect(v['renewal_of']).to.equal('PICC-320500-2025-000001');
    expect(v['period']).to.deep.equal({ start: '2026-01-01', end: '2026-12-31' });
    expect((v['insured'] as Record<string, unknown>)['name']).to.equal('苏州相城化工有限公司');
    const select = root(el).querySelector<HTMLSelectElement>('select[data-coefficient="accident_record"]')!;
    expect(select.selectedOptions[0]!.textContent).to.contain('非规定系数');
    await type(el, '/policy_no', 'PICC-320500-2026-000001');
    const msg = await refused(el, store, 'coefficient_not_allowed', /不是应急管理部门规定的系数/);
    expect(msg).to.contain('0.85');
    expect(root(el).querySelector('[part="rating"]')!.textContent).to.contain('0.85 不是应急管理部门规定的系数');
    await chooseCoefficient(el, 'accident_record', '0.9');
    expect(Object.keys(problems(el))).to.not.include('coefficient_not_allowed');
  });

  it('a renewal that starts after a gap is refused (延迟续保)', async () => {
    const store = entryStore(await schemas());
    const el = await mount(store);
    await find(el, ENTERPRISES.suzhou.uscc);
    await renewFirst(el);
    await chooseCoefficient(el, 'accident_record', '1');
    await type(el, '/policy_no', 'PICC-320500-2026-000002');
    await type(el, '/period/start', '2026-03-01');
    await type(el, '/period/end', '2027-02-28');
    await refused(el, store, 'renewal_gap', /不得延迟续保.*2026-01-01/);
  });
});
