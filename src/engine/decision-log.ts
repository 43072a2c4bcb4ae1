import type { FrameworkId } from "./knowledge-schema.js";
import type { Verdict } from "./scoring.js";

/**
 * The decision log's rules, as a pure state machine. A recommendation starts a decision as
 * **proposed**; someone allowed to marks it **decided** (who, when, which framework: the team may pick
 * against the verdict, and the record says so); a later decision in the same channel makes it
 * **superseded**, linked both ways. Statuses only move forward: proposed → decided → superseded.
 *
 * Storage (src/storage/decisions.ts) applies these same transitions, atomically.
 */

export const DECISION_STATUSES = ["proposed", "decided", "superseded"] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/**
 * Who may mark a recommendation as decided, per workspace: only the person who asked for it (the
 * default), or anyone in the workspace.
 */
export const WHO_MAY_DECIDE = ["asker", "anyone"] as const;
export type WhoMayDecide = (typeof WHO_MAY_DECIDE)[number];
export const DEFAULT_WHO_MAY_DECIDE: WhoMayDecide = "asker";

/** The part of a decision the rules look at. Ids of other decisions are opaque here. */
export interface DecisionState {
  status: DecisionStatus;
  /** Who asked for the recommendation. */
  askedBy: string;
  /** The engine's verdict when it was proposed. */
  recommended: Verdict;
  /** The framework the team chose; null until decided. */
  framework: FrameworkId | null;
  decidedBy: string | null;
  decidedAt: number | null;
  /** Why, in the decider's words (optional). */
  reason: string | null;
  /** The earlier decision this one replaced, if any. */
  supersedes: string | null;
  /** The later decision that replaced this one. */
  supersededBy: string | null;
  supersededAt: number | null;
}

export type DecisionEvent =
  | {
      type: "decide";
      /** Who is marking it decided. */
      by: string;
      at: number;
      framework: FrameworkId;
      reason?: string | null;
      /** The workspace's setting. */
      whoMayDecide: WhoMayDecide;
      /** The decision standing in the channel that this one replaces, if any. */
      supersedes?: string | null;
    }
  | {
      type: "supersede";
      /** The later decision, in the same channel. */
      by: string;
      at: number;
    };

export type DecisionErrorCode = "not_allowed" | "already_decided" | "already_superseded" | "not_decided";

export type TransitionResult =
  | { ok: true; state: DecisionState }
  | { ok: false; code: DecisionErrorCode; message: string };

/** A new proposal: what every decision starts as. */
export function proposedDecision(askedBy: string, recommended: Verdict): DecisionState {
  return {
    status: "proposed",
    askedBy,
    recommended,
    framework: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    supersedes: null,
    supersededBy: null,
    supersededAt: null,
  };
}

/** The position of a status in the only order statuses may move in. */
export function statusRank(status: DecisionStatus): number {
  return DECISION_STATUSES.indexOf(status);
}

/** True when going from `from` to `to` moves forward by exactly one step. */
export function isNextStatus(from: DecisionStatus, to: DecisionStatus): boolean {
  return statusRank(to) === statusRank(from) + 1;
}

/** Whether `actor` may mark a decision asked for by `askedBy` as decided, under the workspace's setting. */
export function mayDecide(whoMayDecide: WhoMayDecide, askedBy: string, actor: string): boolean {
  return whoMayDecide === "anyone" || actor === askedBy;
}

/** True when the team chose the framework the recommendation did not (a toss-up is against nothing). */
export function decidedAgainstRecommendation(
  state: Pick<DecisionState, "framework" | "recommended">,
): boolean {
  return state.framework !== null && state.recommended !== "either" && state.framework !== state.recommended;
}

/** Applies one event, or says why it cannot happen. Never moves a status backwards or sideways. */
export function applyDecisionEvent(state: DecisionState, event: DecisionEvent): TransitionResult {
  if (event.type === "decide") {
    if (state.status === "decided")
      return { ok: false, code: "already_decided", message: "This has already been marked as decided." };
    if (state.status === "superseded")
      return {
        ok: false,
        code: "already_superseded",
        message: "A later decision has already replaced this one.",
      };
    if (!mayDecide(event.whoMayDecide, state.askedBy, event.by))
      return {
        ok: false,
        code: "not_allowed",
        message:
          "Only the person who asked for this recommendation can mark it as decided (a workspace setting can let anyone).",
      };
    const reason = event.reason?.trim() ? event.reason.trim() : null;
    return {
      ok: true,
      state: {
        ...state,
        status: "decided",
        framework: event.framework,
        decidedBy: event.by,
        decidedAt: event.at,
        reason,
        supersedes: event.supersedes ?? null,
      },
    };
  }
  if (state.status === "proposed")
    return {
      ok: false,
      code: "not_decided",
      message: "Only a decision that was made can be superseded; this one is still proposed.",
    };
  if (state.status === "superseded")
    return {
      ok: false,
      code: "already_superseded",
      message: "A later decision has already replaced this one.",
    };
  return {
    ok: true,
    state: { ...state, status: "superseded", supersededBy: event.by, supersededAt: event.at },
  };
}
