import { HELP_WORDS } from "../../../engine/index.js";
import { helpBlocks, topicsBlocks, unknownQuestionBlocks } from "../../blocks/help.js";
import { decodeSlackEntities } from "../../blocks/text.js";
import type { Deps } from "../../deps.js";
import { answerFor } from "../../services/compose-answer.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import type { CommandArgs } from "../args.js";

/**
 * /flask-or-django          → the questions modal
 * /flask-or-django help     → usage            (only the person sees it)
 * /flask-or-django topics   → what it can answer
 * /flask-or-django <text>   → what the text asks: one feature side by side, a quick take on a
 *                              described project, or "did you mean" (only the person sees it)
 */
export function flaskOrDjango({ knowledge }: Deps) {
  return async ({ command, ack, context }: CommandArgs): Promise<void> => {
    const text = decodeSlackEntities(command.text ?? "").trim();
    if (text === "") {
      await ack();
      // Checked where it arrives: one that is not Slack's is dropped here, and the form works without it.
      const responseUrl = context.api.responseUrlOf(command);
      const where = responseUrl ? { responseUrl } : {};
      await openQuestionnaireOrExplain(context.api, context.log, knowledge, {
        triggerId: command.trigger_id,
        modal: { channel: command.channel_id, user: command.user_id, ...where },
        channel: command.channel_id,
        ...where,
        retry: "type `/flask-or-django` again",
      });
      return;
    }
    const word = text.toLowerCase();
    if (HELP_WORDS.has(word) || word === "?") {
      await ack({
        response_type: "ephemeral",
        text: "How to use /flask-or-django",
        blocks: helpBlocks(knowledge, true),
      });
      return;
    }
    if (word === "topics" || word === "list") {
      await ack({ response_type: "ephemeral", text: "Topics I can answer", blocks: topicsBlocks(knowledge) });
      return;
    }
    const answer = answerFor(knowledge, { text, addressed: true, noProject: true });
    await ack({
      response_type: "ephemeral",
      ...(answer ?? {
        text: "I don't know that one yet.",
        blocks: unknownQuestionBlocks(knowledge, text),
      }),
    });
  };
}
