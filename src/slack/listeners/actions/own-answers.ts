import type { Deps } from "../../deps.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { openOwnAnswers } from "../../services/open-own-answers.js";
import type { ButtonArgs } from "../args.js";

/**
 * "Edit answers" and "Add my view" on a recommendation: the questions again, prefilled. The asker's
 * update that message; anyone else's are stored as their own view of it (the asker's stay as they are).
 */
export function ownAnswers(deps: Deps, button: "Edit answers" | "Add my view") {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const place = interactionPlace(body);
    if (!place) {
      context.log.warn({ button }, "answers button without a channel or message");
      return;
    }
    await openOwnAnswers(deps, {
      api: context.api,
      log: context.log,
      teamId: context.teamId,
      enterpriseId: context.enterpriseId,
      triggerId: body.trigger_id,
      user: body.user.id,
      place,
      value: action.value,
      retry: `click *${button}* again`,
    });
  };
}
