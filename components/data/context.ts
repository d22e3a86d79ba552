/**
 * The context key every AZX element reads its Store through. A Lit host provides it with
 * `@provide({ context: storeContext })`; a plain page calls `provideStore(element, store)` on a
 * container; elements consume it with `@consume({ context: storeContext, subscribe: true })`.
 */
import { ContextProvider, createContext } from '@lit/context';
import type { Store } from './store.js';

export const storeContext = createContext<Store | undefined>(Symbol.for('azx-store'));

/**
 * Makes `store` the Store of every AZX element inside `host` (any element, no framework).
 * Setting `.value` on the result swaps the store for every subscribed element.
 */
export function provideStore(host: HTMLElement, store: Store): ContextProvider<typeof storeContext> {
  const provider = new ContextProvider(host, { context: storeContext, initialValue: store });
  // A plain element has no controller lifecycle; start answering requests now.
  provider.hostConnected();
  return provider;
}
