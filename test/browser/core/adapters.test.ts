// azx/rjsf and azx/formily: other libraries' hints become AZX's x- hints, so a portal moving from
// either keeps its layout; the schema's validation is left as it was.
import { expect, fixture, html } from '@open-wc/testing';
import { compileSchema, fieldId, type AzxForm, type JsonSchema } from '../../../components/core/index.js';
import { fromRjsf } from '../../../components/core/adapters/rjsf.js';
import { fromFormily } from '../../../components/core/adapters/formily.js';

const mount = (schema: JsonSchema, value: Record<string, unknown> = {}) =>
  fixture<AzxForm>(html`<azx-form lang="en" .schema=${schema} .value=${value}></azx-form>`);
const byPointer = <T extends HTMLElement = HTMLInputElement>(el: AzxForm, pointer: string) => el.shadowRoot!.getElementById(fieldId(pointer)) as T | null;

describe('azx/rjsf: an RJSF schema and uiSchema', () => {
  const schema: JsonSchema = {
    type: 'object',
    properties: {
      password: { type: 'string', title: 'Password' },
      bio: { type: 'string' },
      age: { type: 'integer' },
      colour: { type: 'string', enum: ['r', 'g'], enumNames: ['Red', 'Green'] },
      secret: { type: 'string' },
      locked: { type: 'string' },
      fixed: { type: 'string' },
      phone: { type: 'string' },
      pets: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' } } } },
    },
  };
  const uiSchema = {
    'ui:order': ['bio', '*', 'password'],
    password: { 'ui:widget': 'password', 'ui:help': 'Make it strong' },
    bio: { 'ui:widget': 'textarea', 'ui:title': 'About you', 'ui:description': 'A few words', 'ui:placeholder': 'Write here' },
    age: { 'ui:widget': 'updown' },
    colour: { 'ui:widget': 'radio' },
    secret: { 'ui:widget': 'hidden' },
    locked: { 'ui:disabled': true },
    fixed: { 'ui:readonly': true },
    phone: { 'ui:options': { inputType: 'tel' } },
    pets: { items: { name: { 'ui:placeholder': 'Pet name' } } },
  };

  it('maps every ui: key onto the x- hints and leaves validation alone', () => {
    const s = fromRjsf(schema, uiSchema);
    const p = s.properties as Record<string, JsonSchema>;
    expect(s.$schema, "RJSF's validator reads draft-07").to.equal('http://json-schema.org/draft-07/schema#');
    expect(p['password']).to.include({ 'x-widget': 'password', 'x-help': 'Make it strong' });
    expect(p['bio']).to.include({ 'x-widget': 'textarea', title: 'About you', description: 'A few words', 'x-placeholder': 'Write here', 'x-order': 1 });
    expect(p['password']!['x-order'], '"*" puts the others between').to.equal(9);
    expect(p['age']!['x-widget'], 'updown is the number default').to.equal(undefined);
    expect(p['colour']).to.deep.include({ 'x-widget': 'radio', 'x-enum-titles': ['Red', 'Green'] });
    expect(p['colour']!['enumNames'], "RJSF's own keyword is gone").to.equal(undefined);
    expect(p['secret']!['x-hidden']).to.equal(true);
    expect(p['locked']!['x-disabled']).to.equal(true);
    expect(p['fixed']!.readOnly).to.equal(true);
    expect(p['phone']!['x-widget']).to.equal('tel');
    expect((p['pets']!.items as JsonSchema).properties!['name']!['x-placeholder']).to.equal('Pet name');
    expect(compileSchema(s).ok).to.equal(true);
    expect(schema.properties!['colour']!['enumNames'], 'the input is not changed').to.deep.equal(['Red', 'Green']);
  });

  it('keeps the layout in <azx-form>', async () => {
    const el = await mount(fromRjsf(schema, uiSchema), { colour: 'g', secret: 's', locked: 'l', fixed: 'f' });
    const labels = [...el.shadowRoot!.querySelectorAll('.fields > [part~="field"] > label, .fields > fieldset > legend')].map((l) => l.textContent!.trim());
    expect(labels[0]).to.equal('About you');
    expect(byPointer(el, '/bio')!.tagName).to.equal('TEXTAREA');
    expect(byPointer(el, '/password')!.type).to.equal('password');
    expect(byPointer(el, '/phone')!.type).to.equal('tel');
    expect(byPointer(el, '/colour')!.type).to.equal('radio');
    expect(el.shadowRoot!.querySelector('input[type="radio"]:checked')!.parentElement!.textContent!.trim()).to.equal('Green');
    expect(byPointer(el, '/secret'), 'hidden, its value kept').to.equal(null);
    expect(el.value['secret']).to.equal('s');
    expect(byPointer(el, '/locked')!.disabled).to.equal(true);
    expect(byPointer(el, '/fixed')!.readOnly).to.equal(true);
  });
});

describe('azx/formily: a Formily schema', () => {
  const formily = {
    type: 'object',
    properties: {
      card: {
        type: 'void',
        'x-component': 'Card',
        'x-component-props': { title: '基本信息' },
        properties: {
          name: { type: 'string', title: '名称', required: true, 'x-decorator': 'FormItem', 'x-component': 'Input', 'x-component-props': { placeholder: '全称' }, 'x-index': 2 },
          kind: { type: 'string', title: '类型', 'x-component': 'Radio.Group', enum: [{ label: '甲', value: 'a' }, { label: '乙', value: 'b' }], 'x-index': 1 },
        },
      },
      tags: { type: 'array', title: '标签', 'x-component': 'Checkbox.Group', enum: [{ label: '红', value: 'red' }, { label: '绿', value: 'green' }] },
      note: { type: 'string', title: '说明', 'x-component': 'Input.TextArea', 'x-decorator-props': { tooltip: '可不填' }, 'x-reactions': { dependencies: ['name'] } },
      mail: { type: 'string', title: '邮箱', 'x-component': 'Input', 'x-validator': 'email' },
      token: { type: 'string', 'x-display': 'hidden' },
      shown: { type: 'string', title: '只读', 'x-pattern': 'readPretty' },
      day: { type: 'date', title: '日期', 'x-component': 'DatePicker' },
      staff: {
        type: 'array',
        'x-component': 'ArrayTable',
        items: {
          type: 'object',
          properties: {
            c1: { type: 'void', 'x-component': 'ArrayTable.Column', 'x-component-props': { title: '姓名' }, properties: { person: { type: 'string', 'x-component': 'Input' } } },
            c2: { type: 'void', 'x-component': 'ArrayTable.Column', 'x-component-props': { title: '操作' }, properties: { remove: { type: 'void', 'x-component': 'ArrayTable.Remove' } } },
          },
        },
      },
    },
  };

  it('maps components, props, decorators and containers onto x- hints, and drops what has no JSON counterpart', () => {
    const s = fromFormily(formily);
    const p = s.properties as Record<string, JsonSchema>;
    expect(Object.keys(p)).to.deep.equal(['name', 'kind', 'tags', 'note', 'mail', 'token', 'shown', 'day', 'staff']);
    expect(s.required).to.deep.equal(['name']);
    expect(s['x-groups']).to.deep.equal([{ key: 'card', title: '基本信息' }]);
    expect(p['name']).to.deep.include({ 'x-group': 'card', 'x-placeholder': '全称', 'x-order': 2 });
    expect(p['kind']).to.deep.include({ 'x-widget': 'radio', enum: ['a', 'b'], 'x-enum-titles': ['甲', '乙'], 'x-order': 1 });
    expect(p['tags']).to.deep.include({ 'x-widget': 'checkboxes', uniqueItems: true });
    expect(p['tags']!.items).to.deep.equal({ enum: ['red', 'green'], 'x-enum-titles': ['红', '绿'] });
    expect(p['note']).to.deep.include({ 'x-widget': 'textarea', 'x-help': '可不填' });
    expect(p['note']!['x-reactions']).to.equal(undefined);
    expect(p['mail']!.format).to.equal('email');
    expect(p['token']!['x-hidden']).to.equal(true);
    expect(p['shown']!.readOnly).to.equal(true);
    expect(p['day']).to.deep.include({ type: 'string', 'x-widget': 'date' });
    expect(p['staff']!['x-widget']).to.equal('table');
    expect((p['staff']!.items as JsonSchema).properties).to.deep.equal({ person: { type: 'string', title: '姓名' } });
    expect(compileSchema(s).ok, JSON.stringify(compileSchema(s))).to.equal(true);
  });

  it('keeps the layout in <azx-form>', async () => {
    const el = await mount(fromFormily(formily), { name: '某公司', kind: 'b', tags: ['green'], token: 't', staff: [{ person: '张三' }] });
    const section = el.shadowRoot!.querySelector('fieldset.section')!;
    expect(section.querySelector('legend')!.textContent).to.equal('基本信息');
    // x-index: kind before name
    expect([...section.querySelectorAll('[id]')].map((e) => e.id).filter((id) => id === fieldId('/kind') || id === fieldId('/name'))).to.deep.equal([fieldId('/kind'), fieldId('/name')]);
    expect(byPointer(el, '/name')!.placeholder).to.equal('全称');
    expect(byPointer(el, '/day')!.type).to.equal('date');
    expect(el.shadowRoot!.querySelector(`#${fieldId('/tags')}`)!.closest('fieldset')!.textContent).to.contain('绿');
    expect(el.shadowRoot!.querySelector('table caption')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('thead')!.textContent).to.contain('姓名');
    expect(byPointer(el, '/token')).to.equal(null);
    expect(el.value['token']).to.equal('t');
  });
});
