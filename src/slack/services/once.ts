import { Lru } from "./lru.js";

/**
 * Remembers keys for a while so each event, and each message, is answered exactly once on this
 * instance (Slack retries slow deliveries with the same event_id; a mention in a thread arrives
 * as both app_mention and message). Bounded: the least recently seen keys go first.
 */
export class Once {
  /** When each key was first seen. */
  private readonly seen: Lru<string, number>;

  constructor(
    private readonly ttlMs = 10 * 60_000,
    maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    this.seen = new Lru(maxKeys);
  }

  /** True the first time a key is seen (within the TTL); false after. Synchronous, so no race. */
  first(key: string): boolean {
    const t = this.now();
    const at = this.seen.get(key);
    if (at !== undefined && t - at < this.ttlMs) return false;
    this.seen.set(key, t);
    return true;
  }

  /** Lets a key be handled again, e.g. after a failure, so a retry can succeed. */
  forget(key: string): void {
    this.seen.delete(key);
  }

  /**
   * Runs `work` only the first time `key` is seen; returns false for a repeat. If the work throws,
   * the key is forgotten so Slack's retry of the same delivery can still succeed.
   */
  async guard(key: string, work: () => Promise<unknown>): Promise<boolean> {
    if (!this.first(key)) return false;
    try {
      await work();
      return true;
    } catch (err) {
      this.forget(key);
      throw err;
    }
  }
}
