import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import type { Database } from "../../storage/index.js";
import { closedWords } from "./deciders.js";
import type { Workspace } from "./saved-recommendations.js";

/**
 * What a person's answers to a recommendation's questions may do, by what the database says (never by
 * what a button or form carried): edit the recommendation (only its stored asker), be that person's own
 * view, nothing (decided or superseded: the record stays as decided on; or not stored, so nobody is
 * known to have asked), or nothing yet (unreadable).
 */
export type AnswersRole =
  | { kind: "edit" }
  | { kind: "view" }
  | { kind: "closed"; words: string }
  | { kind: "unreadable" };

export const ANSWERS_UNREADABLE =
  "I couldn't check this recommendation: my database isn't answering right now, so your answers aren't saved. Please try again in a few minutes.";

const NOT_STORED_WORDS =
  "I have no stored copy of this recommendation (it was posted while my database was away), so I can't tell whose it is and can't take answers to it. Run `/flask-or-django` for a new one.";

/** Why answers can no longer change, and what to do instead. */
export function answersClosedWords(
  knowledge: Knowledge,
  decision: Parameters<typeof closedWords>[1],
): string {
  return `Its answers and views are closed, so it keeps what was decided on. ${closedWords(knowledge, decision)}`;
}

export async function answersRole(
  database: Database,
  knowledge: Knowledge,
  workspace: Workspace | undefined,
  place: { channel: string; messageTs: string },
  user: string,
  log: Logger,
): Promise<AnswersRole> {
  if (!workspace) {
    log.warn({ channel: place.channel }, "no team id on the request; cannot look up the recommendation");
    return { kind: "unreadable" };
  }
  try {
    const [recommendation, decision] = await Promise.all([
      database.recommendations.find(workspace.teamId, place.channel, place.messageTs),
      database.decisions.find(workspace.teamId, place.channel, place.messageTs),
    ]);
    if (decision && decision.status !== "proposed")
      return { kind: "closed", words: answersClosedWords(knowledge, decision) };
    // Nothing stored says who asked (posted while the database was away): nobody's answers can attach.
    if (!recommendation) return { kind: "closed", words: NOT_STORED_WORDS };
    return recommendation.userId === user ? { kind: "edit" } : { kind: "view" };
  } catch (err) {
    log.error(
      { err, channel: place.channel, messageTs: place.messageTs },
      "could not read the recommendation or its decision",
    );
    return { kind: "unreadable" };
  }
}
