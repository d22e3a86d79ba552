// A small offline registry for <azx-policy-entry> on the MemoryStore: enterprises under the
// Suzhou, Beijing and national packs, and an earlier Suzhou policy to renew. Stories use it too.
import { MemoryStore, type FieldError, type FieldErrors, type FormDefinition, type NewRecord } from '../../../components/data/index.js';
import { checkPolicy, packForRegion, type RegistryEnterprise } from '../../../components/policy-entry/index.js';

export const PASSWORD = 'memory-pass';

function fieldError(code: string, zh: string, en: string): FieldError {
  return { code, message: zh, message_zh: zh, message_en: en };
}
export const INSURER_EMAIL = 'insurer@memory.test';

const person = { name: '王主任', mobile: '13800000001' };

function enterprise(id: string, uscc: string, data: RegistryEnterprise & Record<string, unknown>) {
  return {
    id,
    definition: 'enterprise',
    version: 1,
    revision: 1,
    uscc,
    name: data.name,
    region_code: data.region_code,
    industry: data.industry,
    headcount: data.headcount,
    must_insure: true,
    data: { uscc, address: '测试路 1 号', must_insure: true, risk_grade: 'high', principal: person, safety_contact: person, ...data },
  };
}

/** The registry: Suzhou (20% floor), Kunshan (a Suzhou county, 320 persons), Beijing (21% cap), Shaoxing (national). */
export const ENTERPRISES = {
  suzhou: enterprise('entsuzhou000001', '91320507MA1XC00013', {
    name: '苏州相城化工有限公司', region_code: '320507', industry: 'hazardous_chemicals', headcount: 50, standardization_level: 'level_2',
  }),
  kunshan: enterprise('entkunshan00001', '91320583MA1KC0002E', {
    name: '昆山精工机械有限公司', region_code: '320583', industry: 'combustible_dust', headcount: 320,
  }),
  beijing: enterprise('entbeijing00001', '91110105MA01BJ0032', {
    name: '北京朝阳建工有限公司', region_code: '110105', industry: 'construction', headcount: 120,
  }),
  shaoxing: enterprise('entshaoxing0001', '91330602MA2E10001E', {
    name: '绍兴越城化工有限公司', region_code: '330602', industry: 'hazardous_chemicals', headcount: 50,
  }),
};

/** Last year's Suzhou policy: its accident coefficient 0.85 is not one the regulator lists. */
export const PREVIOUS = {
  id: 'polsuzhou202501',
  definition: 'policy',
  version: 1,
  revision: 1,
  policy_no: 'PICC-320500-2025-000001',
  enterprise: ENTERPRISES.suzhou.id,
  status: 'expired',
  period_end: '2025-12-31 00:00:00.000Z',
  premium: 15300,
  data: {
    policy_no: 'PICC-320500-2025-000001',
    legal_basis: '2025',
    status: 'expired',
    insured: { uscc: ENTERPRISES.suzhou.uscc, name: '苏州相城化工', region_code: '320500' },
    period: { start: '2025-01-01', end: '2025-12-31' },
    headcount: 50,
    insured_persons: 50,
    cover_per_person: 500000,
    coverage_scope: ['employee_injury', 'third_party_injury', 'third_party_property', 'rescue', 'medical_aid', 'investigation', 'legal'],
    premium: 15300,
    rating: { base_rate: 400, coefficients: { accident_record: 0.85, standardization: 0.9, safety_credit: 1, dual_prevention: 1, headcount_band: 1 }, premium_by_rate: 15300 },
    prevention_clause: true,
    prevention_budget: 3100,
    prevention_items: ['01', '03'],
  },
};

function definition(key: string, title: string, schema: Record<string, unknown>): FormDefinition {
  return { id: `def${key}`.padEnd(15, '0').slice(0, 15), key, version: 1, status: 'published', title, industry: '', base: '', schema, hash: 'memory', publishedAt: '2026-01-01 00:00:00.000Z' };
}

export interface EntryStoreOptions {
  /** schemas/definitions policy.json and enterprise.json `schema` (fetched in tests, imported in stories). */
  readonly policySchema: Record<string, unknown>;
  readonly enterpriseSchema: Record<string, unknown>;
  /** Play the server: refuse what the rule pack refuses (as backend/internal/packs does). */
  readonly serverChecks?: boolean;
  /** Field errors the "server" answers to the next policy, whatever it is. */
  readonly refuse?: FieldErrors | null;
}

/** A MemoryStore signed in as an insurer, with the registry above. */
export function entryStore(options: EntryStoreOptions): MemoryStore {
  const rows = Object.values(ENTERPRISES);
  let refuse = options.refuse ?? null;
  return new MemoryStore({
    users: [{ userId: 'userinsurer0001', email: INSURER_EMAIL, name: '苏州人保 录入员', role: 'insurer', organizationId: 'orginsurer00001', password: PASSWORD }],
    organizations: [{ id: 'orginsurer00001', name: '中国人民财产保险股份有限公司苏州市分公司', kind: 'insurer', uscc: '', regionCode: '320500' }],
    definitions: [definition('policy', '安责险保单', options.policySchema), definition('enterprise', '生产经营单位', options.enterpriseSchema)],
    records: { enterprises: rows, policies: [PREVIOUS] },
    signedInAs: INSURER_EMAIL,
    validate: (collection, record: NewRecord) => {
      if (collection !== 'policies') return null;
      if (refuse) {
        const r = refuse;
        refuse = null;
        return r;
      }
      if (!options.serverChecks) return null;
      const ent = rows.find((e) => e.id === record.columns?.['enterprise']);
      if (!ent) return { enterprise: fieldError('relation_not_found', '关联的记录不存在', 'The related record does not exist') };
      const data = record.data as Record<string, unknown>;
      const prevNo = data['renewal_of'];
      const prev = prevNo ? { found: prevNo === PREVIOUS.policy_no, end: PREVIOUS.data.period.end } : null;
      const errs: Record<string, ReturnType<typeof fieldError>> = {};
      for (const p of checkPolicy(packForRegion(ent.region_code), ent.data as RegistryEnterprise, data, prev)) {
        errs[`data.${p.path}`] = fieldError(p.code, p.zh, p.en);
      }
      return errs;
    },
  });
}

/** The built-in definitions' schemas, as the dev server serves them. */
export async function schemas(): Promise<{ policySchema: Record<string, unknown>; enterpriseSchema: Record<string, unknown> }> {
  const load = async (key: string) => ((await (await fetch(`/schemas/definitions/${key}.json`)).json()) as { schema: Record<string, unknown> }).schema;
  const [policySchema, enterpriseSchema] = await Promise.all([load('policy'), load('enterprise')]);
  return { policySchema, enterpriseSchema };
}
