import { describe, expect, it } from "vitest";
import { BACKENDS, useBackends } from "./backends.js";
import { reminder } from "./fixtures.js";

const backends = useBackends();

describe.each(BACKENDS)("team settings on %s", (backend) => {
  it("are the defaults (only the asker may decide) until set, then what was set, per team", async () => {
    let now = 1_000;
    const { teamSettings } = await backends.fresh(backend, { now: () => now });
    expect(await teamSettings.get("T1")).toEqual({
      teamId: "T1",
      enterpriseId: null,
      whoMayDecide: "asker",
      updatedBy: null,
      updatedAt: null,
      isDefault: true,
    });
    const set = await teamSettings.update({
      teamId: "T1",
      enterpriseId: "E1",
      updatedBy: "UADMIN",
      whoMayDecide: "anyone",
    });
    expect(set).toEqual({
      teamId: "T1",
      enterpriseId: "E1",
      whoMayDecide: "anyone",
      updatedBy: "UADMIN",
      updatedAt: 1_000,
      isDefault: false,
    });
    expect(await teamSettings.get("T1")).toEqual(set);
    expect((await teamSettings.get("T2")).whoMayDecide).toBe("asker");
    now = 2_000;
    expect(
      await teamSettings.update({ teamId: "T1", updatedBy: "UADMIN2", whoMayDecide: "asker" }),
    ).toMatchObject({
      whoMayDecide: "asker",
      updatedBy: "UADMIN2",
      updatedAt: 2_000,
      isDefault: false,
    });
    await expect(
      teamSettings.update({ teamId: "T1", updatedBy: "U1", whoMayDecide: "admins" as "anyone" }),
    ).rejects.toThrow();
  });
});

const TS1 = "1700000000.000100";
const key = (decisionTs = TS1, teamId = "T1", decisionChannelId = "C1") => ({
  teamId,
  decisionChannelId,
  decisionTs,
});

describe.each(BACKENDS)("revisit reminders on %s", (backend) => {
  it("are keyed by their decision, list those still to come soonest first, and are forgotten", async () => {
    let now = 10_000;
    const { reminders } = await backends.fresh(backend, { now: () => now });
    const later = await reminders.add(reminder({ scheduledMessageId: "Q2", postAt: 90_000 }));
    expect(later).toEqual({
      ...reminder({ scheduledMessageId: "Q2", postAt: 90_000 }),
      kind: "revisit",
      enterpriseId: null,
      createdAt: 10_000,
      status: "scheduled",
      cancelledAt: null,
      cancelledBy: null,
    });
    // The same decision's reminder again replaces it: one per decision and kind.
    await reminders.add(reminder({ scheduledMessageId: "Q1", postAt: 50_000 }));
    await reminders.add(reminder({ scheduledMessageId: "Q3", postAt: 20_000, decisionChannelId: "C9" }));
    await reminders.add(
      reminder({ scheduledMessageId: "Q4", postAt: 30_000, decisionTs: "1700000000.000200" }),
    );
    await reminders.add(reminder({ scheduledMessageId: "Q5", postAt: 30_000, teamId: "T2" }));
    const ids = (list: { scheduledMessageId: string | null }[]) => list.map((r) => r.scheduledMessageId);
    expect(ids(await reminders.listForDecision("T1", "C1", TS1))).toEqual(["Q1"]);
    expect(ids(await reminders.listPending("T1"))).toEqual(["Q3", "Q4", "Q1"]);
    // Once its time has passed it is not pending, and purgePast forgets it.
    now = 25_000;
    expect(ids(await reminders.listPending("T1"))).toEqual(["Q4", "Q1"]);
    expect(await reminders.purgePast()).toBe(1);
    expect(await reminders.remove(key(TS1, "T1", "C9"))).toBe(false);
    expect(await reminders.remove(key(TS1, "T1", "C2"))).toBe(false);
    expect(await reminders.remove(key())).toBe(true);
    expect(ids(await reminders.listPending("T1"))).toEqual(["Q4"]);
    expect(ids(await reminders.listPending("T2"))).toEqual(["Q5"]);
    await expect(reminders.add(reminder({ postAt: -1 }))).rejects.toThrow();
    await expect(reminders.add(reminder({ scheduledMessageId: "" }))).rejects.toThrow();
  });
});

describe.each(BACKENDS)("revisit reminders beyond Slack's horizon, and cancelled ones, on %s", (backend) => {
  it("keeps a waiting reminder under the same key until a sweep schedules it, once", async () => {
    let now = 10_000;
    const { reminders } = await backends.fresh(backend, { now: () => now });
    const { scheduledMessageId: _id, ...input } = reminder({ postAt: 500_000 });
    const waiting = await reminders.addWaiting(input);
    expect(waiting).toMatchObject({ scheduledMessageId: null, status: "waiting", postAt: 500_000 });
    expect((await reminders.listPending("T1")).map((r) => r.status)).toEqual(["waiting"]);
    // Not yet within reach, then within reach; late ones (the app was down) are owed too.
    expect(await reminders.listWaitingDue(400_000)).toEqual([]);
    expect((await reminders.listWaitingDue(600_000)).map((r) => r.decisionTs)).toEqual([TS1]);
    now = 700_000;
    expect(await reminders.purgePast()).toBe(0);
    expect(await reminders.listWaitingDue(700_000)).toHaveLength(1);

    expect(await reminders.markScheduled(key(), "Q777", 800_000)).toBe(true);
    // Only once: a second instance that read it as waiting finds it gone.
    expect(await reminders.markScheduled(key(), "Q778", 800_000)).toBe(false);
    expect(await reminders.listWaitingDue(Number.MAX_SAFE_INTEGER)).toEqual([]);
    // Found by the same key it had while waiting.
    expect(await reminders.find(key())).toMatchObject({
      scheduledMessageId: "Q777",
      status: "scheduled",
      postAt: 800_000,
    });
  });

  it("marks a reminder cancelled (who, when), keeps it out of what is to come, and never un-cancels it", async () => {
    let now = 10_000;
    const { reminders } = await backends.fresh(backend, { now: () => now });
    await reminders.add(reminder({ scheduledMessageId: "Q1", postAt: 90_000 }));
    const { scheduledMessageId: _id, ...input } = reminder({
      decisionTs: "1700000000.000200",
      postAt: 95_000,
    });
    await reminders.addWaiting(input);
    now = 20_000;
    expect(await reminders.cancel(key(), "U7")).toMatchObject({
      status: "cancelled",
      scheduledMessageId: "Q1",
    });
    expect(await reminders.cancel(key(), "U7")).toBeUndefined();
    expect(await reminders.cancel(key("1700000000.000999"), "U7")).toBeUndefined();
    expect(await reminders.cancel(key("1700000000.000200"), "U8")).toMatchObject({
      scheduledMessageId: null,
    });
    expect(await reminders.listPending("T1")).toEqual([]);
    expect(await reminders.listForDecision("T1", "C1", TS1)).toEqual([]);
    // A cancelled waiting reminder is never scheduled, and setting it again does not revive it.
    expect(await reminders.listWaitingDue(Number.MAX_SAFE_INTEGER)).toEqual([]);
    expect(await reminders.markScheduled(key("1700000000.000200"), "Q9", 95_000)).toBe(false);
    expect(await reminders.addWaiting(input)).toBeUndefined();
    expect(await reminders.reserve(input)).toBeUndefined();
    expect(await reminders.add(reminder({ scheduledMessageId: "Q2" }))).toBeUndefined();
    expect(await reminders.find(key("1700000000.000999"))).toBeUndefined();
    expect(await reminders.find(key())).toMatchObject({
      status: "cancelled",
      cancelledAt: 20_000,
      cancelledBy: "U7",
      scheduledMessageId: "Q1",
    });
    now = 100_000;
    expect(await reminders.purgePast()).toBe(2);
  });

  it("marks a reminder Slack refuses for good as failed: no longer waiting, nor to come", async () => {
    const { reminders } = await backends.fresh(backend, { now: () => 10_000 });
    const { scheduledMessageId: _id, ...input } = reminder({ postAt: 500_000 });
    await reminders.reserve(input);
    expect(await reminders.find(key())).toMatchObject({ status: "scheduling", scheduledMessageId: null });
    expect(await reminders.markFailed(key())).toBe(true);
    expect(await reminders.markFailed(key())).toBe(false);
    expect(await reminders.listPending("T1")).toEqual([]);
    expect(await reminders.cancel(key(), "U1")).toBeUndefined();
  });
});
