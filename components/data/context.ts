/**
 * The context key every AZX element reads its Store through. A portal provides one Store high
 * in the tree (`<azx-store-provider>` or its own `ContextProvider`); elements consume it with
 * `@consume({ context: storeContext, subscribe: true })`.
 */
import { createContext } from '@lit/context';
import type { Store } from './store.js';

export const storeContext = createContext<Store | undefined>(Symbol.for('azx-store'));
