import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { KnownBlock, MessageMetadata } from "../blocks/kit.js";
import { isNoAccess, reasonWords, slackErrorCode } from "../slack-errors.js";

type WebClient = webApi.WebClient;

export interface OutgoingMessage {
  text: string;
  blocks: KnownBlock[];
  metadata?: MessageMetadata;
}

/** Posts to a slash command's response_url (valid 30 minutes, 5 uses). */
export async function postToResponseUrl(url: string, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`response_url answered HTTP ${res.status}`);
}

/** Opens (or finds) the app's DM with a person. */
export async function openDm(client: WebClient, user: string): Promise<string> {
  const res = await client.conversations.open({ users: user });
  const id = res.channel?.id;
  if (!id) throw new Error("conversations.open returned no channel");
  return id;
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
  client: WebClient,
  log: Logger,
  target: DeliveryTarget,
  message: OutgoingMessage,
): Promise<Delivered> {
  try {
    const res = await client.chat.postMessage({ channel: target.channel, ...message });
    return { via: "channel", channel: res.channel ?? target.channel, ts: res.ts ?? "" };
  } catch (err) {
    if (!isNoAccess(err)) {
      log.error({ err, code: slackErrorCode(err) }, "posting the recommendation failed");
      await tellPerson(
        client,
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
    const dm = await openDm(client, target.user);
    const res = await client.chat.postMessage({ channel: dm, ...message, blocks: [note, ...message.blocks] });
    if (target.responseUrl) {
      await postToResponseUrl(target.responseUrl, {
        response_type: "ephemeral",
        text: `${howToAdd(target.channel)} I've sent your recommendation to you as a direct message.`,
      }).catch((err: unknown) => log.warn({ err }, "response_url note failed"));
    }
    return { via: "dm", channel: res.channel ?? dm, ts: res.ts ?? "" };
  } catch (err) {
    log.warn({ err, code: slackErrorCode(err) }, "DM fallback failed");
  }
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, {
        response_type: "ephemeral",
        text: message.text,
        blocks: [note, ...message.blocks],
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

/** Tells one person something (an error, an acknowledgement): ephemeral where possible, else a DM. */
export async function tellPerson(
  client: WebClient,
  log: Logger,
  target: { channel?: string; user: string; responseUrl?: string; threadTs?: string },
  text: string,
): Promise<boolean> {
  if (target.responseUrl) {
    try {
      await postToResponseUrl(target.responseUrl, {
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
      await client.chat.postEphemeral({
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
    await client.chat.postMessage({ channel: await openDm(client, target.user), text });
    return true;
  } catch (err) {
    log.error({ err, code: slackErrorCode(err) }, "could not tell the person");
    return false;
  }
}
