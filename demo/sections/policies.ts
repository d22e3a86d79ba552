// Every role's list of the policies it may see (the access rules decide, not the page), and of
// the prevention services: <azx-record-list> over the collections, columns from the definitions'
// x-column hints; a row opens the record read-only with its history.
import '../../components/record-list/index.js';
import type { AzxRecordList } from '../../components/record-list/index.js';
import type { PortalSection } from './section.js';

export const policiesSection: PortalSection = {
  id: 'policies',
  title: { zh: '保单', en: 'Policies' },
  intro: { zh: '本机构可见的安责险保单；按状态、行业、日期筛选，导出，或打开查看修改记录。', en: 'The policies this account may see: filter, export, or open one with its history.' },
  roles: ['insurer', 'provider', 'enterprise', 'regulator', 'admin'],
  mount(host, { store, locale }) {
    const list = document.createElement('azx-record-list') as AzxRecordList;
    list.id = 'policy-list';
    list.lang = locale;
    list.store = store;
    list.collection = 'policies';
    list.definitionKey = 'policy';
    list.columns = ['policy_no', 'data.insured.name', 'region_code', 'industry', 'insured_persons', 'premium', 'period_start', 'status'];
    list.sort = '-period_start';
    host.append(list);
  },
};

export const servicesSection: PortalSection = {
  id: 'services',
  title: { zh: '服务记录', en: 'Service records' },
  intro: { zh: '已记录的事故预防服务；打开一条查看内容和修改记录。', en: 'Prevention services recorded; open one for its content and history.' },
  roles: ['insurer', 'provider', 'enterprise', 'regulator'],
  mount(host, { store, locale }) {
    const list = document.createElement('azx-record-list') as AzxRecordList;
    list.id = 'service-list';
    list.lang = locale;
    list.store = store;
    list.collection = 'service_reports';
    list.definitionKey = 'service-report';
    list.columns = ['data.report_no', 'data.policy_no', 'region_code', 'service_date', 'service_types', 'cost', 'status'];
    list.sort = '-service_date';
    host.append(list);
  },
};
