/**
 * <azx-schema-editor> with a MemoryStore: what an administrator does to extend the policy
 * form for a new industry, from the list to a published version.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AzxForm } from '../../../components/core/index.js';
import type { MemoryStore } from '../../../components/data/index.js';
import type { AzxLogicBuilder, AzxSchemaEditor } from '../../../components/schema-editor/index.js';
import { addField, byText, createIndustry, editorWith, memoryStore, openTab, root, settle, type, until } from './helpers.js';

type Obj = Record<string, any>;

async function ammoniaDraft(): Promise<{ store: MemoryStore; el: AzxSchemaEditor }> {
  const store = await memoryStore();
  const el = await editorWith(store);
  await createIndustry(el, { key: 'policy-ammonia', industry: '涉氨制冷', zh: '涉氨制冷企业安责险保单', en: 'Policy: ammonia refrigeration' });
  return { store, el };
}

function builders(el: AzxSchemaEditor): AzxLogicBuilder[] {
  return [...root(el).querySelectorAll<AzxLogicBuilder>('azx-logic-builder')];
}

describe('<azx-schema-editor>', () => {
  it('lists every definition with its versions and their status', async () => {
    const store = await memoryStore();
    await store.saveDefinitionDraft({ key: 'policy', version: 2, title: '安责险保单', schema: (await store.latestDefinition('policy')).schema });
    const el = await editorWith(store);
    const rows = [...root(el).querySelectorAll('table.definitions tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-key'))).to.deep.equal(['enterprise', 'hazard', 'policy', 'service-report']);
    const policy = root(el).querySelector('tr[data-key="policy"]')!;
    expect(policy.querySelector('.versions')!.textContent!.replace(/\s+/g, ' ')).to.contain('v1 已发布').and.contain('v2 草稿');
  });

  it('starts a definition for a new industry from the policy form, with all of its fields', async () => {
    const { el } = await ammoniaDraft();
    expect(el.draft?.key).to.equal('policy-ammonia');
    expect(el.draft?.version).to.equal(1);
    expect(el.draft?.base).to.equal('policy');
    expect(el.draft?.industry).to.equal('涉氨制冷');
    expect(el.draft?.schema['title']).to.equal('涉氨制冷企业安责险保单');
    const names = [...root(el).querySelectorAll('.tree > .tree-item')].map((li) => li.getAttribute('data-path'));
    expect(names).to.include.members(['policy_no', 'insured', 'premium', 'prevention_budget']);
  });

  it('refuses a key that is taken or malformed, saying why', async () => {
    const store = await memoryStore();
    const el = await editorWith(store);
    await createIndustry(el, { key: 'policy', industry: '有限空间', zh: '有限空间' });
    expect(el.draft).to.equal(undefined);
    expect(root(el).querySelector('#create-problem')!.textContent).to.contain('已有标识为 policy');
    await createIndustry(el, { key: 'Bad Key', industry: '有限空间', zh: '有限空间' });
    expect(el.draft).to.equal(undefined);
    expect(root(el).querySelector('#create-problem')!.textContent).to.contain('小写字母');
  });

  it('adds fields without JSON: they appear in the preview, the JSON and the diff', async () => {
    const { el } = await ammoniaDraft();
    await addField(el, 'ammonia_charge_kg', 'number', '液氨储量（千克）', 'Ammonia charge (kg)');
    await addField(el, 'ammonia_alarm', 'boolean', '是否安装氨气泄漏报警装置', 'Ammonia leak alarm installed');
    const props = el.draft!.schema['properties'] as Obj;
    expect(props['ammonia_charge_kg']).to.include({ type: 'number', title: '液氨储量（千克）', 'x-title-en': 'Ammonia charge (kg)' });
    expect(props['ammonia_alarm']).to.include({ type: 'boolean' });
    // a bad key is refused at the field
    await addField(el, '9x', 'string', '坏');
    expect(root(el).querySelector('#add-problem')!.textContent).to.contain('小写字母开头');
    expect(props['9x']).to.equal(undefined);

    await openTab(el, '预览');
    const form = root(el).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    const labels = [...form.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels.some((l) => l.startsWith('液氨储量（千克）'))).to.equal(true);

    await openTab(el, 'JSON');
    expect(root(el).querySelector<HTMLTextAreaElement>('#json-text')!.value).to.contain('"ammonia_charge_kg"');

    await openTab(el, '差异与发布');
    const diff = root(el).querySelector('table.diff')!.textContent!;
    expect(diff).to.contain('ammonia_charge_kg').and.contain('ammonia_alarm').and.contain('新增');
  });

  it('edits a field: titles, required, bounds, help, default, options, group, order and removal', async () => {
    const { el } = await ammoniaDraft();
    await addField(el, 'refrigerant', 'select', '制冷剂', 'Refrigerant');
    const insp = () => root(el).querySelector('.inspector')!;
    type(insp().querySelector<HTMLInputElement>('[id$="-x-help"]')!, '按设计文件填写');
    await settle(el);
    byText(insp(), 'button', '添加选项').click();
    await settle(el);
    type(insp().querySelector<HTMLInputElement>('input[aria-label="取值 1"]')!, 'ammonia');
    await settle(el);
    type(insp().querySelector<HTMLInputElement>('input[aria-label="中文名称 1"]')!, '氨');
    await settle(el);
    type(insp().querySelector<HTMLInputElement>('input[aria-label="中文名称 2"]')!, '氟利昂');
    await settle(el);
    const required = [...insp().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')][0]!;
    required.checked = true;
    required.dispatchEvent(new Event('change'));
    await settle(el);
    type(insp().querySelector<HTMLSelectElement>('[id$="-group"]')!, 'cover');
    await settle(el);
    let node = (el.draft!.schema['properties'] as Obj)['refrigerant'];
    expect(node['x-help']).to.equal('按设计文件填写');
    expect(node['x-group']).to.equal('cover');
    expect(node.oneOf.map((o: Obj) => [o['const'], o['title']])).to.deep.equal([['ammonia', '氨'], ['option_2', '氟利昂']]);
    expect(el.draft!.schema['required']).to.include('refrigerant');
    type(insp().querySelector<HTMLSelectElement>('[id$="-default"]')!, 'ammonia');
    await settle(el);
    expect((el.draft!.schema['properties'] as Obj)['refrigerant'].default).to.equal('ammonia');

    // a number: bounds are numbers, not text
    await addField(el, 'cold_rooms', 'integer', '冷库间数');
    type(insp().querySelector<HTMLInputElement>('[id$="-minimum"]')!, '1');
    await settle(el);
    type(insp().querySelector<HTMLInputElement>('[id$="-maximum"]')!, '200');
    await settle(el);
    node = (el.draft!.schema['properties'] as Obj)['cold_rooms'];
    expect(node).to.include({ type: 'integer', minimum: 1, maximum: 200 });

    // order: the last field moves up one place
    const order = () => [...root(el).querySelectorAll('.tree > .tree-item')].map((li) => li.getAttribute('data-path'));
    const before = order();
    byText(root(el), 'button', '上移 冷库间数').click();
    await settle(el);
    const after = order();
    expect(after.indexOf('cold_rooms')).to.equal(before.indexOf('cold_rooms') - 1);

    // Alt+↓ moves the focused field down and keeps the focus on it
    const nameOf = (key: string) => root(el).querySelector<HTMLButtonElement>(`.tree > .tree-item[data-path="${key}"] > .row > button.name`)!;
    const at = order().indexOf('cold_rooms');
    nameOf('cold_rooms').focus();
    nameOf('cold_rooms').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true, composed: true }));
    await settle(el);
    expect(order().indexOf('cold_rooms')).to.equal(at + 1);
    expect(root(el).activeElement).to.equal(nameOf('cold_rooms'));

    byText(root(el), 'button', '删除 制冷剂').click();
    await settle(el);
    expect((el.draft!.schema['properties'] as Obj)['refrigerant']).to.equal(undefined);
    expect(el.draft!.schema['required']).to.not.include('refrigerant');
  });

  it('builds a visibility condition and a computed field from lists, as JSON Logic the preview obeys', async () => {
    const { el } = await ammoniaDraft();
    await addField(el, 'ammonia_alarm', 'boolean', '氨气报警装置');
    await addField(el, 'alarm_count', 'integer', '报警探头数量');
    // shown only when the alarm is installed
    const visible = builders(el)[0]!;
    byText(visible.shadowRoot!, 'button', '添加条件').click();
    await visible.updateComplete;
    type(visible.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'ammonia_alarm');
    await visible.updateComplete;
    type(visible.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="值 1"]')!, 'true');
    await settle(el);
    expect((el.draft!.schema['properties'] as Obj)['alarm_count']['x-visible']).to.deep.equal({ '==': [{ var: 'ammonia_alarm' }, true] });

    await addField(el, 'ammonia_tonnes', 'number', '液氨储量（吨）');
    await addField(el, 'ammonia_kg', 'number', '液氨储量（千克）');
    const formula = builders(el)[1]!;
    byText(formula.shadowRoot!, 'button', '添加运算数').click();
    await formula.updateComplete;
    byText(formula.shadowRoot!, 'button', '添加运算数').click();
    await formula.updateComplete;
    type(formula.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'ammonia_tonnes');
    await formula.updateComplete;
    type(formula.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="运算数 2"]')!, 'number');
    await formula.updateComplete;
    type(formula.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="数字 2"]')!, '1000');
    await settle(el);
    expect((el.draft!.schema['properties'] as Obj)['ammonia_kg']['x-compute']).to.deep.equal({ '*': [{ var: 'ammonia_tonnes' }, 1000] });

    await openTab(el, '预览');
    const form = root(el).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    const hasField = (p: string) => form.shadowRoot!.querySelector(`[data-pointer="${p}"]`) !== null;
    expect(hasField('/alarm_count')).to.equal(false);
    form.value = { ...form.value, ammonia_alarm: true, ammonia_tonnes: 2.5 };
    await form.updateComplete;
    expect(hasField('/alarm_count')).to.equal(true);
    expect(form.value['ammonia_kg']).to.equal(2500);
  });

  it('builds a cross-field rule whose message the preview shows when the sample breaks it', async () => {
    const { el } = await ammoniaDraft();
    await openTab(el, '规则');
    byText(root(el), 'button', '添加规则').click();
    await settle(el);
    const rule = builders(el)[0]!;
    byText(rule.shadowRoot!, 'button', '添加条件').click();
    await rule.updateComplete;
    const sr = rule.shadowRoot!;
    type(sr.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'prevention_budget');
    await rule.updateComplete;
    type(sr.querySelector<HTMLSelectElement>('select[aria-label="比较 1"]')!, '>=');
    await rule.updateComplete;
    type(sr.querySelector<HTMLSelectElement>('select[aria-label="与值比较 1"]')!, 'field');
    await rule.updateComplete;
    type(sr.querySelector<HTMLSelectElement>('select[aria-label="另一字段 1"]')!, 'premium');
    await rule.updateComplete;
    type(sr.querySelector<HTMLInputElement>('input[aria-label="倍数 1"]')!, '0.25');
    await settle(el);
    // without messages the definition is not publishable yet, and the editor says why
    expect(root(el).querySelector('.problems')!.textContent).to.contain('规则 1 缺少中文提示').and.contain('规则 1 缺少英文提示');
    type(root(el).querySelector<HTMLInputElement>('#rule-0-zh')!, '涉氨企业预防费用不得低于保费的 25%');
    await settle(el);
    type(root(el).querySelector<HTMLInputElement>('#rule-0-en')!, 'Prevention budget at least 25% of the premium');
    await settle(el);
    type(root(el).querySelector<HTMLSelectElement>('#rule-0-path')!, 'prevention_budget');
    await settle(el);
    expect(root(el).querySelector('.problems')).to.equal(null);
    expect(el.draft!.schema['x-rules']).to.deep.equal([
      {
        rule: { '>=': [{ var: 'prevention_budget' }, { '*': [{ var: 'premium' }, 0.25] }] },
        message: { 'zh-CN': '涉氨企业预防费用不得低于保费的 25%', en: 'Prevention budget at least 25% of the premium' },
        path: 'prevention_budget',
      },
    ]);

    await openTab(el, '预览');
    const form = root(el).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    type(form.shadowRoot!.querySelector<HTMLInputElement>('[data-pointer="/premium"] input')!, '1000');
    await form.updateComplete;
    type(form.shadowRoot!.querySelector<HTMLInputElement>('[data-pointer="/prevention_budget"] input')!, '100');
    await settle(el);
    byText(form, 'button', '校验样例数据').click();
    await settle(el);
    await form.updateComplete;
    expect(root(el).querySelector('.sample-result')!.textContent).to.contain('未通过校验');
    expect(form.shadowRoot!.textContent).to.contain('涉氨企业预防费用不得低于保费的 25%');
  });

  it('undoes and redoes edits with the buttons and with Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y', async () => {
    const { el } = await ammoniaDraft();
    const has = (k: string) => (el.draft!.schema['properties'] as Obj)[k] !== undefined;
    await addField(el, 'confined_space_count', 'integer', '有限空间数量');
    await addField(el, 'gas_detector', 'boolean', '气体检测仪');
    byText(root(el), 'button', '撤销').click();
    await settle(el);
    expect(has('gas_detector')).to.equal(false);
    expect(has('confined_space_count')).to.equal(true);
    byText(root(el), 'button', '重做').click();
    await settle(el);
    expect(has('gas_detector')).to.equal(true);

    const key = (k: string, shift = false) =>
      byText(root(el), 'button', '撤销').dispatchEvent(new KeyboardEvent('keydown', { key: k, ctrlKey: true, shiftKey: shift, bubbles: true, composed: true }));
    key('z');
    key('z');
    await settle(el);
    expect(has('gas_detector') || has('confined_space_count')).to.equal(false);
    key('z', true);
    await settle(el);
    expect(has('confined_space_count')).to.equal(true);
    key('y');
    await settle(el);
    expect(has('gas_detector')).to.equal(true);
    // typing in a text box keeps the browser's own undo
    const input = root(el).querySelector<HTMLInputElement>('#meta-title')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, composed: true }));
    await settle(el);
    expect(has('gas_detector')).to.equal(true);
  });

  it('publishes a new immutable version, then retires the old one', async () => {
    const { store, el } = await ammoniaDraft();
    await addField(el, 'ammonia_charge_kg', 'number', '液氨储量（千克）');
    await openTab(el, '差异与发布');
    byText(root(el), 'button', '发布为第 1 版').click();
    await until(() => root(el).querySelector('table.definitions') !== null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('已发布第 1 版');
    const v1 = await store.getDefinition('policy-ammonia', 1);
    expect(v1.status).to.equal('published');
    expect(v1.base).to.equal('policy');
    expect((v1.schema['properties'] as Obj)['ammonia_charge_kg']).to.not.equal(undefined);

    // editing it again makes version 2, compared with version 1
    byText(root(el), 'button', '编辑 policy-ammonia').click();
    await settle(el);
    expect(el.draft!.version).to.equal(2);
    await addField(el, 'ammonia_alarm', 'boolean', '氨气报警装置');
    await openTab(el, '差异与发布');
    expect(root(el).querySelector('.publish')!.textContent).to.contain('与已发布的 policy-ammonia 第 1 版相比');
    const rows = [...root(el).querySelectorAll('table.diff tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows.length).to.equal(1);
    expect(rows[0]).to.contain('ammonia_alarm');
    byText(root(el), 'button', '发布为第 2 版').click();
    await until(() => root(el).querySelector('table.definitions') !== null);
    expect((await store.getDefinition('policy-ammonia', 1)).schema).to.deep.equal(v1.schema);

    byText(root(el), 'button', '停用第 1 版（policy-ammonia）').click();
    await until(() => root(el).querySelector('tr[data-key="policy-ammonia"] .version.retired') !== null);
    expect((await store.getDefinition('policy-ammonia', 1)).status).to.equal('retired');
    expect((await store.getDefinition('policy-ammonia', 2)).status).to.equal('published');
  });

  it('shows a refusal of the store as text, field by field', async () => {
    const store = await memoryStore('insurer@azx.test');
    const el = await editorWith(store);
    expect(root(el).textContent).to.contain('只有管理员可以编辑表单定义');
    byText(root(el), 'button', '编辑 policy').click();
    await settle(el);
    await el.saveDraft();
    await settle(el);
    expect(root(el).querySelector('.errors')!.textContent).to.contain('无权执行此操作');
  });

  it('opens a definition by its key on the tab asked for (draft first, else a new version)', async () => {
    const store = await memoryStore();
    const policy = await store.latestDefinition('policy');
    await store.saveDefinitionDraft({ key: 'policy-x', version: 1, title: '草稿', base: 'policy', schema: policy.schema });
    const el = await fixture<AzxSchemaEditor>(html`<azx-schema-editor .store=${store} definition-key="policy-x" tab="json"></azx-schema-editor>`);
    await until(() => el.draft !== undefined);
    await settle(el);
    expect(el.draft!.version).to.equal(1);
    expect(root(el).querySelector('#json-text')).to.not.equal(null);
    el.definitionKey = 'policy';
    await until(() => el.draft?.key === 'policy');
    expect(el.draft!.version).to.equal(2);
  });

  it('opens stored logic in the builder when it has the builder\'s shape, else as JSON Logic text', async () => {
    const store = await memoryStore();
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', title: '类型', 'x-order': 1 },
        premium: { type: 'number', title: '保费', 'x-order': 2 },
        budget: {
          type: 'number', title: '预算', 'x-order': 3,
          'x-visible': { or: [{ '==': [{ var: 'kind' }, 'nh3'] }, { '>=': [{ var: 'premium' }, { '*': [{ var: 'premium' }, 0.2] }] }] },
        },
        note: { type: 'string', title: '备注', 'x-order': 4, 'x-visible': { if: [{ var: 'kind' }, true, false] } },
      },
    };
    await store.saveDefinitionDraft({ key: 'logic-shapes', version: 1, title: '逻辑', schema });
    const el = await fixture<AzxSchemaEditor>(html`<azx-schema-editor .store=${store} definition-key="logic-shapes"></azx-schema-editor>`);
    await until(() => el.draft !== undefined);
    await settle(el);
    byText(root(el), 'button.name', /预算/).click();
    await settle(el);
    let b = builders(el)[0]!;
    await b.updateComplete;
    expect(b.shadowRoot!.querySelectorAll('.condition').length).to.equal(2);
    expect(b.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="倍数 2"], input[aria-label="倍数 2"]')!.value).to.equal('0.2');
    expect(b.shadowRoot!.querySelector('textarea')).to.equal(null);
    byText(root(el), 'button.name', /备注/).click();
    await settle(el);
    b = builders(el)[0]!;
    await b.updateComplete;
    expect(b.shadowRoot!.querySelector('textarea')!.value).to.contain('"if"');
    // unchanged by opening: nothing was rewritten
    expect(el.draft!.schema).to.deep.equal(schema);
  });

  it('asks before leaving unsaved edits, and not after saving or undoing them', async () => {
    const { store, el } = await ammoniaDraft();
    const back = () => root(el).querySelector<HTMLButtonElement>('button.back')!.click();
    back(); // nothing edited yet
    await settle(el);
    expect(el.draft).to.equal(undefined);

    byText(root(el), 'button', '编辑 policy').click();
    await settle(el);
    await addField(el, 'gas_detector', 'boolean', '气体检测仪');
    back();
    await settle(el);
    expect(root(el).querySelector('.confirm')!.textContent).to.contain('有尚未保存的修改');
    expect(el.draft).to.not.equal(undefined);
    byText(root(el), 'button', '继续编辑').click();
    await settle(el);
    expect(root(el).querySelector('.confirm')).to.equal(null);
    byText(root(el), 'button', '撤销').click();
    await settle(el);
    back(); // undone back to what was opened
    await settle(el);
    expect(el.draft).to.equal(undefined);

    byText(root(el), 'button', '编辑 policy').click();
    await settle(el);
    await addField(el, 'gas_detector', 'boolean', '气体检测仪');
    expect(await el.saveDraft()).to.equal(true);
    back();
    await settle(el);
    expect(el.draft).to.equal(undefined);
    expect(((await store.getDefinition('policy', 2)).schema['properties'] as Obj)['gas_detector']).to.not.equal(undefined);

    byText(root(el), 'button', '编辑 policy').click();
    await settle(el);
    await addField(el, 'permit', 'string', '作业票');
    back();
    await settle(el);
    byText(root(el), 'button', '放弃修改').click();
    await settle(el);
    expect(el.draft).to.equal(undefined);
    expect(((await store.getDefinition('policy', 2)).schema['properties'] as Obj)['permit']).to.equal(undefined);
  });

  it('warns when a condition or rule reads a field that was removed', async () => {
    const { el } = await ammoniaDraft();
    await addField(el, 'ammonia_alarm', 'boolean', '氨气报警装置');
    await addField(el, 'alarm_count', 'integer', '报警探头数量');
    const visible = builders(el)[0]!;
    byText(visible.shadowRoot!, 'button', '添加条件').click();
    await visible.updateComplete;
    type(visible.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'ammonia_alarm');
    await settle(el);
    expect(root(el).querySelector('.warnings')).to.equal(null);
    byText(root(el), 'button', '删除 氨气报警装置').click();
    await settle(el);
    expect(root(el).querySelector('.warnings')!.textContent).to.contain('字段 alarm_count 的显示条件引用了不存在的字段 ammonia_alarm');
    byText(root(el), 'button', '撤销').click();
    await settle(el);
    expect(root(el).querySelector('.warnings')).to.equal(null);
  });

  it('validates pasted sample data in place, and deletes a draft from the list', async () => {
    const store = await memoryStore();
    await store.saveDefinitionDraft({ key: 'policy', version: 2, title: '安责险保单', schema: (await store.latestDefinition('policy')).schema });
    const el = await editorWith(store);
    byText(root(el), 'button', '编辑 policy').click();
    await settle(el);
    await openTab(el, '预览');
    const sample = root(el).querySelector<HTMLTextAreaElement>('#sample-json')!;
    type(sample, '[1, 2');
    await settle(el);
    expect(root(el).querySelector('#sample-error')!.textContent).to.contain('样例数据须为 JSON 对象');
    type(sample, JSON.stringify({ policy_no: 'x', headcount: -1 }));
    await settle(el);
    const form = root(el).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    expect(form.value['headcount']).to.equal(-1);
    byText(form, 'button', '校验样例数据').click();
    await settle(el);
    await form.updateComplete;
    expect(root(el).querySelector('.sample-result')!.textContent).to.contain('未通过校验');

    root(el).querySelector<HTMLButtonElement>('button.back')!.click();
    await settle(el);
    byText(root(el), 'button', '删除第 2 版草稿（policy）').click();
    await until(() => !root(el).querySelector('tr[data-key="policy"] .version.draft'));
    expect((await store.listDefinitions({ key: 'policy' })).map((d) => d.version)).to.deep.equal([1]);
  });

  it('speaks English when lang="en"', async () => {
    const store = await memoryStore();
    const el = await editorWith(store, 'en');
    expect(root(el).textContent).to.contain('Form definitions').and.contain('New form for an industry');
  });
});
