/**
 * The shape of a workflow document (schemas/workflows/workflow.schema.json): states, the moves
 * between them, the actions that make them, the roles allowed, the evidence asked for, and
 * deadlines by severity. The server (backend/internal/hazards) and the hazard ledger
 * (components/hazard-ledger/loop.ts) interpret the same document (hazard-workflow.ts, generated).
 */

export interface WorkflowState {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** Not yet rectified: past its deadline the record is overdue. */
  readonly overdue?: boolean;
  /** The loop is closed. */
  readonly closed?: boolean;
}

/** none; asked: the browser's form requires a file, the server accepts without; required: the server refuses without. */
export type Evidence = 'none' | 'asked' | 'required';

/** What changes for a major hazard. */
export interface WorkflowVariant {
  readonly to?: string | null;
  readonly roles?: readonly string[];
  readonly evidence?: Evidence;
  readonly not_by?: readonly string[];
  readonly recipients?: readonly string[];
}

/** A person of the unit a written notice may be addressed to (主要负责人, 实际控制人). */
export interface WorkflowRecipient {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

export interface WorkflowAction {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  /** The state it moves to; null: none. */
  readonly to: string | null;
  /** Where it may be taken; default: the states with a transition to `to`. */
  readonly from?: readonly string[] | 'any' | { readonly where: 'overdue' | 'closed' };
  /** Roles that may post it; empty: the server alone. */
  readonly roles: readonly string[];
  readonly evidence?: Evidence;
  /** The written note, on the same scale as evidence. */
  readonly note?: Evidence;
  /** Separation of duties: not by the organization that took the latest of these actions. */
  readonly not_by?: readonly string[];
  /** Whom the event must name as notified (notified_to: code → name); the server refuses a writer's event without each. */
  readonly recipients?: readonly string[];
  readonly major?: WorkflowVariant;
}

export interface Workflow {
  readonly key: string;
  readonly title: { readonly zh: string; readonly en: string };
  readonly sources?: readonly string[];
  readonly initial: string;
  readonly states: readonly WorkflowState[];
  readonly transitions: Readonly<Record<string, readonly string[]>>;
  readonly actions: readonly WorkflowAction[];
  readonly recipients?: readonly WorkflowRecipient[];
  /** What the server's own transitions carry instead of a writer's evidence, note and recipients. */
  readonly system?: string;
  /** Days from the finding to the deadline. */
  readonly deadlines: { readonly general: number; readonly major: number; readonly example?: boolean; readonly note?: string };
  readonly follow_up?: {
    readonly after: string;
    readonly action: string;
    readonly days: { readonly general: number; readonly major: number };
    readonly example?: boolean;
    readonly note?: string;
  };
}
