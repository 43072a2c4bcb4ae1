import type { App, BlockButtonAction } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/** "Start a comparison" (App Home, help): the modal asks where to post. */
export function registerOpenQuestionnaire(app: App, deps: Deps): void {
  app.action<BlockButtonAction>(IDS.openQuestionnaire, async ({ ack, body, client, context }) => {
    await ack();
    try {
      await openQuestionnaire(client, deps.knowledge, body.trigger_id, { u: body.user.id });
    } catch (err) {
      logOf(context, deps.logger).warn({ err }, "views.open failed from a button");
    }
  });
}
