/**
 * The reminder to revisit a decision through the real app: scheduled in the recommendation's thread
 * within Slack's 120 days (chat.scheduleMessage with the channel, thread_ts, post_at and text), waiting
 * in the database beyond that until the sweep hands it to Slack, and cancellable (chat.deleteScheduledMessage).
 */
import { describe, expect, it } from "vitest";
import { recommend } from "../../src/engine/index.js";
import { addMonths, SCHEDULE_HORIZON_MS } from "../../src/slack/services/revisit-reminders.js";
import { openDatabase } from "../../src/storage/index.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { send } from "../helpers/slack-app.js";
import { withFallbackDates } from "../helpers/slack-dates.js";
import {
  ASKER,
  BOB,
  CHANNEL,
  click,
  clickOf,
  decide,
  knowledge,
  postRecommendation,
  TEAM,
  teamSetup,
  textAt,
  toldTo,
} from "../helpers/team-flows.js";

isolateNetwork();

const DAY = 24 * 60 * 60 * 1000;
const keyOf = (ts: string) => ({ teamId: TEAM, decisionChannelId: CHANNEL, decisionTs: ts });
const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An app and database on one clock the test moves. */
async function onClock(start = Date.UTC(2026, 10, 28, 10, 30)) {
  let now = start;
  const clock = () => now;
  const database = await openDatabase("sqlite::memory:", { now: clock });
  const s = await teamSetup({ database, now: clock });
  return { s, set: (ms: number) => (now = ms), clock };
}

describe("the revisit reminder", () => {
  it("in 3 months: scheduled at once in the thread, naming what would change it; the message shows it", async () => {
    const { s, clock } = await onClock();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    await decide(s, ts, ASKER, { framework: "django", months: 3 });

    const due = addMonths(clock(), 3);
    expect(date(due)).toBe("2027-02-28");
    expect(s.scheduled).toHaveLength(1);
    const call = s.scheduled[0] ?? {};
    expect(call.channel).toBe(CHANNEL);
    expect(call.thread_ts).toBe(ts);
    expect(Number(call.post_at)).toBe(Math.floor(due / 1000));
    expect(String(call.text)).toMatch(
      /^Time to revisit the decision for Django made on <!date\^1795861800\^\{date_short\}\|2026-11-28>/,
    );
    // Slack drops a scheduled message that carries metadata: none is sent.
    expect(call.metadata).toBeUndefined();
    // The conditions the engine gives for this recommendation, and the question.
    const row = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    const rec = recommend(
      { answers: row?.answers ?? {}, needs: row?.needs ?? [], notes: row?.notes ?? "" },
      knowledge,
    );
    const blocks = JSON.stringify(call.blocks);
    expect(blocks).toContain("What would change the recommendation");
    expect(blocks).toContain(JSON.stringify(rec.flips[0]?.text ?? rec.whatWouldChange.text).slice(1, -1));
    expect(blocks).toContain("Does any of these now hold?");

    expect(await s.t.database.reminders.listForDecision(TEAM, CHANNEL, ts)).toMatchObject([
      {
        scheduledMessageId: "Q0SCHED1",
        status: "scheduled",
        postAt: Math.floor(due / 1000) * 1000,
        createdBy: ASKER,
      },
    ]);
    expect(textAt(s, ts)).toContain(`revisit <!date^${Math.floor(due / 1000)}^{date_short}|2027-02-28>`);
    expect(textAt(s, ts)).toContain("Cancel reminder");
    // What the person is told shows the day in their own zone too.
    expect(toldTo(s, ASKER).at(-1)).toContain(
      `I'll post a reminder to revisit in the recommendation's thread on <!date^${Math.floor(due / 1000)}^{date_short}|2027-02-28>;`,
    );
  });

  it("Cancel reminder: someone else is told who can; the asker's click deletes the scheduled message", async () => {
    const { s } = await onClock();
    const ts = await postRecommendation(s);
    await decide(s, ts, ASKER, { framework: "django", months: 3 });

    await click(s, ts, "cancel_reminder", BOB);
    expect(toldTo(s, BOB).at(-1)).toContain(`Only <@${ASKER}>, who set it`);
    expect(s.deletedScheduled).toHaveLength(0);

    await click(s, ts, "cancel_reminder", ASKER);
    expect(s.deletedScheduled).toEqual([{ channel: CHANNEL, scheduled_message_id: "Q0SCHED1" }]);
    expect(await s.t.database.reminders.find(keyOf(ts))).toMatchObject({
      status: "cancelled",
      cancelledBy: ASKER,
    });
    expect(toldTo(s, ASKER).at(-1)).toContain("Reminder cancelled");
    expect(textAt(s, ts)).not.toContain("Cancel reminder");
    expect(textAt(s, ts)).not.toContain("revisit ");
  });

  it("in 12 months: beyond Slack's 120 days it waits, and the sweep schedules it once it comes within range", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    const decidedAt = clock();
    await decide(s, ts, ASKER, { framework: "django", months: 12 });
    const due = addMonths(decidedAt, 12);
    expect(s.scheduled).toHaveLength(0);
    expect(await s.t.database.reminders.listForDecision(TEAM, CHANNEL, ts)).toMatchObject([
      { status: "waiting", postAt: due },
    ]);
    expect(withFallbackDates(textAt(s, ts))).toContain(`revisit ${date(due)}`);

    // Not yet within Slack's reach: the sweep leaves it.
    set(due - SCHEDULE_HORIZON_MS - DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(s.scheduled).toHaveLength(0);
    // Within reach: scheduled for the day it was due, in the thread; and only once.
    set(due - 100 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(1);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(s.scheduled).toHaveLength(1);
    expect(s.scheduled[0]).toMatchObject({
      channel: CHANNEL,
      thread_ts: ts,
      post_at: String(Math.floor(due / 1000)),
    });
    expect(await s.t.database.reminders.listForDecision(TEAM, CHANNEL, ts)).toMatchObject([
      { status: "scheduled", scheduledMessageId: "Q0SCHED1" },
    ]);
  });

  it("a waiting reminder cancelled never reaches Slack", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    await decide(s, ts, ASKER, { framework: "flask", months: 6 });
    const due = addMonths(clock(), 6);
    await click(s, ts, "cancel_reminder", ASKER);
    expect(s.deletedScheduled).toHaveLength(0);
    set(due - 10 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(s.scheduled).toHaveLength(0);
  });

  it("a superseded decision's reminder is cancelled at Slack", async () => {
    const { s } = await onClock();
    const first = await postRecommendation(s, ["admin"]);
    await decide(s, first, ASKER, { framework: "django", months: 3 });
    const second = await postRecommendation(s, ["auth"]);
    await decide(s, second, ASKER, { framework: "flask" });
    expect(s.deletedScheduled).toEqual([{ channel: CHANNEL, scheduled_message_id: "Q0SCHED1" }]);
    expect(await s.t.database.reminders.listForDecision(TEAM, CHANNEL, first)).toEqual([]);
  });

  it("a 12-month reminder the sweep handed to Slack is cancelled by the message's button (Slack's message deleted)", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    const due = addMonths(clock(), 12);
    await decide(s, ts, ASKER, { framework: "django", months: 12 });
    const updatesBefore = s.updates.length;
    set(due - 100 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(1);
    // The message is re-rendered once Slack holds it.
    expect(s.updates.length).toBeGreaterThan(updatesBefore);
    expect(textAt(s, ts)).toContain("Cancel reminder");

    await click(s, ts, "cancel_reminder", ASKER);
    expect(toldTo(s, ASKER).at(-1)).toContain("Reminder cancelled");
    expect(s.deletedScheduled).toEqual([{ channel: CHANNEL, scheduled_message_id: "Q0SCHED1" }]);
    expect(await s.t.database.reminders.find(keyOf(ts))).toMatchObject({
      status: "cancelled",
      scheduledMessageId: "Q0SCHED1",
    });
    expect(textAt(s, ts)).not.toContain("Cancel reminder");
  });

  it("a reminder whose time has passed (by the app's clock) cannot be cancelled, and the sweep forgets it", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    await decide(s, ts, ASKER, { framework: "django", months: 3 });
    const due = addMonths(clock(), 3);
    const oldClick = clickOf(s, ts, "cancel_reminder", ASKER);
    set(due + DAY);
    await send(s.t.app, oldClick);
    expect(toldTo(s, ASKER).at(-1)).toContain("already cancelled or posted");
    expect(s.deletedScheduled).toHaveLength(0);
    await s.t.deps.reminderSweep.runOnce();
    expect(await s.t.database.reminders.find(keyOf(ts))).toBeUndefined();
  });

  it("a reminder Slack refuses for good (not_in_channel) is marked failed and not retried by later sweeps", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    const due = addMonths(clock(), 12);
    await decide(s, ts, ASKER, { framework: "django", months: 12 });
    s.scheduleFails = "not_in_channel";
    set(due - 100 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(await s.t.database.reminders.find(keyOf(ts))).toMatchObject({ status: "failed" });
    const attempts = s.scheduled.length;
    set(due - 99 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(s.scheduled).toHaveLength(attempts);
    expect(await s.t.database.reminders.listWaitingDue(Number.MAX_SAFE_INTEGER)).toEqual([]);
  });

  it("a passing failure is retried by the next sweep", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    const due = addMonths(clock(), 12);
    await decide(s, ts, ASKER, { framework: "django", months: 12 });
    s.scheduleFails = "internal_error";
    set(due - 100 * DAY);
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(0);
    expect(await s.t.database.reminders.find(keyOf(ts))).toMatchObject({ status: "waiting" });
    s.scheduleFails = undefined;
    expect(await s.t.deps.reminderSweep.runOnce()).toBe(1);
  });

  it("Slack refusing a 3-month reminder leaves no row behind and tells the person why", async () => {
    const { s } = await onClock();
    const ts = await postRecommendation(s);
    s.scheduleFails = "restricted_action";
    await decide(s, ts, ASKER, { framework: "django", months: 3 });
    // Asked once: scheduling is not idempotent.
    expect(s.scheduled).toHaveLength(1);
    expect(await s.t.database.reminders.find(keyOf(ts))).toBeUndefined();
    expect(toldTo(s, ASKER).at(-1)).toContain("I couldn't set the reminder to revisit");
    expect(textAt(s, ts)).not.toContain("Cancel reminder");
  });

  it("Cancel reminder asks before it cancels", async () => {
    const { s } = await onClock();
    const ts = await postRecommendation(s);
    await decide(s, ts, ASKER, { framework: "django", months: 3 });
    const button = JSON.stringify(clickOf(s, ts, "cancel_reminder", ASKER).actions);
    expect(button).toContain('"confirm"');
    expect(button).toContain("Keep it");
  });

  it("two sweeps at once are one: neither overlaps the other", async () => {
    const { s, set, clock } = await onClock();
    const ts = await postRecommendation(s);
    const due = addMonths(clock(), 12);
    await decide(s, ts, ASKER, { framework: "django", months: 12 });
    set(due - 100 * DAY);
    const sweep = s.t.deps.reminderSweep;
    expect(await Promise.all([sweep.runOnce(), sweep.runOnce()])).toEqual([1, 1]);
    expect(s.scheduled).toHaveLength(1);
  });

  it("after deciding, one failing step (listing the superseded decision's reminders) stops none of the others", async () => {
    const { s } = await onClock();
    const first = await postRecommendation(s, ["admin"]);
    await decide(s, first, ASKER, { framework: "django" });
    const second = await postRecommendation(s, ["auth"]);
    s.t.database.reminders.listForDecision = async () => {
      throw new Error("database hiccup");
    };
    await decide(s, second, ASKER, { framework: "flask", months: 3 });
    expect(s.scheduled).toHaveLength(1);
    expect(toldTo(s, ASKER).at(-1)).toContain("Marked as decided: *Flask*");
    expect(toldTo(s, ASKER).at(-1)).toContain("I'll post a reminder to revisit");
    expect(textAt(s, first)).toContain("Superseded");
  });

  it("counts calendar months, keeping the day or taking the month's last", () => {
    expect(date(addMonths(Date.UTC(2026, 10, 28), 3))).toBe("2027-02-28");
    expect(date(addMonths(Date.UTC(2026, 10, 30), 3))).toBe("2027-02-28");
    expect(date(addMonths(Date.UTC(2027, 7, 31), 6))).toBe("2028-02-29");
    expect(date(addMonths(Date.UTC(2026, 0, 15), 12))).toBe("2027-01-15");
  });
});
