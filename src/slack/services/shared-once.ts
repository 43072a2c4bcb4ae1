import type { Logger } from "pino";
import type { HandledEventRepository } from "../../storage/index.js";
import { Once } from "./once.js";

/** How long a claim in the database lasts: well past Slack's last retry (about 5 minutes after the first). */
export const CLAIM_TTL_SECONDS = 60 * 60;

/**
 * Exactly once across every instance on one database: `guard` runs the work only for the first claim of
 * a key in the database (`handled_events`, one INSERT the database settles), so a retried event delivered
 * to two instances, or a mention that also arrives as a message on another instance, is answered once.
 *
 * This instance's own memory (`Once`) is asked first, so its repeats cost no query; `first` stays
 * local and synchronous. When the database cannot be asked, the work runs on this instance's word alone
 * (a rare double answer is better than none) and the failure is logged.
 */
export class SharedOnce extends Once {
  constructor(
    private readonly claims: HandledEventRepository,
    private readonly logger: Logger,
    private readonly ttlSeconds = CLAIM_TTL_SECONDS,
  ) {
    super();
  }

  override async guard(key: string, work: () => Promise<unknown>): Promise<boolean> {
    if (!this.first(key)) return false;
    let shared = true;
    try {
      if (!(await this.claims.claim(key, this.ttlSeconds))) return false;
    } catch (err) {
      shared = false;
      this.logger.error(
        { err, key },
        "could not claim the event in the database; handling it on this instance's word alone",
      );
    }
    try {
      await work();
      return true;
    } catch (err) {
      // Give the key back, here and in the database, so Slack's retry of the same delivery can succeed.
      this.forget(key);
      if (shared) {
        await this.claims
          .release(key)
          .catch((e: unknown) => this.logger.warn({ err: e, key }, "could not release the claim"));
      }
      throw err;
    }
  }
}
