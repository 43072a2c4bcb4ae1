import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { slackErrorCode, tellPerson } from "../../services/delivery.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/** The global shortcut "Compare Flask and Django": the same modal, asking where to post. */
export function registerCompareShortcut(app: App, deps: Deps): void {
  app.shortcut(IDS.shortcut, async ({ ack, shortcut, client, context }) => {
    await ack();
    try {
      await openQuestionnaire(client, deps.knowledge, shortcut.trigger_id, { u: shortcut.user.id });
    } catch (err) {
      const log = logOf(context, deps.logger);
      log.warn({ err, code: slackErrorCode(err) }, "views.open failed from the shortcut");
      await tellPerson(
        client,
        log,
        { user: shortcut.user.id },
        "Slack took too long to open the form. Please use the *Compare Flask and Django* shortcut again, or type `/flask-or-django`.",
      );
    }
  });
}
