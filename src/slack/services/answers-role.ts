import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import type { Database } from "../../storage/index.js";
import { closedWords } from "./deciders.js";
import type { RecommendationThread } from "./recommendation-threads.js";
import type { Workspace } from "./saved-recommendations.js";

/**
 * What a person's answers to a recommendation's questions may do, by what the database says (never by
 * what a button or form carried): edit the recommendation (only its stored asker), be that person's own
 * view, nothing (decided or superseded: the record stays as decided on), or nothing yet (unreadable).
 * A recommendation that was posted but never stored (the database was away) is known by its message's
 * metadata, which only this app writes: its asker may edit it, which stores it; nobody else's answers
 * can attach until then.
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

/** Answers from someone other than the asker to a recommendation that was never stored. */
export function notStoredWords(askedBy: string): string {
  return `I have no stored copy of this recommendation (it was posted while my database was away), so it can't take other people's answers yet. <@${askedBy}> can store it by clicking *Edit answers* and *Update*; or run \`/flask-or-django\` for a new one.`;
}

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
  /** The message itself, read from Slack (its metadata names who asked), for when nothing is stored. */
  fromMessage?: () => Promise<Pick<RecommendationThread, "askedBy"> | null>,
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
    if (recommendation) return recommendation.userId === user ? { kind: "edit" } : { kind: "view" };
  } catch (err) {
    log.error(
      { err, channel: place.channel, messageTs: place.messageTs },
      "could not read the recommendation or its decision",
    );
    return { kind: "unreadable" };
  }
  // Posted while the database was away: the message's own metadata says who asked.
  const message = await fromMessage?.().catch((err: unknown) => {
    log.warn({ err, channel: place.channel, messageTs: place.messageTs }, "could not read the message");
    return null;
  });
  const askedBy = message?.askedBy;
  if (askedBy === user) return { kind: "edit" };
  return { kind: "closed", words: askedBy ? notStoredWords(askedBy) : NOT_STORED_WORDS };
}
