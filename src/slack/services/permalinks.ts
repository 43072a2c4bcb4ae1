import type { Logger } from "pino";
import { slackErrorCode } from "../slack-errors.js";
import { Lru } from "./lru.js";
import type { SlackCalls } from "./slack-api.js";

/**
 * Messages' links (`chat.getPermalink`, which needs no scope), remembered: a message's link never
 * changes. Undefined when Slack would not say; callers then name the message without a link.
 */
export class Permalinks {
  private readonly cache: Lru<string, string>;

  constructor(size = 2000) {
    this.cache = new Lru(size);
  }

  async get(api: SlackCalls, log: Logger, channel: string, ts: string): Promise<string | undefined> {
    const key = `${channel}:${ts}`;
    const known = this.cache.get(key);
    if (known) return known;
    try {
      const url = (await api.permalink({ channel, message_ts: ts })).permalink;
      if (url) this.cache.set(key, url);
      return url;
    } catch (err) {
      log.warn({ code: slackErrorCode(err), channel, ts }, "could not get a message's link");
      return undefined;
    }
  }
}
