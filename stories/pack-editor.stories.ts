import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MemoryStore, type PackCheck, type PackDocument, type RulePack } from '../components/data/index.js';
import '../components/pack-editor/index.js';
import cnCommon from '../schemas/packs/cn-common.json';
import cn2025 from '../schemas/packs/cn-2025.json';
import zj from '../schemas/packs/zj.json';
import bj from '../schemas/packs/bj.json';

const ADMIN = 'admin@azx.demo';

/** A shipped pack file as a stored version. */
function stored(doc: unknown, status: RulePack['status'] = 'published', version = 1): RulePack {
  const d = doc as PackDocument;
  return { ...structuredClone(d), id: `story${d.key.replace(/[^a-z0-9]/g, '')}${version}`.padEnd(15, '0').slice(0, 15), version, status, publishedAt: status === 'draft' ? '' : '2026-01-01 00:00:00.000Z' };
}

type Tables = Record<string, PackDocument['tables'][string]>;
const shipped = (doc: unknown, name: string) => structuredClone((doc as { tables: Tables }).tables[name]!);

/**
 * A draft Guangdong pack on the 2025 measures: its minimum cover and base rates start as copies
 * of the tables in force, to be edited (the values live in schemas/packs, never here).
 */
const guangdong: RulePack = stored(
  {
    key: 'gd', title: '广东：示例规则包', title_en: 'Guangdong: example pack', jurisdiction: '440000', legal_status: 'in_force',
    effective_from: '2026-01-01', effective_to: null, extends: 'cn-2025',
    sources: [{ id: '粤示例〔2026〕1号', title: '广东示例通知', title_en: 'Guangdong example notice' }],
    tables: {
      min_cover_per_person: { ...shipped(cn2025, 'min_cover_per_person'), example: true, source: { document: '粤示例〔2026〕1号', article: '第三条', article_en: 'Art. 3' } },
      base_rates: { ...shipped(cnCommon, 'base_rates'), example: true, source: { document: '粤示例〔2026〕1号' } },
    },
    computations: [], rules: [], tests: [],
  },
  'draft',
);

/** The server's dry run, as a MemoryStore cannot judge: the draft's title in English is too short. */
const check = (d: PackDocument): PackCheck => ({
  errors: d.title_en.length < 2 ? { title_en: { code: 'schema_min_length', message: '英文标题至少 2 个字符', message_zh: '英文标题至少 2 个字符', message_en: 'At least 2 characters' } } : {},
  tests: [],
});

function store(): MemoryStore {
  return new MemoryStore({
    users: [{ userId: 'storyadmin00000', email: ADMIN, password: 'azx-demo-2026', name: '系统管理员', role: 'admin', organizationId: '' }],
    regions: [
      { code: '440000', name: '广东省', nameEn: '', level: 'province', parent: '' },
      { code: '330000', name: '浙江省', nameEn: '', level: 'province', parent: '' },
      { code: '110000', name: '北京市', nameEn: '', level: 'province', parent: '' },
    ],
    packs: [stored(cnCommon), stored(cn2025), stored(zj), stored(bj), guangdong],
    checkPack: check,
    signedInAs: ADMIN,
  });
}

const meta: Meta = {
  title: 'Elements/azx-pack-editor',
  component: 'azx-pack-editor',
  render: (args) => html`<azx-pack-editor
    .store=${args['store'] ?? store()}
    lang=${args['lang'] ?? 'zh-CN'}
    pack-key=${args['packKey'] ?? ''}
    tab=${args['tab'] ?? 'general'}
  ></azx-pack-editor>`,
};
export default meta;
type Story = StoryObj;

/** The packs with their versions, and the form that starts a pack for a region (a missing region is added first). */
export const Packs: Story = {};

/** Guangdong's draft: titles, legal status, dates and sources. */
export const General: Story = { args: { packKey: 'gd', tab: 'general' } };

/** Its tables edited as tables; the tables in force below, each "edit in this pack" to override. */
export const Tables: Story = { args: { packKey: 'gd', tab: 'tables' } };

/** A new version of Zhejiang's pack: its rules through the rule builder. */
export const Rules: Story = { args: { packKey: 'zj', tab: 'rules' } };

/** Test cases: sample policies and the codes they must be refused with. */
export const TestCases: Story = { args: { packKey: 'zj', tab: 'tests' } };

/** The changes against the published version, and the publish button. */
export const ChangesAndPublish: Story = { args: { packKey: 'gd', tab: 'publish' } };

/** In English. */
export const English: Story = { args: { packKey: 'gd', tab: 'tables', lang: 'en' } };
