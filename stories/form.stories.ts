import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { fieldShell, hasWidget, rankWith, registerRenderer, type AzxForm, type JsonSchema } from '../components/core/index.js';
import policyDefinition from '../schemas/definitions/policy.json';

/** A short policy-like form: one of each kind of field. */
const policySchema: JsonSchema = {
  type: 'object',
  title: '安责险投保信息',
  'x-title-en': 'Work-safety liability application',
  required: ['enterprise', 'uscc', 'region', 'industry', 'headcount', 'start'],
  properties: {
    enterprise: {
      type: 'string', title: '投保单位名称', 'x-title-en': 'Enterprise', minLength: 2, maxLength: 100, 'x-order': 1,
      'x-placeholder': '与营业执照一致', 'x-placeholder-en': 'As on the business licence',
    },
    uscc: {
      type: 'string', title: '统一社会信用代码', 'x-title-en': 'Unified social credit code', format: 'uscc', 'x-order': 2,
      'x-help': '18 位，最后一位为校验位', 'x-help-en': '18 characters; the last is a check character',
    },
    region: { type: 'string', title: '所在地区', 'x-title-en': 'Region', format: 'cn-region', 'x-order': 3 },
    industry: {
      type: 'string', title: '行业类别', 'x-title-en': 'Industry', 'x-order': 4,
      oneOf: [
        { const: 'non_coal_mining', title: '非煤矿山', 'x-title-en': 'Non-coal mining' },
        { const: 'hazardous_chemicals', title: '危险化学品', 'x-title-en': 'Hazardous chemicals' },
        { const: 'construction', title: '建筑施工', 'x-title-en': 'Construction' },
        { const: 'metal_smelting', title: '金属冶炼', 'x-title-en': 'Metal smelting' },
      ],
    },
    headcount: { type: 'integer', title: '从业人数', 'x-title-en': 'Headcount', minimum: 1, 'x-order': 5 },
    cover_per_person: {
      type: 'number', title: '每人死亡伤残限额（元）', 'x-title-en': 'Death/disability limit per person (yuan)',
      minimum: 100000, default: 100000, 'x-order': 6,
      'x-help': '示例：不低于 10 万元（规则以所在地规则包为准）', 'x-help-en': 'Example: at least 100,000 yuan (the region’s rule packs decide)',
    },
    start: { type: 'string', format: 'date', title: '起保日期', 'x-title-en': 'Start date', 'x-order': 7 },
    contact: {
      type: 'object', title: '联系人', 'x-title-en': 'Contact', 'x-order': 8,
      properties: {
        name: { type: 'string', title: '姓名', 'x-title-en': 'Name' },
        mobile: { type: 'string', format: 'cn-mobile', title: '手机号码', 'x-title-en': 'Mobile' },
        email: { type: 'string', format: 'email', title: '电子邮箱', 'x-title-en': 'Email' },
      },
    },
    prevention_clause: { type: 'boolean', title: '合同约定事故预防服务', 'x-title-en': 'Prevention services in the contract', default: true, 'x-order': 9 },
    services: {
      type: 'array', title: '事故预防服务计划', 'x-title-en': 'Prevention service plan', 'x-order': 10,
      items: {
        type: 'object', required: ['type', 'month'],
        properties: {
          type: {
            type: 'string', title: '服务类型', 'x-title-en': 'Service',
            oneOf: [
              { const: '01', title: '宣传教育培训', 'x-title-en': 'Training' },
              { const: '03', title: '事故隐患排查', 'x-title-en': 'Hazard inspection' },
              { const: '05', title: '应急预案和演练', 'x-title-en': 'Emergency plans and drills' },
            ],
          },
          month: { type: 'integer', title: '计划月份', 'x-title-en': 'Month', minimum: 1, maximum: 12 },
          note: { type: 'string', title: '说明', 'x-title-en': 'Note' },
        },
      },
    },
    remarks: { type: 'string', title: '备注', 'x-title-en': 'Remarks', 'x-widget': 'textarea', maxLength: 500, 'x-order': 11 },
  },
};

const filled = {
  enterprise: '杭州示例化工有限公司',
  uscc: '91330100MA2B3C4D5N',
  region: '330100',
  industry: 'hazardous_chemicals',
  headcount: 86,
  start: '2026-01-01',
  contact: { name: '王工', mobile: '13800000000' },
  services: [{ type: '01', month: 3 }, { type: '03', month: 6 }],
};

const onSubmit = (e: Event) => console.info('azx-submit', (e as CustomEvent).detail.value);

const meta: Meta = {
  title: 'Core/azx-form',
  component: 'azx-form',
  render: (args) => html`<azx-form
    .schema=${args['schema']}
    .value=${args['value'] ?? {}}
    lang=${args['lang'] ?? 'zh-CN'}
    mode=${args['mode'] ?? 'edit'}
    @azx-submit=${onSubmit}
  ></azx-form>`,
  args: { schema: policySchema, value: {}, lang: 'zh-CN', mode: 'edit' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    mode: { control: 'inline-radio', options: ['edit', 'readonly', 'print'] },
  },
};
export default meta;
type Story = StoryObj;

/** A policy-like application; submit fires `azx-submit` (see the browser console). */
export const Policy: Story = {};

/** Submitted with bad input: errors beside the fields and in the summary, focus on the first. */
export const ValidationErrors: Story = {
  args: { value: { enterprise: '甲', uscc: '91330100MA2B3C4D5Y', headcount: 0, contact: { mobile: '123' } } },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('azx-form') as AzxForm;
    await form.updateComplete;
    form.requestSubmit();
  },
};

export const English: Story = { args: { lang: 'en', value: filled } };

export const ReadOnly: Story = { args: { mode: 'readonly', value: filled } };

/** The built-in policy definition (schemas/definitions/policy.json), as stored. */
export const PolicyDefinition: Story = { args: { schema: policyDefinition.schema as JsonSchema } };

/** Zhejiang's prefecture-level cities (GB/T 2260), for the custom renderer below. */
const ZHEJIANG = [
  ['330100', '杭州市'], ['330200', '宁波市'], ['330300', '温州市'], ['330400', '嘉兴市'], ['330500', '湖州市'],
  ['330600', '绍兴市'], ['330700', '金华市'], ['330800', '衢州市'], ['330900', '舟山市'], ['331000', '台州市'], ['331100', '丽水市'],
] as const;

let regionRendererRegistered = false;
/** A portal's own renderer: any field with x-widget "region" becomes a city picker. */
function registerRegionRenderer(): void {
  if (regionRendererRegistered) return;
  regionRendererRegistered = true;
  registerRenderer({
    name: 'story-region-picker',
    tester: rankWith(10, hasWidget('region')),
    render: (f) =>
      fieldShell(
        f,
        html`<select
          id=${f.id}
          part="control select"
          aria-invalid=${f.invalid ? 'true' : 'false'}
          @change=${(e: Event) => f.change((e.target as HTMLSelectElement).value || undefined)}
        >
          <option value="">${f.t('choose')}</option>
          ${ZHEJIANG.map(([code, name]) => html`<option value=${code} ?selected=${f.value === code}>${name}（${code}）</option>`)}
        </select>`,
      ),
  });
}

/** The same form, its region field marked for the portal's picker. */
const withRegionPicker: JsonSchema = {
  ...policySchema,
  properties: { ...policySchema.properties, region: { ...policySchema.properties!['region'], 'x-widget': 'region' } },
};

export const CustomRenderer: Story = {
  args: { value: filled, schema: withRegionPicker },
  render: (args, context) => {
    registerRegionRenderer();
    return meta.render!(args, context);
  },
};

const lightTheme = `
  --azx-color-accent: #0e7c66; --azx-color-border: #b7d3cc; --azx-radius: 8px;
  --azx-color-background: #f6fbfa; --azx-gap: 14px; padding: 16px; display: block;`;
const darkTheme = `
  --azx-color-text: #e6e8eb; --azx-color-muted: #a0a7b0; --azx-color-background: #16181d;
  --azx-color-surface: #22252c; --azx-color-border: #3a3f48; --azx-color-accent: #6ea8ff;
  --azx-color-on-accent: #0b1220; --azx-color-error: #ff8a70; --azx-color-error-surface: #2d1b18;
  padding: 16px; display: block; color-scheme: dark;`;

/** Themed only through --azx-* custom properties on the element. */
export const LightTheme: Story = {
  args: { value: filled },
  render: (args) => html`<azx-form style=${lightTheme} .schema=${args['schema']} .value=${args['value']}></azx-form>`,
};

export const DarkTheme: Story = {
  args: { value: { ...filled, headcount: 0 } },
  render: (args) => html`<azx-form style=${darkTheme} .schema=${args['schema']} .value=${args['value']}></azx-form>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('azx-form') as AzxForm;
    await form.updateComplete;
    form.requestSubmit();
  },
};

/** if/then/else: from 100 employees on, a full-time safety officer is asked for (and required). */
export const IfThenElse: Story = {
  args: {
    schema: {
      type: 'object',
      title: '安全生产管理',
      properties: {
        headcount: { type: 'integer', title: '从业人员数', minimum: 0, 'x-order': 1, 'x-help': '输入 100 或以上试试' },
      },
      if: { properties: { headcount: { type: 'integer', minimum: 100 } }, required: ['headcount'] },
      then: { properties: { safety_officer: { type: 'string', title: '专职安全员' } }, required: ['safety_officer'] },
      else: { properties: { part_time_officer: { type: 'string', title: '兼职安全员（可选）' } } },
    } satisfies JsonSchema,
  },
};

/** dependentRequired and dependentSchemas: a claim number makes the date required; a contact adds a phone. */
export const DependentFields: Story = {
  args: {
    schema: {
      type: 'object',
      title: '出险报案',
      properties: {
        claim_no: { type: 'string', title: '理赔编号', 'x-order': 1 },
        claim_date: { type: 'string', format: 'date', title: '出险日期', 'x-order': 2 },
        contact: { type: 'string', title: '联系人', 'x-order': 3 },
      },
      dependentRequired: { claim_no: ['claim_date'] },
      dependentSchemas: {
        contact: { properties: { contact_phone: { type: 'string', format: 'cn-mobile', title: '联系电话' } }, required: ['contact_phone'] },
      },
    } satisfies JsonSchema,
  },
};

/** oneOf of objects with a discriminator (`kind` is a const in each branch): the choice switches the sub-form. */
export const OneOfChoice: Story = {
  args: {
    value: { kind: 'enterprise' },
    schema: {
      type: 'object',
      title: '投保人',
      properties: { kind: { type: 'string', title: '投保人类型' } },
      oneOf: [
        {
          title: '企业',
          type: 'object',
          properties: { kind: { const: 'enterprise' }, uscc: { type: 'string', format: 'uscc', title: '统一社会信用代码' } },
          required: ['kind', 'uscc'],
        },
        {
          title: '个体工商户',
          type: 'object',
          properties: { kind: { const: 'individual' }, id_card: { type: 'string', title: '经营者身份证号' } },
          required: ['kind', 'id_card'],
        },
      ],
    } satisfies JsonSchema,
  },
};

/** $ref into $defs: one address definition used twice. */
export const RefAndDefs: Story = {
  args: {
    schema: {
      type: 'object',
      title: '地址',
      $defs: {
        address: {
          type: 'object',
          properties: { city: { type: 'string', title: '城市' }, street: { type: 'string', title: '街道' } },
          required: ['city'],
        },
      },
      properties: {
        registered: { $ref: '#/$defs/address', title: '注册地址' },
        site: { $ref: '#/$defs/address', title: '经营地址' },
      },
    } satisfies JsonSchema,
  },
};

/** mode="print": the record as text under a header; print the page (Ctrl+P) for the A4 layout. */
export const Print: Story = {
  args: { mode: 'print', value: filled },
  render: (args) => html`<azx-form
    mode="print"
    organization="中国人民财产保险股份有限公司杭州市分公司"
    definition-key="policy"
    definition-version="3"
    .schema=${args['schema']}
    .value=${args['value']}
  ></azx-form>`,
};

/** The server refused fields: its messages (zh and en) stand by the fields until they change. */
export const ServerErrors: Story = {
  args: { value: filled },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('azx-form') as AzxForm;
    form.serverErrors = {
      'data.headcount': { code: 'rule_failed', message_zh: '参保人数应等于从业人员数（全员投保）', message_en: 'Insured persons must equal headcount' },
      insurer: { code: 'forged_party', message_zh: '只能为本机构录入保单', message_en: 'You may only enter policies for your own organisation' },
    };
  },
};

/** A list of codes with `uniqueItems` (or x-widget "checkboxes") as a checkbox group. */
export const Checkboxes: Story = {
  args: {
    schema: {
      type: 'object',
      properties: {
        services: {
          type: 'array',
          title: '服务类型',
          'x-title-en': 'Services',
          uniqueItems: true,
          items: {
            type: 'string',
            oneOf: [
              { const: '01', title: '安全培训', 'x-title-en': 'Training' },
              { const: '02', title: '隐患排查', 'x-title-en': 'Hazard inspection' },
              { const: '05', title: '应急预案与演练', 'x-title-en': 'Emergency plans and drills' },
            ],
          },
        },
      },
    } as JsonSchema,
    value: { services: ['01', '05'] },
  },
};

/** Photos and files (x-widget "photo" / "file"): previews, names in the record, files sent with the submit. */
export const Attachments: Story = {
  args: {
    schema: {
      type: 'object',
      required: ['photos'],
      properties: {
        photos: { type: 'array', title: '现场照片', 'x-title-en': 'Site photos', minItems: 1, items: { type: 'string' }, 'x-widget': 'photo' },
        sign_in: { type: 'string', title: '签到表', 'x-title-en': 'Sign-in sheet', 'x-widget': 'file', 'x-accept': '.pdf,image/*' },
      },
    } as JsonSchema,
  },
};

/**
 * Typing is kept as a local draft (IndexedDB) under the `draft` name; reload the story and the
 * form offers it back (恢复草稿 / 丢弃草稿).
 */
export const Drafts: Story = {
  render: (args) => html`<azx-form draft="story" definition-key="story" .schema=${args['schema']} lang=${args['lang'] ?? 'zh-CN'}></azx-form>`,
};

/**
 * With a store: a valid submit is stored by the form. Tick "offline" and submit: the record waits
 * in the outbox (IndexedDB) and the form says so; untick it and it is sent once, with the same
 * idempotency key. The store here only pretends to save (the story has no server).
 */
export const OfflineSubmit: Story = {
  render: (args) => {
    const network = { offline: false };
    const saved: unknown[] = [];
    const store = {
      party: { userId: 'story', email: 'insurer@azx.demo', name: '演示', role: 'insurer', organizationId: 'org' },
      async create(_collection: string, record: { data: unknown }, options: { idempotencyKey?: string }) {
        if (network.offline) throw Object.assign(new TypeError('Failed to fetch'), {});
        saved.push(record.data);
        const now = new Date().toISOString();
        return { id: options.idempotencyKey, collection: _collection, definition: 'story', version: 1, revision: 1, data: record.data, columns: {}, created: now, updated: now };
      },
    };
    const toggle = (e: Event) => {
      network.offline = (e.target as HTMLInputElement).checked;
      if (!network.offline) window.dispatchEvent(new Event('online'));
    };
    return html`<label><input type="checkbox" @change=${toggle} /> 离线 offline</label>
      <azx-form
        .store=${store as never}
        collection="policies"
        definition-key="story"
        definition-version="1"
        .schema=${args['schema']}
        .value=${filled}
        lang=${args['lang'] ?? 'zh-CN'}
        @azx-saved=${() => console.log('azx-saved', saved.length)}
        @azx-queued=${(e: CustomEvent) => console.log('azx-queued', e.detail)}
      ></azx-form>`;
  },
};
