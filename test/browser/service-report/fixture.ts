// A small offline world for <azx-service-report> on the MemoryStore: one policy with a budget,
// a delivered and a planned service, one hazard; users of each role. Stories use it too.
import {
  MemoryStore,
  type FieldErrors,
  type FormDefinition,
  type MemoryStoreOptions,
  type NewRecord,
  type ProviderStanding,
  type Role,
  type ServiceLedger,
} from '../../../components/data/index.js';

export const IDS = {
  insurer: 'orginsurer00001',
  provider: 'orgprovider0001',
  enterprise: 'orgenterprise01',
  policy: 'policya00000001',
  policyB: 'policyb00000001',
  enterpriseRow: 'enterprise00001',
  delivered: 'reportdeliver01',
  planned: 'reportplanned01',
  hazard: 'hazard000000001',
};

export const PASSWORD = 'memory-pass';
export const emailOf = (role: Role) => `${role}@memory.test`;

export interface FixtureOptions {
  /** The service-report definition's schema (fetched in tests, imported in stories). */
  readonly schema: Record<string, unknown>;
  readonly role?: Role;
  /** Cost of the delivered service already on the policy (budget 4000). */
  readonly deliveredCost?: number;
  /** data.over_budget_reason of the delivered service (the server requires one beyond the budget). */
  readonly overBudgetReason?: string;
  /** Field errors the "server" answers to the next service report created or corrected. */
  readonly refuse?: FieldErrors | null;
  readonly lang?: 'zh' | 'en';
  /** The provider's standing in the region's lists, which the MemoryStore does not keep. */
  readonly standing?: ProviderStanding;
}

/** A MemoryStore whose ledger reports a given standing of the provider (the server's lists). */
class ListedStore extends MemoryStore {
  readonly #standing: ProviderStanding;
  constructor(options: MemoryStoreOptions, standing: ProviderStanding) {
    super(options);
    this.#standing = standing;
  }
  override async serviceLedger(policyId: string): Promise<ServiceLedger> {
    return { ...(await super.serviceLedger(policyId)), providerStanding: this.#standing };
  }
}

const insured = { uscc: '91330602MA2E10001X', name: '绍兴越城化工有限公司' };

function reportData(no: string, status: string, cost: number, types: string[], date: string) {
  return {
    report_no: no,
    policy_no: 'AZX-DEMO-0001',
    service_date: date,
    service_types: types,
    service_form: 'onsite',
    location: '企业生产现场',
    status,
    provider_name: '绍兴平安安全技术服务有限公司',
    personnel: [{ name: '张专家', role: 'lead' }],
    content_summary: status === 'planned' ? '计划开展全员应急疏散演练' : '开展全员安全培训并排查储罐区隐患',
    cost,
    ...(status === 'planned' ? {} : { hours: 4, participants: 36 }),
  };
}

/** A signed-in MemoryStore; `refuse` lets a test play the server's refusal. */
export function serviceStore(options: FixtureOptions): MemoryStore {
  const role = options.role ?? 'provider';
  const orgOf: Record<string, string> = { insurer: IDS.insurer, provider: IDS.provider, enterprise: IDS.enterprise };
  const definition: FormDefinition = {
    id: 'defservicerep01',
    key: 'service-report',
    version: 1,
    status: 'published',
    title: '事故预防技术服务记录',
    industry: '',
    base: '',
    schema: options.schema,
    hash: 'memory',
    publishedAt: '2026-01-01 00:00:00.000Z',
  };
  const policyRow = (id: string, no: string, budget: number) => ({
    id,
    definition: 'policy',
    version: 1,
    revision: 1,
    policy_no: no,
    enterprise: IDS.enterpriseRow,
    insurer: IDS.insurer,
    provider: IDS.provider,
    premium: 20000,
    prevention_budget: budget,
    period_start: '2026-01-01 00:00:00.000Z',
    data: {
      policy_no: no,
      insured,
      premium: 20000,
      prevention_budget: budget,
      prevention_items: ['01', '03', '05'],
      service_frequency: 4,
    },
    created: '2026-01-01 00:00:00.000Z',
    updated: '2026-01-01 00:00:00.000Z',
  });
  let refuse = options.refuse ?? null;
  const memoryOptions: MemoryStoreOptions = {
    lang: options.lang ?? 'zh',
    users: (['insurer', 'provider', 'enterprise', 'regulator'] as const).map((r) => ({
      userId: `user${r}`.padEnd(15, '0'),
      email: emailOf(r),
      password: PASSWORD,
      name: `${r} 用户`,
      role: r,
      organizationId: orgOf[r] ?? '',
      ...(r === 'regulator' ? { scopeLevel: 'city' as const, regionScope: '330600' } : {}),
    })),
    organizations: [
      { id: IDS.insurer, name: '甲财产保险股份有限公司绍兴中心支公司', kind: 'insurer', uscc: '', regionCode: '330600' },
      { id: IDS.provider, name: '绍兴平安安全技术服务有限公司', kind: 'provider', uscc: '', regionCode: '330600' },
      { id: IDS.enterprise, name: insured.name, kind: 'enterprise', uscc: insured.uscc, regionCode: '330602' },
    ],
    definitions: [definition],
    records: {
      policies: [policyRow(IDS.policy, 'AZX-DEMO-0001', 4000), policyRow(IDS.policyB, 'AZX-DEMO-0002', 6000)],
      service_reports: [
        {
          id: IDS.delivered,
          definition: 'service-report',
          version: 1,
          revision: 1,
          policy: IDS.policy,
          data: {
            ...reportData('SR-DEMO-0001', 'delivered', options.deliveredCost ?? 1500, ['01', '03'], '2026-03-10'),
            ...(options.overBudgetReason ? { over_budget_reason: options.overBudgetReason } : {}),
          },
          created: '2026-03-10 08:00:00.000Z',
          updated: '2026-03-10 08:00:00.000Z',
        },
        {
          id: IDS.planned,
          definition: 'service-report',
          version: 1,
          revision: 1,
          policy: IDS.policy,
          data: reportData('SR-DEMO-0002', 'planned', 800, ['05'], '2026-05-20'),
          created: '2026-03-11 08:00:00.000Z',
          updated: '2026-03-11 08:00:00.000Z',
        },
      ],
      hazards: [
        {
          id: IDS.hazard,
          definition: 'hazard',
          version: 1,
          revision: 1,
          policy: IDS.policy,
          service_report: IDS.delivered,
          is_major: false,
          data: { hazard_no: 'SR-DEMO-0001-H1', is_major: false },
          created: '2026-03-10 08:00:00.000Z',
          updated: '2026-03-10 08:00:00.000Z',
        },
      ],
    },
    validate: (collection: string, _record: NewRecord) => {
      if (collection !== 'service_reports' || !refuse) return null;
      const errors = refuse;
      refuse = null;
      return errors;
    },
    signedInAs: emailOf(role),
  };
  return options.standing ? new ListedStore(memoryOptions, options.standing) : new MemoryStore(memoryOptions);
}
