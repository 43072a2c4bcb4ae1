import { matchFeature } from "../../../engine/index.js";
import { helpBlocks, topicsBlocks, unknownQuestionBlocks } from "../../blocks/help.js";
import { decodeSlackEntities } from "../../blocks/text.js";
import type { Deps } from "../../deps.js";
import { featureAnswer } from "../../services/compose-answer.js";
import { openQuestionnaireOrExplain } from "../../services/open-questionnaire.js";
import type { CommandArgs } from "../args.js";

/**
 * /flask-or-django          → the questions modal
 * /flask-or-django help     → usage            (only the person sees it)
 * /flask-or-django topics   → what it can answer
 * /flask-or-django <topic>  → one feature, side by side
 */
export function flaskOrDjango({ knowledge }: Deps) {
  return async ({ command, ack, client, context }: CommandArgs): Promise<void> => {
    const text = decodeSlackEntities(command.text).trim();
    if (text === "") {
      await ack();
      await openQuestionnaireOrExplain(client, context.log, knowledge, {
        triggerId: command.trigger_id,
        modal: { channel: command.channel_id, user: command.user_id, responseUrl: command.response_url },
        channel: command.channel_id,
        responseUrl: command.response_url,
        retry: "type `/flask-or-django` again",
      });
      return;
    }
    const word = text.toLowerCase();
    if (word === "help" || word === "usage" || word === "?") {
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
    const match = matchFeature(text, knowledge);
    const answer =
      match.kind === "match"
        ? featureAnswer(knowledge, match.featureId, {
            question: text,
            others: [],
            noProject: true,
            ...(match.myth ? { mythIndex: match.myth.index } : {}),
          })
        : undefined;
    if (answer) {
      await ack({ response_type: "ephemeral", ...answer });
    } else {
      await ack({
        response_type: "ephemeral",
        text: "I don't know that one yet.",
        blocks: unknownQuestionBlocks(knowledge, text, match.kind === "unknown" ? match.suggestions : []),
      });
    }
  };
}
