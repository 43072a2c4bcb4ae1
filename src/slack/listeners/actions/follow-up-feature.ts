import type { Deps } from "../../deps.js";
import { featureAnswer } from "../../services/compose-answer.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { answerInThread } from "../../services/post-answer.js";
import type { ButtonArgs } from "../args.js";

/** "Also: Authentication" buttons under an answer that named several features. */
export function followUpFeature({ knowledge, threads }: Deps) {
  return async ({ ack, body, action, client, context, respond }: ButtonArgs): Promise<void> => {
    await ack();
    const place = interactionPlace(body);
    if (!place) return;
    const thread = await threads.lookup(client, context.log, place.channel, place.threadTs, context.teamId);
    const answer = featureAnswer(knowledge, action.value ?? "", {
      noProject: thread === null,
      ...(thread?.profile ? { profile: thread.profile } : {}),
    });
    if (!answer) return;
    await answerInThread(client, context.log, place, answer, respond);
  };
}
