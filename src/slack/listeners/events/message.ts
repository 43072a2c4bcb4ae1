import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { postAnswer } from "../../services/answer-question.js";
import { logOf } from "../../services/request-log.js";

interface IncomingMessage {
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

/**
 * Replies in the thread of one of our recommendations are questions; so are direct messages.
 * Never answered: bots (ours included), edits, deletions and other subtypes, top-level channel
 * chatter, threads that are not ours, and messages that mention the bot (app_mention answers those).
 */
export function registerMessage(app: App, deps: Deps): void {
  app.event("message", async ({ event, client, context }) => {
    const m = event as unknown as IncomingMessage;
    if (m.subtype !== undefined && m.subtype !== "thread_broadcast") return;
    if (m.bot_id || !m.user || m.user === context.botUserId) return;
    const text = m.text ?? "";
    const isDm = m.channel_type === "im";
    if (!isDm && context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    const isReply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
    if (!isDm && !isReply) return;

    const log = logOf(context, deps.logger);
    const ctx = isReply ? await deps.threads.lookup(client, log, m.channel, m.thread_ts as string) : null;
    if (!isDm && ctx === null) return;
    const key = `message:${m.channel}:${m.ts}`;
    if (!deps.once.first(key)) return;
    try {
      await postAnswer(client, log, deps.knowledge, {
        channel: m.channel,
        threadTs: isReply ? (m.thread_ts as string) : m.ts,
        text,
        addressed: isDm,
        noProject: ctx === null,
        ...(ctx?.profile ? { profile: ctx.profile } : {}),
      });
    } catch (err) {
      deps.once.forget(key); // let Slack's retry of this event answer it
      throw err;
    }
  });
}
