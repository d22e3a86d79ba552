// A small offline world for <azx-claim> on the MemoryStore: one policy (500,000 yuan per person,
// 50 insured), a serious claim paid in advance whose stage is overdue, and a settled one; users
// of each role. Stories use it too. The MemoryStore checks no payment: that is the server's.
import { MemoryStore, type FormDefinition, type Role } from '../../../components/data/index.js';

export const IDS = {
  insurer: 'orginsurer00001',
  enterprise: 'orgenterprise01',
  policy: 'policya00000001',
  open: 'claimopen000001',
  settled: 'claimsettled001',
};

export const PASSWORD = 'memory-pass';
export const emailOf = (role: Role) => `${role}@memory.test`;

const insured = { uscc: '91330602MA2E10001X', name: '绍兴越城化工有限公司' };
const at = (day: string) => `${day} 02:00:00.000Z`;

function claimRow(id: string, no: string, columns: Record<string, unknown>, data: Record<string, unknown>) {
  return {
    id,
    definition: 'claim',
    version: 1,
    revision: 1,
    policy: IDS.policy,
    insurer: IDS.insurer,
    claim_no: no,
    accident_date: data['accident_date'],
    ...columns,
    data: { claim_no: no, place: '二号车间反应釜区', description: '反应釜泄漏引发闪爆，造成人员伤亡。', ...data },
    created: at(String(data['accident_date'])),
    updated: at(String(data['accident_date'])),
  };
}

export interface ClaimFixtureOptions {
  /** The claim definition's schema (fetched in tests, imported in stories). */
  readonly schema: Record<string, unknown>;
  readonly role?: Role;
  readonly lang?: 'zh' | 'en';
}

export function claimStore(options: ClaimFixtureOptions): MemoryStore {
  const role = options.role ?? 'insurer';
  const orgOf: Record<string, string> = { insurer: IDS.insurer, enterprise: IDS.enterprise };
  const definition: FormDefinition = {
    id: 'defclaim0000001',
    key: 'claim',
    version: 1,
    status: 'published',
    title: '理赔案件',
    industry: '',
    base: '',
    schema: options.schema,
    hash: 'memory',
    publishedAt: '2026-01-01 00:00:00.000Z',
  };
  return new MemoryStore({
    lang: options.lang ?? 'zh',
    users: (['insurer', 'enterprise', 'regulator', 'financial_regulator'] as const).map((r) => ({
      userId: `user${r}`.replace(/_/g, '').padEnd(15, '0').slice(0, 15),
      email: emailOf(r),
      password: PASSWORD,
      name: `${r} 用户`,
      role: r,
      organizationId: orgOf[r] ?? '',
      ...(r === 'regulator' ? { scopeLevel: 'city' as const, regionScope: '330600' } : {}),
    })),
    organizations: [
      { id: IDS.insurer, name: '甲财产保险股份有限公司绍兴中心支公司', kind: 'insurer', uscc: '', regionCode: '330600' },
      { id: IDS.enterprise, name: insured.name, kind: 'enterprise', uscc: insured.uscc, regionCode: '330602' },
    ],
    definitions: [definition],
    records: {
      policies: [
        {
          id: IDS.policy,
          definition: 'policy',
          version: 1,
          revision: 1,
          policy_no: 'AZX-DEMO-0001',
          insurer: IDS.insurer,
          cover_per_person: 500000,
          insured_persons: 50,
          period_start: '2026-01-01 00:00:00.000Z',
          data: { policy_no: 'AZX-DEMO-0001', insured },
          created: at('2026-01-01'),
          updated: at('2026-01-01'),
        },
      ],
      claims: [
        claimRow(
          IDS.open,
          'LP-330602-2026-000001',
          { status: 'advance_paid', serious: true, deaths: 1, injuries: 1, paid: 100000, advance_paid: 100000, stage_due: '2026-04-01' },
          {
            accident_date: '2026-02-20',
            persons: [
              { name: '张三', party: 'employee', outcome: 'death' },
              { name: '王五', party: 'third_party', outcome: 'injury' },
            ],
            rescue: 20000,
          },
        ),
        claimRow(
          IDS.settled,
          'LP-330602-2026-000002',
          { status: 'settled', serious: false, deaths: 0, injuries: 1, paid: 8000, advance_paid: 0, stage_due: '' },
          { accident_date: '2026-05-08', persons: [{ name: '李四', party: 'employee', outcome: 'injury' }] },
        ),
      ],
    },
    events: {
      claim_events: [
        { id: 'claimevent00001', claim: IDS.open, action: 'survey', from_status: 'reported', to_status: 'surveyed', amount: 0, documents: ['survey.pdf'], note: '现场查勘完毕', created: at('2026-02-21'), updated: at('2026-02-21') },
        { id: 'claimevent00002', claim: IDS.open, action: 'advance_payment', from_status: 'surveyed', to_status: 'advance_paid', amount: 100000, payments: [{ head: 'employee_injury', person: 0, amount: 100000 }], created: at('2026-03-02'), updated: at('2026-03-02') },
        { id: 'claimevent00003', claim: IDS.settled, action: 'survey', from_status: 'reported', to_status: 'surveyed', amount: 0, documents: ['survey.pdf'], created: at('2026-05-09'), updated: at('2026-05-09') },
        { id: 'claimevent00004', claim: IDS.settled, action: 'settle', from_status: 'surveyed', to_status: 'settled', amount: 8000, documents: ['settlement.pdf'], created: at('2026-05-20'), updated: at('2026-05-20') },
      ],
    },
    signedInAs: emailOf(role),
  });
}
