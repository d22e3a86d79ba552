import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import type { Store } from './store.js';

/**
 * Calls `changed` on every change of the signed-in party of the host's store (sign-in, sign-out,
 * expiry), following the host to another store. An element that loads what the party may see
 * when its store arrives loads it again after a sign-in on the page, however late.
 */
export class PartyController implements ReactiveController {
  readonly #storeOf: () => Store | undefined;
  readonly #changed: () => void;
  #store: Store | undefined;
  #off: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, storeOf: () => Store | undefined, changed: () => void) {
    this.#storeOf = storeOf;
    this.#changed = changed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdated(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#store = undefined;
  }

  #follow(): void {
    const store = this.#storeOf();
    if (store === this.#store) return;
    this.#off?.();
    this.#store = store;
    this.#off = store?.onPartyChange(() => this.#changed());
  }
}

/**
 * The usual reaction: the host updates as if its store had been replaced, so whatever it loads
 * on `changed.has('store')` is loaded again for the new party.
 */
export function reloadOnPartyChange(host: ReactiveElement & { readonly store: Store | undefined }): PartyController {
  return new PartyController(
    host,
    () => host.store,
    () => host.requestUpdate('store', undefined),
  );
}
