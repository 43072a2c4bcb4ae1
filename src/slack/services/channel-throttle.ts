/** The clock and timer a throttle uses: the real ones, or a test's own. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
}

export const REAL_TIMERS: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
};

interface Waiting<T> {
  job: () => Promise<T>;
  waiters: Array<{ resolve: (value: T) => void; reject: (err: unknown) => void }>;
}

interface ChannelState {
  /** When the last job here started. */
  lastStart: number;
  running: boolean;
  timer: boolean;
  /** Items waiting their turn, in the order first asked for; one job per item, the latest asked for. */
  queue: Map<string, Waiting<unknown>>;
}

/** Idle channels are forgotten once there are this many. */
const PRUNE_AT = 1000;

/**
 * At most one job per interval per channel, in this process: Slack rate-limits updates to a channel's
 * messages, and a burst of votes should cost one update, not one each. A job asked for while its item
 * already waits replaces the waiting one (the latest state wins: a job renders what is stored when it
 * runs, so the replaced one's state is shown too), and everyone who asked gets that run's result. Jobs
 * start at least `intervalMs` apart per channel; the first after a quiet spell starts at once.
 *
 * Per process: several instances each keep their own pace (see the README).
 */
export class ChannelThrottle {
  private readonly channels = new Map<string, ChannelState>();

  constructor(
    readonly intervalMs = 1000,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  submit<T>(channel: string, item: string, job: () => Promise<T>): Promise<T> {
    if (this.channels.size >= PRUNE_AT) this.prune();
    let state = this.channels.get(channel);
    if (!state) {
      state = { lastStart: Number.NEGATIVE_INFINITY, running: false, timer: false, queue: new Map() };
      this.channels.set(channel, state);
    }
    const waiting = (state.queue.get(item) as Waiting<T> | undefined) ?? { job, waiters: [] };
    waiting.job = job;
    state.queue.set(item, waiting as Waiting<unknown>);
    const done = new Promise<T>((resolve, reject) => waiting.waiters.push({ resolve, reject }));
    this.pump(state);
    return done;
  }

  /** Items waiting in a channel (not the one running). */
  waiting(channel: string): number {
    return this.channels.get(channel)?.queue.size ?? 0;
  }

  private pump(state: ChannelState): void {
    if (state.running || state.timer || state.queue.size === 0) return;
    const wait = state.lastStart + this.intervalMs - this.timers.now();
    if (wait > 0) {
      state.timer = true;
      this.timers.setTimeout(() => {
        state.timer = false;
        this.pump(state);
      }, wait);
      return;
    }
    const [item, next] = state.queue.entries().next().value as [string, Waiting<unknown>];
    state.queue.delete(item);
    state.running = true;
    state.lastStart = this.timers.now();
    // A job that throws before returning its promise fails like one that rejects; the queue goes on.
    new Promise<unknown>((resolve) => resolve(next.job()))
      .then(
        (value) => {
          for (const w of next.waiters) w.resolve(value);
        },
        (err: unknown) => {
          for (const w of next.waiters) w.reject(err);
        },
      )
      .finally(() => {
        state.running = false;
        this.pump(state);
      });
  }

  private prune(): void {
    const now = this.timers.now();
    for (const [channel, s] of this.channels) {
      if (!s.running && !s.timer && s.queue.size === 0 && now - s.lastStart >= this.intervalMs)
        this.channels.delete(channel);
    }
  }
}
