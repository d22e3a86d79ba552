// The one way an AZX element takes part in a surrounding <form>: it owns the element's
// ElementInternals and, after every update, hands the browser the element's value and its first
// problem, whatever found it (the schema, a rule pack, the server's refusal, an inner form).
// So `form.checkValidity()`, `form.requestSubmit()` and `:invalid` see what the element shows.
import type { LitElement, ReactiveController, ReactiveControllerHost } from 'lit';

/** What the host reports: the ValidityState flags of its first problem, its message, and where to point. */
export interface ControlValidity {
  readonly flags: ValidityStateFlags;
  readonly message: string;
  /** The control to focus when the browser reports the problem (inside the host's shadow tree). */
  readonly anchor?: HTMLElement | undefined;
}

export const VALID: ControlValidity = { flags: {} as ValidityStateFlags, message: '' };

export interface FormControlOptions {
  /** The value submitted under the host's `name` (JSON text), or null when there is none. */
  value(): string | null;
  /** What the browser keeps to restore the control after navigation; the value by default. */
  state?(): string | null;
  /** The host's first problem, or VALID. Called after every update and before each check. */
  validity(): ControlValidity;
}

/** The ValidityState flags a browser knows; an inner control's are copied through these. */
const FLAGS: readonly (keyof ValidityStateFlags)[] = [
  'valueMissing',
  'typeMismatch',
  'patternMismatch',
  'tooLong',
  'tooShort',
  'rangeUnderflow',
  'rangeOverflow',
  'stepMismatch',
  'badInput',
  'customError',
];

/** The validity of an inner control (e.g. the `<azx-form>` inside a domain element), as the host's own. */
export function validityOf(control: HTMLElement & { readonly validity: ValidityState; readonly validationMessage: string }): ControlValidity {
  const state = control.validity;
  if (state.valid) return VALID;
  const flags: ValidityStateFlags = {};
  for (const flag of FLAGS) if (state[flag]) flags[flag] = true;
  return { flags, message: control.validationMessage, anchor: control };
}

/** Whether `node` is inside `host`'s shadow tree, however deep (the only anchors setValidity accepts). */
function isShadowDescendant(host: HTMLElement, node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    const root = n.getRootNode();
    if (!(root instanceof ShadowRoot)) return false;
    if (root.host === host) return true;
    n = root.host;
  }
  return false;
}

export class FormControlController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #internals: ElementInternals;
  readonly #options: FormControlOptions;

  /** The host's class must declare `static formAssociated = true`. */
  constructor(host: ReactiveControllerHost & HTMLElement, options: FormControlOptions) {
    this.#host = host;
    this.#options = options;
    this.#internals = host.attachInternals();
    host.addController(this);
  }

  hostConnected(): void {
    // a required control is invalid from the start, before its first render
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Hands the browser the current value and validity. */
  sync(): void {
    const value = this.#options.value();
    this.#internals.setFormValue(value, this.#options.state ? this.#options.state() : value);
    const { flags, message, anchor } = this.#options.validity();
    const invalid = Object.values(flags).some(Boolean);
    if (!invalid) {
      this.#internals.setValidity({});
      return;
    }
    // the browser refuses an invalid state without words, and an anchor outside the host
    const words = message || this.#host.localName;
    if (anchor && isShadowDescendant(this.#host, anchor)) this.#internals.setValidity(flags, words, anchor);
    else this.#internals.setValidity(flags, words);
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get labels(): NodeList {
    return this.#internals.labels;
  }

  get validity(): ValidityState {
    this.sync();
    return this.#internals.validity;
  }

  get validationMessage(): string {
    this.sync();
    return this.#internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.#internals.willValidate;
  }

  /** Like a native control's: false (and an `invalid` event) while there is a problem. */
  checkValidity(): boolean {
    this.sync();
    return this.#internals.checkValidity();
  }

  /** checkValidity, and the browser points at the problem. */
  reportValidity(): boolean {
    this.sync();
    return this.#internals.reportValidity();
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

/** What FormAssociated adds to an element, named so declaration files can refer to it. */
export declare class FormAssociatedElement {
  get form(): HTMLFormElement | null;
  get validity(): ValidityState;
  get validationMessage(): string;
  get willValidate(): boolean;
  checkValidity(): boolean;
  reportValidity(): boolean;
  /** The value submitted under the element's `name` (JSON), or null. */
  protected formValue(): string | null;
  /** The element's first problem, whatever found it, or VALID. */
  protected formValidity(): ControlValidity;
}

/**
 * A form-associated element: the native control API (`form`, `validity`, `validationMessage`,
 * `willValidate`, `checkValidity()`, `reportValidity()`) over one FormControlController. The
 * element overrides `formValue()` (what it submits) and `formValidity()` (its first problem).
 */
export function FormAssociated<T extends Constructor<LitElement>>(Base: T): Constructor<FormAssociatedElement> & T {
  class Mixed extends Base {
    static formAssociated = true;

    readonly #control = new FormControlController(this, {
      value: () => this.formValue(),
      validity: () => this.formValidity(),
    });

    protected formValue(): string | null {
      return null;
    }
    protected formValidity(): ControlValidity {
      return VALID;
    }

    get form(): HTMLFormElement | null {
      return this.#control.form;
    }
    get validity(): ValidityState {
      return this.#control.validity;
    }
    get validationMessage(): string {
      return this.#control.validationMessage;
    }
    get willValidate(): boolean {
      return this.#control.willValidate;
    }
    /** False (and an `invalid` event) while a surrounding form may not be submitted. */
    checkValidity(): boolean {
      return this.#control.checkValidity();
    }
    /** checkValidity, and the browser points at the problem. */
    reportValidity(): boolean {
      return this.#control.reportValidity();
    }
  }
  return Mixed as unknown as Constructor<FormAssociatedElement> & T;
}
