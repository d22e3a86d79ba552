// Keeps an element's words current: it updates when a `lang` attribute anywhere in the page
// changes (its own, an ancestor's, `<html lang>`) or when a portal registers translations.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeOf, type Locale } from './locale.js';
import { onTranslationsChange } from './translations.js';

const hosts = new Set<ReactiveControllerHost>();
let watching = false;

/** Every element using it updates on a change of any `lang` attribute in the page, or of the translations. */
function watch(): void {
  if (watching || typeof MutationObserver === 'undefined') return;
  watching = true;
  const updateAll = () => hosts.forEach((h) => h.requestUpdate());
  new MutationObserver(updateAll).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  onTranslationsChange(updateAll);
}

/** Gives its host the resolved `locale` and updates it when that may have changed. */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;

  constructor(host: ReactiveControllerHost & Element) {
    this.#host = host;
    host.addController(this);
  }

  get locale(): Locale {
    return localeOf(this.#host);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    watch();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }
}
