import type { Logger } from "pino";
import type { KnownBlock, MessageMetadata } from "../blocks/kit.js";
import { isNoAccess, reasonWords, slackErrorCode } from "../slack-errors.js";
import type { SlackCalls } from "./slack-api.js";

export interface OutgoingMessage {
  text: string;
  blocks: KnownBlock[];
  metadata?: MessageMetadata;
}

export type Delivered =
  | { via: "channel"; channel: string; ts: string }
  | { via: "dm"; channel: string; ts: string }
  | { via: "response_url" }
  | { via: "none"; error: string };

export interface DeliveryTarget {
  channel: string;
  user: string;
  responseUrl?: string;
}

function howToAdd(channel: string): string {
  return `I couldn't post in <#${channel}>: I'm not a member of it (or it is archived). Add me with \`/invite @flask-or-django\` in that channel, then try again.`;
}

/**
 * Posts a message where it was asked for. When Slack says no (not in the channel, archived), the
 * person still gets it: as a DM (threads work there too), else through the command's response_url.
 */
export async function deliver(
  api: SlackCalls,
  log: Logger,
  target: DeliveryTarget,
  message: OutgoingMessage,
  /** What goes through the response_url instead: an ephemeral message has no ts, so nothing is stored about it. */
  ephemeral: OutgoingMessage = message,
): Promise<Delivered> {
  try {
    const res = await api.postMessage({ channel: target.channel, ...message });
    return { via: "channel", channel: res.channel ?? target.channel, ts: res.ts ?? "" };
  } catch (err) {
    if (!isNoAccess(err)) {
      log.error({ err, code: slackErrorCode(err) }, "posting the recommendation failed");
      await tellPerson(
        api,
        log,
        target,
        `Sorry, I couldn't post the recommendation: ${reasonWords(err)}. In short: ${message.text} Please try \`/flask-or-django\` again in a moment.`,
      );
      return { via: "none", error: slackErrorCode(err) };
    }
    log.warn(
      { code: slackErrorCode(err), channel: target.channel },
      "cannot post in the channel; falling back",
    );
  }
  const note: KnownBlock = {
    type: "context",
    elements: [{ type: "mrkdwn", text: howToAdd(target.channel) }],
  };
  try {
    const dm = await api.openDm(target.user);
    const res = await api.postMessage({ channel: dm, ...message, blocks: [note, ...message.blocks] });
    if (target.responseUrl) {
      await api
        .respond(target.responseUrl, {
          response_type: "ephemeral",
          text: `${howToAdd(target.channel)} I've sent your recommendation to you as a direct message.`,
        })
        .catch((err: unknown) => log.warn({ err }, "response_url note failed"));
    }
    return { via: "dm", channel: res.channel ?? dm, ts: res.ts ?? "" };
  } catch (err) {
    log.warn({ err, code: slackErrorCode(err) }, "DM fallback failed");
  }
  if (target.responseUrl) {
    try {
      await api.respond(target.responseUrl, {
        response_type: "ephemeral",
        text: ephemeral.text,
        blocks: [note, ...ephemeral.blocks],
      });
      return { via: "response_url" };
    } catch (err) {
      log.error({ err }, "response_url fallback failed");
    }
  }
  log.error(
    { channel: target.channel, user: target.user },
    "recommendation could not be delivered by any route",
  );
  return { via: "none", error: "undeliverable" };
}

/** `tellPerson` bound to one person in one place, whose response_url is used when it has one. */
export function tellerFor(
  api: SlackCalls,
  log: Logger,
  target: { channel: string; user: string; responseUrl?: string | undefined },
): (text: string) => Promise<boolean> {
  const { channel, user, responseUrl } = target;
  return (text) => tellPerson(api, log, { channel, user, ...(responseUrl ? { responseUrl } : {}) }, text);
}

/**
 * Tells one person something (an error, an acknowledgement): through the response_url, else an
 * ephemeral message, else a DM. Each try ends before the request's deadline; when none can, that is
 * logged with the request's ids, so no failure goes unreported.
 */
export async function tellPerson(
  api: SlackCalls,
  log: Logger,
  target: { channel?: string; user: string; responseUrl?: string; threadTs?: string },
  text: string,
): Promise<boolean> {
  if (target.responseUrl) {
    try {
      await api.respond(target.responseUrl, {
        response_type: "ephemeral",
        replace_original: false,
        text,
      });
      return true;
    } catch (err) {
      log.warn({ err }, "response_url failed");
    }
  }
  if (target.channel) {
    try {
      await api.postEphemeral({
        channel: target.channel,
        user: target.user,
        text,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      });
      return true;
    } catch (err) {
      log.warn({ code: slackErrorCode(err) }, "ephemeral message failed");
    }
  }
  try {
    await api.postMessage({ channel: await api.openDm(target.user), text });
    return true;
  } catch (err) {
    log.error({ err, code: slackErrorCode(err) }, "could not tell the person");
    return false;
  }
}
