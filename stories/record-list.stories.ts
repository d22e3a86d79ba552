import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { provideStore, type Store } from '../components/data/index.js';
import '../components/record-list/index.js';
import { COLUMNS, listStore, policyDefinition } from '../test/browser/record-list/fixture.js';
import policy from '../schemas/definitions/policy.json';

// the stories bundle the definition: a built Storybook serves no /schemas
void policyDefinition(policy as Parameters<typeof policyDefinition>[0]);

/** A host providing the store, with the list inside. */
function mount(store: Promise<Store>, { lang = 'zh-CN', width = '' }: { lang?: string; width?: string } = {}) {
  const host = document.createElement('div');
  if (width) host.style.maxWidth = width;
  void store.then((s) => {
    provideStore(host, s);
    const el = document.createElement('azx-record-list');
    el.lang = lang;
    el.collection = 'policies';
    el.definitionKey = 'policy';
    el.columns = COLUMNS;
    el.sort = '-period_start';
    host.append(el);
  });
  return host;
}

const meta: Meta = {
  title: 'Elements/azx-record-list',
  component: 'azx-record-list',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          '任意集合的记录列表：列取自表单定义的 x-column，显示名称而非代码，筛选、查找、排序、分页、导出，打开一条记录查看内容和修改记录。A list of any collection, with filters, search, sort, paging, export and a read-only record with its history.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const Policies: Story = { name: '保单列表 Policies', render: () => mount(listStore(45)) };
export const English: Story = { name: 'English', render: () => mount(listStore(45), { lang: 'en' }) };
export const Phone: Story = { name: '手机宽度（卡片）Phone width, cards', render: () => mount(listStore(12), { width: '360px' }) };
export const Empty: Story = { name: '没有记录 No records', render: () => mount(listStore(0)) };
