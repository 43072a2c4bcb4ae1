import type { Logger } from "pino";
import type { DecisionRepository } from "../../storage/index.js";
import { Lru } from "./lru.js";

/** How long what was written for a channel is trusted before a message there writes it again. */
const RECHECK_MS = 10 * 60_000;

/**
 * Slack's word for a conversation's kind on message events: "channel" is a public channel; "group" a
 * private one; "im" and "mpim" direct messages. Anything else says nothing.
 */
export function isPublicChannelType(channelType: unknown): boolean | undefined {
  if (channelType === "channel") return true;
  if (channelType === "group" || channelType === "im" || channelType === "mpim") return false;
  return undefined;
}

/**
 * Which channels are public, learned from what Slack sends. Neither a slash command, a button click nor
 * the conversation picker says whether a channel is public (a private channel's id starts with C too,
 * and asking Slack, conversations.info, would take the channels:read and groups:read scopes); a message
 * event does (`channel_type`), and the app receives one for every message in the channels it is in. So a
 * channel's decisions are marked public once a message there says so (and not public again if it turns
 * private), and a new decision starts as the channel is known. Until then a decision counts as not public.
 *
 * Each channel is written at most once per RECHECK_MS per process (bounded memory), not once per message.
 */
export class ChannelVisibility {
  private readonly known = new Lru<string, { isPublic: boolean; until: number }>(5000);

  constructor(
    private readonly decisions: Pick<DecisionRepository, "setChannelPublic">,
    private readonly now: () => number = Date.now,
  ) {}

  /** What this process last learned about a channel; undefined when nothing yet. */
  isPublic(teamId: string, channelId: string): boolean | undefined {
    return this.known.get(`${teamId}:${channelId}`)?.isPublic;
  }

  /** A message event in `channelId`: records its kind on the channel's decisions. Never throws. */
  async observe(teamId: string, channelId: string, channelType: unknown, log: Logger): Promise<void> {
    const isPublic = isPublicChannelType(channelType);
    if (isPublic === undefined) return;
    const key = `${teamId}:${channelId}`;
    const at = this.now();
    const seen = this.known.get(key);
    if (seen?.isPublic === isPublic && seen.until > at) return;
    this.known.set(key, { isPublic, until: at + RECHECK_MS });
    try {
      const changed = await this.decisions.setChannelPublic(teamId, channelId, isPublic);
      if (changed > 0) log.info({ channel: channelId, isPublic, changed }, "channel visibility recorded");
    } catch (err) {
      this.known.delete(key);
      log.warn({ err, channel: channelId }, "could not record whether the channel is public");
    }
  }
}
