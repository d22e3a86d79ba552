// <azx-form> re-renders only what a keystroke changes (fields and groups are reused when their
// inputs are equal). These tests guard that reuse never leaves something stale inside a group
// when what it depends on lives outside it.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AzxForm, type JsonSchema } from '../../../components/core/index.js';

const schema: JsonSchema = {
  type: 'object',
  title: '项目',
  properties: {
    industry: { type: 'string', title: '行业', 'x-title-en': 'Industry', enum: ['construction', 'transport'], 'x-order': 1 },
    headcount: { type: 'integer', title: '从业人员数', 'x-title-en': 'Headcount', 'x-order': 2 },
    site: {
      type: 'object',
      title: '施工现场',
      'x-title-en': 'Site',
      'x-order': 3,
      required: ['manager'],
      properties: {
        manager: { type: 'string', title: '项目负责人', 'x-title-en': 'Site manager', minLength: 2 },
        permit: {
          type: 'string',
          title: '施工许可证号',
          'x-title-en': 'Construction permit',
          'x-visible': { '==': [{ var: 'industry' }, 'construction'] },
        },
        insured_total: {
          type: 'number',
          title: '参保人数合计',
          'x-title-en': 'Insured in total',
          'x-compute': { '*': [{ var: 'headcount' }, 1] },
        },
      },
    },
  },
};

const root = (el: AzxForm) => el.shadowRoot!;
const labelText = (l: HTMLLabelElement) => l.textContent!.replace('*', '').trim();
const labelled = (el: AzxForm, label: string) =>
  [...root(el).querySelectorAll('label')].find((l) => labelText(l) === label)?.control as HTMLInputElement | undefined;

async function mount(value: Record<string, unknown>): Promise<AzxForm> {
  return fixture<AzxForm>(html`<azx-form .schema=${schema} .value=${value}></azx-form>`);
}

async function typeInto(el: AzxForm, label: string, text: string): Promise<void> {
  const input = labelled(el, label)!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<azx-form> reuses unchanged fields without going stale', () => {
  it('a field inside a group appears and disappears with a field outside it', async () => {
    const el = await mount({ industry: 'transport', headcount: 5, site: { manager: '王工' } });
    expect(labelled(el, '施工许可证号')).to.equal(undefined);
    const industry = labelled(el, '行业') as unknown as HTMLSelectElement;
    industry.value = 'construction';
    industry.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(labelled(el, '施工许可证号'), 'shown once the industry is construction').to.not.equal(undefined);
  });

  it('a computed field inside a group follows a field typed outside it', async () => {
    const el = await mount({ industry: 'construction', headcount: 5, site: { manager: '王工' } });
    expect(labelled(el, '参保人数合计')!.value).to.equal('5');
    await typeInto(el, '从业人员数', '42');
    expect(labelled(el, '参保人数合计')!.value).to.equal('42');
    expect((el.value['site'] as Record<string, unknown>)['insured_total']).to.equal(42);
  });

  it('errors inside a group show after a submit attempt, and the language switches inside it', async () => {
    const el = await mount({ industry: 'construction', headcount: 5, site: {} });
    expect(root(el).querySelector('[part~="error"]')).to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    const manager = labelled(el, '项目负责人')!;
    expect(manager.getAttribute('aria-invalid')).to.equal('true');
    const errorText = () => root(el).getElementById(manager.getAttribute('aria-describedby')!.split(' ').find((id) => root(el).getElementById(id)?.matches('[part~="error"]'))!)!.textContent!;
    expect(errorText()).to.match(/[\u4e00-\u9fff]/);
    el.lang = 'en';
    await el.updateComplete;
    expect(labelled(el, 'Site manager'), 'labels inside the group follow the language').to.not.equal(undefined);
    expect(errorText()).to.match(/Site manager/);
  });

  it('read-only mode reaches the fields inside a group', async () => {
    const el = await mount({ industry: 'construction', headcount: 5, site: { manager: '王工' } });
    expect(labelled(el, '项目负责人')).to.not.equal(undefined);
    el.mode = 'readonly';
    await el.updateComplete;
    expect(labelled(el, '项目负责人'), 'no control in read-only mode').to.equal(undefined);
    expect(root(el).textContent).to.contain('王工');
  });
});
