import {
  type App,
  Assistant,
  type AssistantThreadStartedMiddleware,
  type AssistantUserMessageMiddleware,
} from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { panePrefillQuestionnaire } from "./prefill-questionnaire.js";
import { paneThreadStarted } from "./thread-started.js";
import { paneUserMessage } from "./user-message.js";

/**
 * The agent side pane (Bolt's Assistant): a thread starts, its context changes as the person moves
 * between channels (Bolt saves it in our store, `deps.paneContexts`), and each message is answered.
 * Registered as global middleware: messages in pane threads never reach the `message` listener.
 */
export function registerAssistant(app: App<AppContext>, deps: Deps): void {
  app.assistant(
    new Assistant({
      threadContextStore: deps.paneContexts,
      // Bolt types the Assistant's listeners without the app's own context; ours (`context.log`) is set
      // by createApp's middleware before any listener runs, so the listeners may rely on it.
      threadStarted: paneThreadStarted(deps) as unknown as AssistantThreadStartedMiddleware,
      userMessage: paneUserMessage(deps) as unknown as AssistantUserMessageMiddleware,
    }),
  );
  app.action(IDS.panePrefillQuestionnaire, panePrefillQuestionnaire(deps));
}
