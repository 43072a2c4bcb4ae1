import { DEFAULT_WHO_MAY_DECIDE, type Knowledge, mayDecide, type WhoMayDecide } from "../../engine/index.js";
import type { Database, StoredDecision } from "../../storage/index.js";
import { slackDate } from "../blocks/text.js";

/** The workspace's setting: who may mark a recommendation as decided. */
export async function whoMayDecide(database: Database, teamId: string): Promise<WhoMayDecide> {
  return (await database.teamSettings.get(teamId)).whoMayDecide ?? DEFAULT_WHO_MAY_DECIDE;
}

/** Why someone may not decide, who can, and how that could change. Mentions render in messages. */
export function notAllowedWords(askedBy: string): string {
  return `Only <@${askedBy}> can mark this recommendation as decided: they asked for it, and in this workspace the person who asked decides. Ask them to click *Mark as decided*; a workspace setting (in the app's Home tab) can let anyone decide instead.`;
}

/** Why a decision cannot be made (again), in words for the person who tried. */
export function closedWords(knowledge: Knowledge, decision: StoredDecision): string {
  if (decision.status === "superseded")
    return "A later decision in this channel has replaced this one. To change course, decide on the latest recommendation.";
  const what = decision.framework ? `: ${knowledge.meta.frameworks[decision.framework].name}` : "";
  const by = decision.decidedBy ? ` by <@${decision.decidedBy}>` : "";
  const when = decision.decidedAt !== null ? ` on ${slackDate(decision.decidedAt)}` : "";
  return `This recommendation is already decided${what}${by}${when}. Decisions only move forward: to change course, post a new recommendation here and decide on it; it will supersede this one.`;
}

/** True when `user` may decide this one under the workspace's setting. */
export function allowedToDecide(setting: WhoMayDecide, decision: StoredDecision, user: string): boolean {
  return mayDecide(setting, decision.askedBy, user);
}
