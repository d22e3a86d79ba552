// The side navigation: one link per section of the party's role, the address (#id) naming the
// section on screen. A section is built the first time it is shown and kept (what was typed
// survives a visit elsewhere). Choosing a section puts the focus on its heading; on a narrow
// screen the navigation folds behind a menu button.
import type { PortalSection, SectionContext } from '../sections/section.js';
import { say, word, type PortalLocale } from './words.js';

export interface NavigationOptions {
  sections: readonly PortalSection[];
  locale: PortalLocale;
  host: HTMLElement;
  list: HTMLElement;
  nav: HTMLElement;
  menuButton: HTMLButtonElement;
  context: SectionContext;
  failed(err: Error): string;
}

/** Below this width the navigation is a menu. */
const NARROW = '(max-width: 720px)';

export class Navigation {
  readonly #o: NavigationOptions;
  readonly #pages = new Map<string, HTMLElement>();
  #current = '';
  readonly #onHash = () => {
    const id = location.hash.slice(1);
    if (id !== this.#current && this.#o.sections.some((s) => s.id === id)) void this.go(id, { focus: true });
  };
  readonly #narrow = matchMedia(NARROW);
  readonly #onWidth = () => this.#fold(this.#narrow.matches);
  /** A link chosen: the section, even the one on screen (no hashchange then), with the focus on its heading. */
  readonly #onLink = (e: MouseEvent) => {
    const a = (e.target as Element).closest('a');
    if (!a || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const id = a.getAttribute('href')!.slice(1);
    if (location.hash !== `#${id}`) history.pushState(null, '', `#${id}`);
    void this.go(id, { focus: true });
  };
  readonly #onMenu = () => this.#open(this.#o.menuButton.getAttribute('aria-expanded') !== 'true');
  readonly #onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.#narrow.matches && this.#o.menuButton.getAttribute('aria-expanded') === 'true') {
      this.#open(false);
      this.#o.menuButton.focus();
    }
  };

  constructor(options: NavigationOptions) {
    this.#o = options;
    const { sections, locale, host, list, nav } = options;
    host.replaceChildren();
    list.replaceChildren(
      ...sections.map((s) => {
        const a = document.createElement('a');
        a.href = `#${s.id}`;
        a.id = `${s.id}-link`;
        a.textContent = say(locale, s.title);
        const li = document.createElement('li');
        li.append(a);
        return li;
      }),
    );
    nav.hidden = false;
    window.addEventListener('hashchange', this.#onHash);
    this.#narrow.addEventListener('change', this.#onWidth);
    options.menuButton.addEventListener('click', this.#onMenu);
    options.menuButton.addEventListener('keydown', this.#onKey);
    list.addEventListener('click', this.#onLink);
    nav.addEventListener('keydown', this.#onKey);
    this.#fold(this.#narrow.matches);
  }

  /** The section on screen. */
  get current(): string {
    return this.#current;
  }

  /** The section the address names, else the first. */
  initial(): string {
    const wanted = location.hash.slice(1);
    return this.#o.sections.find((s) => s.id === wanted)?.id ?? this.#o.sections[0]?.id ?? '';
  }

  close(): void {
    window.removeEventListener('hashchange', this.#onHash);
    this.#narrow.removeEventListener('change', this.#onWidth);
    this.#o.menuButton.removeEventListener('click', this.#onMenu);
    this.#o.menuButton.removeEventListener('keydown', this.#onKey);
    this.#o.list.removeEventListener('click', this.#onLink);
    this.#o.nav.removeEventListener('keydown', this.#onKey);
    this.#o.host.replaceChildren();
    this.#o.list.replaceChildren();
  }

  /** Shows a section; with focus, its heading takes the focus (the page a user just chose). */
  async go(id: string, { focus }: { focus: boolean }): Promise<void> {
    const section = this.#o.sections.find((s) => s.id === id);
    if (!section) return;
    this.#current = id;
    if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
    for (const a of this.#o.list.querySelectorAll('a')) {
      if (a.id === `${id}-link`) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    const { locale } = this.#o;
    document.title = `${say(locale, section.title)} · ${word(locale, 'brand')}`;
    let page = this.#pages.get(id);
    let mounting: Promise<void> | undefined;
    if (!page) {
      page = this.#build(section);
      this.#pages.set(id, page);
      const body = page.querySelector<HTMLElement>('.section-body')!;
      mounting = Promise.resolve()
        .then(() => section.mount(body, this.#o.context))
        .catch((err: unknown) => {
          const p = document.createElement('p');
          p.setAttribute('role', 'alert');
          p.textContent = this.#o.failed(err as Error);
          body.replaceChildren(p);
        });
    }
    for (const [other, el] of this.#pages) el.hidden = other !== id;
    if (this.#narrow.matches) this.#open(false);
    if (focus) page.querySelector<HTMLElement>('h1')?.focus();
    await mounting;
  }

  #build(section: PortalSection): HTMLElement {
    const { locale } = this.#o;
    const page = document.createElement('section');
    page.id = section.id;
    page.className = 'page';
    page.setAttribute('aria-labelledby', `${section.id}-title`);
    const h1 = document.createElement('h1');
    h1.id = `${section.id}-title`;
    h1.tabIndex = -1;
    h1.textContent = say(locale, section.title);
    page.append(h1);
    if (section.intro) {
      const intro = document.createElement('p');
      intro.className = 'intro';
      intro.textContent = say(locale, section.intro);
      page.append(intro);
    }
    const body = document.createElement('div');
    body.className = 'section-body';
    page.append(body);
    this.#o.host.append(page);
    return page;
  }

  /** Narrow: the list hides behind the menu button; wide: always shown. */
  #fold(narrow: boolean): void {
    this.#o.menuButton.hidden = !narrow;
    this.#open(!narrow);
  }

  #open(open: boolean): void {
    this.#o.menuButton.setAttribute('aria-expanded', String(open));
    this.#o.nav.classList.toggle('open', open);
    // a folded menu's links are not in the tab order
    this.#o.list.hidden = !open;
  }
}
