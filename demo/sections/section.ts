// One part of the demo portal: a heading and what an element needs to show for a signed-in party.
import type { Party, Store } from '../../components/data/index.js';

export interface SectionContext {
  store: Store;
  party: Party;
  /** Shows a line in the portal's status bar (role=status). */
  status(text: string): void;
}

export interface PortalSection {
  /** DOM id of the section, also its tab's target. */
  id: string;
  /** Tab and heading: Chinese first, English after. */
  title: string;
  /** The roles that see this section. */
  roles: readonly Party['role'][];
  /** Builds the section's content into host (already empty and in the page). */
  mount(host: HTMLElement, context: SectionContext): void | Promise<void>;
}
