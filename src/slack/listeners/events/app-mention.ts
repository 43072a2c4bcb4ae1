import type { Deps } from "../../deps.js";
import { postAnswer } from "../../services/post-answer.js";
import type { EventArgs } from "../args.js";

/**
 * "@flask-or-django what about async?": answered in a thread under the message. Inside one of our
 * recommendation threads the answer uses the project's answers; elsewhere it says how to get one.
 */
export function appMention({ knowledge, threads, once }: Deps) {
  return async ({ event, context }: EventArgs<"app_mention">): Promise<void> => {
    if (event.bot_id) return;
    const { log, api } = context;
    // The same message also arrives as a `message` event: whoever comes first answers.
    await once.guard(`message:${event.channel}:${event.ts}`, async () => {
      // In a thread someone else started (the event says who, when it does) there is nothing to look up.
      const parent = (event as { parent_user_id?: unknown }).parent_user_id;
      const othersThread = typeof parent === "string" && !!context.botUserId && parent !== context.botUserId;
      const thread =
        event.thread_ts && !othersThread
          ? await threads.lookup(api, log, event.channel, event.thread_ts, context.teamId)
          : null;
      await postAnswer(api, log, knowledge, {
        channel: event.channel,
        threadTs: event.thread_ts ?? event.ts,
        text: event.text ?? "",
        addressed: true,
        noProject: thread === null,
        ...(thread?.profile ? { profile: thread.profile, verdict: thread.verdict } : {}),
      });
    });
  };
}
