import { tsMillis } from "../../decisions/index.js";
import type { DecisionStatus, FrameworkId, Verdict } from "../../engine/index.js";
import type { DecisionRepository } from "../../storage/index.js";

/** One decision in a team's log: a recommendation, where it was posted, who asked, what became of it. */
export interface LoggedDecision {
  channel: string;
  ts: string;
  status: DecisionStatus;
  /** The recommendation's verdict. */
  recommended: Verdict;
  /** What the team chose; null while proposed. */
  framework: FrameworkId | null;
  askedBy: string;
  /** When it was decided, else when the recommendation was posted (epoch milliseconds). */
  at: number;
}

/** A team's decisions, newest first. When `deps.decisionLog` is set, the pane offers "Show our team's decisions". */
export interface DecisionLog {
  /** Those `viewer` may see: a decision of a channel not known to be public only if they took part in it. */
  recent(teamId: string, viewer: string, limit: number): Promise<LoggedDecision[]>;
}

/** The decision log over the database's decisions (newest recommendation first, every status). */
export function storedDecisionLog(decisions: Pick<DecisionRepository, "listByTeam">): DecisionLog {
  return {
    async recent(teamId, viewer, limit) {
      const rows = await decisions.listByTeam(teamId, { limit, visibleTo: viewer });
      return rows.map((d) => ({
        channel: d.channelId,
        ts: d.messageTs,
        status: d.status,
        recommended: d.recommended,
        framework: d.framework,
        askedBy: d.askedBy,
        at: d.decidedAt ?? tsMillis(d.messageTs),
      }));
    },
  };
}
