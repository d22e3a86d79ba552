// A MemoryStore with the built-in policy definition and a few dozen policies across Shaoxing's
// counties and the demo's industries, for <azx-record-list>'s tests and stories.
import { MemoryStore, type FormDefinition, type RegionEntry } from '../../../components/data/index.js';

export const PASSWORD = 'list-pass';
export const INSURER = 'insurer@list.test';

let definition: Promise<FormDefinition> | undefined;

type DefinitionFile = { key: string; title: string; schema: FormDefinition['schema'] };

/**
 * The built-in policy definition, as the server loads it (version 1, published): fetched from the
 * test runner's server, or handed over by a story, which bundles the file (a built Storybook serves no /schemas).
 */
export function policyDefinition(file?: DefinitionFile): Promise<FormDefinition> {
  definition ??= (file ? Promise.resolve(file) : fetch('/schemas/definitions/policy.json').then((r) => r.json() as Promise<DefinitionFile>))
    .then((doc: DefinitionFile) => ({
      id: 'defpolicy000001',
      key: doc.key,
      version: 1,
      status: 'published' as const,
      title: doc.title,
      industry: '',
      base: '',
      schema: doc.schema,
      hash: 'h',
      publishedAt: '2026-01-01T00:00:00Z',
    }));
  return definition;
}

export const REGIONS: RegionEntry[] = [
  { code: '330000', name: '浙江省', nameEn: 'Zhejiang', level: 'province', parent: '' },
  { code: '330600', name: '绍兴市', nameEn: 'Shaoxing', level: 'city', parent: '330000' },
  { code: '330602', name: '越城区', nameEn: 'Yuecheng', level: 'county', parent: '330600' },
  { code: '330603', name: '柯桥区', nameEn: 'Keqiao', level: 'county', parent: '330600' },
  { code: '330604', name: '上虞区', nameEn: 'Shangyu', level: 'county', parent: '330600' },
];

const INDUSTRIES = ['hazardous_chemicals', 'construction', 'metal_smelting', 'fishing'];
const STATUSES = ['active', 'expired', 'active', 'surrendered'];
const NAMES = ['越城化工有限公司', '柯桥建工集团有限公司', '上虞金属冶炼有限公司', '绍兴远洋渔业有限公司'];

/** n policies, numbered LIST-<county>-2026-000001…, premiums 1,234.5 × i, days apart. */
export function policyRows(n: number): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => {
    const county = REGIONS[2 + (i % 3)]!.code;
    const no = `LIST-${county}-2026-${String(i + 1).padStart(6, '0')}`;
    const start = new Date(Date.UTC(2026, 0, 1 + i * 3)).toISOString().slice(0, 10);
    const premium = Math.round(1234.5 * (i + 1) * 100) / 100;
    return {
      id: `pol${String(i + 1).padStart(12, '0')}`,
      definition: 'policy',
      version: 1,
      revision: 1,
      policy_no: no,
      region_code: county,
      industry: INDUSTRIES[i % 4],
      status: STATUSES[i % 4],
      period_start: `${start} 00:00:00.000Z`,
      insured_persons: 10 + i,
      premium,
      created: `${start} 08:00:00.000Z`,
      data: { policy_no: no, insured: { name: `${NAMES[i % 4]}${i + 1}`, uscc: '91330602MA2E10001E' }, premium, insured_persons: 10 + i, status: STATUSES[i % 4], period: { start } },
    };
  });
}

export async function listStore(n = 45): Promise<MemoryStore> {
  return new MemoryStore({
    users: [{ userId: 'usrinsurer00001', email: INSURER, password: PASSWORD, name: '录入员', role: 'insurer', organizationId: 'orginsurer00001', organizationName: '甲财产保险股份有限公司绍兴中心支公司' }],
    signedInAs: INSURER,
    definitions: [await policyDefinition()],
    regions: REGIONS,
    records: { policies: policyRows(n) },
  });
}

export const COLUMNS = ['policy_no', 'data.insured.name', 'region_code', 'industry', 'insured_persons', 'premium', 'period_start', 'status'];
