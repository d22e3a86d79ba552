// The demo portal: a plain page (no framework) that embeds AZX elements against the local
// PocketBase, as a government or insurer portal would. Each element is a section
// (demo/sections/); the signed-in party sees the sections of its role as tabs.
import { PocketBaseStore, provideStore, type Party, type Store } from '../components/data/index.js';
import { SECTIONS } from './sections/index.js';
// The built-in definitions validate with Ajv's code generated ahead of time: no eval on this page.
import '../components/validators/index.js';

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

/** Tabs (WAI-ARIA tabs pattern): one tab per section, arrow keys move between them. */
function selectTab(tabs: HTMLButtonElement[], index: number, focus: boolean): void {
  tabs.forEach((tab, i) => {
    const selected = i === index;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute('aria-controls')!).hidden = !selected;
  });
  if (focus) tabs[index]!.focus();
  const id = tabs[index]!.getAttribute('aria-controls')!;
  if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
}

async function showSections(store: Store, party: Party | null): Promise<void> {
  const nav = $('sections-nav');
  const main = $('sections');
  nav.replaceChildren();
  main.replaceChildren();
  nav.hidden = party === null;
  if (!party) return;
  const mine = SECTIONS.filter((s) => s.roles.includes(party.role));
  const tabs: HTMLButtonElement[] = [];
  const mounting: Promise<void>[] = [];
  for (const section of mine) {
    const panel = document.createElement('section');
    panel.id = section.id;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', `${section.id}-tab`);
    panel.hidden = true;
    const tab = document.createElement('button');
    tab.type = 'button';
    tab.id = `${section.id}-tab`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', section.id);
    tab.textContent = section.title;
    tabs.push(tab);
    nav.append(tab);
    main.append(panel);
    mounting.push(
      Promise.resolve(section.mount(panel, { store, party, status })).catch((err: unknown) => {
        panel.textContent = `出错了 · something went wrong: ${(err as Error).message}`;
      }),
    );
  }
  nav.onclick = (event) => {
    const i = tabs.indexOf((event.target as HTMLElement).closest('button') as HTMLButtonElement);
    if (i >= 0) selectTab(tabs, i, false);
  };
  nav.onkeydown = (event) => {
    const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    selectTab(tabs, (next + tabs.length) % tabs.length, true);
  };
  const wanted = mine.findIndex((s) => `#${s.id}` === location.hash);
  if (tabs.length) selectTab(tabs, Math.max(0, wanted), false);
  await Promise.all(mounting);
}

async function showParty(store: Store, party: Party | null): Promise<void> {
  $('sign-in').hidden = party !== null;
  $('party').hidden = party === null;
  if (party) {
    const scope = party.regionScope ? ` · 辖区 ${party.regionScope}` : '';
    // A user named after its organization shows the name once.
    const organization = party.organizationName && party.organizationName !== party.name ? ` · ${party.organizationName}` : '';
    $('party-text').textContent = `${party.name}（${ROLE_ZH[party.role]}）${organization}${scope}`;
  }
  await showSections(store, party);
}

async function main(): Promise<void> {
  const config = (await (await fetch('/demo/config.json')).json()) as { pocketbaseUrl: string };
  // the release binary serves the portal itself and answers "": the API is this page's origin
  const store = new PocketBaseStore({ url: config.pocketbaseUrl || location.origin, persistKey: 'azx-demo' });
  // Every AZX element inside <body> reads this store from context.
  provideStore(document.body, store);

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
  store.onPartyChange((party) => void showParty(store, party));
  await showParty(store, store.party);
  document.body.dataset['ready'] = 'true';
}

main().catch((err: unknown) => status(`出错了 · something went wrong: ${(err as Error).message}`));
