import type { FrameworkId } from "../../engine/index.js";

/** One decision in a team's log: a recommendation, where it was posted, who asked and when. */
export interface LoggedDecision {
  channel: string;
  ts: string;
  verdict: FrameworkId | "either";
  askedBy: string;
  /** Epoch milliseconds. */
  at: number;
}

/**
 * A team's decisions, newest first. None exists yet: the recommendations table in `src/storage`
 * (`RecommendationRepository.listByTeam`) is its natural source once the storage layer is wired in.
 * Until `deps.decisionLog` is set, the pane does not offer "Show our team's decisions".
 */
export interface DecisionLog {
  recent(teamId: string, limit: number): Promise<LoggedDecision[]>;
}
