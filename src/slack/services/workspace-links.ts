import type { Logger } from "pino";
import { slackErrorCode } from "../slack-errors.js";
import { Lru } from "./lru.js";
import type { SlackCalls } from "./slack-api.js";

/** How long a workspace's address is trusted (it changes only when the workspace is renamed). */
const TTL_MS = 60 * 60 * 1000;

/**
 * The app's one way to link into a workspace, without asking Slack for each link (and with no scope):
 * `auth.test` gives the workspace's address once an hour, and messages and canvases have documented paths
 * under it: `archives/<channel>/p<ts without the dot>` (chat.getPermalink's answer for a top-level message,
 * which every recommendation is) and `docs/<team>/<canvas id>`. Chosen over chat.getPermalink, exact but a
 * call per message: App Home lists up to 20 decisions, so this is one call instead of twenty. Used by App
 * Home, the decisions a message supersedes or is superseded by, exports and the workflow step.
 */
export class WorkspaceLinks {
  private readonly bases = new Lru<string, { url: string; until: number }>(1000);

  constructor(private readonly now: () => number = Date.now) {}

  /** "https://acme.slack.com/", or undefined when Slack could not be asked (links are then left out). */
  async base(api: SlackCalls, log: Logger, teamId: string): Promise<string | undefined> {
    const known = this.bases.get(teamId);
    if (known && known.until > this.now()) return known.url;
    try {
      const url = (await api.authTest()).url;
      if (typeof url !== "string" || !/^https:\/\/[^/]+\/$/.test(url)) return undefined;
      this.bases.set(teamId, { url, until: this.now() + TTL_MS });
      return url;
    } catch (err) {
      log.warn({ code: slackErrorCode(err) }, "auth.test failed; links to messages and canvases left out");
      return undefined;
    }
  }
}

/** A top-level message's link, as chat.getPermalink gives it. */
export function messageLink(base: string, channel: string, ts: string): string {
  return `${base}archives/${channel}/p${ts.replace(".", "")}`;
}

/** A canvas's link. */
export function canvasLink(base: string, teamId: string, canvasId: string): string {
  return `${base}docs/${teamId}/${canvasId}`;
}
