import { z } from "zod";
import { paneApology } from "../../blocks/assistant.js";
import { truncate } from "../../blocks/text.js";
import type { Deps } from "../../deps.js";
import { isPrompt, paneReply } from "../../services/compose-pane-reply.js";
import { postAnswer } from "../../services/post-answer.js";
import { slackErrorCode } from "../../slack-errors.js";
import type { PaneUserMessageArgs } from "../args.js";

const slackId = z.string().regex(/^[A-Z0-9]{2,30}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);

/** The fields of a pane message we read, checked; anything else (a file without text, a bot) is not a question. */
const PaneMessage = z
  .object({
    bot_id: z.string().optional(),
    user: slackId,
    text: z.string().min(1).max(40_000),
    ts,
    thread_ts: ts,
    channel: slackId,
  })
  .loose();

/** Slack cuts long thread titles; ours stay short enough to read in the history list. */
const TITLE_MAX = 80;
/** How many decisions "Show our team's decisions" lists. */
const DECISIONS_SHOWN = 10;

/**
 * A message in a pane thread: the same understanding layer as threads and mentions, answering about the
 * latest recommendation in the channel beside the pane. The status shows while it works; the thread is
 * named after the topic; the reply clears the status.
 */
export function paneUserMessage(deps: Deps) {
  return async (args: PaneUserMessageArgs): Promise<void> => {
    const { message, client, context, say, setStatus, setTitle, getThreadContext } = args;
    const { log } = context;
    const parsed = PaneMessage.safeParse(message);
    if (!parsed.success) {
      log.debug("pane message without text, or not from a person: not answering");
      return;
    }
    const m = parsed.data;
    if (m.bot_id || m.user === context.botUserId) return;
    const key = { channel: m.channel, threadTs: m.thread_ts };
    const reader = { client, botUserId: context.botUserId, log };
    if (!(await deps.paneContexts.isPaneThread(reader, key))) {
      // Bolt hands every thread in the app's DM to the Assistant; one that is not a pane thread (a reply
      // under a recommendation sent by DM) is answered as the message listener answers DMs.
      await deps.once.guard(`message:${m.channel}:${m.ts}`, () => answerDmThread(deps, args, m));
      return;
    }
    await deps.once.guard(`message:${m.channel}:${m.ts}`, async () => {
      try {
        await setStatus("is thinking…").catch((err: unknown) =>
          log.warn({ code: slackErrorCode(err) }, "could not set the pane's status"),
        );
        const beside = await getThreadContext();
        const teamId = context.teamId ?? beside.team_id ?? "";
        const viewing = beside.channel_id;
        const recommendation = viewing
          ? await deps.recommendations.latest(client, log, teamId, viewing)
          : undefined;
        const decisions =
          deps.decisionLog && isPrompt(m.text, "decisions")
            ? await deps.decisionLog.recent(teamId, m.user, DECISIONS_SHOWN)
            : undefined;
        const reply = paneReply(deps.knowledge, {
          text: m.text,
          ...(viewing ? { viewing } : {}),
          ...(recommendation ? { recommendation } : {}),
          ...(decisions ? { decisions } : {}),
        });
        if (reply.title) {
          await setTitle(truncate(reply.title, TITLE_MAX)).catch((err: unknown) =>
            log.warn({ code: slackErrorCode(err) }, "could not set the pane thread's title"),
          );
        }
        await say({ text: reply.text, blocks: reply.blocks });
        log.info({ titled: reply.title !== undefined, beside: viewing !== undefined }, "pane answered");
      } catch (err) {
        log.error({ err, code: slackErrorCode(err) }, "pane answer failed");
        // Posting clears the status, so the person is not left watching "is thinking…".
        await say(paneApology()).catch((e: unknown) =>
          log.error({ err: e, code: slackErrorCode(e) }, "could not apologise in the pane"),
        );
      }
    });
  };
}

/** A reply in a DM thread that is not the pane's: the project behind it when it is one of our recommendations. */
async function answerDmThread(
  { knowledge, threads }: Deps,
  { context }: PaneUserMessageArgs,
  m: z.infer<typeof PaneMessage>,
): Promise<void> {
  const thread = await threads.lookup(context.api, context.log, m.channel, m.thread_ts, context.teamId);
  await postAnswer(context.api, context.log, knowledge, {
    channel: m.channel,
    threadTs: m.thread_ts,
    text: m.text,
    addressed: true,
    noProject: thread === null,
    ...(thread?.profile ? { profile: thread.profile, verdict: thread.verdict } : {}),
  });
}
