import type { Deps } from "../../deps.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import type { ButtonArgs } from "../args.js";

/** "Start a comparison" (App Home, help): the modal asks where to post. */
export function startComparison({ knowledge }: Deps) {
  return async ({ ack, body, client, context }: ButtonArgs): Promise<void> => {
    await ack();
    const channel = body.channel?.id;
    await openQuestionnaireOrExplain(client, context.log, knowledge, {
      triggerId: body.trigger_id,
      modal: { user: body.user.id },
      ...(channel ? { channel } : {}),
      retry: "click *Start a comparison* again, or type `/flask-or-django`",
    });
  };
}
