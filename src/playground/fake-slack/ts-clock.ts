/**
 * Message timestamps as Slack writes them ("1732384472.000100"): seconds, a dot, six digits.
 * Strictly increasing, because a ts is also the message's id within its channel.
 */
export class TsClock {
  private lastMicros = 0;

  constructor(private readonly nowMs: () => number = Date.now) {}

  next(): string {
    const micros = Math.max(Math.floor(this.nowMs() * 1000), this.lastMicros + 1);
    this.lastMicros = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }
}
