import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";

/** "Start a comparison" (App Home, help): the modal asks where to post. */
export function startComparison({ knowledge }: Deps) {
  return async ({
    ack,
    body,
    client,
    context,
  }: AllMiddlewareArgs<AppContext> & SlackActionMiddlewareArgs<BlockButtonAction>): Promise<void> => {
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
