/**
 * <azx-compliance-report>: the inspectors' findings sheet goes into a draft round from the
 * toolbar (on the real server): the good rows become findings in the bulletin, the refused rows
 * are listed with their reasons in the page's language, a sheet sent again stores nothing twice,
 * and a published round offers no import.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../components/compliance-report/index.js';
import type { AzxComplianceReport } from '../../../components/compliance-report/index.js';
import { PocketBaseStore } from '../../../components/data/index.js';
import { world } from '../setup/world.js';
import { $, mount } from './mount.js';

/** Chooses a file in the element's findings-sheet input, as a person would. */
function choose(el: AzxComplianceReport, text: string, name = '问题清单.csv'): void {
  const input = $(el, 'input[name="findings-sheet"]') as HTMLInputElement;
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'text/csv' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<azx-compliance-report> findings sheet', () => {
  it('imports a sheet into a draft round: findings in the bulletin, refused rows listed with their reasons, nothing twice on a resend', async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const drawn = await store.drawSample({ name: '取保单号（清单）', seed: 11, size: 3 });
    const numbers = (await store.coverageRecords({ metric: 'sampled', round: drawn.id, perPage: 10 })).items.map((x) => x.policyNo!);
    await store.deleteRound(drawn.id);
    expect(numbers.length).to.be.greaterThan(0);
    const round = await store.drawSample({ name: '检查组问题清单', policies: [...numbers, 'NEVER-UPLOADED-9'] });

    const el = await mount(store, { round: round.id });
    await waitUntil(() => el.report?.round?.id === round.id && $(el, 'input[name="findings-sheet"]'), 'the draft round is shown', { timeout: 15000 });
    const category = el.report!.round!.categories.find((c) => c.category === 'no_prevention_clause')!;
    const sheet = `保单号,问题类别,说明\n${numbers[0]},${category.zh},合同未约定\nNEVER-UPLOADED-9,no_prevention_clause,\n${numbers[0]},不存在的类别,\n`;
    choose(el, sheet);
    await waitUntil(() => el.report?.round?.withProblems === 1 && $(el, '[part="sheet-refused"]') && $(el, '[part="sample"] .message')!.textContent, 'the sheet is imported', { timeout: 20000 });
    await el.updateComplete;
    expect($(el, '[part="sample"] .message')!.textContent).to.equal('问题清单已导入：新增 1 条，已有 0 条，退回 2 行。');
    const refused = [...el.shadowRoot!.querySelectorAll('[part="sheet-refused"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(refused.length).to.equal(2);
    expect(refused[0]).to.contain('第 2 行');
    expect(refused[0]).to.contain('未上传系统');
    expect(refused[1]).to.contain('第 3 行');
    expect(refused[1]).to.contain('问题类别');
    expect(el.report!.round!.categories.find((c) => c.category === 'no_prevention_clause')!.count).to.equal(1);

    // sent again (a dropped connection, or the corrected file with the good row kept): stored once
    choose(el, sheet);
    await waitUntil(() => $(el, '[part="sample"] .message')!.textContent!.includes('已有 1 条'), 'the resend is answered', { timeout: 20000 });
    expect((await store.listFindings(round.id)).length).to.equal(1);

    // published, the round takes no sheet: the input is gone
    await store.publishRound(round.id);
    await el.reload();
    await el.updateComplete;
    expect($(el, 'input[name="findings-sheet"]')).to.equal(null);
  });

  it('speaks English to an English page, from the server\'s words', async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.regulatorShaoxing.email, w.users.regulatorShaoxing.password);
    const drawn = await store.drawSample({ name: 'English sheet', seed: 12, size: 1 });
    const el = await mount(store, { round: drawn.id, lang: 'en' });
    await waitUntil(() => el.report?.round?.id === drawn.id && $(el, 'input[name="findings-sheet"]'), 'the draft round is shown', { timeout: 15000 });
    expect($(el, 'label.import-findings')!.textContent!.trim()).to.equal('Import the findings sheet (XLSX/CSV)');
    choose(el, 'Policy number,Category\nNOT-IN-THE-SAMPLE,no_prevention_clause\n', 'sheet.csv');
    await waitUntil(() => $(el, '[part="sheet-refused"]') && $(el, '[part="sample"] .message')!.textContent, 'the refusal is listed', { timeout: 20000 });
    await el.updateComplete;
    expect($(el, '[part="sample"] .message')!.textContent).to.equal('Findings sheet imported: 0 new, 0 already recorded, rows refused: 1.');
    expect($(el, '[part="sheet-refused"] li')!.textContent!.replace(/\s+/g, ' ')).to.contain("This policy number is not in the round's sample");
    await store.deleteRound(drawn.id);
  });
});
