// What an editor of stored documents needs before it draws anything: a Store (set directly, else
// from context), its words' language, and a load once per store and again when the signed-in
// party changes. Written once here instead of in each editor (review finding D3).
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import { PartyController } from '../data/party-controller.js';
import type { Store } from '../data/store.js';
import { LANG_PROPERTY, type Locale } from './locale.js';
import { LocaleController } from './lang-controller.js';

/**
 * A LitElement that reads a Store: `store` if set, else the one provided through `storeContext`;
 * `lang` resolved through the page (`locale`); `storeReady(store)` called before the first update
 * with a store, again when the store is replaced and when its signed-in party changes.
 */
export class StoreElement extends LitElement {
  /** A Store to use instead of the one from context. */
  @property({ attribute: false }) accessor store: Store | undefined = undefined;

  /** The Store provided through `storeContext`, used while `store` is not set. */
  @consume({ context: storeContext, subscribe: true })
  @state()
  accessor contextStore: Store | undefined = undefined;

  /**
   * Language of the words (a BCP 47 tag: zh-CN, en, zh-TW, or any a portal registered). Empty: the
   * nearest `lang` up the tree, then `<html lang>`, then zh-CN.
   */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);
  #readyFor: Store | undefined;

  constructor() {
    super();
    // a sign-in on the page: as if the store had been replaced
    new PartyController(
      this,
      () => this.activeStore,
      () => {
        this.#readyFor = undefined;
        this.requestUpdate();
      },
    );
  }

  /** The store in use: `store`, else the context's. */
  protected get activeStore(): Store | undefined {
    return this.store ?? this.contextStore;
  }

  /** The language of the words, resolved. */
  protected get locale(): Locale {
    return this.#lang.locale;
  }

  /** Called once per store and party, before an update: load what the element shows. */
  protected storeReady(_store: Store): void {}

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const store = this.activeStore;
    if (store && store !== this.#readyFor) {
      this.#readyFor = store;
      this.storeReady(store);
    }
  }
}
