/**
 * A synthetic hazard ledger for stories, browser tests and the bench: deterministic rows shaped
 * like the server's (columns derived as the server derives them), and a MemoryStore whose
 * canRead mimics the access rules (insurer, provider, enterprise: their own; regulator: its city).
 */
import { MemoryStore, type FormDefinition, type MemoryUser, type Organization, type Party, type RegionEntry } from '../../../components/data/index.js';
import { codesOf } from '../../../components/data/terms.js';
import { INDUSTRY } from '../../../components/data/vocab.js';
import { STATUSES } from '../../../components/hazard-ledger/loop.js';

type Row = Record<string, unknown>;

export const PASSWORD = 'azx-demo-2026';

export const ORGS: readonly Organization[] = [
  { id: 'orginsurer00001', name: '甲财产保险股份有限公司绍兴中心支公司', kind: 'insurer', uscc: '', regionCode: '330600' },
  { id: 'orgprovider0001', name: '绍兴平安安全技术服务有限公司', kind: 'provider', uscc: '', regionCode: '330600' },
  { id: 'orgenterprise01', name: '绍兴越城化工有限公司', kind: 'enterprise', uscc: '91330602MA2D0EXA1X', regionCode: '330602' },
  { id: 'orgregulator001', name: '绍兴市应急管理局', kind: 'regulator', uscc: '', regionCode: '330600' },
  { id: 'orgregulator002', name: '杭州市应急管理局', kind: 'regulator', uscc: '', regionCode: '330100' },
];

export const USERS: readonly MemoryUser[] = [
  { userId: 'userinsurer0001', email: 'insurer@ledger.test', name: '保险 录入员', role: 'insurer', organizationId: 'orginsurer00001', password: PASSWORD },
  { userId: 'userprovider001', email: 'provider@ledger.test', name: '服务机构 专家', role: 'provider', organizationId: 'orgprovider0001', password: PASSWORD },
  { userId: 'userenterprise1', email: 'enterprise@ledger.test', name: '企业 安全主管', role: 'enterprise', organizationId: 'orgenterprise01', password: PASSWORD },
  { userId: 'userregulator01', email: 'regulator@ledger.test', name: '绍兴 监管员', role: 'regulator', organizationId: 'orgregulator001', scopeLevel: 'city', regionScope: '330600', password: PASSWORD },
  { userId: 'userregulator02', email: 'hangzhou@ledger.test', name: '杭州 监管员', role: 'regulator', organizationId: 'orgregulator002', scopeLevel: 'city', regionScope: '330100', password: PASSWORD },
];

export type LedgerRole = 'insurer' | 'provider' | 'enterprise' | 'regulator' | 'hangzhou';
export const emailOf = (role: LedgerRole) => `${role}@ledger.test`;

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const stored = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
const storedDay = (ms: number) => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)} 00:00:00.000Z`;
const REGIONS = ['330602', '330603', '330604', '330624', '330681', '330102', '330106'];
const PLACES = ['储罐区', '二号甲类仓库', '配电室', '喷涂车间', '有限空间入口', '脚手架', '液氨制冷机房', '除尘系统'];
const FINDINGS = ['静电接地线断开', '安全阀超期未检', '消防通道堵塞', '粉尘清扫制度未落实', '作业人员未佩戴安全带', '可燃气体报警仪失效'];
const INDUSTRY_KEYS: readonly string[] = codesOf(INDUSTRY);

export interface HazardOptions {
  /** Milliseconds since the epoch that "today" is; default Date.now(). */
  readonly now?: number;
  readonly seed?: number;
}

/** Names for the regions of `rows` (区330602), as the reference data would give them. */
export function namedRegions(rows: readonly Row[]): RegionEntry[] {
  return [...new Set(rows.map((r) => String(r['region_code'])))].map((code) => ({ code, name: `区${code}`, nameEn: '', level: 'county', parent: `${code.slice(0, 4)}00` }));
}

/** n flat hazard rows; the first enterprise (E1, Shaoxing, insurer and provider above) owns every 7th row. */
export function makeHazards(n: number, { now = Date.now(), seed = 42 }: HazardOptions = {}): Row[] {
  const rnd = random(seed);
  const rows: Row[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const region = REGIONS[i % 7 === 0 ? 0 : Math.floor(rnd() * REGIONS.length)]!;
    const city = `${region.slice(0, 4)}00`;
    const own = i % 7 === 0;
    const found = now - Math.floor(rnd() * 400) * DAY - Math.floor(rnd() * DAY);
    const deadline = found + (7 + Math.floor(rnd() * 40)) * DAY;
    const major = rnd() < 0.08;
    const status = STATUSES[Math.floor(rnd() * STATUSES.length)]!;
    const no = `HZ-2026-${String(i + 1).padStart(6, '0')}`;
    const enterprise = own ? '绍兴越城化工有限公司 91330602MA2D0EXA1X' : `企业${(i % 4999) + 1}有限公司 9133${String(i % 99999).padStart(14, '0')}`;
    const place = PLACES[i % PLACES.length]!;
    const finding = FINDINGS[Math.floor(rnd() * FINDINGS.length)]!;
    const data: Row = {
      hazard_no: no, source: 'insurer_service', found_at: new Date(found).toISOString(), location: place,
      description: `${place}${finding}`, category: 'unsafe_condition', is_major: major,
      recommendation: '立即整改并建立定期检查制度', rectifier: { name: '李安全', mobile: '13900000002' },
      deadline: storedDay(deadline).slice(0, 10),
      ...(major ? { major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } } : {}),
    };
    rows[i] = {
      id: `hz${String(i).padStart(13, '0')}`, definition: 'hazard', version: 1, revision: 1, data,
      enterprise: own ? 'enterpriseE1xxx' : `ent${String(i % 4999).padStart(12, '0')}`,
      enterprise_org: own ? 'orgenterprise01' : '', insurer: 'orginsurer00001', provider: own ? 'orgprovider0001' : '',
      region_code: region, city_code: city, province_code: '330000', industry: own ? 'hazardous_chemicals' : INDUSTRY_KEYS[i % INDUSTRY_KEYS.length],
      is_major: major, status, found_at: stored(found), deadline: storedDay(deadline), closed_at: '',
      enterprise_name: enterprise, search_text: `${enterprise} ${no} ${data['location']} ${data['description']} 李安全`,
      created: stored(found), updated: stored(found),
    };
  }
  return rows;
}

/** One hazard of E1 in a given status, with the history that brought it there. */
export function hazardIn(status: (typeof STATUSES)[number], { major = false, overdue = false, now = Date.now() } = {}): { row: Row; events: Row[] } {
  const [row] = makeHazards(1, { now, seed: 7 });
  const found = now - (overdue ? 40 : 3) * DAY;
  const deadline = overdue ? now - 5 * DAY : now + 20 * DAY;
  Object.assign(row!, { status, is_major: major, found_at: stored(found), deadline: storedDay(deadline), id: `hz${status.padEnd(13, '0')}`.slice(0, 15) });
  Object.assign(row!['data'] as Row, { is_major: major, hazard_no: `HZ-STORY-${status.toUpperCase()}`, deadline: storedDay(deadline).slice(0, 10) });
  if (major) (row!['data'] as Row)['major_criterion'] = { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' };
  const paths: Record<string, string[][]> = {
    found: [],
    notified: [['notify', 'found', 'notified']],
    rectified: [['notify', 'found', 'notified'], ['rectify', 'notified', 'rectified']],
    verified: [['notify', 'found', 'notified'], ['rectify', 'notified', 'rectified'], ['verify', 'rectified', 'verified']],
    reopened: [['notify', 'found', 'notified'], ['rectify', 'notified', 'rectified'], ['reopen', 'rectified', 'reopened']],
    escalated: [['notify', 'found', 'notified'], ['overdue', 'notified', 'escalated']],
  };
  const events = paths[status]!.map(([action, from, to], i) => ({
    id: `ev${status.slice(0, 5)}${String(i).padStart(8, '0')}`,
    hazard: row!['id'], action, from_status: from, to_status: to,
    actor: action === 'overdue' ? '' : action === 'rectify' ? 'userenterprise1' : 'userinsurer0001',
    actor_role: action === 'overdue' ? '' : action === 'rectify' ? 'enterprise' : 'insurer',
    actor_org: action === 'overdue' ? '' : action === 'rectify' ? 'orgenterprise01' : 'orginsurer00001',
    note: action === 'overdue' ? '整改期限已过仍未整改，系统标记逾期。重大事故隐患已自动上报属地应急管理部门。' : `${action} 记录`,
    created: stored(found + (i + 1) * DAY),
  }));
  return { row: row!, events };
}

/** The registry rows of the enterprises the hazards name (one per enterprise id), flat like PocketBase's. */
export function enterprisesOf(hazards: readonly Row[]): Row[] {
  const byId = new Map<string, Row>();
  for (const h of hazards) {
    const id = String(h['enterprise']);
    if (byId.has(id)) continue;
    const [name = '', uscc = ''] = String(h['enterprise_name']).split(' ');
    byId.set(id, {
      id, definition: 'enterprise', version: 1, revision: 1, data: { name, uscc, region_code: h['region_code'] },
      name, uscc, organization: id === 'enterpriseE1xxx' ? 'orgenterprise01' : '',
      region_code: h['region_code'], city_code: h['city_code'], province_code: '330000', industry: h['industry'],
      created: h['created'], updated: h['updated'],
    });
  }
  return [...byId.values()];
}

/** Which rows a party reads, as the server's rules decide. */
export function canRead(party: Party | null, collection: string, row: Readonly<Row>): boolean {
  if (!party) return false;
  if (collection === 'enterprises') {
    // the registry: insurers read it all (to find whom to insure), the others as for hazards
    if (party.role === 'insurer') return true;
    if (party.role === 'enterprise') return row['organization'] === party.organizationId;
    if (party.role === 'regulator') return row['city_code'] === party.regionScope;
    return false;
  }
  switch (party.role) {
    case 'insurer': return row['insurer'] === party.organizationId;
    case 'provider': return row['provider'] === party.organizationId;
    case 'enterprise': return row['enterprise_org'] === party.organizationId;
    case 'regulator': return row['city_code'] === party.regionScope;
    default: return false;
  }
}

export interface LedgerStoreOptions {
  readonly role?: LedgerRole;
  readonly rows?: readonly Row[];
  readonly events?: readonly Row[];
  readonly policies?: readonly Row[];
  readonly enterprises?: readonly Row[];
  readonly definitions?: readonly FormDefinition[];
  /** Regions the store names (default none: codes show as themselves). */
  readonly regions?: readonly RegionEntry[];
}

/** A MemoryStore holding the rows, signed in as the role (none: signed out). */
export function ledgerStore({ role, rows = [], events = [], policies = [], enterprises = [], definitions = [], regions = [] }: LedgerStoreOptions = {}): MemoryStore {
  return new MemoryStore({
    users: USERS,
    organizations: ORGS,
    definitions,
    regions,
    records: { hazards: rows, policies, enterprises },
    events: { hazard_events: events },
    canRead,
    ...(role ? { signedInAs: emailOf(role) } : {}),
  });
}

/** An active policy of E1 by the insurer above, flat like a PocketBase row. */
export function policyOfE1(): Row {
  return {
    id: 'policye1xxxxxxx', definition: 'policy', version: 1, revision: 1, data: {}, policy_no: 'AZX-LEDGER-0001',
    enterprise: 'enterpriseE1xxx', enterprise_org: 'orgenterprise01', insurer: 'orginsurer00001', provider: 'orgprovider0001',
    region_code: '330602', city_code: '330600', province_code: '330000', industry: 'hazardous_chemicals', status: 'active',
    period_start: '2026-01-01 00:00:00.000Z', created: '2026-01-01 00:00:00.000Z', updated: '2026-01-01 00:00:00.000Z',
  };
}

/** The built-in hazard definition as the store serves it (version 1, published). */
export async function hazardDefinition(): Promise<FormDefinition> {
  const file = (await (await fetch('/schemas/definitions/hazard.json')).json()) as { key: string; title: string; schema: Record<string, unknown> };
  return { id: 'defhazard000001', key: file.key, version: 1, status: 'published', title: file.title, industry: '', base: '', schema: file.schema, hash: '', publishedAt: '2026-01-01 00:00:00.000Z' };
}
