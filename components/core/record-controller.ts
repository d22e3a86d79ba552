// What <azx-form> does with a store around it: typing is kept as a local draft (IndexedDB) and
// offered back when the form reopens; a valid submit is stored with an idempotency key, or
// waits in the outbox when the server cannot be reached; the server's field errors come back.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IndexedDbDraftBox, MemoryDraftBox, draftScope, type Draft, type DraftBox } from '../data/drafts.js';
import { isStoreError } from '../data/errors.js';
import { outboxFor, type OutboxDetail } from '../data/outbox.js';
import { newIdempotencyKey, type BusinessCollection, type FileFields, type Store, type StoredRecord } from '../data/store.js';
import type { ServerErrors } from './server-errors.js';

/** What the controller needs from its form. */
export interface RecordHost extends ReactiveControllerHost, HTMLElement {
  readonly store: Store | undefined;
  readonly collection: string;
  readonly draft: string;
  readonly definitionKey: string;
  readonly definitionVersion: string;
  readonly columns: Readonly<Record<string, unknown>>;
  value: Record<string, unknown>;
  serverErrors: ServerErrors | undefined;
}

export type SubmitState = 'idle' | 'saving' | 'queued' | 'saved' | 'refused';

/** Saving a draft on every keystroke would be wasted work; this long after the last one. */
const DRAFT_DELAY_MS = 400;

let sharedDraftBox: DraftBox | undefined;
function defaultDraftBox(): DraftBox {
  sharedDraftBox ??= typeof indexedDB === 'undefined' ? new MemoryDraftBox() : new IndexedDbDraftBox();
  return sharedDraftBox;
}

export class RecordController implements ReactiveController {
  readonly #host: RecordHost;
  /** A draft found on opening that differs from the form's value: the form offers it. */
  offered: Draft | null = null;
  state: SubmitState = 'idle';
  draftBox: DraftBox = defaultDraftBox();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #loadedFor = '';
  /** The key of the last submit and its data; the same data submitted again reuses the key. */
  #pending: { key: string; data: string } | undefined;
  #outboxStore: Store | undefined;
  readonly #onStored = (e: Event) => {
    const { entry, record } = (e as CustomEvent<OutboxDetail>).detail;
    if (entry.idempotencyKey !== this.#pending?.key || !record) return;
    void this.#accepted(record);
  };
  readonly #onRefused = (e: Event) => {
    const { entry, error } = (e as CustomEvent<OutboxDetail>).detail;
    if (entry.idempotencyKey !== this.#pending?.key) return;
    this.#refused(error);
  };

  constructor(host: RecordHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#loadedFor = '';
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#listen(undefined);
  }

  /** The draft's scope: one user, one collection (or definition), one record. */
  get scope(): string {
    const host = this.#host;
    if (!host.draft) return '';
    const user = host.store?.party?.userId ?? 'anonymous';
    return draftScope(user, host.collection || host.definitionKey || 'form', host.draft);
  }

  /** Called by the form after each update: loads the draft once per scope. */
  hostUpdated(): void {
    const scope = this.scope;
    if (scope === this.#loadedFor) return;
    this.#loadedFor = scope;
    this.offered = null;
    if (!scope) return;
    void this.draftBox.load(scope).then((draft) => {
      if (scope !== this.scope || !draft) return;
      if (JSON.stringify(draft.data) === JSON.stringify(this.#host.value)) return;
      this.offered = draft as Draft;
      this.#host.requestUpdate();
    });
  }

  /** The user typed: keep it, a little later. */
  edited(): void {
    // "saved" spoke of the value before this edit: it goes, until the next save
    if (this.state === 'saved') this.#setState('idle');
    const scope = this.scope;
    if (!scope) return;
    // Typing again means the offered draft was declined implicitly; it will be overwritten.
    this.offered = null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      void this.draftBox.save(scope, {
        definition: this.#host.definitionKey,
        version: Number(this.#host.definitionVersion) || 0,
        data: this.#host.value,
      });
    }, DRAFT_DELAY_MS);
  }

  restore(): void {
    if (!this.offered) return;
    this.#host.value = structuredClone(this.offered.data) as Record<string, unknown>;
    this.offered = null;
    this.#host.requestUpdate();
  }

  async discard(): Promise<void> {
    const scope = this.scope;
    this.offered = null;
    this.#host.requestUpdate();
    if (scope) await this.draftBox.remove(scope);
  }

  /** Whether a valid submit should be stored by the form itself. */
  get stores(): boolean {
    return Boolean(this.#host.collection && this.#host.store);
  }

  /** Stores a valid value: now, or through the outbox when the server cannot be reached. */
  async submit(files: FileFields): Promise<void> {
    const host = this.#host;
    const store = host.store;
    if (!store || !host.collection) return;
    const data = structuredClone(host.value);
    const text = JSON.stringify(data);
    // Same data again (a double click, a retry after a lost answer): same key, never two records.
    if (this.#pending?.data !== text) {
      const draft = this.scope ? await this.draftBox.load(this.scope) : null;
      this.#pending = { key: draft && JSON.stringify(draft.data) === text ? draft.idempotencyKey : newIdempotencyKey(), data: text };
    }
    const key = this.#pending.key;
    this.#setState('saving');
    this.#listen(store);
    const outcome = await outboxFor(store).submit(
      host.collection as BusinessCollection,
      {
        definition: host.definitionKey,
        version: Number(host.definitionVersion),
        data,
        columns: host.columns,
        ...(Object.keys(files).length ? { files } : {}),
      },
      key,
    );
    if (outcome.status === 'stored') await this.#accepted(outcome.record);
    else if (outcome.status === 'refused') this.#refused(outcome.error);
    else {
      this.#setState('queued');
      host.dispatchEvent(new CustomEvent('azx-queued', { bubbles: true, composed: true, detail: { idempotencyKey: key } }));
    }
  }

  async #accepted(record: StoredRecord): Promise<void> {
    const host = this.#host;
    // #pending stays: submitting the same data again is the same create, answered with this record.
    clearTimeout(this.#timer);
    if (this.scope) await this.draftBox.remove(this.scope);
    host.serverErrors = undefined;
    this.#setState('saved');
    host.dispatchEvent(new CustomEvent('azx-saved', { bubbles: true, composed: true, detail: { record } }));
  }

  #refused(error: unknown): void {
    const host = this.#host;
    // A refusal is final for this data: a corrected submit gets a new key.
    this.#pending = undefined;
    this.#setState('refused');
    if (isStoreError(error)) {
      const fields = Object.keys(error.fieldErrors).length
        ? error.fieldErrors
        : { '': { code: error.code, message: error.message, message_zh: error.message_zh, message_en: error.message_en } };
      host.serverErrors = fields;
    } else {
      console.error('azx-form: the store failed', error);
    }
    host.dispatchEvent(new CustomEvent('azx-refused', { bubbles: true, composed: true, detail: { error } }));
  }

  #setState(state: SubmitState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  #listen(store: Store | undefined): void {
    if (this.#outboxStore === store) return;
    if (this.#outboxStore) {
      const old = outboxFor(this.#outboxStore);
      old.removeEventListener('azx-outbox-stored', this.#onStored);
      old.removeEventListener('azx-outbox-refused', this.#onRefused);
    }
    this.#outboxStore = store;
    if (store) {
      const box = outboxFor(store);
      box.addEventListener('azx-outbox-stored', this.#onStored);
      box.addEventListener('azx-outbox-refused', this.#onRefused);
    }
  }
}
