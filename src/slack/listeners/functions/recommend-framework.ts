import { recommendProfile } from "../../../engine/index.js";
import { freshTeamModel } from "../../blocks/team-section.js";
import type { Deps } from "../../deps.js";
import { recommendationMessage } from "../../services/compose-recommendation.js";
import { deliver } from "../../services/delivery.js";
import { parseStepInputs, stepOutputs } from "../../services/recommend-step.js";
import {
  recommendationRow,
  recordRecommendation,
  workspaceOf,
} from "../../services/saved-recommendations.js";
import type { SlackCalls } from "../../services/slack-api.js";
import { slackErrorCode } from "../../slack-errors.js";
import type { EventArgs } from "../args.js";

/**
 * The Workflow Builder step: validate the inputs (a bad one fails the step, naming it), run the engine,
 * optionally post the recommendation where asked (the same message as the modal's, threads included),
 * and complete with the verdict, confidence, summary and the message's link.
 */
export function recommendFramework({ knowledge, threads, recommendations, database }: Deps) {
  return async ({ inputs, complete, fail, context }: EventArgs<"function_executed">): Promise<void> => {
    const { log, api } = context;
    const parsed = parseStepInputs(knowledge, inputs);
    if (!parsed.ok) {
      log.info({ problem: parsed.error }, "workflow step inputs rejected");
      await fail({ error: parsed.error });
      return;
    }
    try {
      const rec = recommendProfile(parsed.profile, knowledge);
      let messageLink: string | undefined;
      if (parsed.channel && parsed.requestedBy) {
        // Stored and proposed like the form's, so the team can add views, vote and decide on it too.
        const { message, payload } = recommendationMessage(
          knowledge,
          parsed.profile,
          parsed.requestedBy,
          undefined,
          freshTeamModel(),
          rec,
        );
        const delivered = await deliver(
          api,
          log,
          { channel: parsed.channel, user: parsed.requestedBy },
          message,
        );
        if (delivered.via === "none") {
          await fail({
            error: `The recommendation could not be posted in <#${parsed.channel}> (${delivered.error}). Add the app to that channel (/invite @flask-or-django), or leave the channel empty, then run the workflow again.`,
          });
          return;
        }
        if (delivered.via === "channel" || delivered.via === "dm") {
          threads.remember(delivered.channel, delivered.ts, payload, parsed.profile);
          const workspace = workspaceOf(context);
          if (workspace && delivered.ts !== "") {
            const where = { channel: delivered.channel, ts: delivered.ts };
            await recordRecommendation(
              database,
              log,
              recommendationRow(workspace, where, rec, parsed.requestedBy),
            );
          }
          await recommendations.record(
            { teamId: context.teamId ?? "", channel: delivered.channel, ts: delivered.ts },
            { verdict: payload.verdict, profile: parsed.profile },
            log,
          );
          messageLink = await permalink(api, delivered.channel, delivered.ts).catch((err: unknown) => {
            log.warn({ code: slackErrorCode(err) }, "posted, but could not get the message's link");
            return undefined;
          });
        }
      }
      await complete({ outputs: stepOutputs(rec, messageLink) });
      log.info({ verdict: rec.verdict, posted: messageLink !== undefined }, "workflow step completed");
    } catch (err) {
      log.error({ err, code: slackErrorCode(err) }, "workflow step failed");
      await fail({
        error:
          "Something went wrong on the app's side while recommending. Run the workflow again; if it keeps failing, ask whoever runs the app to check its logs.",
      });
    }
  };
}

async function permalink(api: SlackCalls, channel: string, ts: string) {
  const res = await api.permalink({ channel, message_ts: ts });
  return res.permalink;
}
