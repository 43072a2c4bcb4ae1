/**
 * The ADR of one recommendation message, from what the database holds (read with `readStoredRecord`): its
 * decision (or, when none was recorded, the recommendation as a proposal), the recommendation's answers,
 * the teammates' views and the votes. People and channels are named by id (`@U…`, `#C…`): the app asks
 * for no scope that reads names, and a canvas turns them into mentions (canvas-markdown.ts). Pure.
 */
import { adrForStoredDecision, storedProfile, tsMillis } from "../../decisions/index.js";
import type { DecisionKey, StoredRecord } from "../../decisions/stored-record.js";
import { type Knowledge, recommendProfile } from "../../engine/index.js";
import type { StoredDecision, StoredRecommendation } from "../../storage/index.js";

/** Answers carried by the message itself (its buttons' value), for a recommendation the database lacks. */
export interface CarriedAnswers {
  input: { answers: Record<string, string>; needs: string[]; notes: string };
  askedBy?: string;
}

export type StoredAdr =
  | { ok: true; markdown: string; decision: StoredDecision }
  | {
      ok: false;
      /** not_stored: no row and nothing carried; outdated: its answers no longer fit today's questions. */
      reason: "not_stored" | "outdated";
    };

/** A recommendation row rebuilt from the answers a message carries (scores as the engine gives today). */
function carriedRecommendation(
  knowledge: Knowledge,
  key: DecisionKey,
  carried: CarriedAnswers,
): StoredRecommendation | "outdated" | undefined {
  const profile = storedProfile(knowledge, carried.input);
  if (profile === undefined) return "outdated";
  if (!carried.askedBy) return undefined;
  const rec = recommendProfile(profile, knowledge);
  return {
    teamId: key.teamId,
    enterpriseId: key.enterpriseId ?? null,
    channelId: key.channelId,
    messageTs: key.messageTs,
    userId: carried.askedBy,
    ...carried.input,
    verdict: rec.verdict,
    scores: rec.scores,
    confidence: rec.confidence.share,
    knowledgeVersion: rec.knowledgeVersion,
    createdAt: tsMillis(key.messageTs),
    editedAt: null,
  };
}

/** A recommendation nobody has proposed or decided yet reads as a proposal of its own verdict. */
export function proposalOf(r: StoredRecommendation): StoredDecision {
  return {
    teamId: r.teamId,
    enterpriseId: r.enterpriseId,
    channelId: r.channelId,
    messageTs: r.messageTs,
    askedBy: r.userId,
    recommended: r.verdict,
    status: "proposed",
    framework: null,
    decidedBy: null,
    decidedAt: null,
    reason: null,
    againstRecommendation: false,
    supersedes: null,
    supersededBy: null,
    supersededAt: null,
    createdAt: r.createdAt,
    updatedAt: r.editedAt ?? r.createdAt,
    // Nothing recorded: not known to be public.
    channelPublic: false,
  };
}

/**
 * Renders the MADR record of what was read (or of the answers the message carries, when the database
 * has no copy of the recommendation).
 * @throws an Error from the engine when the record cannot be rendered (a bug: the caller logs it).
 */
export function adrOfRecord(
  knowledge: Knowledge,
  record: StoredRecord,
  key: DecisionKey,
  carried?: CarriedAnswers,
): StoredAdr {
  const recommendation =
    record.recommendation ?? (carried ? carriedRecommendation(knowledge, key, carried) : undefined);
  if (recommendation === undefined) return { ok: false, reason: "not_stored" };
  if (recommendation === "outdated" || storedProfile(knowledge, recommendation) === undefined)
    return { ok: false, reason: "outdated" };
  const decision = record.decision ?? proposalOf(recommendation);
  const markdown = adrForStoredDecision(knowledge, {
    decision,
    recommendation,
    views: record.views,
    votes: record.votes,
    name: (id) => `@${id}`,
    channelName: `#${key.channelId}`,
  });
  return { ok: true, markdown, decision };
}
