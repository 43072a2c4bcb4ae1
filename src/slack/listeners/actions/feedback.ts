import type { FeedbackValue } from "../../../storage/index.js";
import type { Deps } from "../../deps.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { FEEDBACK_NOT_SAVED, workspaceOf } from "../../services/saved-recommendations.js";
import type { ButtonArgs } from "../args.js";

const THANKS: Record<FeedbackValue, string> = {
  helpful: "Thanks! Glad it helped.",
  not_helpful:
    "Thanks for telling us. Reply in the thread with what was missing, or use *Edit answers* if something was off.",
};

/**
 * "Helpful" / "Not helpful" on a recommendation: stored (one per person per recommendation; a second
 * click replaces the first), and acknowledged to that person only.
 */
export function feedback({ database }: Deps, value: FeedbackValue) {
  return async ({ ack, body, context }: ButtonArgs): Promise<void> => {
    await ack();
    const { log } = context;
    const place = interactionPlace(body);
    const workspace = workspaceOf(context);
    let saved = true;
    if (place === undefined || workspace === undefined) {
      log.warn({ feedback: value }, "feedback without a message or team id; not stored");
    } else {
      try {
        await database.feedback.upsert({
          teamId: workspace.teamId,
          enterpriseId: workspace.enterpriseId ?? null,
          channelId: place.channel,
          messageTs: place.messageTs,
          userId: body.user.id,
          value,
        });
        log.info({ feedback: value, message: place.messageTs }, "recommendation feedback");
      } catch (err) {
        saved = false;
        log.error({ err, feedback: value, message: place.messageTs }, "could not save the feedback");
      }
    }
    const responseUrl = context.api.responseUrlOf(body);
    if (!responseUrl) return;
    await context.api.respond(responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      text: saved ? THANKS[value] : FEEDBACK_NOT_SAVED,
    });
  };
}
