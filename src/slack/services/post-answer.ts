import type { Logger } from "pino";
import type { Knowledge } from "../../engine/index.js";
import type { KnownBlock } from "../blocks/kit.js";
import { isNoAccess, slackErrorCode } from "../slack-errors.js";
import { type Answer, answerFor, type Conversation } from "./compose-answer.js";
import type { SlackCalls } from "./slack-api.js";

/** A message to answer in a thread. */
export interface Question extends Conversation {
  channel: string;
  /** The thread to answer in. */
  threadTs: string;
}

/**
 * Posts an answer in a thread. When Slack says the bot can't post there (not in the channel,
 * archived), the person who asked still gets it, privately through the interaction's response_url,
 * with how to add the bot.
 */
export async function answerInThread(
  api: SlackCalls,
  log: Logger,
  where: { channel: string; threadTs: string },
  answer: NonNullable<Answer>,
  responseUrl?: string,
): Promise<void> {
  try {
    await api.postMessage({ channel: where.channel, thread_ts: where.threadTs, ...answer });
  } catch (err) {
    if (!responseUrl || !isNoAccess(err)) throw err;
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
    await api.respond(responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      text: answer.text,
      blocks: [note, ...answer.blocks],
    });
  }
}

/** Answers in the thread. Returns whether anything was posted. */
export async function postAnswer(
  api: SlackCalls,
  log: Logger,
  knowledge: Knowledge,
  q: Question,
): Promise<boolean> {
  const answer = answerFor(knowledge, q);
  if (!answer) {
    log.debug("thread chatter: not answering");
    return false;
  }
  await api.postMessage({
    channel: q.channel,
    thread_ts: q.threadTs,
    text: answer.text,
    blocks: answer.blocks,
  });
  return true;
}
