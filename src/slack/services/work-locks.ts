import type { Logger } from "pino";
import type { HandledEventRepository } from "../../storage/index.js";
import { claimShared, releaseShared } from "./shared-once.js";

/** How long a lock lasts if its holder never releases it (a crash): past any request's work budget. */
const LOCK_TTL_SECONDS = 60;

/**
 * One piece of work at a time per key, across every instance on the database: a claim in
 * `handled_events` that lasts LOCK_TTL_SECONDS at most and is given back when the work ends, so the same
 * work can run again afterwards (unlike `Once`, which remembers). This process's own set answers a
 * repeat at once, with no query. When the database cannot be asked, the work runs on this process's word.
 */
export class WorkLocks {
  private readonly held = new Set<string>();

  constructor(
    private readonly claims: Pick<HandledEventRepository, "claim" | "release">,
    private readonly logger: Logger,
  ) {}

  /** Runs `work` unless `key` is held (here or by another instance): then returns `{ ran: false }`. */
  async run<T>(key: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.held.has(key)) return { ran: false };
    this.held.add(key);
    const claimKey = `lock:${key}`;
    try {
      const claim = await claimShared(this.claims, claimKey, LOCK_TTL_SECONDS, this.logger);
      if (claim === "taken") return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        if (claim === "claimed") await releaseShared(this.claims, claimKey, this.logger);
      }
    } finally {
      this.held.delete(key);
    }
  }
}
