import type { App } from "@slack/bolt";
import { matchFeature } from "../../../engine/index.js";
import { helpBlocks, topicsBlocks, unknownQuestionBlocks } from "../../blocks/help.js";
import { decodeSlackEntities } from "../../blocks/text.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { featureAnswer } from "../../services/answer-question.js";
import { slackErrorCode, tellPerson } from "../../services/delivery.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/**
 * /flask-or-django          → the questions modal
 * /flask-or-django help     → usage            (only the person sees it)
 * /flask-or-django topics   → what it can answer
 * /flask-or-django <topic>  → one feature, side by side
 */
export function registerFlaskOrDjangoCommand(app: App, deps: Deps): void {
  const k = deps.knowledge;
  app.command(IDS.command, async ({ command, ack, client, context }) => {
    const log = logOf(context, deps.logger);
    const text = decodeSlackEntities(command.text).trim();
    if (text === "") {
      await ack();
      try {
        await openQuestionnaire(client, k, command.trigger_id, {
          c: command.channel_id,
          u: command.user_id,
          r: command.response_url,
        });
      } catch (err) {
        log.warn({ err, code: slackErrorCode(err) }, "views.open failed");
        const again =
          slackErrorCode(err) === "expired_trigger_id"
            ? "Slack took too long to open the form. Please type `/flask-or-django` again."
            : `I couldn't open the form (${slackErrorCode(err)}). Please type \`/flask-or-django\` again in a moment.`;
        await tellPerson(
          client,
          log,
          { channel: command.channel_id, user: command.user_id, responseUrl: command.response_url },
          again,
        );
      }
      return;
    }
    const word = text.toLowerCase();
    if (word === "help" || word === "usage" || word === "?") {
      await ack({
        response_type: "ephemeral",
        text: "How to use /flask-or-django",
        blocks: helpBlocks(k, true),
      });
      return;
    }
    if (word === "topics" || word === "list") {
      await ack({ response_type: "ephemeral", text: "Topics I can answer", blocks: topicsBlocks(k) });
      return;
    }
    const match = matchFeature(text, k);
    const answer =
      match.kind === "match"
        ? featureAnswer(k, match.featureId, {
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
        blocks: unknownQuestionBlocks(k, text, match.kind === "unknown" ? match.suggestions : []),
      });
    }
  });
}
