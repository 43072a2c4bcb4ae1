import { isoDate, storedProfile } from "../../../decisions/index.js";
import { recommendProfile } from "../../../engine/index.js";
import type { DecideInput, DecideResult, StoredDecision, StoredReminder } from "../../../storage/index.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { decodeDecideContext } from "../../services/codecs.js";
import { type DecideAnswers, parseDecideSubmission } from "../../services/decide-submission.js";
import { tellPerson } from "../../services/delivery.js";
import { workspaceOf } from "../../services/saved-recommendations.js";
import type { SlackCalls } from "../../services/slack-api.js";
import { decisionOf, type MessagePlace } from "../../services/team-state.js";
import { reasonWords } from "../../slack-errors.js";
import type { ViewSubmitArgs } from "../args.js";

const refuse = (text: string) => ({
  response_action: "errors" as const,
  errors: { [IDS.decideFramework]: text },
});

/** Decides, proposing first a recommendation that has no decision yet (posted while the database was away). */
async function decide({ database }: Deps, input: DecideInput): Promise<DecideResult> {
  const result = await database.decisions.decide(input);
  if (result.ok || result.code !== "not_found") return result;
  const recommendation = await database.recommendations.find(input.teamId, input.channelId, input.messageTs);
  if (!recommendation) return result;
  await decisionOf(database, recommendation);
  return database.decisions.decide(input);
}

/** The reminder, when one was asked for; a failure is told, not thrown (the decision stands). */
async function setReminder(
  deps: Deps,
  api: SlackCalls,
  decision: StoredDecision,
  answers: DecideAnswers,
  user: string,
): Promise<{ reminder?: StoredReminder; problem?: string }> {
  if (answers.revisitMonths === null) return {};
  try {
    const row = await deps.database.recommendations.find(
      decision.teamId,
      decision.channelId,
      decision.messageTs,
    );
    const profile = row ? storedProfile(deps.knowledge, row) : undefined;
    if (!profile) return { problem: "I no longer have this recommendation's answers to remind you of" };
    const rec = recommendProfile(profile, deps.knowledge);
    return { reminder: await deps.revisits.set(api, decision, rec, answers.revisitMonths, user) };
  } catch (err) {
    return { problem: reasonWords(err) };
  }
}

function confirmation(
  deps: Deps,
  decision: StoredDecision,
  superseded: StoredDecision | null,
  reminder: { reminder?: StoredReminder; problem?: string },
): string {
  const name = decision.framework ? deps.knowledge.meta.frameworks[decision.framework].name : "";
  const parts = [
    `Marked as decided: *${name}*${decision.againstRecommendation ? ", against the recommendation" : ""}.`,
  ];
  if (superseded)
    parts.push(
      `It supersedes the decision of ${isoDate(superseded.decidedAt ?? superseded.createdAt)} in this channel.`,
    );
  if (reminder.reminder)
    parts.push(
      `I'll post a reminder to revisit in the recommendation's thread on ${isoDate(reminder.reminder.postAt)}; *Cancel reminder* on the message stops it.`,
    );
  if (reminder.problem) parts.push(`I couldn't set the reminder to revisit: ${reminder.problem}.`);
  return parts.join(" ");
}

/**
 * "Mark as decided" comes back: decided (atomically; the repository supersedes the decision that stood
 * in the channel), or the form says why not. Then: the superseded decision's reminders are cancelled,
 * the new reminder set, both messages re-rendered, and the person who decided told what happened.
 */
export function decideSubmitted(deps: Deps) {
  return async ({ ack, view, body, context }: ViewSubmitArgs): Promise<void> => {
    const { log, api } = context;
    const where = decodeDecideContext(view.private_metadata);
    const workspace = workspaceOf(context);
    if (!where || !workspace) {
      log.warn("the decide form came back without its context");
      await ack(refuse("This form has expired. Close it and click Mark as decided again."));
      return;
    }
    const parsed = parseDecideSubmission(view.state);
    if (!parsed.ok) {
      await ack({ response_action: "errors", errors: parsed.errors });
      return;
    }
    const user = body.user.id;
    let result: DecideResult;
    try {
      result = await decide(deps, {
        teamId: workspace.teamId,
        channelId: where.channel,
        messageTs: where.messageTs,
        userId: user,
        framework: parsed.answers.framework,
        reason: parsed.answers.reason,
      });
    } catch (err) {
      log.error({ err }, "could not record the decision");
      await ack(
        refuse("I couldn't save that: my database isn't answering. Please try again in a few minutes."),
      );
      return;
    }
    if (!result.ok) {
      log.info({ code: result.code }, "decision refused");
      await ack(refuse(result.message));
      return;
    }
    await ack();
    const { decision, superseded } = result;
    log.info({ framework: decision.framework, supersedes: superseded?.messageTs }, "decided");
    if (superseded) await deps.revisits.cancelFor(api, log, superseded, user);
    const reminder = await setReminder(deps, api, decision, parsed.answers, user);
    const place = (ts: string): MessagePlace => ({ ...workspace, channel: where.channel, ts });
    await Promise.all(
      [decision, ...(superseded ? [superseded] : [])].map((d) =>
        deps.refresher
          .refresh(place(d.messageTs), api, log)
          .catch((err: unknown) => log.warn({ err, ts: d.messageTs }, "could not update a recommendation")),
      ),
    );
    await tellPerson(
      api,
      log,
      { channel: where.channel, user },
      confirmation(deps, decision, superseded, reminder),
    );
  };
}
