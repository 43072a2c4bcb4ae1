import type { Logger } from "pino";
import type { HandledEventRepository } from "../../storage/index.js";
import { Once } from "./once.js";

/** How long a claim in the database lasts: well past Slack's last retry (about 5 minutes after the first). */
export const CLAIM_TTL_SECONDS = 60 * 60;

type Claims = Pick<HandledEventRepository, "claim" | "release">;

/**
 * Claims `key` in the database (`handled_events`): "claimed", "taken" when another caller holds it, or
 * "unshared" when the database cannot be asked: the caller then goes on its own word, and it is logged.
 */
export async function claimShared(
  claims: Claims,
  key: string,
  ttlSeconds: number,
  logger: Logger,
): Promise<"claimed" | "taken" | "unshared"> {
  try {
    return (await claims.claim(key, ttlSeconds)) ? "claimed" : "taken";
  } catch (err) {
    logger.error(
      { err, key },
      "could not claim the key in the database; going on this instance's word alone",
    );
    return "unshared";
  }
}

/** Gives a claim back; a failure is logged, not thrown (the claim expires anyway). */
export async function releaseShared(claims: Claims, key: string, logger: Logger): Promise<void> {
  await claims.release(key).catch((err: unknown) => logger.warn({ err, key }, "could not release the claim"));
}

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
    const claim = await claimShared(this.claims, key, this.ttlSeconds, this.logger);
    if (claim === "taken") return false;
    try {
      await work();
      return true;
    } catch (err) {
      // Give the key back, here and in the database, so Slack's retry of the same delivery can succeed.
      this.forget(key);
      if (claim === "claimed") await releaseShared(this.claims, key, this.logger);
      throw err;
    }
  }
}
