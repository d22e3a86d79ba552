// A long form for daily use: its sections as links that take the focus there, short fields two to
// a row where the screen allows (x-width "half"), an action bar that stays in view with the count
// of problems left and the save state (cleared by the next edit), a real date-time input in China
// time, and yes/no boxes that mean "no" until ticked.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../components/core/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import { MemoryStore } from '../../../components/data/index.js';

const schema = {
  type: 'object',
  'x-groups': [
    { key: 'finding', title: '隐患发现', 'x-title-en': 'Finding' },
    { key: 'grading', title: '隐患等级', 'x-title-en': 'Grading' },
  ],
  required: ['location', 'found_at', 'is_major'],
  properties: {
    location: { type: 'string', title: '部位/场所', 'x-group': 'finding', 'x-width': 'half', 'x-order': 1 },
    found_at: { type: 'string', format: 'date-time', title: '发现时间', 'x-group': 'finding', 'x-width': 'half', 'x-order': 2 },
    description: { type: 'string', title: '隐患描述', 'x-widget': 'textarea', 'x-group': 'finding', 'x-order': 3 },
    is_major: { type: 'boolean', title: '重大事故隐患', 'x-group': 'grading', 'x-order': 4 },
    note: { type: 'string', title: '备注', 'x-group': 'grading', 'x-order': 5 },
  },
};

function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

async function mount(lang = 'zh-CN'): Promise<AzxForm> {
  const form = await fixture<AzxForm>(html`<azx-form lang=${lang}></azx-form>`);
  form.schema = schema;
  await form.updateComplete;
  return form;
}

const q = <T extends Element = HTMLElement>(form: AzxForm, sel: string) => form.shadowRoot!.querySelector<T>(sel)!;

describe('<azx-form> as a long form', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('lists its sections; Enter on one moves the focus to that section', async () => {
    const form = await mount();
    const links = [...form.shadowRoot!.querySelectorAll<HTMLAnchorElement>('nav[part="sections"] a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['隐患发现', '隐患等级']);
    expect(q(form, 'nav[part="sections"]').getAttribute('aria-label')).to.equal('表单分节');
    links[1]!.focus();
    await sendKeys({ press: 'Enter' });
    const focused = deepActive() as HTMLElement;
    expect(focused.tagName).to.equal('FIELDSET');
    expect(focused.querySelector('legend')!.textContent).to.equal('隐患等级');
  });

  it('puts two short fields on one row on a wide screen and stacks them on a phone', async () => {
    await setViewport({ width: 1200, height: 800 });
    const form = await mount();
    const top = (p: string) => q(form, `[data-pointer="${p}"]`).getBoundingClientRect();
    expect(Math.round(top('/location').top)).to.equal(Math.round(top('/found_at').top), 'location and time share a row');
    expect(top('/found_at').left).to.be.greaterThan(top('/location').right - 1);
    expect(top('/description').top).to.be.greaterThan(top('/location').bottom, 'a long field has a row of its own');
    await setViewport({ width: 360, height: 740 });
    await new Promise((r) => requestAnimationFrame(r));
    expect(top('/found_at').top).to.be.greaterThan(top('/location').bottom - 1, 'stacked on a phone');
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
  });

  it('takes the time in a date-time input on China time and keeps an instant with +08:00', async () => {
    const form = await mount();
    const input = q<HTMLInputElement>(form, '[data-pointer="/found_at"] input');
    expect(input.type).to.equal('datetime-local');
    // the segments' order follows the browser's own locale: set the value as the picker does
    input.value = '2026-12-06T10:30';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await form.updateComplete;
    expect(form.value['found_at']).to.equal('2026-12-06T10:30:00+08:00');
    // a value from the server in UTC shows as China's wall clock
    form.value = { ...form.value, found_at: '2026-12-06T02:00:00Z' };
    await form.updateComplete;
    expect(q<HTMLInputElement>(form, '[data-pointer="/found_at"] input').value).to.equal('2026-12-06T10:00');
    form.mode = 'readonly';
    await form.updateComplete;
    expect(q(form, '[data-pointer="/found_at"] .value').textContent).to.equal('2026年12月6日 10:00');
  });

  it('counts an unticked yes/no box as no, never as missing', async () => {
    const form = await mount();
    expect(form.value['is_major']).to.equal(false);
    form.requestSubmit();
    await form.updateComplete;
    const summary = q(form, '[part="summary"]').textContent!;
    expect(summary).to.contain('部位/场所');
    expect(summary).not.to.contain('重大事故隐患');
    expect(q(form, '[data-pointer="/is_major"] input').getAttribute('aria-invalid')).to.equal('false');
  });

  it('keeps the problem count beside the button, and the save state until the next edit', async () => {
    const definition = { id: 'defhazard000001', key: 'hazard', version: 1, status: 'published', title: '事故隐患', industry: '', base: '', schema, hash: '', publishedAt: '2026-01-01T00:00:00Z' } as const;
    const store = new MemoryStore({
      definitions: [definition],
      users: [{ userId: 'usrprovider0001', email: 'p@azx.demo', password: 'pw-12345678', name: '服务员', role: 'provider', organizationId: 'orgprovider0001', organizationName: '安评服务机构' }],
      signedInAs: 'p@azx.demo',
    });
    const form = await fixture<AzxForm>(html`<azx-form lang="zh-CN" collection="hazards" definition-key="hazard" definition-version="1" .store=${store} .schema=${schema}></azx-form>`);
    await form.updateComplete;
    q(form, '[part="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    const bar = q(form, '[part="actions"]');
    expect(getComputedStyle(bar).position).to.equal('sticky');
    expect(bar.querySelector('[part="issue-count"]')!.textContent).to.equal('2 处待修改');
    // activating the count takes the user to the summary
    (bar.querySelector('[part="issue-count"]') as HTMLElement).focus();
    await sendKeys({ press: 'Enter' });
    expect((deepActive() as HTMLElement).id).to.equal('azx-summary-title');

    form.value = { location: '二号库房', found_at: '2026-12-06T10:00:00+08:00', is_major: false };
    await form.updateComplete;
    q(form, '[part="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    const status = () => q(form, '[part="status"]').textContent!.trim();
    for (let i = 0; i < 50 && status() !== '已提交，服务器已接受。'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(status()).to.equal('已提交，服务器已接受。');
    expect(bar.querySelector('[part="issue-count"]')).to.equal(null);
    expect(bar.contains(q(form, '[part="status"]'))).to.equal(true, 'the confirmation is beside the action');
    q<HTMLInputElement>(form, '[data-pointer="/note"] input').focus();
    await sendKeys({ type: '复' });
    await form.updateComplete;
    expect(status()).to.equal('', 'an edit clears the confirmation of the earlier save');
  });
});
