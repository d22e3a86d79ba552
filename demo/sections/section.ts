// One part of the demo portal: a page of the side navigation and what an element needs to
// show for a signed-in party. Elements announce their own results (saved, refused): a section
// does not repeat them in the portal's status, so nothing is announced twice.
import type { Party, Role, Store } from '../../components/data/index.js';
import type { Bilingual, PortalLocale } from '../shell/words.js';

export interface SectionContext {
  store: Store;
  party: Party;
  /** The portal's language; the section's elements get it as their `lang`. */
  locale: PortalLocale;
  /** Shows another section (e.g. from a list to its form), focusing its heading. */
  go(id: string): void;
}

export interface PortalSection {
  /** DOM id of the section, and its address (#id). */
  id: string;
  /** The navigation entry and the page's heading. */
  title: Bilingual;
  /** One line under the heading: what the page is for. */
  intro?: Bilingual;
  /** The roles that see this section. */
  roles: readonly Role[];
  /** Builds the section's content into host (empty, in the page) the first time it is shown. */
  mount(host: HTMLElement, context: SectionContext): void | Promise<void>;
}
