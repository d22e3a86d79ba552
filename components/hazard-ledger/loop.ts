/**
 * The hazard closed loop as the ledger offers it: which actions a role may take on a hazard in
 * a given status. It mirrors backend/internal/hazards (the server is the authority and refuses
 * anything else); the ledger only shows the buttons that can succeed.
 */
import type { Role } from '../data/store.js';

export const STATUSES = ['found', 'notified', 'rectified', 'verified', 'reopened', 'escalated'] as const;
export type HazardStatus = (typeof STATUSES)[number];

/** Not yet rectified: past the deadline these are overdue. */
export const UNRECTIFIED: readonly HazardStatus[] = ['found', 'notified', 'reopened', 'escalated'];

const NEXT: Readonly<Record<HazardStatus, readonly HazardStatus[]>> = {
  found: ['notified', 'escalated'],
  notified: ['rectified', 'escalated'],
  rectified: ['verified', 'reopened'],
  reopened: ['rectified', 'escalated'],
  escalated: ['rectified', 'verified'],
  verified: ['reopened'],
};

export type HazardAction = 'notify' | 'rectify' | 'verify' | 'reopen' | 'escalate' | 'refuse' | 'note';

interface ActionRule {
  readonly target: HazardStatus | '';
  /** For a major hazard (a refusal escalates it). */
  readonly majorTarget: HazardStatus | '';
  readonly roles: readonly Role[];
  /** Statuses it applies in besides those the target allows (refusal, note). */
  readonly from?: readonly HazardStatus[];
}

export const ACTIONS: Readonly<Record<HazardAction, ActionRule>> = {
  notify: { target: 'notified', majorTarget: 'notified', roles: ['insurer', 'provider'] },
  rectify: { target: 'rectified', majorTarget: 'rectified', roles: ['enterprise', 'insurer', 'provider'] },
  verify: { target: 'verified', majorTarget: 'verified', roles: ['insurer', 'provider', 'regulator'] },
  reopen: { target: 'reopened', majorTarget: 'reopened', roles: ['insurer', 'provider', 'regulator'] },
  escalate: { target: 'escalated', majorTarget: 'escalated', roles: ['insurer', 'provider', 'regulator'] },
  refuse: { target: '', majorTarget: 'escalated', roles: ['insurer', 'provider'], from: ['notified', 'reopened'] },
  note: { target: '', majorTarget: '', roles: ['enterprise', 'insurer', 'provider', 'regulator'], from: [...STATUSES] },
};

/** The status an action moves a hazard to ('' for none). */
export function targetOf(action: HazardAction, major: boolean): HazardStatus | '' {
  return major ? ACTIONS[action].majorTarget : ACTIONS[action].target;
}

export function isStatus(s: unknown): s is HazardStatus {
  return typeof s === 'string' && (STATUSES as readonly string[]).includes(s);
}

/** The actions a role may take on a hazard now, in the loop's order. */
export function actionsFor(role: Role | undefined, status: HazardStatus, major: boolean): HazardAction[] {
  if (!role) return [];
  return (Object.keys(ACTIONS) as HazardAction[]).filter((a) => {
    const rule = ACTIONS[a];
    if (!rule.roles.includes(role)) return false;
    if (rule.from && !rule.from.includes(status)) return false;
    const to = targetOf(a, major);
    return to === '' || NEXT[status].includes(to);
  });
}

/** Whether an action needs evidence in the ledger (a rectification always shows its proof). */
export function needsEvidence(action: HazardAction): boolean {
  return action === 'rectify';
}
