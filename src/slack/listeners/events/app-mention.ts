import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { postAnswer } from "../../services/answer-question.js";
import { logOf } from "../../services/request-log.js";

/**
 * "@flask-or-django what about async?": answered in a thread under the message. Inside one of our
 * recommendation threads the answer uses the project's answers; elsewhere it says how to get one.
 */
export function registerAppMention(app: App, deps: Deps): void {
  app.event("app_mention", async ({ event, client, context }) => {
    if (event.bot_id) return;
    const log = logOf(context, deps.logger);
    // The same message also arrives as a `message` event: whoever comes first answers.
    await deps.once.guard(`message:${event.channel}:${event.ts}`, async () => {
      const ctx = event.thread_ts
        ? await deps.threads.lookup(client, log, event.channel, event.thread_ts)
        : null;
      await postAnswer(client, log, deps.knowledge, {
        channel: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        text: event.text ?? "",
        addressed: true,
        noProject: ctx === null,
        ...(ctx?.profile ? { profile: ctx.profile } : {}),
      });
    });
  });
}
