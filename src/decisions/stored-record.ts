/**
 * Everything stored about one recommendation message's decision, read at once: the recommendation, its
 * decision, the teammates' views and the votes. The terminal (`decisions T…/C…/TS`) and Slack (Export as
 * ADR) both render a record from it; who may see a decision is decided from it too (`mayView`).
 */
import type {
  Database,
  StoredDecision,
  StoredRecommendation,
  StoredView,
  VoteTally,
} from "../storage/index.js";

/** Which recommendation message: the key every decision table uses. */
export interface DecisionKey {
  teamId: string;
  enterpriseId?: string;
  channelId: string;
  messageTs: string;
}

export interface StoredRecord {
  /** Undefined when the recommendation was never stored (the database was down when it was posted). */
  recommendation: StoredRecommendation | undefined;
  /** Undefined when no decision was recorded for it. */
  decision: StoredDecision | undefined;
  views: StoredView[];
  votes: VoteTally;
}

/**
 * The four reads, at once.
 * @throws what the database throws (down, or a row that fails its check: StoredDataError).
 */
export async function readStoredRecord(
  database: Pick<Database, "recommendations" | "decisions" | "views" | "votes">,
  key: DecisionKey,
): Promise<StoredRecord> {
  const { teamId, channelId, messageTs } = key;
  const [recommendation, decision, views, votes] = await Promise.all([
    database.recommendations.find(teamId, channelId, messageTs),
    database.decisions.find(teamId, channelId, messageTs),
    database.views.listForRecommendation(teamId, channelId, messageTs),
    database.votes.tally(teamId, channelId, messageTs),
  ]);
  return { recommendation, decision, views, votes };
}

/**
 * Whether `user` may see this decision outside its channel (App Home, the pane, an export from Home): anyone
 * when its channel is public; otherwise only the people who took part: who asked, who decided, and who gave
 * a view or voted. The same rule as `DecisionRepository.listByTeam`'s `visibleTo`.
 */
export function mayView(user: string, record: StoredRecord): boolean {
  if (record.decision?.channelPublic) return true;
  const people = [
    record.recommendation?.userId,
    record.decision?.askedBy,
    record.decision?.decidedBy,
    ...record.views.map((v) => v.userId),
    ...record.votes.agree,
    ...record.votes.pickOther,
  ];
  return people.includes(user);
}
