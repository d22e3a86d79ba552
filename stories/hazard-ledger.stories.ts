import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { provideStore, type Store } from '../components/data/index.js';
import '../components/hazard-ledger/index.js';
import type { AzxHazardLedger, LedgerFilters } from '../components/hazard-ledger/index.js';
import { emailOf, enterprisesOf, hazardIn, ledgerStore, makeHazards, PASSWORD, type LedgerRole } from '../test/browser/hazard-ledger/ledger-world.js';

type Status = Parameters<typeof hazardIn>[0];

/** A host providing the store, with the ledger inside; `then` runs once the first rows are on screen. */
function mount(store: Store, { lang = 'zh-CN', filters, then }: { lang?: string; filters?: Partial<LedgerFilters>; then?: (el: AzxHazardLedger) => void } = {}) {
  const host = document.createElement('div');
  provideStore(host, store);
  const el = document.createElement('azx-hazard-ledger');
  el.lang = lang;
  if (filters) el.filters = { ...el.filters, ...filters };
  if (then) el.addEventListener('azx-loaded', () => then(el), { once: true });
  host.append(el);
  return host;
}

/** One hazard in a status, opened as a role. */
function inStatus(role: LedgerRole, status: Status, options: { major?: boolean; overdue?: boolean; notice?: boolean } = {}) {
  const { row, events } = hazardIn(status, options);
  return mount(ledgerStore({ role, rows: [row, ...makeHazards(30, { seed: 3 })], events }), {
    then: (el) => void el.open(String(row['id']), { notice: options.notice ?? false }),
  });
}

const meta: Meta = {
  title: 'Elements/azx-hazard-ledger',
  component: 'azx-hazard-ledger',
  parameters: {
    docs: {
      description: {
        component:
          '隐患台账：筛选、排序、搜索，虚拟列表只渲染可见行；详情含完整处理记录和当前角色可执行的闭环操作；可打印隐患整改告知书，导出 CSV / Excel。The hazard ledger and its closed loop.',
      },
    },
  },
};
export default meta;

type Story = StoryObj;

export const InsurerList: Story = { name: '列表（保险机构，2,000 条） List', render: () => mount(ledgerStore({ role: 'insurer', rows: makeHazards(2000) })) };

export const HundredThousand: Story = {
  name: '十万条隐患 100,000 hazards',
  render: () => mount(ledgerStore({ role: 'insurer', rows: makeHazards(100_000) })),
};

export const OverdueOnly: Story = {
  name: '仅看逾期 Overdue filter',
  render: () => mount(ledgerStore({ role: 'insurer', rows: makeHazards(2000) }), { filters: { overdue: true, grade: 'major' } }),
};

export const EnterpriseFilter: Story = {
  name: '按企业筛选（输入提示） Enterprise filter',
  render: () => {
    const rows = makeHazards(2000);
    return mount(ledgerStore({ role: 'insurer', rows, enterprises: enterprisesOf(rows) }), {
      then: (el) => {
        // typed as a user would: the registry's matches open under the field
        const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="enterprise"]')!;
        input.focus();
        input.value = '企业12';
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
    });
  },
};

export const EnterpriseChosen: Story = {
  name: '已选定企业 Enterprise chosen',
  render: () => {
    const rows = makeHazards(2000);
    return mount(ledgerStore({ role: 'insurer', rows, enterprises: enterprisesOf(rows) }), { filters: { enterprise: '绍兴越城化工有限公司', enterpriseId: 'enterpriseE1xxx' } });
  },
};

export const RegulatorRegion: Story = { name: '监管部门：本辖区 Regulator', render: () => mount(ledgerStore({ role: 'regulator', rows: makeHazards(2000) })) };

export const EnterpriseOwn: Story = { name: '企业：本单位 Enterprise', render: () => mount(ledgerStore({ role: 'enterprise', rows: makeHazards(2000) })) };

export const Empty: Story = { name: '无数据 Empty', render: () => mount(ledgerStore({ role: 'insurer', rows: [] })) };

export const SignedOut: Story = { name: '未登录 Signed out', render: () => mount(ledgerStore({ rows: makeHazards(10) })) };

export const English: Story = { name: 'English', render: () => mount(ledgerStore({ role: 'insurer', rows: makeHazards(200) }), { lang: 'en' }) };

export const Found: Story = { name: '已发现（保险机构可告知） Found', render: () => inStatus('insurer', 'found') };
export const Notified: Story = { name: '已书面告知（企业整改） Notified', render: () => inStatus('enterprise', 'notified') };
export const NotifiedMajor: Story = { name: '重大隐患已告知（可记录拒不整改） Major, notified', render: () => inStatus('provider', 'notified', { major: true }) };
export const Rectified: Story = { name: '已整改（回头看） Rectified', render: () => inStatus('regulator', 'rectified') };
export const Verified: Story = { name: '已复查销号 Verified', render: () => inStatus('insurer', 'verified') };
export const Reopened: Story = { name: '复查未通过 Reopened', render: () => inStatus('enterprise', 'reopened', { overdue: true }) };
export const Escalated: Story = { name: '逾期重大隐患已上报 Escalated', render: () => inStatus('regulator', 'escalated', { major: true, overdue: true }) };
export const Notice: Story = { name: '隐患整改告知书 Notice', render: () => inStatus('insurer', 'notified', { major: true, notice: true }) };

export const RegulatorAlert: Story = {
  name: '重大隐患上报提醒（实时） Realtime escalation',
  render: () => {
    const { row, events } = hazardIn('notified', { major: true });
    const store = ledgerStore({ role: 'regulator', rows: [row], events });
    const insurer = store.newClient();
    return mount(store, {
      then: () =>
        void insurer.signIn(emailOf('insurer'), PASSWORD).then(() =>
          insurer.appendEvent('hazard_events', { fields: { hazard: row['id'], action: 'refuse', to_status: 'escalated', note: '企业拒不整改' } }),
        ),
    });
  },
};

export const Refused: Story = {
  name: '提交被拒（缺少证明材料） Refused',
  render: () => {
    const { row, events } = hazardIn('notified');
    return mount(ledgerStore({ role: 'enterprise', rows: [row], events }), {
      then: (el) =>
        void el.open(String(row['id'])).then(async () => {
          el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="rectify"]')!.click();
          await el.updateComplete;
          el.shadowRoot!.querySelector<HTMLFormElement>('.action-form')!.requestSubmit();
        }),
    });
  },
};
