// The demo portal: a plain page (no framework) that embeds AZX elements against the local
// PocketBase, as a government or insurer portal would. A sign-in page that lists the demo
// logins; once signed in, a side navigation of the sections of the party's role (demo/sections/),
// one section on screen at a time, in one language at a time with a switch.
//
// Focus, so that a keyboard or screen-reader user is never left on <body>: after signing in,
// after choosing a section and after switching the language it is on the section's heading;
// after signing out, on the sign-in heading.
import { PocketBaseStore, provideStore, type Party, type Store } from '../components/data/index.js';
import { SECTIONS } from './sections/index.js';
import { Navigation } from './shell/navigation.js';
import { partyLine } from './shell/party.js';
import { renderSignIn } from './shell/sign-in.js';
import { keepLocale, startLocale, word, type PortalLocale } from './shell/words.js';
// The built-in definitions validate with Ajv's code generated ahead of time: no eval on this page.
import '../components/validators/index.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

class Portal {
  readonly #store: Store;
  #locale: PortalLocale = startLocale();
  #nav: Navigation | undefined;

  constructor(store: Store) {
    this.#store = store;
  }

  status(text: string): void {
    $('status').textContent = text;
  }

  start(): void {
    $('language').addEventListener('click', () => void this.#switchLanguage());
    $('sign-out').addEventListener('click', () => void this.#signOut());
    this.#store.onPartyChange((party) => void this.show(party, { focus: true }));
    this.#applyLanguage();
  }

  async show(party: Party | null, { focus }: { focus: boolean }): Promise<void> {
    this.#nav?.close();
    this.#nav = undefined;
    const locale = this.#locale;
    const sections = $('sections');
    $('party').hidden = party === null;
    $('sign-out').hidden = party === null;
    if (!party) {
      $('side-nav').hidden = true;
      $('menu-button').hidden = true;
      document.title = `${word(locale, 'signInTitle')} · ${word(locale, 'brand')}`;
      renderSignIn(sections, locale, {
        signIn: (email, password) => this.#store.signIn(email, password).then(() => undefined),
      });
      if (focus) sections.querySelector<HTMLElement>('h1')?.focus();
      return;
    }
    $('party').replaceChildren(...(await partyLine(this.#store, party, locale)));
    const mine = SECTIONS.filter((s) => s.roles.includes(party.role));
    this.#nav = new Navigation({
      sections: mine,
      locale,
      host: sections,
      list: $('nav-list'),
      nav: $('side-nav'),
      menuButton: $<HTMLButtonElement>('menu-button'),
      context: { store: this.#store, party, locale, go: (id) => this.#nav?.go(id, { focus: true }) },
      failed: (err) => word(locale, 'failed', { message: err.message }),
    });
    await this.#nav.go(this.#nav.initial(), { focus });
  }

  async #signOut(): Promise<void> {
    await this.#store.signOut();
    this.status(word(this.#locale, 'signedOut'));
  }

  async #switchLanguage(): Promise<void> {
    this.#locale = this.#locale === 'en' ? 'zh-CN' : 'en';
    keepLocale(this.#locale);
    this.status('');
    this.#applyLanguage();
    // the same place in the other language; the switch keeps the focus it had
    const current = this.#nav?.current;
    await this.show(this.#store.party, { focus: false });
    if (current) await this.#nav?.go(current, { focus: false });
    $('language').focus();
  }

  /** The page's own words and lang, in the portal's language. */
  #applyLanguage(): void {
    const locale = this.#locale;
    document.documentElement.lang = locale;
    $('skip-link').textContent = word(locale, 'skip');
    $('brand').textContent = word(locale, 'brand');
    $('side-nav').setAttribute('aria-label', word(locale, 'navLabel'));
    $('menu-button').textContent = word(locale, 'menu');
    $('sign-out').textContent = word(locale, 'signOut');
    const language = $('language');
    language.textContent = word(locale, 'switchTo');
    // the switch is written in the language it switches to
    language.lang = locale === 'en' ? 'zh-CN' : 'en';
  }
}

async function main(): Promise<void> {
  const config = (await (await fetch('/demo/config.json')).json()) as { pocketbaseUrl: string };
  // the release binary serves the portal itself and answers "": the API is this page's origin
  const store = new PocketBaseStore({ url: config.pocketbaseUrl || location.origin, persistKey: 'azx-demo' });
  // Every AZX element inside <body> reads this store from context.
  provideStore(document.body, store);
  const portal = new Portal(store);
  portal.start();
  // the first screen: the sign-in page, or the first section of a session the store restored;
  // a fresh page keeps the focus at its top
  await portal.show(store.party, { focus: false });
  document.body.dataset['ready'] = 'true';
}

main().catch((err: unknown) => {
  $('status').textContent = word(startLocale(), 'failed', { message: (err as Error).message });
});
