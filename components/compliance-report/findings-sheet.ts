import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/locale.js';
import type { FindingsSheetResult } from '../data/store.js';
import { t } from './text.js';

// The answer to an imported findings sheet: what was stored, and each refused row with the
// column at fault and why, in the page's language (the server sends both), so the team can
// correct the sheet and send it again (rows already stored stay as they are).

/** The line said after an import. */
export function sheetMessage(r: FindingsSheetResult, l: Locale): string {
  return t(l, 'findingsImported', { created: r.created, unchanged: r.unchanged, failed: r.failed.length });
}

/** The refused rows, one line per field. */
export function renderRefusedRows(r: FindingsSheetResult, l: Locale, en: boolean): TemplateResult | typeof nothing {
  if (r.failed.length === 0) return nothing;
  return html`<details class="sheet-refused" part="sheet-refused" open>
    <summary>${t(l, 'findingsRefused')}</summary>
    <ul>
      ${r.failed.map((f) =>
        Object.values(f.errors).map(
          (e) => html`<li>${t(l, 'sheetRow', { row: f.row })}${f.key ? html` <code>${f.key}</code>` : nothing}：${en ? e.message_en : e.message_zh}</li>`,
        ),
      )}
    </ul>
  </details>`;
}
