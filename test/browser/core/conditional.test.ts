// $ref/$defs, if/then/else, dependentSchemas, dependentRequired, oneOf choices and print mode in
// <azx-form>: fields appear and disappear with the value, and what is hidden is not submitted.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AzxForm, type JsonSchema } from '../../../components/core/index.js';

const root = (el: AzxForm) => el.shadowRoot!;
const labelled = (el: AzxForm, label: string) =>
  [...root(el).querySelectorAll('label')].find((l) => l.textContent!.replace('*', '').trim() === label)?.control as
    | HTMLInputElement
    | undefined;
const mount = (schema: JsonSchema, value: Record<string, unknown> = {}, mode = 'edit') =>
  fixture<AzxForm>(html`<azx-form .schema=${schema} .value=${value} mode=${mode}></azx-form>`);

async function type(el: AzxForm, label: string, text: string): Promise<void> {
  const input = labelled(el, label)!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function clear(el: AzxForm, label: string): Promise<void> {
  const input = labelled(el, label)!;
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await el.updateComplete;
}

function choose(el: AzxForm, label: string, text: string): Promise<unknown> {
  const select = labelled(el, label) as unknown as HTMLSelectElement;
  const option = [...select.options].find((o) => o.text === text)!;
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return el.updateComplete;
}

const submitted = (el: AzxForm): Record<string, unknown> | undefined => {
  let detail: Record<string, unknown> | undefined;
  const on = (e: Event) => (detail = (e as CustomEvent<{ value: Record<string, unknown> }>).detail.value);
  el.addEventListener('azx-submit', on);
  el.requestSubmit();
  el.removeEventListener('azx-submit', on);
  return detail;
};

describe('<azx-form> conditional schemas', () => {
  const ifSchema: JsonSchema = {
    type: 'object',
    properties: {
      headcount: { type: 'integer', title: '从业人员数', 'x-order': 1 },
    },
    if: { properties: { headcount: { type: 'integer', minimum: 100 } }, required: ['headcount'] },
    then: { properties: { safety_officer: { type: 'string', title: '专职安全员' } }, required: ['safety_officer'] },
  };

  it('a then-field appears when the if-condition becomes true and leaves the form and value when false', async () => {
    const el = await mount(ifSchema);
    expect(labelled(el, '专职安全员')).to.equal(undefined);
    await type(el, '从业人员数', '150');
    expect(el.value['headcount']).to.equal(150);
    expect(labelled(el, '专职安全员'), 'appears at 150').to.exist;
    await type(el, '专职安全员', '李四');
    expect(el.value['safety_officer']).to.equal('李四');
    expect(submitted(el)).to.deep.equal({ headcount: 150, safety_officer: '李四' });

    await type(el, '从业人员数', '20');
    expect(labelled(el, '专职安全员'), 'gone at 20').to.equal(undefined);
    expect(el.value).to.not.have.property('safety_officer');
    expect(submitted(el)).to.deep.equal({ headcount: 20 });
  });

  it('a required then-field blocks submit only while its condition holds', async () => {
    const el = await mount(ifSchema, { headcount: 300 });
    expect(submitted(el)).to.equal(undefined);
    await el.updateComplete;
    expect(root(el).querySelector('[part~="summary"]')!.textContent).to.contain('专职安全员');
    el.value = { headcount: 3 };
    await el.updateComplete;
    expect(submitted(el)).to.deep.equal({ headcount: 3 });
  });

  const dependent: JsonSchema = {
    type: 'object',
    properties: {
      claim_no: { type: 'string', title: '理赔编号', 'x-order': 1 },
      claim_date: { type: 'string', format: 'date', title: '出险日期', 'x-order': 2 },
      contact: { type: 'string', title: '联系人', 'x-order': 3 },
    },
    dependentRequired: { claim_no: ['claim_date'] },
    dependentSchemas: {
      contact: { properties: { contact_phone: { type: 'string', title: '联系电话' } }, required: ['contact_phone'] },
    },
  };

  it('dependentRequired shows the required error only when the trigger field is filled', async () => {
    const el = await mount(dependent);
    expect(submitted(el)).to.deep.equal({});
    await el.updateComplete;
    expect(root(el).querySelector('[part~="summary"]')).to.equal(null);
    expect(labelled(el, '出险日期')!.required).to.equal(false);

    await type(el, '理赔编号', 'CL-001');
    expect(labelled(el, '出险日期')!.required, 'marked required').to.equal(true);
    expect(submitted(el)).to.equal(undefined);
    await el.updateComplete;
    const date = labelled(el, '出险日期')!;
    expect(date.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).querySelector('[part~="summary"]')!.textContent).to.contain('请填写“出险日期”');

    await clear(el, '理赔编号');
    expect(el.value).to.not.have.property('claim_no');
    expect(root(el).querySelector('[part~="summary"]')).to.equal(null);
    expect(labelled(el, '出险日期')!.getAttribute('aria-invalid')).to.equal('false');
  });

  it('dependentSchemas adds its fields while the trigger is filled', async () => {
    const el = await mount(dependent);
    expect(labelled(el, '联系电话')).to.equal(undefined);
    await type(el, '联系人', '王工');
    await type(el, '联系电话', '13800000000');
    expect(el.value).to.deep.equal({ contact: '王工', contact_phone: '13800000000' });
    await clear(el, '联系人');
    expect(labelled(el, '联系电话')).to.equal(undefined);
    expect(el.value).to.deep.equal({});
  });

  const choice: JsonSchema = {
    type: 'object',
    title: '投保人',
    properties: { kind: { type: 'string', title: '投保人类型' } },
    oneOf: [
      {
        title: '企业',
        type: 'object',
        properties: { kind: { const: 'enterprise' }, uscc: { type: 'string', title: '统一社会信用代码' } },
        required: ['kind', 'uscc'],
      },
      {
        title: '个体工商户',
        type: 'object',
        properties: { kind: { const: 'individual' }, id_card: { type: 'string', title: '经营者身份证号' } },
        required: ['kind', 'id_card'],
      },
    ],
  };

  it('a oneOf with a discriminator is a choice that switches the sub-form, and the value follows', async () => {
    const el = await mount(choice, { kind: 'enterprise', uscc: '91330100MA2B3C4D5N' });
    const kind = labelled(el, '投保人类型') as unknown as HTMLSelectElement;
    expect([...kind.options].map((o) => o.text)).to.include.members(['企业', '个体工商户']);
    expect(kind.selectedOptions[0]!.text).to.equal('企业');
    expect(labelled(el, '统一社会信用代码')!.value).to.equal('91330100MA2B3C4D5N');
    expect(labelled(el, '经营者身份证号')).to.equal(undefined);

    await choose(el, '投保人类型', '个体工商户');
    expect(labelled(el, '统一社会信用代码')).to.equal(undefined);
    expect(el.value).to.deep.equal({ kind: 'individual' });
    expect(submitted(el)).to.equal(undefined);
    await el.updateComplete;
    expect(root(el).querySelector('[part~="summary"]')!.textContent, 'the chosen branch says what is missing').to.contain(
      '请填写“经营者身份证号”',
    );
    await type(el, '经营者身份证号', '330102198001011234');
    expect(submitted(el)).to.deep.equal({ kind: 'individual', id_card: '330102198001011234' });
  });

  it('a oneOf without a discriminator offers its branches in a select', async () => {
    const noDisc: JsonSchema = {
      type: 'object',
      title: '联系方式',
      properties: { note: { type: 'string', title: '备注' } },
      oneOf: [
        { title: '电话', properties: { phone: { type: 'string', title: '电话号码' } }, required: ['phone'] },
        { title: '邮箱', properties: { email: { type: 'string', title: '电子邮箱' } }, required: ['email'] },
      ],
    };
    const el = await mount(noDisc, { note: 'x', phone: '0571-1234' });
    expect(labelled(el, '电话号码')!.value).to.equal('0571-1234');
    await choose(el, '联系方式', '邮箱');
    expect(el.value).to.deep.equal({ note: 'x' });
    expect(labelled(el, '电话号码')).to.equal(undefined);
    await type(el, '电子邮箱', 'a@b.cn');
    expect(el.value).to.deep.equal({ note: 'x', email: 'a@b.cn' });
  });

  it('a $ref to $defs renders as its target, with the title given beside the $ref', async () => {
    const schema: JsonSchema = {
      type: 'object',
      $defs: {
        address: {
          type: 'object',
          properties: { city: { type: 'string', title: '城市' }, street: { type: 'string', title: '街道' } },
          required: ['city'],
        },
        money: { type: 'number', minimum: 0 },
      },
      properties: {
        site: { $ref: '#/$defs/address', title: '经营地址' },
        premium: { $ref: '#/$defs/money', title: '保费' },
      },
    };
    const el = await mount(schema, { site: {} });
    const legend = [...root(el).querySelectorAll('legend')].map((l) => l.textContent!.trim());
    expect(legend).to.include('经营地址');
    expect(labelled(el, '城市')).to.exist;
    expect(labelled(el, '城市')!.required).to.equal(true);
    expect(labelled(el, '保费')!.type).to.equal('number');
    await type(el, '城市', '杭州');
    expect(el.value).to.deep.equal({ site: { city: '杭州' } });
    await type(el, '保费', '-1');
    expect(submitted(el)).to.equal(undefined);
  });
});

describe('<azx-form mode="print">', () => {
  const schema: JsonSchema = {
    type: 'object',
    title: '投保单',
    properties: { enterprise: { type: 'string', title: '企业名称' }, headcount: { type: 'integer', title: '从业人员数' } },
  };

  it('shows values as text under a header with organisation, definition and version', async () => {
    const el = await fixture<AzxForm>(html`<azx-form
      .schema=${schema}
      .value=${{ enterprise: '杭州示例化工有限公司', headcount: 86 }}
      mode="print"
      organization="中国人民财产保险股份有限公司杭州分公司"
      definition-key="policy"
      definition-version="3"
    ></azx-form>`);
    expect(root(el).querySelectorAll('input, select, textarea, button')).to.have.length(0);
    const values = [...root(el).querySelectorAll('[part~="value"]')].map((v) => v.textContent!.trim());
    expect(values).to.include.members(['杭州示例化工有限公司', '86']);
    const header = root(el).querySelector('[part~="header"]')!;
    expect(header.textContent).to.contain('中国人民财产保险股份有限公司杭州分公司');
    expect(header.textContent).to.contain('policy');
    expect(header.textContent).to.contain('3');
    expect(header.querySelector('slot[name="header"]')).to.exist;
  });

  it('has a print stylesheet, and edit mode shows no header', async () => {
    const css = AzxForm.elementStyles.map((s) => (s instanceof CSSStyleSheet ? [...s.cssRules].map((r) => r.cssText).join('\n') : String(s))).join('\n');
    expect(css).to.contain('@media print');
    const el = await mount(schema, { enterprise: '甲' });
    expect(root(el).querySelector('[part~="header"]')).to.equal(null);
    expect(root(el).querySelector('input')).to.exist;
  });
});
