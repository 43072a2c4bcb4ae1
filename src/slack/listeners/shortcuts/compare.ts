import type { Deps } from "../../deps.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import type { GlobalShortcutArgs } from "../args.js";

/** The global shortcut "Compare Flask and Django": the same modal, asking where to post. */
export function compareShortcut({ knowledge }: Deps) {
  return async ({ ack, shortcut, client, context }: GlobalShortcutArgs): Promise<void> => {
    await ack();
    await openQuestionnaireOrExplain(client, context.log, knowledge, {
      triggerId: shortcut.trigger_id,
      modal: { user: shortcut.user.id },
      retry: "use the *Compare Flask and Django* shortcut again, or type `/flask-or-django`",
    });
  };
}
