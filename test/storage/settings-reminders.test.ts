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

describe.each(BACKENDS)("revisit reminders on %s", (backend) => {
  it("records what cancelling needs, lists those still to come soonest first, and forgets them", async () => {
    let now = 10_000;
    const { reminders } = await backends.fresh(backend, { now: () => now });
    const later = await reminders.add(reminder({ scheduledMessageId: "Q2", postAt: 90_000 }));
    expect(later).toEqual({
      ...reminder({ scheduledMessageId: "Q2", postAt: 90_000 }),
      enterpriseId: null,
      createdAt: 10_000,
    });
    await reminders.add(reminder({ scheduledMessageId: "Q1", postAt: 50_000 }));
    await reminders.add(reminder({ scheduledMessageId: "Q3", postAt: 20_000, channelId: "C9" }));
    await reminders.add(
      reminder({ scheduledMessageId: "Q4", postAt: 30_000, decisionTs: "1700000000.000200" }),
    );
    await reminders.add(reminder({ scheduledMessageId: "Q5", postAt: 30_000, teamId: "T2" }));
    const ids = (list: { scheduledMessageId: string }[]) => list.map((r) => r.scheduledMessageId);
    expect(ids(await reminders.listForDecision("T1", "C1", "1700000000.000100"))).toEqual(["Q3", "Q1", "Q2"]);
    expect(ids(await reminders.listPending("T1"))).toEqual(["Q3", "Q4", "Q1", "Q2"]);
    // Once its time has passed it is not pending, and purgePast forgets it.
    now = 25_000;
    expect(ids(await reminders.listForDecision("T1", "C1", "1700000000.000100"))).toEqual(["Q1", "Q2"]);
    expect(await reminders.purgePast()).toBe(1);
    expect(await reminders.remove("T1", "C9", "Q3")).toBe(false);
    // Cancelling needs the channel and the scheduled message id.
    expect(await reminders.remove("T1", "C2", "Q1")).toBe(false);
    expect(await reminders.remove("T1", "C1", "Q1")).toBe(true);
    expect(ids(await reminders.listPending("T1"))).toEqual(["Q4", "Q2"]);
    expect(ids(await reminders.listPending("T2"))).toEqual(["Q5"]);
    await expect(reminders.add(reminder({ postAt: -1 }))).rejects.toThrow();
    await expect(reminders.add(reminder({ scheduledMessageId: "" }))).rejects.toThrow();
  });
});
