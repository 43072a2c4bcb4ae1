import type { AuthorizeResult } from "@slack/bolt";
import type { Logger } from "pino";
import { slackErrorCode } from "../slack-errors.js";
import type { SlackApi } from "./slack-api.js";

/**
 * Who the bot is (auth.test), for Bolt's `authorize`. Bolt's own single-workspace authorize calls
 * auth.test once, at start, and keeps its answer, a failure included: an app started while Slack was
 * unreachable would refuse every request until restarted. This keeps only a success. Until there is
 * one, a request waits at most `waitMs` for it (its ack must go out within 3 s) and goes on with the
 * token alone; the next request asks again.
 */
export class BotIdentity {
  private known: { botId: string; botUserId: string } | undefined;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly api: SlackApi,
    private readonly token: string,
    private readonly log: Logger,
    private readonly waitMs = 1500,
  ) {}

  /** Starts the first lookup, so the first request need not wait for it. */
  start(): void {
    void this.lookup();
  }

  readonly authorize = async (): Promise<AuthorizeResult> => {
    if (!this.known) {
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.waitMs);
      });
      await Promise.race([this.lookup(), waited]);
      clearTimeout(timer);
    }
    return { botToken: this.token, ...(this.known ?? {}) };
  };

  private lookup(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const res = await this.api.forRequest(Date.now(), this.log).authTest();
        if (res.bot_id && res.user_id) this.known = { botId: res.bot_id, botUserId: res.user_id };
      } catch (err) {
        this.log.warn(
          { code: slackErrorCode(err) },
          "auth.test failed; going on with the token alone for now",
        );
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}
