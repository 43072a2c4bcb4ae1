import { parseProfile } from "../../../engine/index.js";
import type { Deps } from "../../deps.js";
import { decodeAnswers } from "../../services/codecs.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import type { ButtonArgs } from "../args.js";

/** "Edit answers" on a recommendation: the questions again, prefilled, to update that message. */
export function editAnswers({ knowledge }: Deps) {
  return async ({ ack, body, action, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const place = interactionPlace(body);
    if (!place) {
      context.log.warn("edit_answers without a channel or message");
      return;
    }
    const decoded = decodeAnswers(action.value);
    const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
    await openQuestionnaireOrExplain(client, context.log, knowledge, {
      triggerId: body.trigger_id,
      modal: {
        channel: place.channel,
        user: body.user.id,
        messageTs: place.messageTs,
        ...(decoded?.askedBy ? { askedBy: decoded.askedBy } : {}),
      },
      ...(parsed?.ok ? { initial: parsed.profile } : {}),
      channel: place.channel,
      retry: "click *Edit answers* again",
    });
  };
}
