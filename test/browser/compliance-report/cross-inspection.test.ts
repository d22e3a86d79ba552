/**
 * <azx-compliance-report> and the cross-inspection table (Zhejiang, 001 annex 2): the province
 * enters the table with a new round (pickers of its cities, by name), edits it while the round
 * is a draft, and sees each line the server refuses at its own picker (marked, described, the
 * first focused); a published round shows the table read-only; the regulator of an assigned team
 * sees the round's sampled policies of the region it inspects and records findings on them, and
 * a city not assigned cannot. On the real server, and with the fixture for the words and layout.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import { PocketBaseStore, type Store } from '../../../components/data/index.js';
import { world } from '../setup/world.js';
import { $, $$, mount } from './mount.js';
import { CROSS_ROUND, FIXTURE_PASSWORD, FIXTURE_REGULATOR, FIXTURE_TEAM, FixtureRegulatorStore } from '../coverage-map/fixture.js';

const inner = (form: AzxForm, s: string) => form.shadowRoot!.querySelector<HTMLElement>(s);

/** The picker of a line's field (0-based line) in the table's form. */
function picker(form: AzxForm, line: number, field: 'inspector' | 'inspected'): HTMLSelectElement {
  return inner(form, `#azx-f_2f_assignments_2f_${line}_2f_${field}`) as HTMLSelectElement;
}

/** Adds a line and picks its two regions by the names the pickers show, as a person would. */
async function addLine(form: AzxForm, inspector: string, inspected: string): Promise<void> {
  const before = form.shadowRoot!.querySelectorAll('select[id$="_2f_inspector"]').length;
  (inner(form, 'button[part~="add"]') as HTMLButtonElement).click();
  await waitUntil(() => picker(form, before, 'inspector'), 'a line added');
  for (const [field, name] of [['inspector', inspector], ['inspected', inspected]] as const) {
    const select = picker(form, before, field);
    const option = [...select.options].find((o) => o.textContent!.trim() === name);
    expect(Boolean(option)).to.equal(true, `${name} is offered`);
    select.value = option!.value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await form.updateComplete;
  }
}

/** The element under a store, once it shows either the bulletin or an assigned team's view. */
const mountTeam = (store: Store, round: string, set: Partial<AzxComplianceReport> = {}) =>
  mount(store, { round, ...set }, (el) => el.inspection || el.report || $(el, '[part="error"]'));

const signedIn = async (email: string, password: string) => {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(email, password);
  return store;
};

describe('<azx-compliance-report> cross-inspection on the server', () => {
  let roundId = '';

  it('the province enters the table with a new round, by city names; a draft refuses a bad line at its picker, focused, in Chinese', async () => {
    const w = await world();
    const store = await signedIn(w.users.regulatorZhejiang.email, w.users.regulatorZhejiang.password);
    const el = await mount(store);
    expect(el.report!.region.code).to.equal('330000');
    ($(el, '.toolbar details') as HTMLDetailsElement).open = true;
    await waitUntil(() => $(el, 'form.draw azx-form'), 'the table in the new-round form', { timeout: 10000 });
    const draw = $(el, 'form.draw') as HTMLFormElement;
    const table = $(el, 'form.draw azx-form') as AzxForm;
    await table.updateComplete;
    // the pickers offer the province's cities by name, nothing outside it
    (inner(table, 'button[part~="add"]') as HTMLButtonElement).click();
    await table.updateComplete;
    const names = [...picker(table, 0, 'inspector').options].map((o) => o.textContent!.trim()).slice(1);
    expect(names).to.include.members(['杭州市', '绍兴市', '宁波市']);
    expect(names.some((n) => /^\d+$/.test(n))).to.equal(false, 'no bare codes');
    expect(names).to.not.include('苏州市');
    // a half-filled line is the form's own refusal: nothing is sent
    (draw.querySelector('[name="name"]') as HTMLInputElement).value = '交叉检查（浏览器）';
    (draw.querySelector('[name="policies"]') as HTMLTextAreaElement).value = `${w.policyNo.A}\n${w.policyNo.B}`;
    draw.requestSubmit();
    await table.updateComplete;
    expect(picker(table, 0, 'inspector').getAttribute('aria-invalid')).to.equal('true');
    expect(table.shadowRoot!.activeElement?.id).to.equal(picker(table, 0, 'inspector').id);
    expect(el.round).to.equal('');
    // filled: Hangzhou's team inspects Shaoxing
    (inner(table, 'button[part~="remove"]') as HTMLButtonElement).click();
    await table.updateComplete;
    await addLine(table, '杭州市', '绍兴市');
    draw.requestSubmit();
    await waitUntil(() => el.report?.round?.name === '交叉检查（浏览器）', 'the round is drawn', { timeout: 15000 });
    roundId = el.round;
    expect(el.report!.round!.assignments).to.deep.equal([{ inspector: '330100', inspected: '330600' }]);
    expect(el.report!.round!.status).to.equal('draft');

    // the draft's table, editable: a city inspecting itself and a city inspected twice are refused at their pickers
    await waitUntil(() => $(el, 'section.assignments azx-form'), 'the draft table form');
    const edit = $(el, 'section.assignments azx-form') as AzxForm;
    await edit.updateComplete;
    expect(picker(edit, 0, 'inspected').selectedOptions[0]!.textContent!.trim()).to.equal('绍兴市');
    await addLine(edit, '宁波市', '宁波市');
    await addLine(edit, '温州市', '绍兴市');
    (edit.querySelector('button.save-table') as HTMLElement).click();
    await waitUntil(() => picker(edit, 2, 'inspected')?.getAttribute('aria-invalid') === 'true', 'the refusals are shown', { timeout: 10000 });
    await waitUntil(() => edit.shadowRoot!.activeElement?.id === picker(edit, 1, 'inspected').id, 'the first refused picker has the focus');
    const describedBy = (s: HTMLSelectElement) => (s.getAttribute('aria-describedby') ?? '').split(' ').map((id) => inner(edit, `#${id}`)?.textContent ?? '').join(' ');
    expect(picker(edit, 1, 'inspected').getAttribute('aria-invalid')).to.equal('true');
    expect(describedBy(picker(edit, 1, 'inspected'))).to.contain('地区不能检查自己');
    expect(describedBy(picker(edit, 2, 'inspected'))).to.contain('该地区已由第 1 行分配检查');
    expect(picker(edit, 0, 'inspected').getAttribute('aria-invalid')).to.equal('false');
    expect(picker(edit, 1, 'inspector').getAttribute('aria-invalid')).to.equal('false');
    expect((await store.listInspectionRounds()).find((r) => r.id === roundId)!.assignments.length).to.equal(1, 'nothing stored');

    // corrected (the last line now Wenzhou → Ningbo, the self line removed): saved
    const last = picker(edit, 2, 'inspected');
    last.value = [...last.options].find((o) => o.textContent!.trim() === '宁波市')!.value;
    last.dispatchEvent(new Event('change', { bubbles: true }));
    await edit.updateComplete;
    (edit.shadowRoot!.querySelectorAll('button[part~="remove"]')[1] as HTMLButtonElement).click();
    await edit.updateComplete;
    (edit.querySelector('button.save-table') as HTMLElement).click();
    await waitUntil(() => el.report?.round?.assignments.length === 2, 'the table saved', { timeout: 10000 });
    expect(el.report!.round!.assignments).to.deep.equal([
      { inspector: '330100', inspected: '330600' },
      { inspector: '330300', inspected: '330200' },
    ]);
  });

  it("Hangzhou's assigned team sees Shaoxing's sampled policy of the round, not its own city's, and records a finding on it", async () => {
    const w = await world();
    expect(roundId).to.not.equal('');
    const store = await signedIn(w.users.regulatorHangzhou.email, w.users.regulatorHangzhou.password);
    expect((await store.listInspectionRounds()).map((r) => r.id)).to.include(roundId);
    const el = await mountTeam(store, roundId);
    expect(el.report).to.equal(undefined);
    expect(el.inspection?.sampled).to.equal(1);
    expect($(el, '#inspection-title')!.textContent).to.equal('交叉检查：交叉检查（浏览器）（浙江省）');
    expect($(el, '[part="inspection"] .meta')!.textContent).to.contain('绍兴市');
    const rows = $$(el, '[part="sample"] tbody tr').map((tr) => tr.textContent!);
    expect(rows.length).to.equal(1);
    expect(rows[0]).to.contain(w.policyNo.A).and.not.contain(w.policyNo.B);
    expect(rows[0]).to.contain('越城区'); // policy A's county in Shaoxing, by name

    ($(el, '[part="sample"] tbody button') as HTMLButtonElement).click();
    await el.updateComplete;
    const form = $(el, 'form.finding') as HTMLFormElement;
    const categories = [...form.querySelectorAll('select option')].map((o) => o.textContent!.trim());
    expect(categories).to.include('未明确约定事故预防服务');
    (form.querySelector('select') as HTMLSelectElement).value = 'no_prevention_clause';
    (form.querySelector('textarea') as HTMLTextAreaElement).value = '交叉检查：合同未约定预防服务';
    form.requestSubmit();
    await waitUntil(() => $(el, '[part="sample"] tbody tr td:nth-child(5)')?.textContent?.trim() === '1 项问题', 'the finding is counted', { timeout: 10000 });
    const findings = await store.listFindings(roundId);
    expect(findings.map((f) => [f.policy, f.category, f.note])).to.deep.equal([[w.ids.policies.A, 'no_prevention_clause', '交叉检查：合同未约定预防服务']]);
    // the team's own findings sheet, into the draft: its city's row stored, another city's refused with the reason
    const input = $(el, '[part="inspection"] input[name="findings-sheet"]') as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([`保单号,问题类别,说明\n${w.policyNo.A},rate_misused,费率未按系数\n${w.policyNo.B},rate_misused,\n`], '交叉检查问题清单.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => $(el, '[part="sample"] .message')?.textContent?.startsWith('问题清单已导入'), 'the sheet is answered', { timeout: 15000 });
    expect($(el, '[part="sample"] .message')!.textContent).to.equal('问题清单已导入：新增 1 条，已有 0 条，退回 1 行。');
    expect($(el, '[part="sheet-refused"] li')!.textContent!.replace(/\s+/g, ' ')).to.contain('第 2 行').and.contain('未分配您检查该地区');
    expect((await store.listFindings(roundId)).length).to.equal(2);
    // the province's bulletin counts the team's finding
    const zj = await signedIn(w.users.regulatorZhejiang.email, w.users.regulatorZhejiang.password);
    expect((await zj.complianceReport({ round: roundId })).round!.withProblems).to.equal(1);
  });

  it('a city the table does not assign cannot list the round, read its sample or record a finding', async () => {
    const w = await world();
    const store = await signedIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    expect((await store.listInspectionRounds()).map((r) => r.id)).to.not.include(roundId);
    const codeOf = (p: Promise<unknown>) => p.then(() => 'stored', (e: { code?: string }) => e.code);
    expect(await codeOf(store.roundSample(roundId))).to.equal('not_found');
    expect(await codeOf(store.recordFinding({ round: roundId, policy: w.ids.policies.A, category: 'no_prevention_clause' }))).to.equal('not_found');
    const el = await mountTeam(store, roundId);
    expect(el.inspection).to.equal(undefined);
    expect($(el, '[part="error"]')!.textContent).to.contain('检查轮次不存在');
    expect($(el, '[part="sample"]')).to.equal(null);
  });

  it('published, the round shows its table read-only, by name, and takes no edit', async () => {
    const w = await world();
    const store = await signedIn(w.users.regulatorZhejiang.email, w.users.regulatorZhejiang.password);
    await store.publishRound(roundId);
    const el = await mount(store, { round: roundId });
    await waitUntil(() => $(el, '.assignments-table')?.textContent?.includes('杭州市'), 'the read-only table, named', { timeout: 10000 });
    expect($(el, 'section.assignments azx-form')).to.equal(null);
    const rows = $$(el, '.assignments-table tbody tr').map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal([['1', '杭州市', '绍兴市'], ['2', '温州市', '宁波市']]);
    let refused: { status?: number; code?: string } | undefined;
    await store.setRoundAssignments(roundId, []).catch((e) => (refused = e));
    expect(refused?.status).to.equal(400);
    expect(refused?.code).to.not.equal(undefined);
  });
});

describe('<azx-compliance-report> cross-inspection, words and layout', () => {
  it('an assigned team sees the round in English, its regions by name', async () => {
    const store = new FixtureRegulatorStore();
    await store.signIn(FIXTURE_TEAM.email, FIXTURE_PASSWORD);
    const el = await mountTeam(store, CROSS_ROUND.id, { lang: 'en' });
    expect(el.inspection?.round.id).to.equal(CROSS_ROUND.id);
    expect($(el, '#inspection-title')!.textContent).to.equal('Cross-inspection: 2026 年交叉检查 (Zhejiang)');
    expect($(el, '[part="inspection"] .meta')!.textContent).to.equal('Your team inspects 杭州市. You see the sampled policies of these regions only, and record findings on them.');
    expect($$(el, '.assignments-table thead th').map((th) => th.textContent!.trim())).to.deep.equal(['No.', "Inspecting team's region", 'Region inspected']);
    expect($$(el, '[part="sample"] tbody tr').length).to.equal(3);
    expect(store.calls.samples).to.deep.equal([[CROSS_ROUND.id, 1]]);
    const option = [...el.shadowRoot!.querySelectorAll('select[name="round"] option')].find((o) => (o as HTMLOptionElement).value === CROSS_ROUND.id)!;
    expect(option.textContent).to.contain('cross-inspection');
  });

  it("prints and exports the round's table as the bulletin's last attachment, its regions by name", async () => {
    const store = new FixtureRegulatorStore();
    await store.signIn(FIXTURE_REGULATOR.email, FIXTURE_PASSWORD);
    const el = await mount(store, { round: CROSS_ROUND.id });
    await waitUntil(() => el.sheets().length && $(el, '.assignments-table')?.textContent?.includes('绍兴市'), 'lists and names loaded');
    const last = el.sheets().at(-1)!;
    expect(last.name).to.equal('附件9 交叉检查分组');
    expect(last.rows).to.deep.equal([['序号', '检查组所在地区', '被检查地区'], [1, '绍兴市', '杭州市'], [2, '杭州市', '宁波市']]);
    expect(el.officialDocument()!.attachments!.at(-1)!.title).to.equal('交叉检查分组');
    // a round without a table adds no attachment
    el.round = '';
    await waitUntil(() => !el.report?.round && el.sheets().length, 'the bulletin without a round');
    expect(el.sheets().at(-1)!.name).to.equal('附件8 预防费用不足名单');
  });

  it('flows at 320 px: the new-round form with its table, and a team\'s view', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const store = new FixtureRegulatorStore();
      await store.signIn(FIXTURE_REGULATOR.email, FIXTURE_PASSWORD);
      const el = await mount(store, { region: '330000' });
      ($(el, '.toolbar details') as HTMLDetailsElement).open = true;
      await waitUntil(() => $(el, 'form.draw azx-form'), 'the table in the new-round form');
      const table = $(el, 'form.draw azx-form') as AzxForm;
      await table.updateComplete;
      await addLine(table, '杭州市', '绍兴市');
      await addLine(table, '宁波市', '温州市');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);

      const team = new FixtureRegulatorStore();
      await team.signIn(FIXTURE_TEAM.email, FIXTURE_PASSWORD);
      await mountTeam(team, CROSS_ROUND.id);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
