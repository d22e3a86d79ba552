// x-rules, x-compute and x-visible in <azx-form>: what a user sees and what the form submits.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AzxForm, compileSchema, type JsonSchema } from '../../../components/core/index.js';

const schema: JsonSchema = {
  type: 'object',
  title: '保单',
  required: ['industry', 'base_rate', 'headcount', 'coefficient', 'prevention_budget'],
  properties: {
    industry: { type: 'string', title: '行业', 'x-title-en': 'Industry', enum: ['construction', 'transport'], 'x-order': 1 },
    site_project: {
      type: 'string', title: '施工项目', 'x-title-en': 'Project', 'x-order': 2,
      'x-visible': { '==': [{ var: 'industry' }, 'construction'] },
    },
    base_rate: { type: 'number', title: '基准费率', 'x-title-en': 'Base rate', 'x-order': 3 },
    headcount: { type: 'integer', title: '从业人员数', 'x-title-en': 'Headcount', 'x-order': 4 },
    coefficient: { type: 'number', title: '浮动系数', 'x-title-en': 'Coefficient', 'x-order': 5 },
    premium: {
      type: 'number', title: '保费', 'x-title-en': 'Premium', 'x-order': 6,
      'x-compute': { '*': [{ var: 'base_rate' }, { var: 'headcount' }, { var: 'coefficient' }] },
    },
    prevention_budget: { type: 'number', title: '预防费用', 'x-title-en': 'Prevention budget', 'x-order': 7 },
  },
  'x-rules': [
    {
      rule: { '>=': [{ var: 'prevention_budget' }, { '*': [0.2, { var: 'premium' }] }] },
      message: { 'zh-CN': '事故预防费用不得低于保费的 20%', en: 'The prevention budget must be at least 20% of the premium' },
      path: 'prevention_budget',
    },
    {
      rule: { '!=': [{ var: 'industry' }, 'transport'] },
      message: { 'zh-CN': '本产品不承保交通运输', en: 'This product does not cover transport' },
    },
  ],
};

const root = (el: AzxForm) => el.shadowRoot!;
const labelled = (el: AzxForm, label: string) =>
  [...root(el).querySelectorAll('label')].find((l) => l.textContent!.replace('*', '').trim() === label)?.control as HTMLInputElement | undefined;

async function mount(value: Record<string, unknown>, lang = 'zh-CN'): Promise<AzxForm> {
  return fixture<AzxForm>(html`<azx-form .schema=${schema} .value=${value} lang=${lang}></azx-form>`);
}

describe('<azx-form> with JSON Logic', () => {
  it('a computed field is read-only and follows its inputs live', async () => {
    const el = await mount({ industry: 'construction', base_rate: 100, headcount: 10, coefficient: 1.2 });
    const premium = labelled(el, '保费')!;
    expect(premium.readOnly).to.equal(true);
    expect(premium.value).to.equal('1200');
    expect(el.value['premium']).to.equal(1200);
    const headcount = labelled(el, '从业人员数')!;
    headcount.focus();
    headcount.select();
    await sendKeys({ type: '37' });
    await el.updateComplete;
    expect(el.value['premium']).to.equal(4440);
    expect(labelled(el, '保费')!.value).to.equal('4440');
  });

  it('a premium set by the page is replaced by the computed one', async () => {
    const el = await mount({ industry: 'construction', base_rate: 120.5, headcount: 37, coefficient: 0.9, premium: 1 });
    expect(el.value['premium']).to.equal(4012.65);
  });

  it('a field hidden by x-visible leaves the form and the value, and comes back when visible', async () => {
    const el = await mount({ industry: 'construction', site_project: '地铁十号线' });
    expect(labelled(el, '施工项目')).to.exist;
    const industry = labelled(el, '行业') as unknown as HTMLSelectElement;
    industry.value = industry.options[[...industry.options].findIndex((o) => o.value === 'transport' || o.text === 'transport')]!.value;
    industry.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value['industry']).to.equal('transport');
    expect(labelled(el, '施工项目'), 'hidden field not rendered').to.equal(undefined);
    expect(el.value).to.not.have.property('site_project');
  });

  it('a failed rule shows beside its field and in the summary; a record-level rule in the summary only', async () => {
    const el = await mount({ industry: 'transport', base_rate: 100, headcount: 10, coefficient: 1, prevention_budget: 100 });
    let submitted = false;
    el.addEventListener('azx-submit', () => (submitted = true));
    el.requestSubmit();
    await el.updateComplete;
    expect(submitted).to.equal(false);
    const summary = root(el).querySelector('[part~="summary"]')!.textContent!;
    expect(summary).to.contain('事故预防费用不得低于保费的 20%');
    expect(summary).to.contain('本产品不承保交通运输');
    const budget = labelled(el, '预防费用')!;
    const errorId = (budget.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.endsWith('-error'))!;
    expect(root(el).getElementById(errorId)!.textContent).to.contain('事故预防费用不得低于保费的 20%');
    expect(el.checkValidity()).to.equal(false);
  });

  it('English messages, and a valid record submits with its computed value', async () => {
    const el = await mount({ industry: 'construction', base_rate: 100, headcount: 10, coefficient: 1, prevention_budget: 100 }, 'en');
    el.requestSubmit();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="summary"]')!.textContent).to.contain('The prevention budget must be at least 20% of the premium');
    el.value = { ...el.value, prevention_budget: 200 };
    await el.updateComplete;
    let detail: Record<string, unknown> | undefined;
    el.addEventListener('azx-submit', (e) => (detail = (e as CustomEvent<{ value: Record<string, unknown> }>).detail.value));
    el.requestSubmit();
    expect(detail).to.deep.equal({ industry: 'construction', base_rate: 100, headcount: 10, coefficient: 1, premium: 1000, prevention_budget: 200 });
  });

  it('malformed logic is a schema error shown instead of the form', async () => {
    const bad: JsonSchema = { type: 'object', properties: { a: { type: 'number', 'x-compute': { times: [1, 2] } } } };
    const compiled = compileSchema(bad);
    expect(compiled.ok).to.equal(false);
    if (!compiled.ok) expect(compiled.message).to.contain('unknown operator "times"');
    const el = await fixture<AzxForm>(html`<azx-form .schema=${bad}></azx-form>`);
    expect(root(el).querySelector('[part~="schema-error"]')).to.exist;
  });
});
