import { z } from "zod";
import type { Deps } from "../../deps.js";
import { opensToSomeoneElse } from "../../services/compose-answer.js";
import { postAnswer } from "../../services/post-answer.js";
import type { EventArgs } from "../args.js";

const TS = /^\d{1,12}\.\d{1,8}$/;

/** The fields we read, checked: anything else (or a junk thread_ts) means the message is not for us. */
const IncomingMessage = z
  .object({
    subtype: z.string().optional(),
    bot_id: z.string().optional(),
    user: z.string().max(40).optional(),
    text: z.string().optional(),
    ts: z.string().regex(TS),
    thread_ts: z.string().regex(TS).optional(),
    /** Who started the thread (on replies). */
    parent_user_id: z.string().max(40).optional(),
    channel: z.string().regex(/^[CGD][A-Z0-9]{2,30}$/),
    channel_type: z.string().optional(),
  })
  .loose();

/**
 * Every message says what kind of channel it is in (`channel_type`): recorded, so decisions made in a
 * private channel show only to those who took part (ChannelVisibility).
 *
 * Replies in the thread of one of our recommendations are questions; so are direct messages.
 * Never answered: bots (ours included), edits, deletions and other subtypes, top-level channel
 * chatter, threads that are not ours (told by `parent_user_id` when the event has it, with no Web API
 * call; otherwise by looking the thread up), messages that mention the bot (app_mention answers those),
 * and replies that open by naming someone else (they are for that person).
 */
export function message({ knowledge, threads, once, channels }: Deps) {
  return async ({ event, context }: EventArgs<"message">): Promise<void> => {
    const parsed = IncomingMessage.safeParse(event);
    if (!parsed.success) return;
    const m = parsed.data;
    if (context.teamId) await channels.observe(context.teamId, m.channel, m.channel_type, context.log);
    if (m.subtype !== undefined && m.subtype !== "thread_broadcast") return;
    if (m.bot_id || !m.user || m.user === context.botUserId) return;
    const text = m.text ?? "";
    const isDm = m.channel_type === "im";
    if (!isDm && context.botUserId && text.includes(`<@${context.botUserId}`)) return;
    const isReply = m.thread_ts !== undefined && m.thread_ts !== m.ts;
    if (!isDm && !isReply) return;
    // "<@colleague> what do you think about caching": a question for them, not for us.
    if (!isDm && opensToSomeoneElse(text, context.botUserId)) return;

    // A thread someone else started is not one of our recommendations: the event says so, at no cost.
    const othersThread =
      isReply &&
      m.parent_user_id !== undefined &&
      !!context.botUserId &&
      m.parent_user_id !== context.botUserId;
    if (!isDm && othersThread) return;

    const { log, api } = context;
    const thread =
      isReply && !othersThread
        ? await threads.lookup(api, log, m.channel, m.thread_ts as string, context.teamId)
        : null;
    if (!isDm && thread === null) return;
    await once.guard(`message:${m.channel}:${m.ts}`, () =>
      postAnswer(api, log, knowledge, {
        channel: m.channel,
        threadTs: isReply ? (m.thread_ts as string) : m.ts,
        text,
        addressed: isDm,
        noProject: thread === null,
        ...(thread?.profile ? { profile: thread.profile, verdict: thread.verdict } : {}),
      }),
    );
  };
}
