import type { Logger } from "pino";
import type { Recommendation } from "../../engine/index.js";
import type {
  DecisionRepository,
  RecommendationInput,
  RecommendationRepository,
} from "../../storage/index.js";

/** The workspace a request came from, as the database keys what it stores. */
export interface Workspace {
  teamId: string;
  enterpriseId?: string;
}

/** The workspace of a request (Bolt's context), or undefined when Slack sent no team id. */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): Workspace | undefined {
  if (!context.teamId) return undefined;
  return { teamId: context.teamId, ...(context.enterpriseId ? { enterpriseId: context.enterpriseId } : {}) };
}

/** What a person is told when their recommendation was posted but could not be stored. */
export const NOT_SAVED =
  "I posted your recommendation, but I couldn't save a copy of it: my database isn't answering right now. Its thread still answers questions. Until it is saved, your team can't add views, vote or decide on it: once the database is back, click *Edit answers* and *Update* to save it. If this keeps happening, tell whoever runs this app in your workspace.";

/** What a person is told when their Helpful / Not helpful could not be recorded. */
export const FEEDBACK_NOT_SAVED =
  "Thanks, but I couldn't record that: my database isn't answering right now. Please click it again in a few minutes.";

/** The row for a recommendation posted (or updated) at `channel`/`ts`. */
export function recommendationRow(
  workspace: Workspace,
  place: { channel: string; ts: string },
  rec: Recommendation,
  askedBy: string,
): RecommendationInput {
  return {
    teamId: workspace.teamId,
    enterpriseId: workspace.enterpriseId ?? null,
    channelId: place.channel,
    messageTs: place.ts,
    userId: askedBy,
    answers: rec.profile.answers,
    needs: rec.profile.needs,
    notes: rec.profile.notes,
    verdict: rec.verdict,
    scores: rec.scores,
    confidence: rec.confidence.share,
    knowledgeVersion: rec.knowledgeVersion,
  };
}

/**
 * Stores (or, for an edit, updates) a recommendation. Never throws: a database that is down or full is
 * logged with the message's ids and reported as false, so the caller can tell the person; the posted
 * message carries its own context (metadata), so threads keep working.
 */
export async function saveRecommendation(
  recommendations: Pick<RecommendationRepository, "upsert">,
  log: Logger,
  row: RecommendationInput,
): Promise<boolean> {
  try {
    await recommendations.upsert(row);
    return true;
  } catch (err) {
    log.error(
      { err, channel: row.channelId, messageTs: row.messageTs },
      "could not save the recommendation in the database",
    );
    return false;
  }
}

/**
 * Stores a recommendation and makes it a proposed decision (the same decision when its answers are
 * edited: while still proposed, an edit's new verdict replaces the old). `channelPublic` is what the app
 * has learned about the channel (ChannelVisibility), when it has. Never throws, as `saveRecommendation`.
 */
export async function recordRecommendation(
  database: {
    recommendations: Pick<RecommendationRepository, "upsert">;
    decisions: Pick<DecisionRepository, "propose">;
  },
  log: Logger,
  row: RecommendationInput,
  channelPublic?: boolean,
): Promise<boolean> {
  if (!(await saveRecommendation(database.recommendations, log, row))) return false;
  try {
    await database.decisions.propose({
      teamId: row.teamId,
      enterpriseId: row.enterpriseId ?? null,
      channelId: row.channelId,
      messageTs: row.messageTs,
      askedBy: row.userId,
      recommended: row.verdict,
      ...(channelPublic === undefined ? {} : { channelPublic }),
    });
    return true;
  } catch (err) {
    log.error(
      { err, channel: row.channelId, messageTs: row.messageTs },
      "could not record the proposed decision",
    );
    return false;
  }
}
