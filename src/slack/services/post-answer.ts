import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import type { KnownBlock } from "../blocks/kit.js";
import { isNoAccess, slackErrorCode } from "../slack-errors.js";
import { type Answer, answerFor, type Conversation } from "./compose-answer.js";

/** A message to answer in a thread. */
export interface Question extends Conversation {
  channel: string;
  /** The thread to answer in. */
  threadTs: string;
}

type Respond = (message: Record<string, unknown>) => Promise<unknown>;

/**
 * Posts an answer in a thread. When Slack says the bot can't post there (not in the channel,
 * archived), the person who asked still gets it, privately, with how to add the bot.
 */
export async function answerInThread(
  client: webApi.WebClient,
  log: Logger,
  where: { channel: string; threadTs: string },
  answer: NonNullable<Answer>,
  respond?: Respond,
): Promise<void> {
  try {
    await client.chat.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...answer });
  } catch (err) {
    if (!respond || !isNoAccess(err)) throw err;
    log.warn({ code: slackErrorCode(err) }, "cannot answer in the thread; answering privately");
    const note: KnownBlock = {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: "I can't post in this channel's threads (I'm not a member, or it is archived). Add me with `/invite @flask-or-django`; meanwhile, here is the answer just for you.",
        },
      ],
    };
    await respond({
      response_type: "ephemeral",
      replace_original: false,
      text: answer.text,
      blocks: [note, ...answer.blocks],
    });
  }
}

/** Answers in the thread. Returns whether anything was posted. */
export async function postAnswer(
  client: webApi.WebClient,
  log: Logger,
  knowledge: Knowledge,
  q: Question,
): Promise<boolean> {
  const answer = answerFor(knowledge, q);
  if (!answer) {
    log.debug("thread chatter: not answering");
    return false;
  }
  await client.chat.postMessage({
    channel: q.channel,
    thread_ts: q.threadTs,
    text: answer.text,
    blocks: answer.blocks,
  });
  return true;
}
