import type { Deps } from "../../deps.js";
import { decodeAnswers } from "../../services/codecs.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import { prefillFrom } from "../../services/prefill.js";
import type { ButtonArgs } from "../args.js";

/** "Answer the questions" under a quick take in the pane: the form, prefilled, asking where to post. */
export function panePrefillQuestionnaire({ knowledge }: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const decoded = decodeAnswers(action.value);
    const channel = body.channel?.id;
    await openQuestionnaireOrExplain(context.api, context.log, knowledge, {
      triggerId: body.trigger_id,
      modal: { user: body.user.id },
      ...(decoded ? { initial: prefillFrom(knowledge, decoded.input) } : {}),
      ...(channel ? { channel } : {}),
      retry: "click *Answer the questions* again, or type `/flask-or-django` in a channel",
    });
  };
}
