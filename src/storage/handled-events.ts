/**
 * Exactly-once across processes: `claim(key)` is true for the first caller only, whichever process or
 * instance it runs in, because the claim is one INSERT on a primary key. It replaces a per-instance
 * in-memory set when several instances share one PostgreSQL (or processes share one SQLite file).
 *
 * A claim lasts `ttlSeconds`; after that the key can be claimed again (Slack stops retrying an event
 * well within minutes, so ten minutes is plenty). Expired rows are purged now and then by `claim` itself,
 * at most once a minute per instance, and on demand with `purgeExpired`.
 */
import type { Kysely } from "kysely";
import type { Clock } from "./rows.js";
import type { Schema } from "./schema.js";

/** How often `claim` also deletes expired rows (per instance). */
export const PURGE_INTERVAL_MS = 60_000;

export interface HandledEventRepository {
  /**
   * True for the first caller of an unexpired key; false for every later one until the claim expires.
   * Atomic in both dialects: concurrent callers, in any process, get exactly one true.
   */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Gives a claim back (the work failed), so a retry of the same event can claim it again. */
  release(key: string): Promise<void>;
  /** Deletes expired claims; returns how many. */
  purgeExpired(): Promise<number>;
}

export function handledEventRepository(db: Kysely<Schema>, now: Clock): HandledEventRepository {
  let lastPurge = now();

  const purgeExpired = async (): Promise<number> => {
    lastPurge = now();
    const result = await db
      .deleteFrom("handled_events")
      .where("expires_at", "<=", lastPurge)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  };

  return {
    async claim(key, ttlSeconds) {
      if (key === "") throw new RangeError("claim: the key is empty");
      if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
        throw new RangeError(`claim: ttlSeconds must be a positive number, not ${ttlSeconds}`);
      }
      const at = now();
      if (at - lastPurge >= PURGE_INTERVAL_MS) await purgeExpired();
      // Insert the key; if it is already there, take it over only when that claim has expired. One
      // statement, so the database decides the race: ON CONFLICT … DO UPDATE … WHERE returns a row only
      // to the caller that inserted or took over the key (PostgreSQL locks the conflicting row and
      // re-checks the WHERE; SQLite runs one writer at a time).
      const row = await db
        .insertInto("handled_events")
        .values({ key, claimed_at: at, expires_at: at + Math.ceil(ttlSeconds * 1000) })
        .onConflict((oc) =>
          oc
            .column("key")
            .doUpdateSet((eb) => ({
              claimed_at: eb.ref("excluded.claimed_at"),
              expires_at: eb.ref("excluded.expires_at"),
            }))
            .where("handled_events.expires_at", "<=", at),
        )
        .returning("key")
        .executeTakeFirst();
      return row !== undefined;
    },

    async release(key) {
      await db.deleteFrom("handled_events").where("key", "=", key).execute();
    },

    purgeExpired,
  };
}
