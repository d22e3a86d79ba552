import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../core/locale.js';
import type { JsonSchema } from '../core/schema.js';
import type { ServerErrors } from '../core/server-errors.js';
import type { FieldErrors, InspectionAssignment, InspectionRound } from '../data/store.js';
import type { RegionEntry } from '../data/reference.js';
import { t } from './text.js';

// The cross-inspection table of a round (Zhejiang, 001 annex 2: the province assigns city A's
// team to inspect city B) is data: a JSON Schema that <azx-form> draws as a table of two region
// pickers, add and remove. The pickers offer only the divisions under the round's region, by
// name. What the table must satisfy beyond that (no region inspecting itself, each region
// inspected once) is the server's rule: its refusals come back by line and field and the form
// shows each beside its picker.

/** The table as a schema, its pickers limited to `regions` (the round region's divisions), in the words of `l`. */
export function assignmentsSchema(regions: readonly RegionEntry[], l: Locale): JsonSchema {
  const picker = (title: string, order: number): JsonSchema => ({
    type: 'string',
    title,
    'x-order': order,
    enum: regions.map((r) => r.code),
    'x-enum-titles': regions.map((r) => r.name),
    'x-enum-titles-en': regions.map((r) => r.nameEn || r.name),
  });
  return {
    type: 'object',
    additionalProperties: false,
    properties: {
      assignments: {
        type: 'array',
        title: t(l, 'assignments'),
        'x-help': t(l, 'assignmentsHelp'),
        'x-widget': 'table',
        maxItems: 500,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['inspector', 'inspected'],
          properties: { inspector: picker(t(l, 'assignInspector'), 1), inspected: picker(t(l, 'assignInspected'), 2) },
        },
      },
    },
  };
}

/**
 * The server's refusals of a table (`assignments.<line>.<field>`, or the table as a whole) as
 * <azx-form> reads a record's (`data.<path>`); undefined when none concern the table.
 */
export function assignmentErrors(errors: FieldErrors): ServerErrors | undefined {
  const mine = Object.entries(errors).filter(([k]) => k === 'assignments' || k.startsWith('assignments.'));
  return mine.length ? Object.fromEntries(mine.map(([k, e]) => [`data.${k}`, e])) : undefined;
}

/** The table's lines as the server takes them (a line left wholly empty is dropped). */
export function assignmentsOf(value: unknown): InspectionAssignment[] {
  const rows = ((value as { assignments?: unknown } | undefined)?.assignments ?? []) as Partial<InspectionAssignment>[];
  return rows.filter((r) => r && (r.inspector || r.inspected)).map((r) => ({ inspector: r.inspector ?? '', inspected: r.inspected ?? '' }));
}

/** Whether the signed-in regulator's own region sends a team in this round. */
export function assignedTo(round: InspectionRound, scope: string | undefined): boolean {
  return Boolean(scope) && round.assignments.some((a) => a.inspector === scope);
}

/** A table read-only (a published round's, or as an assigned team sees it), regions by name. */
export function renderAssignments(list: readonly InspectionAssignment[], name: (code: string) => string, l: Locale): TemplateResult | typeof nothing {
  if (list.length === 0) return nothing;
  return html`<div class="table-wrap">
    <table part="table" class="assignments-table">
      <caption>${t(l, 'assignments')}</caption>
      <thead>
        <tr>
          <th scope="col">${t(l, 'seq')}</th>
          <th scope="col">${t(l, 'assignInspector')}</th>
          <th scope="col">${t(l, 'assignInspected')}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (a, i) => html`<tr>
            <td>${i + 1}</td>
            <td class="text">${name(a.inspector)}</td>
            <td class="text">${name(a.inspected)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
