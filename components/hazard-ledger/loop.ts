/**
 * The hazard closed loop as the ledger offers it: an interpreter of the workflow document
 * (schemas/workflows/hazard.json, generated into components/data/hazard-workflow.ts) that the
 * server interprets too (backend/internal/hazards/workflow.go). The server is the authority and
 * refuses anything else; the ledger only shows the buttons that can succeed.
 */
import { HAZARD_WORKFLOW } from '../data/hazard-workflow.js';
import { codesOf, codesWith, isCode } from '../data/terms.js';
import { HAZARD_STATUS, type HazardAction, type HazardStatus, type Role } from '../data/vocab.js';
import type { Evidence, Workflow, WorkflowAction, WorkflowRecipient } from '../data/workflow.js';

export type { HazardAction, HazardStatus };

export const STATUSES: readonly HazardStatus[] = codesOf(HAZARD_STATUS);

/** Not yet rectified: past the deadline these are overdue (the workflow's `overdue` states). */
export const UNRECTIFIED: readonly HazardStatus[] = codesWith(HAZARD_STATUS, 'overdue');

/** An action as it applies to a hazard of one severity. */
export interface ActionRule {
  readonly code: string;
  /** The status it moves the hazard to; '' for none. */
  readonly to: string;
  /** The statuses it may be taken in. */
  readonly from: readonly string[];
  readonly roles: readonly string[];
  readonly evidence: Evidence;
  /** Not by the organization that took the latest of these actions. */
  readonly notBy: readonly string[];
  /** Whom the event must name as notified (notified_to), by recipient code. */
  readonly recipients: readonly string[];
}

/** Resolves an action of `workflow` for a severity (the document's `major` variant applies). */
export function ruleOf(action: string, major: boolean, workflow: Workflow = HAZARD_WORKFLOW): ActionRule | undefined {
  const a = workflow.actions.find((x) => x.code === action);
  if (!a) return undefined;
  const v = major ? a.major ?? {} : {};
  const to = ('to' in v ? v.to : a.to) ?? '';
  return {
    code: a.code,
    to,
    from: fromOf(a, to, workflow),
    roles: v.roles ?? a.roles,
    evidence: v.evidence ?? a.evidence ?? 'none',
    notBy: v.not_by ?? a.not_by ?? [],
    recipients: v.recipients ?? a.recipients ?? [],
  };
}

/** Where an action may be taken: its list, "any", the states with an attribute, or those with a transition to its target. */
function fromOf(a: WorkflowAction, to: string, w: Workflow): readonly string[] {
  const states = w.states.map((s) => s.code);
  if (a.from === undefined) return to === '' ? [] : states.filter((s) => (w.transitions[s] ?? []).includes(to));
  if (a.from === 'any') return states;
  if (Array.isArray(a.from)) return a.from;
  const where = (a.from as { readonly where: 'overdue' | 'closed' }).where;
  return w.states.filter((s) => s[where] === true).map((s) => s.code);
}

/** The status an action moves a hazard to ('' for none). */
export function targetOf(action: HazardAction, major: boolean): HazardStatus | '' {
  return (ruleOf(action, major)?.to ?? '') as HazardStatus | '';
}

export function isStatus(s: unknown): s is HazardStatus {
  return isCode(HAZARD_STATUS, s);
}

/** One step of a hazard's history, as far as a separation of duties needs it. */
export interface Step {
  readonly action: string;
  /** The organization that took it (the event's `actor_org`). */
  readonly actorOrg: string;
}

/**
 * The actions a role may take on a hazard now, in the workflow's order (`workflow`: another
 * document of the same schema, for tests of what the schema can say). With the party's
 * organization and the hazard's history (oldest first), an action the document keeps from the
 * organization that took an earlier step (`not_by`) is left out.
 */
export function actionsFor(
  role: Role | undefined,
  status: HazardStatus,
  major: boolean,
  party: { readonly organization?: string; readonly history?: readonly Step[] } = {},
  workflow: Workflow = HAZARD_WORKFLOW,
): HazardAction[] {
  if (!role) return [];
  return workflow.actions.map((a) => a.code as HazardAction).filter((a) => {
    const rule = ruleOf(a, major, workflow);
    if (!rule || !rule.roles.includes(role) || !rule.from.includes(status)) return false;
    if (rule.to !== '' && rule.to !== status && !(workflow.transitions[status] ?? []).includes(rule.to)) return false;
    if (rule.notBy.length > 0 && party.organization) {
      const last = [...(party.history ?? [])].reverse().find((s) => rule.notBy.includes(s.action));
      if (last && last.actorOrg === party.organization) return false;
    }
    return true;
  });
}

/** Whether the ledger's form asks for a written note ('asked' or 'required' in the document). */
export function needsNote(action: HazardAction): boolean {
  const a = HAZARD_WORKFLOW.actions.find((x) => x.code === action);
  return (a?.note ?? 'none') !== 'none';
}

/** Whether the ledger's form asks for evidence ('asked' or 'required' in the document). */
export function needsEvidence(action: HazardAction, major: boolean): boolean {
  return (ruleOf(action, major)?.evidence ?? 'none') !== 'none';
}

/**
 * The people an action must name as notified, with their names in both languages (for a major
 * hazard's written notice: the 主要负责人 and the 实际控制人); the server refuses the event without each.
 */
export function recipientsOf(action: string, major: boolean, workflow: Workflow = HAZARD_WORKFLOW): readonly WorkflowRecipient[] {
  const codes = ruleOf(action, major, workflow)?.recipients ?? [];
  return codes.map((code) => workflow.recipients?.find((r) => r.code === code) ?? { code, zh: code, en: code });
}

/**
 * The rectification deadline (YYYY-MM-DD) of a hazard found on `foundOn` (YYYY-MM-DD, a day in
 * China): the document's days by severity, or `override`'s where a jurisdiction's rule pack sets them.
 */
export function hazardDeadline(foundOn: string, major: boolean, override: { readonly general?: number; readonly major?: number } = {}): string {
  const days = (major ? override.major : override.general) ?? HAZARD_WORKFLOW.deadlines[major ? 'major' : 'general'];
  const [y, m, d] = foundOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The action that schedules a return visit (回头看), if the document schedules one. */
export function followUpAfter(workflow: Workflow = HAZARD_WORKFLOW): string | undefined {
  return workflow.follow_up?.after;
}

/** The state a hazard reaches by the action that schedules its return visit (回头看), or undefined when the document schedules none. */
export function followUpState(major: boolean, workflow: Workflow = HAZARD_WORKFLOW): string | undefined {
  return (workflow.follow_up && ruleOf(workflow.follow_up.after, major, workflow)?.to) || undefined;
}

/**
 * The day (YYYY-MM-DD) a return visit falls due for a hazard that reached the follow-up state on
 * `day` (a day in China): the document's days by severity, or `override`'s where a jurisdiction's
 * rule pack sets them (hazard_follow_up_days); undefined when the document schedules none. The
 * server stores the same day in the hazard's follow_up_due.
 */
export function followUpDue(
  day: string,
  major: boolean,
  override: { readonly general?: number; readonly major?: number } = {},
  workflow: Workflow = HAZARD_WORKFLOW,
): string | undefined {
  const f = workflow.follow_up;
  if (!f) return undefined;
  const days = (major ? override.major : override.general) || f.days[major ? 'major' : 'general'];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
