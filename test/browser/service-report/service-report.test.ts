/**
 * <azx-service-report> on the MemoryStore: the ledger (spent against budget, planned apart, the
 * agreed plan against what was delivered), who may record, a planned service delivered later,
 * evidence files, hazard counts, and the server's refusals shown field by field.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { provideStore } from '../../../components/data/index.js';
import type { AzxServiceReport } from '../../../components/service-report/index.js';
import { IDS, PASSWORD, emailOf, serviceStore } from './fixture.js';
import { expectAccessible } from '../setup/axe.js';
import { $, deliveredService, form, hazardItem, mount, serviceReportSchema, submitValue, text } from './helpers.js';

/** The server's refusal of a provider on the region's black list. */
const BLACKLISTED = {
  code: 'provider_blacklisted',
  message: '该服务机构已被列入本地区服务机构黑名单，不能提供事故预防服务',
  message_zh: '该服务机构已被列入本地区服务机构黑名单，不能提供事故预防服务',
  message_en: 'This provider is black-listed in the region and may not deliver prevention services',
};

describe('<azx-service-report> ledger', () => {
  it('shows spent against the policy budget, planned apart, and the agreed items not yet delivered', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    expect(text(el, '[data-figure="budget"]')).to.equal('4,000.00');
    expect(text(el, '[data-figure="spent"]')).to.equal('1,500.00');
    expect(text(el, '[data-figure="remaining"]')).to.equal('2,500.00');
    expect(text(el, '[data-figure="planned"]')).to.equal('800.00');
    const meter = $<HTMLMeterElement>(el, 'meter')!;
    expect(meter.value).to.equal(1500);
    expect(meter.max).to.equal(4000);
    expect($(el, '[part="over-budget"]')).to.equal(null);
    // agreed 01, 03, 05; delivered 01 and 03
    expect(text(el, '[part="missing-items"]')).to.contain('05 生产安全事故应急预案编制和演练');
    expect(text(el, '[part="missing-items"]')).not.to.contain('01 ');
    expect(text(el, '[part="ledger-facts"]')).to.contain('约定每年 4 次');
  });

  it('warns when the delivered services cost more than the budget', async () => {
    const store = serviceStore({ schema: await serviceReportSchema(), deliveredCost: 4600 });
    const el = await mount(store, IDS.policy);
    expect(text(el, '[part="over-budget"]')).to.contain('600.00');
    expect($(el, '[data-figure="remaining"]')!.classList.contains('over')).to.equal(true);
  });

  it('lists the services booked beyond the budget with the reason the server required', async () => {
    const reason = '汛期前追加危化品储罐区专项检查';
    const store = serviceStore({ schema: await serviceReportSchema(), deliveredCost: 4600, overBudgetReason: reason });
    const el = await mount(store, IDS.policy);
    expect(text(el, '[part="over-budget-reasons"]')).to.contain('SR-DEMO-0001');
    expect(text(el, '[part="over-budget-reasons"]')).to.contain('4,600.00');
    expect(text(el, '[part="over-budget-reasons"]')).to.contain(reason);
    const plain = await mount(serviceStore({ schema: await serviceReportSchema() }), IDS.policy);
    expect($(plain, '[part="over-budget-reasons"]')).to.equal(null);
  });

  it("warns at the provider when the region's lists exclude it, before anything is typed", async () => {
    const schema = await serviceReportSchema();
    const black = await mount(serviceStore({ schema, standing: 'blacklisted' }), IDS.policy);
    expect($(black, '[part="provider-warning"]')!.getAttribute('role')).to.equal('alert');
    expect(text(black, '[part="provider-warning"]')).to.contain('黑名单');
    const outside = await mount(serviceStore({ schema, standing: 'not_whitelisted' }), IDS.policy);
    expect(text(outside, '[part="provider-warning"]')).to.contain('白名单');
    const allowed = await mount(serviceStore({ schema }), IDS.policy);
    expect($(allowed, '[part="provider-warning"]')).to.equal(null);
  });

  it('has no accessibility violation (axe-core), with the ledger, the services and the form', async () => {
    const el = await mount(serviceStore({ schema: await serviceReportSchema(), deliveredCost: 4600 }), IDS.policy);
    await form(el).updateComplete;
    await expectAccessible(el);
  });

  it("follows another party's services as they are written: the insurer's report moves the provider's ledger", async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    const insurer = store.newClient();
    await insurer.signIn(emailOf('insurer'), PASSWORD);
    const planned = await insurer.get('service_reports', IDS.planned);
    await insurer.create('service_reports', {
      definition: 'service-report',
      version: 1,
      data: { ...planned.data, report_no: 'SR-DEMO-0003', status: 'delivered', cost: 300 },
      columns: { policy: IDS.policy },
    });
    await waitUntil(() => text(el, '[data-figure="spent"]') === '1,800.00', 'the ledger follows the insurer', { timeout: 5000 });
    expect(el.shadowRoot!.querySelectorAll('#reports tbody tr').length).to.equal(3);
  });

  it('speaks English when asked', async () => {
    const store = serviceStore({ schema: await serviceReportSchema(), lang: 'en' });
    const el = await mount(store, IDS.policy, 'en');
    expect(text(el, '[part="ledger-title"]')).to.contain('Prevention fee ledger');
  });
});

describe('<azx-service-report> recording a service', () => {
  it('lets an enterprise see the ledger and the services but not record one', async () => {
    const store = serviceStore({ schema: await serviceReportSchema(), role: 'enterprise' });
    const el = await mount(store, IDS.policy);
    expect($(el, 'azx-form')).to.equal(null);
    expect(text(el, '[part="notice"]')).to.contain('只能查看');
    expect(el.shadowRoot!.querySelectorAll('#reports tbody tr').length).to.equal(2);
    expect(text(el, `tr[data-report="${IDS.delivered}"]`)).to.contain('安全生产宣传教育培训、生产安全事故隐患排查');
    expect($(el, 'button.deliver')).to.equal(null);
  });

  it('prefills the policy number and the provider of the policy; the report number is left to the server', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    const v = form(el).value;
    expect(v['policy_no']).to.equal('AZX-DEMO-0001');
    expect(v['provider_name']).to.equal('绍兴平安安全技术服务有限公司');
    expect(v['report_no']).to.equal(undefined);
    const no = form(el).shadowRoot!.querySelector<HTMLInputElement>('[data-pointer="/report_no"] input')!;
    expect(no.readOnly).to.equal(true);
    expect(no.placeholder).to.equal('保存后由系统编号');
    expect(text(el, '#provider')).to.equal('绍兴平安安全技术服务有限公司');
  });

  it('stores a delivered service with its evidence files and moves the ledger by its cost', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    const input = $<HTMLInputElement>(el, '#evidence')!;
    const files = new DataTransfer();
    files.items.add(new File(['photo'], '现场照片.jpg', { type: 'image/jpeg' }));
    files.items.add(new File(['sheet'], '签到表.pdf', { type: 'application/pdf' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el, '[part="evidence"] ul')).to.contain('签到表.pdf');

    let saved: CustomEvent | undefined;
    el.addEventListener('azx-saved', (e) => (saved = e as CustomEvent));
    await submitValue(el, deliveredService);
    await waitUntil(() => saved, 'saved', { timeout: 5000 });
    const record = saved!.detail.record;
    expect(record.data.cost).to.equal(600);
    expect((record.columns.evidence as string[]).length).to.equal(2);
    await waitUntil(() => text(el, '[data-figure="spent"]') === '2,100.00', 'spent moved by the cost', { timeout: 5000 });
    expect(text(el, '[part="notice"][role="status"]')).to.contain('已保存服务记录');
    // the form starts over for the next service, without the files
    expect(form(el).value['cost']).to.equal(undefined);
    expect($(el, '[part="evidence"] ul')).to.equal(null);

    // the stored files open from the services table
    const details = $<HTMLDetailsElement>(el, `tr[data-report="${record.id}"] details.evidence`)!;
    expect(details.textContent).to.contain('2 个文件');
    details.open = true;
    await waitUntil(() => details.querySelectorAll('a').length === 2, 'links to the stored files', { timeout: 5000 });
    const link = [...details.querySelectorAll('a')].find((a) => a.textContent?.includes('签到表'))!;
    expect(await (await fetch(link.href)).text()).to.equal('sheet');
  });

  it('delivers a planned service as a correction of it, not as a second record', async () => {
    const store = serviceStore({ schema: await serviceReportSchema(), role: 'insurer' });
    const el = await mount(store, IDS.policy);
    $<HTMLButtonElement>(el, `tr[data-report="${IDS.planned}"] button.deliver`)!.click();
    await el.updateComplete;
    expect(text(el, '[part="notice"]')).to.contain('SR-DEMO-0002');
    expect(form(el).value['status']).to.equal('delivered');
    await submitValue(el, { hours: 2, participants: 40, cost: 750 });
    await waitUntil(() => text(el, '[data-figure="planned"]') === '0.00', 'the planned cost left the plan', { timeout: 5000 });
    expect(text(el, '[data-figure="spent"]')).to.equal('2,250.00');
    const reports = await store.list('service_reports');
    expect(reports.totalItems).to.equal(2);
    const delivered = await store.get('service_reports', IDS.planned);
    expect(delivered.revision).to.equal(2);
    expect(delivered.data['status']).to.equal('delivered');
  });

  it('counts the hazards entered, so the found counts are never fewer than those listed', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    const f = form(el);
    f.value = { ...f.value, hazards: [hazardItem, { ...hazardItem, is_major: true }, { ...hazardItem, location: '仓库' }] };
    f.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await el.updateComplete;
    await f.updateComplete;
    expect(form(el).value['hazards_found']).to.equal(2);
    expect(form(el).value['major_hazards_found']).to.equal(1);
  });

  it('a hazard row added with the button is ordinary until its major box is ticked', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    const f = form(el);
    f.shadowRoot!.querySelector<HTMLButtonElement>('[data-pointer="/hazards"] > button[part~="add"]')!.click();
    await waitUntil(() => f.shadowRoot!.querySelector('[data-pointer="/hazards/0/is_major"] input'), 'the new row', { timeout: 5000 });
    await el.updateComplete;
    await f.updateComplete;
    const box = f.shadowRoot!.querySelector<HTMLInputElement>('[data-pointer="/hazards/0/is_major"] input')!;
    expect(box.checked).to.equal(false);
    expect((form(el).value['hazards'] as Record<string, unknown>[])[0]!['is_major']).to.equal(false);
    // the rest of the row filled in without touching the box: it is stored as ordinary
    const { is_major: _major, ...rest } = hazardItem;
    const row = (form(el).value['hazards'] as Record<string, unknown>[])[0]!;
    f.value = { ...form(el).value, ...deliveredService, hazards: [{ ...row, ...rest }] };
    await f.updateComplete;
    let saved: CustomEvent | undefined;
    el.addEventListener('azx-saved', (e) => (saved = e as CustomEvent));
    $<HTMLButtonElement>(el, '[part="submit"]')!.click();
    await waitUntil(() => saved, 'saved', { timeout: 5000 });
    expect(saved!.detail.record.data.hazards[0].is_major).to.equal(false);
  });

  it("shows the server's refusal of a black-listed provider at the provider, and stores nothing", async () => {
    const store = serviceStore({
      schema: await serviceReportSchema(),
      refuse: {
        provider: BLACKLISTED,
        'data.hazards.0.rectifier.mobile': {
          code: 'schema_pattern',
          message: '手机号码格式不正确',
          message_zh: '手机号码格式不正确',
          message_en: 'The mobile number is malformed',
        },
      },
    });
    const el = await mount(store, IDS.policy);
    await submitValue(el, { ...deliveredService, hazards: [hazardItem], hazards_found: 1 });
    await waitUntil(() => $(el, '[part="errors"]'), 'the refusal shows', { timeout: 5000 });
    const errors = $(el, '[part="errors"]')!;
    expect(errors.getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement).to.equal(errors);
    expect(text(el, '[data-path="provider"]')).to.contain('服务机构');
    expect(text(el, '[data-path="provider"]')).to.contain('黑名单');
    // an error inside the record shows by its field in the form, not twice
    expect($(el, '[data-path="data.hazards.0.rectifier.mobile"]')).to.equal(null);
    await form(el).updateComplete;
    expect(form(el).shadowRoot!.textContent).to.contain('手机号码格式不正确');
    expect((await store.list('service_reports')).totalItems).to.equal(2);
    // what the user typed stays for the fix
    expect(form(el).value['content_summary']).to.equal(deliveredService.content_summary);
  });

  it('does not submit what the form itself refuses: an evacuation drill without service type 05', async () => {
    const store = serviceStore({ schema: await serviceReportSchema() });
    const el = await mount(store, IDS.policy);
    let saved = false;
    el.addEventListener('azx-saved', () => (saved = true));
    await submitValue(el, { ...deliveredService, campaign_items: ['evacuation_drill'], service_types: ['01'] });
    await new Promise((r) => setTimeout(r, 100));
    expect(saved).to.equal(false);
    const summary = form(el).shadowRoot!.textContent ?? '';
    expect(summary).to.contain('05 应急预案编制和演练');
  });
});

describe('<azx-service-report> in a form', () => {
  it("submits the report under its name, and the server's refusal keeps the surrounding form from submitting", async () => {
    const store = serviceStore({
      schema: await serviceReportSchema(),
      refuse: {
        provider: BLACKLISTED,
      },
    });
    const outer = await fixture<HTMLFormElement>(html`<form></form>`);
    provideStore(outer, store);
    const el = document.createElement('azx-service-report') as AzxServiceReport;
    el.name = 'report';
    el.required = true;
    el.policy = IDS.policy;
    outer.append(el);
    expect(outer.checkValidity(), 'no report yet').to.equal(false);
    await waitUntil(() => $(el, 'azx-form'), 'the form shows', { timeout: 5000 });
    await submitValue(el, deliveredService);
    await waitUntil(() => $(el, '[part="errors"]'), 'the refusal shows', { timeout: 5000 });
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.contain('黑名单');
    expect(outer.checkValidity()).to.equal(false);
    expect(JSON.parse(String(new FormData(outer).get('report')))['content_summary']).to.equal(deliveredService.content_summary);
  });
});
