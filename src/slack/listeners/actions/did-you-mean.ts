import type { Deps } from "../../deps.js";
import { featureAnswer } from "../../services/compose-answer.js";
import { interactionPlace } from "../../services/interaction-place.js";
import type { ButtonArgs } from "../args.js";

/** A "Did you mean" button: the answer about that feature replaces the question it offered. */
export function didYouMean({ knowledge, threads }: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const place = interactionPlace(body);
    const thread = place
      ? await threads.lookup(context.api, context.log, place.channel, place.threadTs, context.teamId)
      : null;
    const answer = featureAnswer(knowledge, action.value ?? "", {
      noProject: thread === null,
      ...(thread?.profile ? { profile: thread.profile } : {}),
    });
    if (!answer) {
      context.log.warn({ feature: action.value }, "did_you_mean with an unknown feature");
      return;
    }
    const responseUrl = context.api.responseUrlOf(body);
    if (!responseUrl) return;
    await context.api.respond(responseUrl, { replace_original: true, ...answer });
  };
}
