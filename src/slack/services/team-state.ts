import type { Logger } from "pino";
import { storedProfile, teamViewsFor } from "../../decisions/index.js";
import {
  type Knowledge,
  type ProjectProfile,
  type Recommendation,
  recommendProfile,
} from "../../engine/index.js";
import {
  type Database,
  type StoredDecision,
  type StoredRecommendation,
  type StoredReminder,
  tallyAgainst,
} from "../../storage/index.js";
import type { DecisionStatusModel, LinkedDecision } from "../blocks/decision-status.js";
import { mention } from "../blocks/team-lines.js";
import type { TeamModel } from "../blocks/team-section.js";
import type { SlackCalls } from "./slack-api.js";
import { messageLink, type WorkspaceLinks } from "./workspace-links.js";

/** "Cancel reminder"'s value: the reminder is looked up from the clicked message, so it names nothing. */
const CANCEL_REMINDER_VALUE = "revisit";

/** A recommendation message, as the database keys it. */
export interface MessagePlace {
  teamId: string;
  enterpriseId?: string;
  channel: string;
  ts: string;
}

/** Everything stored about one recommendation message, ready to render. */
export interface TeamState {
  recommendation: StoredRecommendation;
  profile: ProjectProfile;
  rec: Recommendation;
  decision: StoredDecision;
  /** Its reminders still to come. */
  reminders: StoredReminder[];
  team: TeamModel;
}

export interface TeamStateDeps {
  knowledge: Knowledge;
  database: Database;
  /** Links to the decisions it supersedes or is superseded by (the workspace's address, once an hour). */
  links: WorkspaceLinks;
}

/**
 * The decision of a stored recommendation; proposed now if it has none yet (posted while the database
 * could not record it, or before decisions existed).
 */
export async function decisionOf(
  database: Database,
  recommendation: StoredRecommendation,
): Promise<StoredDecision> {
  const found = await database.decisions.find(
    recommendation.teamId,
    recommendation.channelId,
    recommendation.messageTs,
  );
  return (
    found ??
    database.decisions.propose({
      teamId: recommendation.teamId,
      enterpriseId: recommendation.enterpriseId,
      channelId: recommendation.channelId,
      messageTs: recommendation.messageTs,
      askedBy: recommendation.userId,
      recommended: recommendation.verdict,
    })
  );
}

async function linked(
  deps: TeamStateDeps,
  api: SlackCalls,
  log: Logger,
  from: StoredDecision,
  ts: string,
): Promise<LinkedDecision> {
  const other = await deps.database.decisions.find(from.teamId, from.channelId, ts);
  const base = await deps.links.base(api, log, from.teamId);
  const at = other?.decidedAt ?? other?.createdAt ?? from.updatedAt;
  return { at, ...(base ? { url: messageLink(base, from.channelId, ts) } : {}) };
}

async function statusModel(
  deps: TeamStateDeps,
  api: SlackCalls,
  log: Logger,
  d: StoredDecision,
  reminders: StoredReminder[],
): Promise<DecisionStatusModel> {
  if (d.status === "decided" && d.framework && d.decidedBy && d.decidedAt !== null) {
    const revisit = reminders[0];
    return {
      status: "decided",
      framework: d.framework,
      by: d.decidedBy,
      at: d.decidedAt,
      recommended: d.recommended,
      against: d.againstRecommendation,
      ...(d.supersedes ? { supersedes: await linked(deps, api, log, d, d.supersedes) } : {}),
      ...(revisit ? { revisitAt: revisit.postAt } : {}),
    };
  }
  if (d.status !== "superseded") return { status: "proposed" };
  return {
    status: "superseded",
    framework: d.framework,
    by: d.decidedBy,
    at: d.decidedAt,
    ...(d.supersededBy ? { supersededBy: await linked(deps, api, log, d, d.supersededBy) } : {}),
  };
}

/**
 * Reads what is stored about a recommendation message (its answers, decision, teammates' views, votes
 * and reminders) into the message's team part. Undefined when the recommendation is not stored, or its
 * answers no longer fit today's questions. Throws when the database fails.
 */
export async function loadTeamState(
  deps: TeamStateDeps,
  api: SlackCalls,
  log: Logger,
  place: MessagePlace,
): Promise<TeamState | undefined> {
  const { database, knowledge } = deps;
  const recommendation = await database.recommendations.find(place.teamId, place.channel, place.ts);
  if (!recommendation) return undefined;
  const profile = storedProfile(knowledge, recommendation);
  if (!profile) {
    log.warn({ channel: place.channel, ts: place.ts }, "stored answers no longer fit the questions");
    return undefined;
  }
  const rec = recommendProfile(profile, knowledge);
  const decision = await decisionOf(database, recommendation);
  const [views, votes, reminders] = await Promise.all([
    database.views.listForRecommendation(place.teamId, place.channel, place.ts),
    database.votes.byFramework(place.teamId, place.channel, place.ts),
    decision.status === "decided"
      ? database.reminders.listForDecision(place.teamId, place.channel, place.ts)
      : Promise.resolve([]),
  ]);
  const teamViews =
    views.length > 0 ? teamViewsFor(knowledge, recommendation, views, mention, rec) : undefined;
  const status = await statusModel(deps, api, log, decision, reminders);
  const reminder = reminders[0];
  return {
    recommendation,
    profile,
    rec,
    decision,
    reminders,
    team: {
      status,
      ...(teamViews ? { views: teamViews } : {}),
      // Agree / other against today's verdict: an edit may have flipped it since people voted.
      votes: tallyAgainst(votes, rec.verdict),
      actions: {
        open: decision.status !== "superseded",
        decidable: decision.status === "proposed",
        ...(reminder ? { reminderValue: CANCEL_REMINDER_VALUE } : {}),
      },
    },
  };
}
