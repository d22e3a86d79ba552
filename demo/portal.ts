// The demo portal: a plain page (no framework) that embeds AZX elements against the local
// PocketBase, as a government or insurer portal would.
import '../components/core/index.js';
import type { AzxForm } from '../components/core/index.js';
import {
  PocketBaseStore,
  isStoreError,
  type FormDefinition,
  type Party,
  type PolicyRecord,
  type Store,
} from '../components/data/index.js';

const DEMO_LOGINS = [
  ['insurer-1@azx.demo', '保险机构 insurer'],
  ['provider-1@azx.demo', '服务机构 provider'],
  ['enterprise-1@azx.demo', '投保单位 enterprise'],
  ['regulator-330600@azx.demo', '绍兴市应急管理局 Shaoxing regulator'],
  ['regulator-zj@azx.demo', '浙江省应急管理厅 Zhejiang regulator'],
  ['admin@azx.demo', '管理员 admin'],
] as const;

const ROLE_ZH: Record<Party['role'], string> = {
  insurer: '保险机构',
  provider: '服务机构',
  enterprise: '投保单位',
  regulator: '监管部门',
  admin: '管理员',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => ($('status').textContent = text);

function cell(text: unknown): HTMLTableCellElement {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  return td;
}

async function showPolicies(store: Store): Promise<void> {
  const page = await store.list('policies', { sort: ['-period_start'], perPage: 20 });
  const rows = page.items.map((p) => {
    const tr = document.createElement('tr');
    const c = p.columns;
    tr.append(cell(c.policy_no), cell(c.region_code), cell(c.industry), cell(c.insured_persons), cell(c.premium), cell(c.status));
    return tr;
  });
  $('policy-rows').replaceChildren(...rows);
  $('records').hidden = false;
}

/** What the policy form submits against: set on sign-in, read by the one submit listener. */
let entry: { definition: FormDefinition; party: Party } | null = null;

async function showPolicyEntry(store: Store, party: Party): Promise<void> {
  const section = $('policy-entry');
  section.hidden = party.role !== 'insurer';
  entry = null;
  if (section.hidden) return;
  const definition = await store.latestDefinition('policy');
  $<AzxForm>('policy-form').schema = definition.schema;
  entry = { definition, party };
}

async function submitPolicy(store: Store, value: PolicyRecord): Promise<void> {
  if (!entry) return;
  const { definition, party } = entry;
  const errors = $('server-errors');
  errors.replaceChildren();
  try {
    // The registry row the policy insures, found by the USCC typed in the form. Optional
    // chaining because a later published version of the definition may differ from the type.
    const uscc = value.insured?.uscc ?? '';
    const found = await store.list('enterprises', { where: [{ field: 'uscc', op: '=', value: uscc }], perPage: 1 });
    const record = await store.create<PolicyRecord>('policies', {
      definition: definition.key,
      version: definition.version,
      data: value,
      columns: { insurer: party.organizationId, enterprise: found.items[0]?.id ?? '' },
    });
    status(`已保存保单 ${String(record.columns.policy_no)} · saved`);
    await showPolicies(store);
  } catch (err) {
    if (!isStoreError(err)) throw err;
    status(`服务器拒绝了这条记录 · the server refused the record: ${err.message}`);
    for (const [path, e] of Object.entries(err.fieldErrors)) {
      const li = document.createElement('li');
      li.textContent = `${path}: ${e.message_zh} / ${e.message_en}`;
      errors.append(li);
    }
  }
}

async function showParty(store: Store, party: Party | null): Promise<void> {
  $('sign-in').hidden = party !== null;
  $('party').hidden = party === null;
  if (!party) {
    $('policy-entry').hidden = true;
    $('records').hidden = true;
    return;
  }
  const scope = party.regionScope ? ` · 辖区 ${party.regionScope}` : '';
  // A user named after its organization shows the name once.
  const organization = party.organizationName && party.organizationName !== party.name ? ` · ${party.organizationName}` : '';
  $('party-text').textContent = `${party.name}（${ROLE_ZH[party.role]}）${organization}${scope}`;
  await Promise.all([showPolicyEntry(store, party), showPolicies(store)]);
}

async function main(): Promise<void> {
  const config = (await (await fetch('/demo/config.json')).json()) as { pocketbaseUrl: string };
  const store = new PocketBaseStore({ url: config.pocketbaseUrl, persistKey: 'azx-demo' });

  const select = $<HTMLSelectElement>('login-email');
  for (const [email, label] of DEMO_LOGINS) select.append(new Option(`${label} · ${email}`, email));

  $<HTMLFormElement>('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      await store.signIn(String(data.get('email')), String(data.get('password')));
      status('');
    } catch (err) {
      status(`登录失败 · sign-in failed: ${(err as Error).message}`);
    }
  });
  $('sign-out').addEventListener('click', () => void store.signOut());
  $('policy-form').addEventListener('azx-submit', (event) => {
    // azx-submit fires only with a value valid against the policy schema the types come from.
    void submitPolicy(store, (event as CustomEvent<{ value: PolicyRecord }>).detail.value);
  });
  store.onPartyChange((party) => void showParty(store, party));
  await showParty(store, store.party);
}

main().catch((err: unknown) => status(`出错了 · something went wrong: ${(err as Error).message}`));
