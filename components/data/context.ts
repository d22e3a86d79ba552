/**
 * The context key every AZX element reads its Store through. A Lit host provides it with
 * `@provide({ context: storeContext })`; a plain page calls `provideStore(element, store)` on a
 * container; elements consume it with `@consume({ context: storeContext, subscribe: true })`.
 */
import { ContextProvider, ContextRoot, createContext } from '@lit/context';
import type { Store } from './store.js';

export const storeContext = createContext<Store | undefined>(Symbol.for('azx-store'));

/**
 * Elements in the page's markup ask for the store when they are defined, which is usually before
 * the portal's own script provides it. A ContextRoot on the document keeps those unanswered
 * requests and asks again when a provider appears. One per page, even with two copies of AZX
 * (an ESM build and the single-file bundle): the context key is a global symbol.
 */
const ROOT = Symbol.for('azx-context-root');
if (typeof document !== 'undefined') {
  const page = document as Document & { [ROOT]?: ContextRoot };
  if (!page[ROOT]) {
    page[ROOT] = new ContextRoot();
    page[ROOT].attach(document.documentElement);
  }
}

/**
 * Makes `store` the Store of every AZX element inside `host` (any element, no framework), those
 * already in the page included. Setting `.value` on the result swaps the store for every
 * subscribed element.
 */
export function provideStore(host: HTMLElement, store: Store): ContextProvider<typeof storeContext> {
  const provider = new ContextProvider(host, { context: storeContext, initialValue: store });
  // A plain element has no controller lifecycle; start answering requests now (this also tells
  // the ContextRoot to hand over the requests of elements that were waiting).
  provider.hostConnected();
  return provider;
}
