import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/** The global shortcut "Compare Flask and Django": the same modal, asking where to post. */
export function registerCompareShortcut(app: App, deps: Deps): void {
  app.shortcut(IDS.shortcut, async ({ ack, shortcut, client, context }) => {
    await ack();
    try {
      await openQuestionnaire(client, deps.knowledge, shortcut.trigger_id, { u: shortcut.user.id });
    } catch (err) {
      logOf(context, deps.logger).warn({ err }, "views.open failed from the shortcut");
    }
  });
}
