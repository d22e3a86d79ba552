import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryStore, type FormDefinition, type JsonSchema } from '../components/data/index.js';
import '../components/schema-editor/index.js';
import enterprise from '../schemas/definitions/enterprise.json';
import policy from '../schemas/definitions/policy.json';
import serviceReport from '../schemas/definitions/service-report.json';
import hazard from '../schemas/definitions/hazard.json';

const ADMIN = 'admin@azx.demo';

function published(doc: { key: string; title: string; schema: unknown }, version = 1): FormDefinition {
  return {
    id: `story${doc.key.replace(/[^a-z]/g, '')}${version}`.padEnd(15, '0').slice(0, 15),
    key: doc.key,
    version,
    status: 'published',
    title: doc.title,
    industry: '',
    base: '',
    schema: doc.schema as JsonSchema,
    hash: '',
    publishedAt: '2026-01-01 00:00:00.000Z',
  };
}

/** The policy form for ammonia refrigeration (涉氨制冷): two more fields, a condition, a formula and a rule. */
function ammoniaSchema(): JsonSchema {
  const schema = structuredClone(policy.schema) as Record<string, unknown> & { properties: Record<string, unknown> };
  schema['$id'] = 'https://azx.demo/schemas/policy-ammonia.json';
  schema['title'] = '涉氨制冷企业安责险保单';
  schema['x-title-en'] = 'Policy: ammonia refrigeration';
  schema.properties['ammonia_tonnes'] = { type: 'number', title: '液氨储量（吨）', 'x-title-en': 'Ammonia charge (t)', minimum: 0, 'x-order': 40, 'x-group': 'cover' };
  schema.properties['ammonia_kg'] = {
    type: 'number', title: '液氨储量（千克）', 'x-title-en': 'Ammonia charge (kg)', 'x-order': 41, 'x-group': 'cover',
    'x-compute': { '*': [{ var: 'ammonia_tonnes' }, 1000] },
  };
  schema.properties['ammonia_alarm'] = { type: 'boolean', title: '已安装氨气泄漏报警装置', 'x-title-en': 'Ammonia leak alarm installed', 'x-order': 42, 'x-group': 'cover' };
  schema.properties['alarm_count'] = {
    type: 'integer', title: '报警探头数量', 'x-title-en': 'Alarm sensors', minimum: 1, 'x-order': 43, 'x-group': 'cover',
    'x-visible': { '==': [{ var: 'ammonia_alarm' }, true] },
  };
  schema['x-rules'] = [
    {
      rule: { '==': [{ var: 'ammonia_alarm' }, true] },
      message: { 'zh-CN': '涉氨制冷企业须安装氨气泄漏报警装置', en: 'An ammonia leak alarm must be installed' },
      path: 'ammonia_alarm',
    },
  ];
  return schema;
}

function store(extra: FormDefinition[] = [], signedInAs = ADMIN): MemoryStore {
  return new MemoryStore({
    definitions: [published(enterprise), published(policy), published(serviceReport), published(hazard), ...extra],
    users: [
      { userId: 'storyadmin00000', email: ADMIN, password: 'azx-demo-2026', name: '系统管理员', role: 'admin', organizationId: '' },
      { userId: 'storyinsurer000', email: 'insurer-1@azx.demo', password: 'azx-demo-2026', name: '甲保险', role: 'insurer', organizationId: 'storyorg0000000' },
    ],
    signedInAs,
  });
}

const ammoniaDraft: FormDefinition = {
  ...published({ key: 'policy-ammonia', title: '涉氨制冷企业安责险保单', schema: ammoniaSchema() }),
  status: 'draft',
  industry: '涉氨制冷',
  base: 'policy',
  publishedAt: '',
};

const meta: Meta = {
  title: 'Elements/azx-schema-editor',
  component: 'azx-schema-editor',
  render: (args) => html`<azx-schema-editor
    .store=${args['store'] ?? store()}
    lang=${args['lang'] ?? 'zh-CN'}
    definition-key=${args['definitionKey'] ?? ''}
    tab=${args['tab'] ?? 'fields'}
  ></azx-schema-editor>`,
};
export default meta;
type Story = StoryObj;

/** The list: every definition with its versions and status, and the form that starts a new industry. */
export const Definitions: Story = {};

/** A draft for ammonia refrigeration (涉氨制冷) open on its fields: select one to edit it. */
export const EditingFields: Story = {
  args: { store: store([ammoniaDraft]), definitionKey: 'policy-ammonia', tab: 'fields' },
};

/** The cross-field rules of the draft, built from lists (or edited as JSON Logic). */
export const Rules: Story = {
  args: { store: store([ammoniaDraft]), definitionKey: 'policy-ammonia', tab: 'rules' },
};

/** The JSON view for experts: edit it to see the meta-schema check as you type. */
export const Json: Story = {
  args: { store: store([ammoniaDraft]), definitionKey: 'policy-ammonia', tab: 'json' },
};

/** The live preview with sample data: tick the alarm to see the sensor count appear; validate the sample. */
export const Preview: Story = {
  args: { store: store([ammoniaDraft]), definitionKey: 'policy-ammonia', tab: 'preview' },
};

/** What changed against the base policy form, and the publish button. */
export const ChangesAndPublish: Story = {
  args: { store: store([ammoniaDraft]), definitionKey: 'policy-ammonia', tab: 'publish' },
};

/** A new version of the published policy form: the diff is against version 1. */
export const NewVersion: Story = {
  args: { store: store([{ ...published(policy, 2), status: 'draft', schema: { ...(policy.schema as JsonSchema), title: '安责险保单（2026 版）' }, publishedAt: '' }]), definitionKey: 'policy', tab: 'publish' },
};

/** Hostile text typed by an administrator is shown as text: nothing runs, nothing becomes a link. */
export const HostileText: Story = {
  args: {
    store: store([
      {
        ...published({
          key: 'hostile',
          title: '<img src=x onerror=alert(1)>',
          schema: {
            type: 'object',
            title: '<script>alert(1)</script>',
            description: 'javascript:alert(1)',
            properties: {
              name: { type: 'string', title: '<svg onload=alert(1)>', 'x-help': '<a href="javascript:alert(1)">帮助</a>', 'x-order': 1 },
              kind: { type: 'string', title: '种类', 'x-order': 2, oneOf: [{ const: 'a', title: '<b onmouseover=alert(1)>甲</b>' }] },
            },
          },
        }),
        status: 'draft',
        publishedAt: '',
      },
    ]),
    definitionKey: 'hostile',
    tab: 'preview',
  },
};

/** English UI. */
export const English: Story = {
  args: { lang: 'en', store: store([ammoniaDraft]), definitionKey: 'policy-ammonia' },
};

/** A non-administrator sees the list and is told that only administrators edit; the store refuses edits. */
export const NotAnAdministrator: Story = {
  args: { store: store([], 'insurer-1@azx.demo') },
};
