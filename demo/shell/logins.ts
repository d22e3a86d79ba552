// The demo logins the sign-in page lists (the seed makes them; README "Demo logins").
import type { Role } from '../../components/data/index.js';
import type { Bilingual } from './words.js';

export interface DemoLogin {
  readonly email: string;
  readonly role: Role;
  /** Who the login is, beyond its role. */
  readonly who: Bilingual;
  readonly does: Bilingual;
}

export const DEMO_PASSWORD = 'azx-demo-2026';

export const DEMO_LOGINS: readonly DemoLogin[] = [
  {
    email: 'insurer-1@azx.demo', role: 'insurer',
    who: { zh: '保险机构', en: 'Insurer' },
    does: { zh: '录入保单、安排事故预防服务、书面告知隐患', en: 'Enters policies, arranges prevention services, notifies hazards' },
  },
  {
    email: 'provider-1@azx.demo', role: 'provider',
    who: { zh: '安全生产技术服务机构', en: 'Service provider' },
    does: { zh: '记录服务、登记隐患、回头看复查', en: 'Records services, registers hazards, verifies rectifications' },
  },
  {
    email: 'enterprise-1@azx.demo', role: 'enterprise',
    who: { zh: '投保单位', en: 'Insured enterprise' },
    does: { zh: '查看本单位保单和服务，提交隐患整改', en: 'Sees its policies and services, submits rectifications' },
  },
  {
    email: 'regulator-330600@azx.demo', role: 'regulator',
    who: { zh: '绍兴市应急管理局', en: 'Shaoxing emergency management bureau' },
    does: { zh: '查看本市覆盖情况、抽查保单、跟踪重大隐患', en: 'Sees the city’s coverage, inspects policies, follows major hazards' },
  },
  {
    email: 'regulator-zj@azx.demo', role: 'regulator',
    who: { zh: '浙江省应急管理厅', en: 'Zhejiang emergency management department' },
    does: { zh: '查看全省覆盖情况和检查通报', en: 'Sees the province’s coverage and inspection bulletins' },
  },
  {
    email: 'admin@azx.demo', role: 'admin',
    who: { zh: '平台管理员', en: 'Administrator' },
    does: { zh: '发布表单定义和行业表单', en: 'Publishes form definitions and industry forms' },
  },
];
