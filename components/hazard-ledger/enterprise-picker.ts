/**
 * The ledger's enterprise filter (企业): a combobox that suggests enterprises from the registry
 * as the user types. Choosing one filters the ledger by the enterprise's id, which the server
 * answers from an index; typed text alone stays a substring search over every hazard's
 * enterprise name, which has to read the whole table when few rows match (bench over 100,000
 * hazards: 236 ms typed, a few ms chosen).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Condition, Store, StoredRecord } from '../data/store.js';
import type { Locale } from '../core/locale.js';
import { t } from './labels.js';

export interface EnterpriseChoice {
  readonly id: string;
  readonly name: string;
  readonly uscc: string;
}

/** Suggestions shown at most. */
const LIMIT = 8;
/** ms after the last keystroke before the registry is asked. */
const PAUSE_MS = 200;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
/** Letters and digits only: the start of a credit code rather than a name. */
const CODE_LIKE = /^[0-9A-Z]{2,17}$/;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

export function choiceOf(r: StoredRecord): EnterpriseChoice {
  return { id: r.id, name: str(r.columns['name']) || str(r.data['name']), uscc: str(r.columns['uscc']) || str(r.data['uscc']) };
}

/** What the registry is asked for the typed text. */
export function suggestionConditions(text: string): Condition[] {
  const q = text.trim();
  const upper = q.toUpperCase();
  if (USCC.test(upper)) return [{ field: 'uscc', op: '=', value: upper }];
  if (CODE_LIKE.test(upper)) return [{ field: 'uscc', op: '~', value: upper }];
  return [{ field: 'name', op: '~', value: q }];
}

/** The suggestions of the enterprise filter: what was found, which one is highlighted, whether the list is open. */
export class EnterpriseSuggestions implements ReactiveController {
  options: readonly EnterpriseChoice[] = [];
  active = -1;
  open = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => Store | undefined,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#asked++;
  }

  /** Looks the text up after a pause; empty text closes the list. */
  suggest(text: string): void {
    clearTimeout(this.#timer);
    const asked = ++this.#asked;
    if (!text.trim()) return this.close();
    this.#timer = setTimeout(() => void this.#lookup(text, asked), PAUSE_MS);
  }

  async #lookup(text: string, asked: number): Promise<void> {
    const store = this.store();
    if (!store?.party) return;
    try {
      // unsorted and uncounted, so the registry stops at the first matches it reads
      const page = await store.list('enterprises', { where: suggestionConditions(text), perPage: LIMIT, skipTotal: true });
      if (asked !== this.#asked) return;
      this.options = page.items.map(choiceOf);
    } catch {
      if (asked !== this.#asked) return;
      // the typed text still filters; only the suggestions are missing
      this.options = [];
    }
    this.active = this.options.length ? 0 : -1;
    this.open = true;
    this.host.requestUpdate();
  }

  /** Moves the highlight (arrow keys), wrapping around. */
  move(step: 1 | -1): void {
    if (!this.open || !this.options.length) return;
    this.active = (this.active + step + this.options.length) % this.options.length;
    this.host.requestUpdate();
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#asked++;
    if (!this.open && !this.options.length) return;
    this.open = false;
    this.options = [];
    this.active = -1;
    this.host.requestUpdate();
  }
}

export interface EnterpriseFieldProps {
  readonly locale: Locale;
  readonly text: string;
  /** The chosen enterprise's id ('' while only text is typed). */
  readonly chosen: string;
  readonly suggestions: EnterpriseSuggestions;
  readonly onPick: (choice: EnterpriseChoice) => void;
}

/** The combobox (WAI-ARIA 1.2 pattern: the input owns a listbox, the highlight is aria-activedescendant). */
export function renderEnterpriseField(p: EnterpriseFieldProps): TemplateResult {
  const s = p.suggestions;
  const l = p.locale;
  const expanded = s.open;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!s.open) return;
      e.preventDefault();
      s.move(e.key === 'ArrowDown' ? 1 : -1);
    } else if (e.key === 'Enter' && s.open && s.active >= 0) {
      e.preventDefault();
      p.onPick(s.options[s.active]!);
    } else if (e.key === 'Escape' && s.open) {
      e.preventDefault();
      e.stopPropagation();
      s.close();
    }
  };
  return html`<div class="enterprise-filter">
    <label for="enterprise-filter">${t(l, 'enterprise')}</label>
    <input
      id="enterprise-filter"
      name="enterprise"
      part="control"
      role="combobox"
      autocomplete="off"
      aria-autocomplete="list"
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="enterprise-options"
      aria-activedescendant=${expanded && s.active >= 0 ? `enterprise-option-${s.active}` : nothing}
      aria-describedby="enterprise-chosen"
      placeholder=${t(l, 'enterpriseHint')}
      .value=${p.text}
      @keydown=${onKey}
      @blur=${() => s.close()}
    />
    <span id="enterprise-chosen" class="visually-hidden">${p.chosen ? t(l, 'enterpriseChosen') : ''}</span>
    <ul id="enterprise-options" role="listbox" part="suggestions" aria-label=${t(l, 'enterpriseSuggestions')} ?hidden=${!expanded}>
      ${expanded && !s.options.length ? html`<li class="empty" role="option" aria-disabled="true" aria-selected="false">${t(l, 'noEnterprise')}</li>` : nothing}
      ${s.options.map(
        (o, i) => html`<li
          id=${`enterprise-option-${i}`}
          role="option"
          part="suggestion"
          aria-selected=${i === s.active ? 'true' : 'false'}
          @mousedown=${(e: Event) => e.preventDefault() /* keep the input's focus: blur would close the list first */}
          @click=${() => p.onPick(o)}
        >
          <span class="name">${o.name}</span> <span class="uscc">${o.uscc}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}
