import type { App, BlockButtonAction } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { slackErrorCode, tellPerson } from "../../services/delivery.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/** "Start a comparison" (App Home, help): the modal asks where to post. */
export function registerOpenQuestionnaire(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(IDS.openQuestionnaire, async ({ ack, body, client, context }) => {
    await ack();
    try {
      await openQuestionnaire(client, deps.knowledge, body.trigger_id, { u: body.user.id });
    } catch (err) {
      const log = logOf(context, deps.logger);
      log.warn({ err, code: slackErrorCode(err) }, "views.open failed from a button");
      const channel = body.channel?.id;
      await tellPerson(
        client,
        log,
        { user: body.user.id, ...(channel ? { channel } : {}) },
        "Slack took too long to open the form. Please click *Start a comparison* again, or type `/flask-or-django`.",
      );
    }
  });
}
