// A small offline registry for <azx-policy-entry> on the MemoryStore: enterprises of Suzhou (and
// its county Kunshan), Beijing and Shaoxing, and an earlier Suzhou policy to renew. The rule
// packs are the server's own answers for those regions (test/fixtures/effective-packs.json, kept
// equal to the server by backend/internal/packs). Stories use it too.
import { MemoryStore, type EffectivePack, type FieldError, type FieldErrors, type FormDefinition, type NewRecord } from '../../../components/data/index.js';
import { judge } from '../../../components/data/rules.js';

export const PASSWORD = 'memory-pass';

function fieldError(code: string, zh: string, en: string): FieldError {
  return { code, message: zh, message_zh: zh, message_en: en };
}
export const INSURER_EMAIL = 'insurer@memory.test';

const person = { name: '王主任', mobile: '13800000001' };

interface RegistryData {
  readonly name: string;
  readonly region_code: string;
  readonly industry: string;
  readonly headcount: number;
  readonly standardization_level?: string;
}

function enterprise(id: string, uscc: string, data: RegistryData & Record<string, unknown>) {
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

/** The registry: Suzhou (20% floor), Kunshan (a Suzhou county, 320 persons), Beijing (a draft for comment), Shaoxing (Zhejiang). */
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
  /** test/fixtures/effective-packs.json: the server's effective packs for the registry's regions. */
  readonly rulePacks: readonly EffectivePack[];
  /** Play the server: refuse what the rule packs refuse, judged as backend/internal/packs does. */
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
    rulePacks: options.rulePacks,
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
      const date = String((data['period'] as Record<string, unknown> | undefined)?.['start'] ?? '');
      const pack = options.rulePacks.find((p) => p.region === ent.region_code);
      if (!pack) return null;
      const prevNo = data['renewal_of'];
      const previous = prevNo ? (prevNo === PREVIOUS.policy_no ? { ...PREVIOUS.data, found: true } : { found: false }) : null;
      const errs: Record<string, ReturnType<typeof fieldError>> = {};
      for (const p of judge(pack, 'policy', { record: data, enterprise: ent.data, previous, date }).refusals) {
        errs[`data.${p.path}`] = fieldError(p.code, p.message_zh, p.message_en);
      }
      return errs;
    },
  });
}

/** The built-in definitions' schemas and the server's effective packs, as the dev server serves them. */
export async function schemas(): Promise<Pick<EntryStoreOptions, 'policySchema' | 'enterpriseSchema' | 'rulePacks'>> {
  const load = async (key: string) => ((await (await fetch(`/schemas/definitions/${key}.json`)).json()) as { schema: Record<string, unknown> }).schema;
  const [policySchema, enterpriseSchema, rulePacks] = await Promise.all([
    load('policy'),
    load('enterprise'),
    fetch('/test/fixtures/effective-packs.json').then((r) => r.json() as Promise<EffectivePack[]>),
  ]);
  return { policySchema, enterpriseSchema, rulePacks };
}
