import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { storeContext } from '../data/context.js';
import type { Store } from '../data/store.js';
import type { BulkKind, BulkMode, BulkResult } from '../data/bulk.js';
import { isStoreError } from '../data/errors.js';
import { LANG_PROPERTY, isEnglish, type Locale } from '../core/locale.js';
import { LocaleController } from '../core/lang-controller.js';
import { download, toXlsx, XLSX_TYPE } from '../core/export/index.js';
import { resultLines, resultSheet, type ResultLine } from './results.js';
import { bulkUploadStyles } from './bulk-upload.styles.js';
import { t } from './text.js';

type Phase = 'idle' | 'sending' | 'checking' | 'retrying' | 'dropped' | 'done' | 'failed';

/**
 * Uploads a file of policies or registry enterprises (CSV in UTF-8 or GBK, XLSX, JSON) to the
 * server, which reads and validates every row; offers the definition's XLSX template. While the
 * file goes up a progress bar counts the bytes; then the answer is shown row by row in the page's
 * language (refused rows with their fields, rows stored and flagged with the broken rule and its
 * source), and the refused and flagged rows download as an XLSX in both languages. A large
 * upload's answer holds its first 100 refused and flagged rows, which the table shows; the XLSX
 * fetches every one of them from the server.
 *
 * A dropped connection is resumed: the file is sent again under the same upload id, a few times
 * by itself and then on "resume", and the server stores no row twice (stored rows come back
 * unchanged, their flags are not written again). A new file is a new upload.
 *
 * @summary Bulk upload with progress, per-row results and resumption.
 *
 * @event azx-uploaded - `CustomEvent<{ result: BulkResult }>`: the server answered the upload.
 *
 * @csspart form - The file chooser and its buttons.
 * @csspart control - The file input.
 * @csspart button - Every button (also `template`, `upload`, `resume`, `download`).
 * @csspart progress - The progress bar.
 * @csspart status - The line that says what is happening (a live region).
 * @csspart summary - The counts of the answer.
 * @csspart first - Says that the table lists a large upload's first problem rows and the XLSX all of them.
 * @csspart table - The per-row results.
 */
export class AzxBulkUpload extends LitElement {
  static override styles = bulkUploadStyles;

  @consume({ context: storeContext, subscribe: true })
  @property({ attribute: false })
  accessor store: Store | undefined = undefined;

  /** The language; empty: the nearest `lang` above the element, else `<html lang>`. */
  @property(LANG_PROPERTY) override accessor lang: string = '';
  readonly #lang = new LocaleController(this);

  /** What the file holds: `policies` or `enterprises` (the must-insure registry). */
  @property() accessor kind: BulkKind = 'policies';

  /** `entry` (the packs refuse) or `import` (historic records: violations stored and flagged). */
  @property() accessor mode: BulkMode = 'entry';

  /** Times a dropped upload is sent again by itself before "resume" is offered. */
  @property({ type: Number }) accessor retries: number = 2;

  /** Milliseconds before the first automatic resend (doubling after each). */
  @property({ type: Number, attribute: 'retry-delay' }) accessor retryDelay: number = 1000;

  @state() private accessor _phase: Phase = 'idle';
  @state() private accessor _pct = 0;
  @state() private accessor _attempt = 0;
  @state() private accessor _message = '';
  @state() private accessor _result: BulkResult | undefined = undefined;

  #file: File | undefined;
  /** The upload's id, kept across resends of one file. */
  #upload = '';

  /** The last answer of the server. */
  get result(): BulkResult | undefined {
    return this._result;
  }

  get #l(): Locale {
    return this.#lang.locale;
  }

  #chose(e: Event): void {
    this.#file = (e.target as HTMLInputElement).files?.[0];
    this.#upload = crypto.randomUUID();
    this._result = undefined;
    this._phase = 'idle';
    this._message = '';
  }

  /** Sends the chosen file, resending it after a dropped connection under the same upload id. */
  async upload(): Promise<BulkResult | undefined> {
    const store = this.store;
    if (!this.#file || !store) {
      this._phase = 'failed';
      this._message = t(this.#l, 'noFile');
      return undefined;
    }
    this.#upload ||= crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      this._attempt = attempt;
      this._phase = attempt ? 'retrying' : 'sending';
      this._pct = 0;
      try {
        const result = await store.bulkUpload(this.kind, this.#file, {
          mode: this.mode,
          upload: this.#upload,
          onProgress: (sent, total) => {
            this._pct = total ? Math.round((sent / total) * 100) : 0;
            if (sent === total && this._phase !== 'checking') this._phase = 'checking';
          },
        });
        this._result = result;
        this._phase = 'done';
        this._message = '';
        this.dispatchEvent(new CustomEvent('azx-uploaded', { detail: { result } }));
        return result;
      } catch (err) {
        const dropped = isStoreError(err) && (err.code === 'network' || err.status === 0);
        if (dropped && attempt < this.retries) {
          this._phase = 'retrying';
          await new Promise((r) => setTimeout(r, this.retryDelay * 2 ** attempt));
          continue;
        }
        this._phase = dropped ? 'dropped' : 'failed';
        this._message = dropped ? t(this.#l, 'dropped') : t(this.#l, 'failedUpload', { message: this.#text(err) });
        return undefined;
      }
    }
  }

  #text(err: unknown): string {
    if (isStoreError(err)) return isEnglish(this.#l) ? err.message_en : err.message_zh;
    return err instanceof Error ? err.message : String(err);
  }

  async #template(): Promise<void> {
    try {
      const blob = await this.store!.bulkTemplate(this.kind, 'xlsx');
      download(`${this.kind}-template.xlsx`, XLSX_TYPE, blob);
    } catch (err) {
      this._phase = 'failed';
      this._message = t(this.#l, 'failedUpload', { message: this.#text(err) });
    }
  }

  /** Every refused and flagged row of the upload as an XLSX (both languages). */
  async resultsXlsx(): Promise<Uint8Array<ArrayBuffer> | undefined> {
    const result = this._result;
    if (!result || !this.store) return undefined;
    const all = await this.store.bulkProblems(result);
    return toXlsx([resultSheet(resultLines(all, this.#l), this.#l)]);
  }

  async #download(): Promise<void> {
    try {
      const book = await this.resultsXlsx();
      if (book) download(`${this.kind}-upload-results.xlsx`, XLSX_TYPE, book);
    } catch (err) {
      this._phase = 'failed';
      this._message = t(this.#l, 'downloadFailed', { message: this.#text(err) });
    }
  }

  #status(): string {
    const l = this.#l;
    switch (this._phase) {
      case 'sending':
        return t(l, 'sending', { pct: this._pct });
      case 'checking':
        return t(l, 'checking');
      case 'retrying':
        return t(l, 'retrying', { n: this._attempt });
      case 'dropped':
      case 'failed':
        return this._message;
      default:
        return '';
    }
  }

  protected override render() {
    const l = this.#l;
    const busy = ['sending', 'checking', 'retrying'].includes(this._phase);
    return html`<section aria-labelledby="title">
      <h2 id="title">${t(l, this.kind === 'enterprises' ? 'titleEnterprises' : 'titlePolicies')}</h2>
      <p class="mode">${t(l, this.mode === 'import' ? 'importMode' : 'entryMode')}</p>
      <form part="form" @submit=${(e: Event) => (e.preventDefault(), void this.upload())}>
        <label>${t(l, 'file')}
          <input part="control" type="file" name="file" accept=".csv,.xlsx,.json,text/csv,application/json,${XLSX_TYPE}" @change=${this.#chose} ?disabled=${busy} />
        </label>
        <div class="actions">
          <button type="button" part="button template" @click=${() => void this.#template()}>${t(l, 'template')}</button>
          ${this._phase === 'dropped'
            ? html`<button type="submit" part="button resume">${t(l, 'resume')}</button>`
            : html`<button type="submit" part="button upload" ?disabled=${busy}>${t(l, 'upload')}</button>`}
        </div>
      </form>
      ${busy ? html`<progress part="progress" max="100" .value=${this._phase === 'sending' ? this._pct : 100} aria-label=${t(l, 'progress')}></progress>` : nothing}
      <p part="status" role="status" class=${this._phase === 'failed' || this._phase === 'dropped' ? 'error' : ''}>${this.#status()}</p>
      ${this._result ? this.#results(this._result) : nothing}
    </section>`;
  }

  #results(r: BulkResult) {
    const l = this.#l;
    const lines: ResultLine[] = resultLines(r, l);
    const en = isEnglish(l);
    return html`<p part="summary" class="summary">
        ${t(l, 'summary', { created: r.created, unchanged: r.unchanged, failed: r.failed_count, flagged: r.flagged_count })}
        <span class="encoding">${t(l, 'readAs', { encoding: r.encoding.toUpperCase() })}</span>
      </p>
      ${lines.length
        ? html`<button type="button" part="button download" @click=${() => void this.#download()}>${t(l, 'download')}</button>
            ${r.complete ? nothing : html`<p part="first" class="first">${t(l, 'firstLines', { shown: r.failed.length + r.flagged.length, failed: r.failed_count, flagged: r.flagged_count })}</p>`}
            <div class="table-wrap">
              <table part="table">
                <caption>${t(l, 'results')}</caption>
                <thead>
                  <tr>${(['row', 'key', 'outcome', 'field', 'message', 'source'] as const).map((k) => html`<th scope="col">${t(l, k)}</th>`)}</tr>
                </thead>
                <tbody>
                  ${lines.map(
                    (x) => html`<tr class=${x.outcome}>
                      <td>${x.row}</td>
                      <td>${x.key}</td>
                      <td>${t(l, x.outcome)}</td>
                      <td><code>${x.field}</code></td>
                      <td>${en ? x.messageEn : x.messageZh}</td>
                      <td>${x.source}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : nothing}`;
  }
}
