// Every role's list of the policies it may see: the access rules decide, not the page.
import { POLICY_STATUS, referenceOf, termLabel, type Store } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

function cell(text: unknown): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  return td;
}

const HEADINGS = ['保单号', '行政区划', '行业', '参保人数', '保险费（元）', '状态'];

export async function fillPolicies(tbody: HTMLElement, store: Store): Promise<void> {
  const page = await store.list('policies', { sort: ['-period_start'], perPage: 20 });
  // names, not codes, for any province: the store's reference data
  const names = referenceOf(store);
  await names.load(page.items.map((p) => String(p.columns.region_code ?? '')));
  tbody.replaceChildren(
    ...page.items.map((p) => {
      const tr = document.createElement('tr');
      const c = p.columns;
      tr.append(
        cell(c.policy_no),
        cell(names.regionName(String(c.region_code ?? ''), 'zh')),
        cell(names.industryName(String(c.industry ?? ''), 'zh')),
        cell(c.insured_persons),
        cell(c.premium),
        cell(termLabel(POLICY_STATUS, String(c.status ?? ''), 'zh')),
      );
      return tr;
    }),
  );
}

export const policiesSection: PortalSection = {
  id: 'records',
  title: '可见的保单 Policies',
  roles: ['insurer', 'provider', 'enterprise', 'regulator', 'admin'],
  async mount(host, { store }) {
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const h of HEADINGS) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    const body = table.createTBody();
    body.id = 'policy-rows';
    host.append(table);
    await fillPolicies(body, store);
  },
};
