import type { Logger } from "pino";
import { storedProfile } from "../../decisions/index.js";
import { recommendProfile } from "../../engine/index.js";
import type { DecideInput, DecideResult, StoredDecision } from "../../storage/index.js";
import { slackDate } from "../blocks/text.js";
import type { Deps } from "../deps.js";
import type { DecideAnswers } from "./decide-submission.js";
import { tellPerson } from "./delivery.js";
import type { SetOutcome } from "./revisit-reminders.js";
import type { SlackCalls } from "./slack-api.js";
import { decisionOf, type MessagePlace } from "./team-state.js";

type DecisionDeps = Pick<Deps, "database" | "knowledge" | "revisits" | "refresher">;

/** Decides, proposing first a recommendation that has no decision yet (posted while the database was away). */
export async function recordDecision({ database }: DecisionDeps, input: DecideInput): Promise<DecideResult> {
  const result = await database.decisions.decide(input);
  if (result.ok || result.code !== "not_found") return result;
  const recommendation = await database.recommendations.find(input.teamId, input.channelId, input.messageTs);
  if (!recommendation) return result;
  await decisionOf(database, recommendation);
  return database.decisions.decide(input);
}

/** The reminder, when one was asked for; a failure is told, not thrown (the decision stands). */
async function setReminder(
  deps: DecisionDeps,
  api: SlackCalls,
  log: Logger,
  decision: StoredDecision,
  months: DecideAnswers["revisitMonths"],
  user: string,
): Promise<SetOutcome | undefined> {
  if (months === null) return undefined;
  const row = await deps.database.recommendations.find(
    decision.teamId,
    decision.channelId,
    decision.messageTs,
  );
  const profile = row ? storedProfile(deps.knowledge, row) : undefined;
  if (!profile) return { problem: "I no longer have this recommendation's answers to remind you of" };
  const rec = recommendProfile(profile, deps.knowledge);
  return deps.revisits.set(api, log, decision, rec, months, user);
}

/** What the person who decided is told: the decision, what it superseded, the reminder or why none. */
export function decidedWords(
  deps: Pick<Deps, "knowledge">,
  decision: StoredDecision,
  superseded: StoredDecision | null,
  reminder: SetOutcome | undefined,
): string {
  const name = decision.framework ? deps.knowledge.meta.frameworks[decision.framework].name : "";
  const parts = [
    `Marked as decided: *${name}*${decision.againstRecommendation ? ", against the recommendation" : ""}.`,
  ];
  if (superseded)
    parts.push(
      `It supersedes the decision of ${slackDate(superseded.decidedAt ?? superseded.createdAt)} in this channel.`,
    );
  if (reminder && "reminder" in reminder)
    parts.push(
      `I'll post a reminder to revisit in the recommendation's thread on ${slackDate(reminder.reminder.postAt)}; *Cancel reminder* on the message stops it.`,
    );
  if (reminder && "problem" in reminder)
    parts.push(`I couldn't set the reminder to revisit: ${reminder.problem}.`);
  return parts.join(" ");
}

/**
 * Everything after a decision is recorded: the superseded decision's reminders cancelled, the new
 * reminder set, both messages re-rendered, the person who decided told. Each step on its own: one
 * failing (logged) does not stop the others.
 */
export async function followUpDecision(
  deps: DecisionDeps,
  api: SlackCalls,
  log: Logger,
  request: {
    workspace: Omit<MessagePlace, "channel" | "ts">;
    decision: StoredDecision;
    superseded: StoredDecision | null;
    answers: DecideAnswers;
    user: string;
  },
): Promise<void> {
  const { workspace, decision, superseded, answers, user } = request;
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (err) {
      log.error({ err, step: name }, "a step after deciding failed");
      return undefined;
    }
  };
  if (superseded)
    await step("cancel superseded reminders", () => deps.revisits.cancelFor(api, log, superseded, user));
  const reminder = await step("set reminder", () =>
    setReminder(deps, api, log, decision, answers.revisitMonths, user),
  ).then(
    (outcome) =>
      outcome ??
      (answers.revisitMonths === null ? undefined : { problem: "my database isn't answering right now" }),
  );
  await Promise.all(
    [decision, ...(superseded ? [superseded] : [])].map((d) =>
      step("update message", () =>
        deps.refresher.refresh({ ...workspace, channel: d.channelId, ts: d.messageTs }, api, log),
      ),
    ),
  );
  await step("tell", () =>
    tellPerson(
      api,
      log,
      { channel: decision.channelId, user },
      decidedWords(deps, decision, superseded, reminder),
    ),
  );
}
