import { expect, fixture, html } from '@open-wc/testing';
import { type AzxForm } from '../../../components/core/index.js';
import { compileSchema } from '../../../components/core/validator.js';

// Its own file: the policy applies to the whole page from the moment it is added. The test
// runner needs inline scripts; what matters here is that 'unsafe-eval' is absent.
const violations: string[] = [];

const schema = {
  type: 'object',
  required: ['name', 'headcount', 'insured'],
  properties: {
    name: { type: 'string', title: '单位名称', minLength: 2 },
    uscc: { type: 'string', title: '统一社会信用代码', format: 'uscc' },
    headcount: { type: 'integer', title: '从业人员数', minimum: 1 },
    insured: { type: 'integer', title: '参保人数' },
    rate: { type: 'number', title: '费率' },
    premium: { type: 'number', title: '保险费', 'x-compute': { '*': [{ var: 'insured' }, { var: 'rate' }] } },
  },
  'x-rules': [
    { rule: { '==': [{ var: 'insured' }, { var: 'headcount' }] }, path: 'insured', message: { 'zh-CN': '参保人数应等于从业人员数', en: 'Insured persons must equal headcount' } },
  ],
};

describe('<azx-form> under a Content-Security-Policy without unsafe-eval', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
  });

  it('renders, validates, evaluates rules and computed fields, and submits', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema} .value=${{ name: '甲', uscc: '91330000MA2AAAAAA0', headcount: 10, insured: 8, rate: 12.5 }}></azx-form>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    expect(el.value['premium']).to.equal(100);
    expect(el.checkValidity()).to.equal(false);
    el.requestSubmit();
    await el.updateComplete;
    const summary = el.shadowRoot!.querySelector('[part="summary"]')!.textContent!;
    expect(summary).to.contain('单位名称');
    expect(summary).to.contain('统一社会信用代码');
    expect(summary).to.contain('参保人数应等于从业人员数');
    el.value = { name: '甲公司', headcount: 10, insured: 10, rate: 12.5 };
    await el.updateComplete;
    expect(el.value['premium']).to.equal(125);
    const submitted = new Promise<CustomEvent>((r) => el.addEventListener('azx-submit', (e) => r(e as CustomEvent), { once: true }));
    el.requestSubmit();
    expect((await submitted).detail.value.premium).to.equal(125);
    expect(violations).to.deep.equal([]);
  });

  it('validates a built-in definition with the validator Ajv generated ahead of time', async () => {
    await import('../../../components/validators/policy.js');
    const policyDefinition = (await (await fetch('/schemas/definitions/policy.json')).json()) as { schema: object };
    const compiled = compileSchema(structuredClone(policyDefinition.schema) as never);
    expect(compiled.ok && compiled.engine).to.equal('precompiled');
    if (!compiled.ok) return;
    const issues = compiled.validate({ policy_no: 1, insured: { uscc: '91330000MA2AAAAAA0' }, period: { start: '2026-02-30' } });
    expect(issues.some((i) => i.pointer === '/policy_no' && i.keyword === 'type')).to.equal(true);
    // formats run in the generated code too: ours (uscc) and ajv-formats' (date)
    expect(issues.some((i) => i.pointer === '/insured/uscc' && i.keyword === 'format')).to.equal(true);
    expect(issues.some((i) => i.pointer === '/period/start' && i.keyword === 'format')).to.equal(true);
    expect(violations).to.deep.equal([]);
  });

  it('falls back to the interpreter when a page installs Ajv but forbids eval', async () => {
    const { useSchemaEngine } = await import('../../../components/core/validator.js');
    const { ajvEngine } = await import('../../../components/core/ajv.js');
    useSchemaEngine(ajvEngine);
    const compiled = compileSchema({ type: 'object', properties: { n: { type: 'integer', minimum: 1 } } });
    expect(compiled.ok && compiled.engine).to.equal('interpreter');
    if (compiled.ok) expect(compiled.validate({ n: 0 }).map((i) => i.keyword)).to.deep.equal(['minimum']);
  });
});
