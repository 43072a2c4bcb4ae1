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
import { messageLink as linkTo } from "../../services/workspace-links.js";
import { slackErrorCode } from "../../slack-errors.js";
import type { EventArgs } from "../args.js";

/**
 * The Workflow Builder step: validate the inputs (a bad one fails the step, naming it), run the engine,
 * optionally post the recommendation where asked (the same message as the modal's, threads included),
 * and complete with the verdict, confidence, summary and the message's link.
 */
export function recommendFramework({ knowledge, threads, recommendations, database, channels, links }: Deps) {
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
              channels.isPublic(workspace.teamId, delivered.channel),
            );
          }
          await recommendations.record(
            { teamId: context.teamId ?? "", channel: delivered.channel, ts: delivered.ts },
            { verdict: payload.verdict, profile: parsed.profile },
            log,
          );
          // The workspace's address (one auth.test an hour) and the message's documented path.
          const base = context.teamId ? await links.base(api, log, context.teamId) : undefined;
          messageLink = base ? linkTo(base, delivered.channel, delivered.ts) : undefined;
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
