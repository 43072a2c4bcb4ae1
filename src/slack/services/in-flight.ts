/**
 * Requests still being handled after their ack (their Web API work), so the app can refuse work
 * beyond a cap instead of queueing it, report itself unhealthy when that work is saturated or hung,
 * and let shutdown wait for it: a submission acked a moment before SIGTERM must still be posted.
 */
export class InFlight {
  private count = 0;
  private nextId = 0;
  /** When each tracked piece of work started, oldest first (a Map keeps insertion order). */
  private readonly started = new Map<number, number>();
  private waiters: Array<() => void> = [];

  constructor(
    /** How much work may be outstanding at once; `saturated` beyond it. */
    readonly cap = Number.POSITIVE_INFINITY,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.count;
  }

  /** True when no more work should be taken on. */
  get saturated(): boolean {
    return this.count >= this.cap;
  }

  /** How long the oldest outstanding work has been running (0 when none). */
  oldestAgeMs(): number {
    for (const at of this.started.values()) return this.now() - at;
    return 0;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    const id = this.nextId++;
    this.count++;
    this.started.set(id, this.now());
    try {
      return await work();
    } finally {
      this.count--;
      this.started.delete(id);
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Resolves true when nothing is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
