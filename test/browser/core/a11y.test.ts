/**
 * axe-core finds no accessibility violation in <azx-form> in each of its states: empty, with
 * every error shown, read-only, print, tables, choices, attachments, conditional fields, unions,
 * maps, tuples and lists, a restored-draft offer, and in English.
 */
import { fixture, html } from '@open-wc/testing';
import { type AzxForm } from '../../../components/core/index.js';
import { IndexedDbDraftBox } from '../../../components/data/index.js';
import { expectAccessible } from '../setup/axe.js';
import { unique, until } from '../setup/unique.js';

const schema = {
  type: 'object',
  title: '安全生产责任保险 投保单',
  required: ['name', 'uscc', 'kind'],
  properties: {
    name: { type: 'string', title: '单位名称', 'x-help': '与营业执照一致' },
    uscc: { type: 'string', title: '统一社会信用代码', format: 'uscc' },
    kind: { type: 'string', title: '行业', enum: ['危险化学品', '烟花爆竹', '非煤矿山'] },
    headcount: { type: 'integer', title: '从业人员数', minimum: 1 },
    start: { type: 'string', title: '起保日期', format: 'date' },
    prevention: { type: 'boolean', title: '含事故预防服务条款' },
    services: {
      type: 'array',
      title: '服务类型',
      uniqueItems: true,
      items: { type: 'string', oneOf: [{ const: 'training', title: '安全培训' }, { const: 'drill', title: '应急演练' }] },
    },
    photos: { type: 'array', title: '现场照片', items: { type: 'string' }, 'x-widget': 'photo' },
    contact: {
      type: 'object',
      title: '联系人',
      properties: { person: { type: 'string', title: '姓名' }, mobile: { type: 'string', title: '手机', format: 'cn-mobile' } },
    },
    insured: {
      type: 'array',
      title: '被保险人员',
      minItems: 1,
      items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '姓名' }, post: { type: 'string', title: '岗位' } } },
    },
    note: { type: 'string', title: '备注', 'x-widget': 'textarea' },
  },
  if: { properties: { prevention: { const: true } }, required: ['prevention'] },
  then: { properties: { budget: { type: 'number', title: '预防服务费用（元）', minimum: 0 } }, required: ['budget'] },
};

const value = { name: '甲公司', kind: '危险化学品', prevention: true, insured: [{ name: '张三' }, { name: '李四', post: '电工' }] };

describe('<azx-form> accessibility (axe-core)', () => {
  it('has no violations when empty', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema}></azx-form>`);
    await expectAccessible(el);
  });

  it('has no violations with every error shown after a submit', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema} .value=${{ ...value, uscc: 'bad', headcount: 0 }}></azx-form>`);
    el.requestSubmit();
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('has no violations with a server error and in English', async () => {
    const el = await fixture<AzxForm>(html`<azx-form lang="en" .schema=${schema} .value=${value}></azx-form>`);
    el.serverErrors = { 'data.name': { message_zh: '单位不在名录中', message_en: 'Not in the registry' }, insurer: { message_zh: '无权录入', message_en: 'Not allowed' } };
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('has no violations read-only and in print mode', async () => {
    const ro = await fixture<AzxForm>(html`<azx-form mode="readonly" .schema=${schema} .value=${value}></azx-form>`);
    await expectAccessible(ro);
    const print = await fixture<AzxForm>(
      html`<azx-form mode="print" organization="甲保险" definition-key="policy" definition-version="1" .schema=${schema} .value=${value}></azx-form>`,
    );
    await expectAccessible(print);
  });

  it('has no violations with unions, maps, tuples, lists of groups, fixed values and radio buttons, all errors shown', async () => {
    const shapes = {
      type: 'object',
      title: '其他结构',
      description: '联合类型、键值表、元组与列表',
      properties: {
        amount: { title: '金额', type: ['number', 'string'] },
        premium: { type: 'object', title: '各市保费', propertyNames: { pattern: '^[0-9]{6}$' }, additionalProperties: { type: 'number' } },
        at: { type: 'array', title: '坐标', prefixItems: [{ type: 'number', title: '经度' }, { type: 'number', title: '纬度' }], items: false },
        jobs: { type: 'array', title: '作业', items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '名称' }, steps: { type: 'array', items: { type: 'string' } } } } },
        accept: { title: '同意条款', const: true },
        level: { title: '风险等级', type: 'string', enum: ['high', 'low'], 'x-enum-titles': ['高', '低'], 'x-widget': 'radio' },
      },
    };
    const el = await fixture<AzxForm>(
      html`<azx-form .schema=${shapes} .value=${{ amount: 'x', premium: { '330100': 1, bad: 2 }, at: [120], jobs: [{ name: '动火', steps: ['审批'] }, {}], level: 'high' }}></azx-form>`,
    );
    el.requestSubmit();
    await el.updateComplete;
    for (const d of el.shadowRoot!.querySelectorAll('details')) d.open = true;
    await expectAccessible(el);
  });

  it('has no violations while offering a draft back', async () => {
    const name = `a11y-${unique()}`;
    await new IndexedDbDraftBox().save(`anonymous/form/${name}`, { definition: '', version: 0, data: { name: '草稿' } });
    const el = await fixture<AzxForm>(html`<azx-form draft=${name} .schema=${schema}></azx-form>`);
    await until(() => el.shadowRoot!.querySelector('[part="draft"]') !== null, 'the draft offer');
    await expectAccessible(el);
  });
});
