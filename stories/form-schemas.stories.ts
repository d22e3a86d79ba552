// <azx-form> with the schemas portals already have: unions, maps, tuples, lists of groups, fixed
// values, older drafts, formats the form cannot check, and the RJSF and Formily adapters; and the
// whole test corpus (test/fixtures/forms) to browse.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { JsonSchema } from '../components/core/index.js';
import '../components/core/index.js';
import { fromRjsf, type UiSchema } from '../components/core/adapters/rjsf.js';
import { fromFormily } from '../components/core/adapters/formily.js';
import rjsf from '../test/fixtures/forms/rjsf.json';
import jsonforms from '../test/fixtures/forms/jsonforms.json';
import surveyjs from '../test/fixtures/forms/surveyjs.json';
import formily from '../test/fixtures/forms/formily.json';
import schemastore from '../test/fixtures/forms/schemastore.json';
import edge from '../test/fixtures/forms/edge.json';

interface Entry { name: string; schema: unknown; uiSchema?: unknown; valid: unknown[] }

const meta: Meta = {
  title: 'Core/azx-form/Other schemas',
  component: 'azx-form',
  render: (args) => html`<azx-form
    .schema=${args['schema']}
    .value=${args['value'] ?? {}}
    lang=${args['lang'] ?? 'zh-CN'}
    defaults=${args['defaults'] ?? 'fill'}
  ></azx-form>`,
  args: { value: {}, lang: 'zh-CN', defaults: 'fill' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    defaults: { control: 'inline-radio', options: ['fill', 'none'] },
  },
};
export default meta;
type Story = StoryObj;

/** Unions: a type array, anyOf of scalars, a oneOf of an object or a string; each choice named by its title, constant or type, and guessed from the value. */
export const Unions: Story = {
  args: {
    value: { amount: 1200, unit: 'yuan', contact: { phone: '13800138000' } },
    schema: {
      type: 'object',
      title: '联合类型',
      properties: {
        amount: { title: '金额（数字或文字）', type: ['number', 'string'] },
        unit: { title: '单位', anyOf: [{ const: 'yuan', title: '元' }, { type: 'string', title: '其他单位' }] },
        contact: { title: '联系方式', oneOf: [{ type: 'object', title: '电话', properties: { phone: { type: 'string', format: 'cn-mobile', title: '手机' } } }, { type: 'string', title: '文字说明' }] },
        note: { title: '备注（任意值）' },
        gap: { title: '分隔（null）', type: 'null' },
        accept: { title: '我已阅读', const: true },
      },
    } satisfies JsonSchema,
  },
};

/** Maps: keys the user names, checked by propertyNames; values by patternProperties and additionalProperties. */
export const Maps: Story = {
  args: {
    value: { premium: { '330100': 12000, '330200': 8000 }, labels: { owner: '王工' } },
    schema: {
      type: 'object',
      title: '各市保费',
      properties: {
        premium: { type: 'object', title: '保费（元，按行政区划代码）', propertyNames: { pattern: '^[1-8][0-9]{5}$' }, patternProperties: { '^33': { type: 'number', minimum: 0 } }, additionalProperties: false },
        labels: { type: 'object', title: '标签', additionalProperties: { type: 'string' } },
      },
    } satisfies JsonSchema,
  },
};

/** Tuples (prefixItems) and an array whose items hold lists: positions by title; items as a list of disclosures. */
export const TuplesAndLists: Story = {
  args: {
    value: { location: [120.15, 30.28], jobs: [{ name: '动火作业', steps: ['审批', '监护', '验收'] }, { name: '受限空间', steps: ['通风', '检测'] }] },
    schema: {
      type: 'object',
      title: '作业',
      properties: {
        location: { type: 'array', title: '位置', prefixItems: [{ type: 'number', title: '经度' }, { type: 'number', title: '纬度' }], items: { type: 'number', title: '海拔' } },
        jobs: { type: 'array', title: '危险作业', items: { type: 'object', properties: { name: { type: 'string', title: '名称' }, steps: { type: 'array', title: '步骤', items: { type: 'string' } } } } },
      },
    } satisfies JsonSchema,
  },
};

/** A draft-07 schema: definitions, dependencies (a list and a schema) and a tuple under items. */
export const Draft07: Story = {
  args: {
    value: { enterprise: '杭州示例化工有限公司', prevention: true },
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      title: '投保单（draft-07）',
      definitions: { money: { type: 'number', minimum: 0, multipleOf: 0.01 } },
      properties: {
        enterprise: { type: 'string', title: '投保单位' },
        premium: { $ref: '#/definitions/money', title: '保费' },
        staff: { type: 'array', title: '人员', items: [{ type: 'string', title: '负责人' }], additionalItems: { type: 'string', title: '其他' } },
        prevention: { type: 'boolean', title: '约定事故预防服务' },
      },
      dependencies: { premium: ['enterprise'], prevention: { properties: { budget: { $ref: '#/definitions/money', title: '预防费用' } }, required: ['budget'] } },
    },
  },
};

/** Defaults: a 3-item default under minItems 5 and a default above its maximum stay out; switch `defaults` to none to fill nothing. */
export const Defaults: Story = {
  args: {
    schema: {
      type: 'object',
      title: '默认值',
      properties: {
        name: { type: 'string', title: '名称', default: '匿名' },
        tags: { type: 'array', title: '标签（至少 5 个）', items: { type: 'string' }, default: ['a', 'b', 'c'], minItems: 5 },
        size: { type: 'integer', title: '每页条数（至多 100）', default: 500, maximum: 100 },
      },
    } satisfies JsonSchema,
  },
};

/** A format the form cannot check ("data-url") is an annotation, with one console warning; "x-assert-formats": true refuses it, listing every problem. */
export const FormatsAndRefusals: Story = {
  args: {
    schema: {
      type: 'object',
      title: '无法校验的格式',
      'x-assert-formats': true,
      properties: { scan: { type: 'string', format: 'data-url' }, code: { type: 'string', minLenght: 3 }, ref: { $ref: '#/$defs/none' } },
    },
  },
};

const RJSF_SCHEMA = rjsf.find((e) => e.name === 'rjsf-simple')! as Entry;

/** azx/rjsf: react-jsonschema-form's registration example with its uiSchema (textarea, password, tel, help, placeholder, titles). */
export const RjsfAdapter: Story = {
  args: { schema: fromRjsf(RJSF_SCHEMA.schema as JsonSchema, RJSF_SCHEMA.uiSchema as UiSchema), value: RJSF_SCHEMA.valid[0], lang: 'en' },
};

const FORMILY_SCHEMA = formily.find((e) => e.name === 'formily-card-layout')! as Entry;

/** azx/formily: Formily cards become sections; components, decorators and validators their x- hints. */
export const FormilyAdapter: Story = {
  args: { schema: fromFormily(FORMILY_SCHEMA.schema as Record<string, unknown>), value: FORMILY_SCHEMA.valid[0] },
};

const CORPUS: Record<string, { schema: JsonSchema; value: unknown }> = {};
for (const [file, entries] of Object.entries({ rjsf, jsonforms, surveyjs, formily, schemastore, edge }) as [string, Entry[]][]) {
  for (const e of entries) {
    const schema = file === 'rjsf' ? fromRjsf(e.schema as JsonSchema, e.uiSchema as UiSchema) : file === 'formily' ? fromFormily(e.schema as Record<string, unknown>) : (e.schema as JsonSchema);
    CORPUS[e.name] = { schema, value: e.valid[0] };
  }
}

/** Every schema of the test corpus (test/fixtures/forms), with its first valid record: pick one under `entry`. */
export const Corpus: StoryObj<{ entry: string; lang: string }> = {
  args: { entry: 'schemastore-github-workflow', lang: 'en' },
  argTypes: { entry: { control: 'select', options: Object.keys(CORPUS) } },
  render: ({ entry, lang }) => html`<azx-form .schema=${CORPUS[entry]!.schema} .value=${structuredClone(CORPUS[entry]!.value)} lang=${lang}></azx-form>`,
};
