/**
 * The recommendation message is re-rendered from what is stored and updated at most once a second per
 * channel: a burst of votes costs one update now and one trailing update with the latest state, and
 * another channel is not held up. Driven through the real app, with the throttle's clock and timers
 * in the test's hands.
 */
import { describe, expect, it } from "vitest";
import { ChannelThrottle, type Timers } from "../../src/slack/services/channel-throttle.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { eventually } from "../helpers/slack-app.js";
import { CHANNEL, click, postRecommendation, TEAM, teamSetup, textAt } from "../helpers/team-flows.js";

isolateNetwork();

/** A clock that moves only when told, and timers that fire only then. */
class ManualTimers implements Timers {
  private at = 1_800_000_000_000;
  readonly pending: Array<{ due: number; run: () => void }> = [];
  now = () => this.at;
  setTimeout = (run: () => void, ms: number) => {
    this.pending.push({ due: this.at + ms, run });
  };
  advance(ms: number): void {
    this.at += ms;
    const due = this.pending.filter((t) => t.due <= this.at);
    for (const t of due) this.pending.splice(this.pending.indexOf(t), 1);
    for (const t of due) t.run();
  }
}

const OTHER = "C0OTHERCH1";
const VOTERS = ["U0VOTE0001", "U0VOTE0002", "U0VOTE0003", "U0VOTE0004", "U0VOTE0005"];

describe("updating the recommendation message", () => {
  it("coalesces a burst per channel: one update at once, one trailing with every vote, none lost", async () => {
    const timers = new ManualTimers();
    const s = await teamSetup({ messageRefresh: { intervalMs: 1000, timers } });
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const other = await postRecommendation(s, ["admin"], OTHER, { size: "large" });
    const updatesOf = (t: string) => s.updates.filter((u) => u.ts === t);

    const burst = VOTERS.map((p) => click(s, ts, "vote_agree", p));
    await eventually(async () => {
      expect((await s.t.database.votes.tally(TEAM, CHANNEL, ts)).agree).toHaveLength(5);
      expect(timers.pending).toHaveLength(1);
    });
    // One update went at once; the rest wait for the trailing one, a second after it.
    expect(updatesOf(ts)).toHaveLength(1);
    expect(timers.pending[0]?.due).toBe(timers.now() + 1000);

    // Another channel is not held up by this one.
    await click(s, other, "vote_agree", VOTERS[0] as string);
    expect(updatesOf(other)).toHaveLength(1);
    expect(textAt(s, other)).toContain("1 agree");

    timers.advance(999);
    expect(updatesOf(ts)).toHaveLength(1);
    timers.advance(1);
    await Promise.all(burst);
    expect(updatesOf(ts)).toHaveLength(2);
    expect(textAt(s, ts)).toContain("5 agree");
    expect(timers.pending).toHaveLength(0);

    // After a quiet second, the next change goes out at once.
    timers.advance(1000);
    await click(s, ts, "vote_pick_other", VOTERS[1] as string);
    expect(updatesOf(ts)).toHaveLength(3);
    expect(textAt(s, ts)).toContain("4 agree");
  });

  it("two messages in one channel are updated a second apart, each with its own state", async () => {
    const timers = new ManualTimers();
    const s = await teamSetup({ messageRefresh: { intervalMs: 1000, timers } });
    const first = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const second = await postRecommendation(s, ["auth"], CHANNEL, { size: "large" });
    const a = click(s, first, "vote_agree", VOTERS[0] as string);
    await a;
    const b = click(s, second, "vote_agree", VOTERS[1] as string);
    await eventually(() => expect(timers.pending).toHaveLength(1));
    expect(s.updates.map((u) => u.ts)).toEqual([first]);
    timers.advance(1000);
    await b;
    expect(s.updates.map((u) => u.ts)).toEqual([first, second]);
    expect(textAt(s, second)).toContain(`1 agree: <@${VOTERS[1]}>`);
  });

  it("an update that failed for a passing reason is tried once more, an interval later", async () => {
    const timers = new ManualTimers();
    const s = await teamSetup({ messageRefresh: { intervalMs: 1000, timers } });
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    s.updateFails = "ratelimited";
    s.updateFailures = s.t.deps.api.policy.maxAttempts;
    const voted = click(s, ts, "vote_agree", VOTERS[0] as string);
    await eventually(() => expect(timers.pending).toHaveLength(1));
    timers.advance(1000);
    await voted;
    expect(textAt(s, ts)).toContain(`1 agree: <@${VOTERS[0]}>`);
  });

  it("a job that throws at once fails only itself: the channel's next job still runs", async () => {
    const throttle = new ChannelThrottle(0);
    const failed = throttle.submit("C", "1", () => {
      throw new Error("boom");
    });
    await expect(failed).rejects.toThrow("boom");
    await expect(throttle.submit("C", "2", async () => "ran")).resolves.toBe("ran");
  });
});
