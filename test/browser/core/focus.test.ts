// The focus belongs to the user: <azx-form> moves it to an invalid field only as the answer to a
// submit (or when the user activates an error link), never because the page re-rendered it with
// a new object holding the same server errors, and never while the user types elsewhere. A
// column the server refuses (a duplicate policy number) is shown at the field it comes from.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/core/index.js';
import type { AzxForm } from '../../../components/core/index.js';

const schema = {
  type: 'object',
  required: ['policy_no', 'insured_persons'],
  properties: {
    policy_no: { type: 'string', title: '保单号', 'x-column': 'policy_no' },
    insured_persons: { type: 'integer', title: '参保人数' },
    note: { type: 'string', title: '备注' },
  },
};

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

const refusal = () => ({ 'data.insured_persons': { code: 'rule', message_zh: '参保人数应等于从业人员数', message_en: 'Insured persons must equal the headcount' } });

async function mount(): Promise<{ form: AzxForm; outside: HTMLInputElement }> {
  const host = await fixture<HTMLDivElement>(html`<div><input id="outside" aria-label="查找投保单位" /><azx-form></azx-form></div>`);
  const form = host.querySelector('azx-form')!;
  form.schema = schema;
  form.value = { policy_no: 'PICC-330100-2026-000001', insured_persons: 45 };
  await form.updateComplete;
  return { form, outside: host.querySelector('input')! };
}

const field = (form: AzxForm, name: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`[data-pointer="/${name}"] input`)!;

describe('<azx-form> and the focus', () => {
  it('a page that re-renders it with the same server errors in a new object never pulls the focus', async () => {
    const { form, outside } = await mount();
    // the page's answer to an earlier submit is on screen
    form.serverErrors = refusal();
    await form.updateComplete;
    outside.focus();
    for (const key of ['9', '9']) {
      await sendKeys({ type: key });
      // the page renders again on every keystroke, handing over a fresh but equal object
      form.serverErrors = refusal();
      await form.updateComplete;
    }
    expect(outside.value).to.equal('99', 'both keystrokes landed where the user typed');
    expect(deepActive()).to.equal(outside);
    expect(field(form, 'insured_persons').value).to.equal('45', 'nothing went into 参保人数');
  });

  it('a refusal that answers the submit takes the focus once; later edits elsewhere keep theirs', async () => {
    const { form } = await mount();
    const submitted = new Promise((r) => form.addEventListener('azx-submit', r, { once: true }));
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await submitted;
    form.serverErrors = refusal();
    await form.updateComplete;
    expect(deepActive()).to.equal(field(form, 'insured_persons'));
    expect(field(form, 'insured_persons').getAttribute('aria-invalid')).to.equal('true');
    // the user goes to another field and types; the page keeps answering with new objects
    field(form, 'note').focus();
    await sendKeys({ type: '已核对' });
    form.serverErrors = { ...refusal(), 'data.note': { code: 'x', message_zh: '另一条', message_en: 'Another' } };
    await form.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(deepActive()).to.equal(field(form, 'note'), 'Tab and Shift+Tab move from the field, not back to the error');
    expect(field(form, 'note').value).to.equal('已核对');
  });

  it('the summary link moves the focus to its field when the user activates it', async () => {
    const { form } = await mount();
    form.value = { policy_no: '' };
    await form.updateComplete;
    form.requestSubmit();
    await form.updateComplete;
    const link = form.shadowRoot!.querySelector<HTMLAnchorElement>('[part="error-link"]')!;
    link.focus();
    await sendKeys({ press: 'Enter' });
    expect(deepActive()?.closest('[data-pointer]')?.getAttribute('data-pointer')).to.match(/^\/(policy_no|insured_persons)$/);
  });

  it('a refused column is shown at the field it is derived from', async () => {
    const { form } = await mount();
    form.serverErrors = { policy_no: { code: 'validation_not_unique', message_zh: '保单号已存在', message_en: 'The policy number exists' } };
    await form.updateComplete;
    const input = field(form, 'policy_no');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const described = input.getAttribute('aria-describedby')!.split(' ').map((id) => form.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(described).to.contain('保单号已存在');
    // shown once: by the field and as its summary entry, not also as an error of the whole form
    expect(form.shadowRoot!.querySelectorAll('[part="summary"] li').length).to.equal(1);
  });

  it('a submit with a required group of boxes missing focuses its first box (the fieldset takes no focus)', async () => {
    const form = await fixture<AzxForm>(html`<azx-form></azx-form>`);
    form.schema = {
      type: 'object',
      required: ['items', 'note'],
      properties: {
        items: { type: 'array', title: '服务项目', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['01', '02'] } },
        note: { type: 'string', title: '备注' },
      },
    };
    await form.updateComplete;
    const submit = form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"], button[type="submit"]')!;
    submit.focus();
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const active = deepActive();
    expect(active?.getAttribute('type')).to.equal('checkbox');
    expect(active?.closest('[data-pointer]')?.getAttribute('data-pointer')).to.equal('/items');
    expect(active?.closest('fieldset')?.getAttribute('aria-invalid')).to.equal('true');
  });

  it('each entry of the summary is a touch target at least 24px tall', async () => {
    const { form } = await mount();
    form.value = {};
    await form.updateComplete;
    form.requestSubmit();
    await form.updateComplete;
    const heights = [...form.shadowRoot!.querySelectorAll<HTMLElement>('[part="error-link"]')].map((a) => a.getBoundingClientRect().height);
    expect(heights.length).to.equal(2);
    for (const h of heights) expect(h).to.be.at.least(24);
  });
});
