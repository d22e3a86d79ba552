import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AzxForm, fieldShell, rankWith, registerRenderer, usccCheckChar, type JsonSchema } from '../../../components/core/index.js';

const FIRST17 = '91330100MA2B3C4D5';
const GOOD_USCC = FIRST17 + usccCheckChar(FIRST17)!;
const BAD_USCC = FIRST17 + (GOOD_USCC.endsWith('0') ? '1' : '0');

const schema: JsonSchema = {
  type: 'object',
  title: '投保信息',
  'x-title-en': 'Application',
  required: ['name', 'uscc', 'headcount', 'industry'],
  properties: {
    // Declared out of display order on purpose: x-order decides.
    headcount: { type: 'integer', title: '从业人数', 'x-title-en': 'Headcount', minimum: 1, 'x-order': 3 },
    name: {
      type: 'string', title: '单位名称', 'x-title-en': 'Name', minLength: 2, 'x-order': 1,
      'x-placeholder': '营业执照上的名称', 'x-help': '与营业执照一致', 'x-help-en': 'As on the business licence',
    },
    uscc: { type: 'string', title: '统一社会信用代码', 'x-title-en': 'Credit code', format: 'uscc', 'x-order': 2 },
    policy_no: { type: 'string', title: '保单号', 'x-title-en': 'Policy number', pattern: '^[A-Z]{3}-[0-9]{4}$', 'x-order': 4 },
    start: { type: 'string', format: 'date', title: '起保日期', 'x-title-en': 'Start date', 'x-order': 5 },
    email: { type: 'string', format: 'email', title: '电子邮箱', 'x-title-en': 'Email', 'x-order': 6 },
    high_risk: { type: 'boolean', title: '高危行业', 'x-title-en': 'High-risk industry', default: true, 'x-order': 7 },
    industry: {
      type: 'string', title: '行业', 'x-title-en': 'Industry', 'x-order': 8,
      oneOf: [
        { const: 'mining', title: '非煤矿山', 'x-title-en': 'Non-coal mining' },
        { const: 'chemicals', title: '危险化学品', 'x-title-en': 'Hazardous chemicals' },
      ],
    },
    contact: {
      type: 'object', title: '联系人', 'x-title-en': 'Contact', 'x-order': 9,
      properties: {
        person: { type: 'string', title: '姓名', 'x-title-en': 'Person' },
        mobile: { type: 'string', format: 'cn-mobile', title: '手机号码', 'x-title-en': 'Mobile' },
      },
    },
    staff: {
      type: 'array', title: '被保险人员', 'x-title-en': 'Insured staff', 'x-order': 10,
      items: {
        type: 'object', required: ['person'],
        properties: {
          person: { type: 'string', title: '姓名', 'x-title-en': 'Person' },
          age: { type: 'integer', title: '年龄', 'x-title-en': 'Age', minimum: 16 },
        },
      },
    },
    tags: { type: 'array', title: '标签', 'x-title-en': 'Tags', 'x-order': 11, items: { type: 'string', title: '标签' } },
  },
};

const validValue = { name: '杭州某化工有限公司', uscc: GOOD_USCC, headcount: 12, industry: 'chemicals' };

async function mount(value: Record<string, unknown> = {}, s: JsonSchema = schema): Promise<AzxForm> {
  return fixture<AzxForm>(html`<azx-form .schema=${s} .value=${value}></azx-form>`);
}

const root = (el: AzxForm) => el.shadowRoot!;
const control = (el: AzxForm, label: string) => {
  const labels = [...root(el).querySelectorAll('label')].filter((l) => l.textContent!.replace('*', '').trim() === label);
  expect(labels, `one label "${label}"`).to.have.length(1);
  const c = labels[0]!.control as HTMLInputElement | HTMLSelectElement | null;
  expect(c, `control for "${label}"`).to.exist;
  return c!;
};
const errorOf = (el: AzxForm, c: Element) => {
  const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-error'));
  return ids.length ? root(el).getElementById(ids[0]!)?.textContent?.trim() ?? '' : '';
};

async function typeInto(el: AzxForm, c: HTMLElement, text: string): Promise<void> {
  c.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function leave(el: AzxForm): Promise<void> {
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

describe('<azx-form>', () => {
  it('renders a labelled control for each type, in x-order, with defaults filled in', async () => {
    const el = await mount();
    expect(control(el, '单位名称')).to.have.property('type', 'text');
    expect((control(el, '单位名称') as HTMLInputElement).placeholder).to.equal('营业执照上的名称');
    expect(control(el, '从业人数')).to.have.property('type', 'number');
    expect(control(el, '起保日期')).to.have.property('type', 'date');
    expect(control(el, '电子邮箱')).to.have.property('type', 'email');
    expect(control(el, '手机号码')).to.have.property('type', 'tel');
    const box = control(el, '高危行业') as HTMLInputElement;
    expect(box.type).to.equal('checkbox');
    expect(box.checked, 'default: true').to.equal(true);
    expect(el.value).to.deep.equal({ high_risk: true });
    const select = control(el, '行业') as HTMLSelectElement;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['请选择', '非煤矿山', '危险化学品']);
    // Required fields are marked and told to assistive technology.
    expect(control(el, '单位名称').required).to.equal(true);
    expect(control(el, '电子邮箱').required).to.equal(false);
    // Help text describes its field.
    const help = root(el).getElementById(control(el, '单位名称').getAttribute('aria-describedby')!);
    expect(help?.textContent).to.equal('与营业执照一致');
    // x-order, not declaration order.
    const order = [...root(el).querySelectorAll('.fields > [part~="field"] > label')].map((l) => l.textContent!.replace('*', '').trim());
    expect(order.slice(0, 3)).to.deep.equal(['单位名称', '统一社会信用代码', '从业人数']);
    // A nested object is a fieldset with a legend; an array is a table with a caption.
    const legends = [...root(el).querySelectorAll('fieldset > legend')].map((l) => l.textContent);
    expect(legends).to.include('联系人');
    const captions = [...root(el).querySelectorAll('table caption')].map((c) => c.textContent!.trim());
    expect(captions).to.deep.equal(['被保险人员', '标签']);
  });

  it('typing updates value and fires one input per keystroke and a change when leaving', async () => {
    const el = await mount();
    const inputs: unknown[] = [];
    let changes = 0;
    el.addEventListener('input', () => inputs.push(structuredClone(el.value)));
    el.addEventListener('change', () => changes++);
    await typeInto(el, control(el, '单位名称'), 'Acme');
    expect(el.value['name']).to.equal('Acme');
    expect(inputs).to.have.length(4);
    expect(changes).to.equal(0);
    await leave(el);
    expect(changes).to.equal(1);
    await typeInto(el, control(el, '从业人数'), '35');
    expect(el.value['headcount']).to.equal(35);
    const select = control(el, '行业') as HTMLSelectElement;
    select.value = '0';
    select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(el.value['industry']).to.equal('mining');
    control(el, '高危行业').click();
    expect(el.value['high_risk']).to.equal(false);
  });

  it('rows can be added, filled and removed in an array table', async () => {
    const el = await mount();
    let changes = 0;
    el.addEventListener('change', () => changes++);
    const add = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === '添加一行')!;
    add.click();
    await el.updateComplete;
    expect(el.value['staff']).to.deep.equal([{}]);
    const person = control(el, '姓名（第 1 行）');
    expect(root(el).activeElement === person, 'the new row gets focus').to.equal(true);
    await sendKeys({ type: 'Li' });
    expect(el.value['staff']).to.deep.equal([{ person: 'Li' }]);
    const remove = root(el).querySelector<HTMLButtonElement>('button[aria-label="删除第 1 行"]')!;
    remove.click();
    await el.updateComplete;
    expect(el.value['staff']).to.deep.equal([]);
    expect(changes).to.be.greaterThanOrEqual(2);
  });

  it('rows of shared shape ($ref items) get their columns, and an unticked required yes/no in a new row is false, not missing', async () => {
    const s: JsonSchema = {
      type: 'object',
      $defs: {
        finding: {
          type: 'object', required: ['place', 'is_major'],
          properties: { place: { type: 'string', title: '部位' }, is_major: { type: 'boolean', title: '重大隐患' } },
        },
      },
      properties: { findings: { type: 'array', title: '发现的隐患', items: { $ref: '#/$defs/finding' } } },
    };
    const el = await mount({}, s);
    [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === '添加一行')!.click();
    await el.updateComplete;
    expect(el.value['findings']).to.deep.equal([{ is_major: false }]);
    expect(control(el, '部位（第 1 行）')).to.exist;
    const major = control(el, '重大隐患（第 1 行）') as HTMLInputElement;
    expect(major.type).to.equal('checkbox');
    await typeInto(el, control(el, '部位（第 1 行）'), '储罐区');
    expect(el.checkValidity(), el.validationMessage).to.equal(true);
  });

  it('shows required, minLength, minimum, pattern and format errors in Chinese, and in English when lang changes', async () => {
    const el = await mount();
    const name = control(el, '单位名称');
    await typeInto(el, name, 'A');
    expect(errorOf(el, name), 'no error before leaving the field').to.equal('');
    await leave(el);
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, name)).to.equal('“单位名称”至少 2 个字符');

    const headcount = control(el, '从业人数');
    headcount.focus();
    await leave(el);
    expect(errorOf(el, headcount)).to.equal('请填写“从业人数”');
    await typeInto(el, headcount, '0');
    expect(errorOf(el, headcount), 'live after the first error').to.equal('“从业人数”不能小于 1');

    const policyNo = control(el, '保单号');
    await typeInto(el, policyNo, 'ab-1');
    await leave(el);
    expect(errorOf(el, policyNo)).to.equal('“保单号”格式不正确');

    const email = control(el, '电子邮箱');
    await typeInto(el, email, 'someone@');
    await leave(el);
    expect(errorOf(el, email)).to.equal('“电子邮箱”应为有效的电子邮箱地址');

    el.lang = 'en';
    await el.updateComplete;
    expect(errorOf(el, control(el, 'Name'))).to.equal('Name must be at least 2 characters');
    expect(errorOf(el, control(el, 'Headcount'))).to.equal('Headcount must be at least 1');
    expect(errorOf(el, control(el, 'Policy number'))).to.equal('Policy number is not in the expected format');
    expect(errorOf(el, control(el, 'Email'))).to.equal('Email must be a valid email address');
    expect(root(el).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Submit');

    // Fixing a field clears its error as the user types.
    await typeInto(el, control(el, 'Name'), 'cme');
    expect(errorOf(el, control(el, 'Name'))).to.equal('');
    expect(control(el, 'Name').getAttribute('aria-invalid')).to.equal('false');
  });

  it('flags a USCC with a wrong check character and names the right one', async () => {
    const el = await mount();
    const uscc = control(el, '统一社会信用代码');
    await typeInto(el, uscc, BAD_USCC.toLowerCase());
    await leave(el);
    expect(el.value['uscc'], 'upper-cased when leaving the field').to.equal(BAD_USCC);
    expect(errorOf(el, uscc)).to.equal(`“统一社会信用代码”校验位错误，最后一位应为 ${GOOD_USCC.slice(-1)}`);
    uscc.focus();
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: GOOD_USCC.slice(-1) });
    await el.updateComplete;
    expect(errorOf(el, uscc)).to.equal('');
  });

  it('submitting with errors shows a summary, focuses the first invalid field and fires no azx-submit', async () => {
    const el = await mount({ headcount: 5 });
    let submits = 0;
    el.addEventListener('azx-submit', () => submits++);
    const email = control(el, '电子邮箱');
    email.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(submits).to.equal(0);
    expect(root(el).activeElement?.id, 'focus on the first invalid field').to.equal(control(el, '单位名称').id);
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="error-link"]')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['请填写“单位名称”', '请填写“统一社会信用代码”', '请填写“行业”']);
    expect(root(el).querySelector('.summary-title')!.textContent).to.contain('3');
  });

  it('a summary entry moves focus to its field', async () => {
    const el = await mount();
    el.requestSubmit();
    await el.updateComplete;
    const link = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~="error-link"]')].find((a) => a.textContent!.includes('行业'))!;
    link.click();
    expect(root(el).activeElement?.id, 'focus on the field').to.equal(control(el, '行业').id);
  });

  it('a valid submit, by button or by Enter, fires azx-submit with the value', async () => {
    const el = await mount(validValue);
    const seen: unknown[] = [];
    document.addEventListener('azx-submit', (e) => seen.push((e as CustomEvent).detail.value), { once: true });
    root(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(seen).to.deep.equal([{ ...validValue, high_risk: true }]);
    el.addEventListener('azx-submit', (e) => seen.push((e as CustomEvent).detail.value));
    control(el, '单位名称').focus();
    await sendKeys({ press: 'Enter' });
    expect(seen).to.have.length(2);
    expect(root(el).querySelectorAll('[part~="summary"]').length).to.equal(0);
  });

  it('a submit button the page puts in the actions slot submits the form', async () => {
    let outer = 0;
    const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => { outer++; e.preventDefault(); }}>
      <azx-form .schema=${schema} .value=${validValue}><button slot="actions">保存</button></azx-form>
    </form>`);
    const el = form.querySelector('azx-form')!;
    let submits = 0;
    el.addEventListener('azx-submit', () => submits++);
    form.querySelector('button')!.click();
    expect(submits).to.equal(1);
    expect(outer, 'the outer form is not submitted').to.equal(0);
  });

  it('takes part in a surrounding form: name, value, validity, disabled and reset', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <fieldset><azx-form name="application" .schema=${schema} .value=${{ name: '初始名称' }}></azx-form></fieldset>
    </form>`);
    const el = form.querySelector('azx-form')!;
    await el.updateComplete;
    expect(JSON.parse(new FormData(form).get('application') as string)).to.deep.equal({ name: '初始名称', high_risk: true });
    expect(form.checkValidity(), 'required fields are empty').to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('请填写“统一社会信用代码”');

    await typeInto(el, control(el, '单位名称'), 'X');
    expect(JSON.parse(new FormData(form).get('application') as string).name).to.equal('初始名称X');

    form.reset();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ name: '初始名称', high_risk: true });
    expect((control(el, '单位名称') as HTMLInputElement).value).to.equal('初始名称');

    el.value = { ...validValue };
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);

    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(control(el, '单位名称').disabled).to.equal(true);
    expect(new FormData(form).has('application'), 'a disabled control is not submitted').to.equal(false);
  });

  it('shows values as text in readonly mode', async () => {
    const el = await fixture<AzxForm>(html`<azx-form mode="readonly" .schema=${schema} .value=${{ ...validValue, high_risk: false }}></azx-form>`);
    expect(root(el).querySelectorAll('input, select, textarea, button').length, 'no controls').to.equal(0);
    const values = [...root(el).querySelectorAll('[part~="value"]')].map((v) => v.textContent);
    expect(values).to.include.members(['杭州某化工有限公司', '危险化学品', '否']);
    expect(el.checkValidity()).to.equal(true);
  });

  it('draws each radio button beside its label, not stretched across the field', async () => {
    const s: JsonSchema = { type: 'object', properties: { mode: { type: 'string', title: '服务形式', enum: ['0', '1'], 'x-enum-titles': ['现场服务', '远程/线上'], 'x-widget': 'radio' } } };
    const el = await fixture<AzxForm>(html`<azx-form style="display:block;width:600px" .schema=${s}></azx-form>`);
    for (const label of root(el).querySelectorAll<HTMLLabelElement>('[data-pointer="/mode"] label')) {
      const radio = label.querySelector('input')!.getBoundingClientRect();
      expect(radio.width).to.be.below(30);
      const words = document.createRange();
      words.selectNodeContents(label);
      words.setStartAfter(label.querySelector('input')!);
      const text = words.getBoundingClientRect();
      expect(text.left - radio.right, `${label.textContent!.trim()} right beside its button`).to.be.below(20);
      expect(text.height, `${label.textContent!.trim()} on one line`).to.be.below(30);
      // the choices 24px apart at least: each a touch target (WCAG 2.5.8)
      expect(label.getBoundingClientRect().height).to.be.at.least(24);
    }
  });

  it('in readonly mode names a code of a format by the names it is given (a region), else shows the code', async () => {
    const s: JsonSchema = { type: 'object', properties: { region_code: { type: 'string', title: '所在行政区划', format: 'cn-region' } } };
    const el = await fixture<AzxForm>(html`<azx-form mode="readonly" .schema=${s} .value=${{ region_code: '330604' }}></azx-form>`);
    const shown = () => root(el).querySelector('[data-pointer="/region_code"] [part~="value"]')?.textContent;
    expect(shown()).to.equal('330604');
    el.names = (format, code) => (format === 'cn-region' && code === '330604' ? '绍兴市上虞区' : undefined);
    await el.updateComplete;
    expect(shown()).to.equal('绍兴市上虞区');
    el.value = { region_code: '999999' };
    await el.updateComplete;
    expect(shown(), 'a code the names do not know').to.equal('999999');
  });

  it('shows descriptions as help, keeps readOnly fields uneditable, and reads a JSON value attribute', async () => {
    const s: JsonSchema = {
      type: 'object',
      properties: {
        policy_no: { type: 'string', title: '保单号', readOnly: true, description: '系统生成' },
        note: { type: 'string', title: '备注', 'x-widget': 'textarea' },
      },
    };
    const el = await fixture<AzxForm>(html`<azx-form .schema=${s} value='{"policy_no":"PICC-2026-1"}'></azx-form>`);
    const policyNo = control(el, '保单号') as HTMLInputElement;
    expect(policyNo.readOnly).to.equal(true);
    expect(policyNo.value).to.equal('PICC-2026-1');
    expect(root(el).getElementById(policyNo.getAttribute('aria-describedby')!)?.textContent).to.equal('系统生成');
    expect(control(el, '备注').tagName).to.equal('TEXTAREA');
    const bad = await fixture<AzxForm>(html`<azx-form .schema=${s} value="{not json"></azx-form>`);
    expect(bad.value).to.deep.equal({});
  });

  it('gathers properties into titled sections by x-group', async () => {
    const s: JsonSchema = {
      type: 'object',
      'x-groups': [
        { key: 'policy', title: '保单信息', 'x-title-en': 'Policy' },
        { key: 'cover', title: '保障与保费', 'x-title-en': 'Cover' },
      ],
      properties: {
        premium: { type: 'number', title: '保费', 'x-group': 'cover', 'x-order': 3 },
        policy_no: { type: 'string', title: '保单号', 'x-group': 'policy', 'x-order': 1 },
        note: { type: 'string', title: '备注', 'x-order': 9 },
        status: { type: 'string', title: '状态', 'x-group': 'policy', 'x-order': 2 },
      },
    };
    const el = await mount({}, s);
    const sections = [...root(el).querySelectorAll('fieldset.section')].map((fs) => ({
      legend: fs.querySelector('legend')!.textContent,
      fields: [...fs.querySelectorAll('label')].map((l) => l.textContent!.trim()),
    }));
    expect(sections).to.deep.equal([
      { legend: '保单信息', fields: ['保单号', '状态'] },
      { legend: '保障与保费', fields: ['保费'] },
    ]);
    expect(control(el, '备注').closest('fieldset') === null, 'ungrouped fields stay outside').to.equal(true);
    el.lang = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('fieldset.section legend')!.textContent).to.equal('Policy');
  });

  it('a renderer registered by the page wins over the built-in one', async () => {
    const el = await mount({ uscc: GOOD_USCC });
    const unregister = registerRenderer({
      name: 'test-uscc-lookup',
      tester: rankWith(2, (s) => s.format === 'uscc'),
      render: (f) => fieldShell(f, html`<output id=${f.id} class="lookup">${String(f.value)} ✓</output>`),
    });
    try {
      await el.updateComplete;
      expect(root(el).querySelector('output.lookup')?.textContent).to.equal(`${GOOD_USCC} ✓`);
      expect(root(el).querySelector('label[for="azx-f_2f_uscc"]')?.textContent?.replace('*', '').trim()).to.equal('统一社会信用代码');
    } finally {
      unregister();
    }
    await el.updateComplete;
    expect(root(el).querySelectorAll('output.lookup').length).to.equal(0);
    expect(control(el, '统一社会信用代码')).to.have.property('value', GOOD_USCC);
  });

  it('a malformed schema shows a clear error instead of throwing', async () => {
    const bad = { type: 'object', properties: { a: { type: 'strin' }, b: { type: 'string', 'x-order': 'first' } } } as unknown as JsonSchema;
    const el = await mount({}, bad);
    const alert = root(el).querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('表单定义有误');
    expect(el.checkValidity()).to.equal(false);
    expect(() => el.requestSubmit()).not.to.throw();
    el.lang = 'en';
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')?.textContent).to.contain('The form definition is invalid');
  });
});
