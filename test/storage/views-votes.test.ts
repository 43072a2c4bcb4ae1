import { describe, expect, it } from "vitest";
import { BACKENDS, useBackends } from "./backends.js";
import { recommendation, view } from "./fixtures.js";

const backends = useBackends();
const TS = "1700000000.000100";

describe.each(BACKENDS)("views on %s", (backend) => {
  it("keeps one view per person per recommendation: answering again replaces only their own", async () => {
    let now = 1_000;
    const { views } = await backends.fresh(backend, { now: () => now });
    const first = await views.upsert(view({ userId: "U2" }));
    expect(first).toEqual({
      ...view({ userId: "U2" }),
      enterpriseId: null,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    now = 2_000;
    const other = await views.upsert(
      view({ userId: "U3", answers: { size: "large" }, needs: [], notes: "" }),
    );
    now = 3_000;
    const changed = await views.upsert(view({ userId: "U2", answers: { size: "tiny" }, needs: ["admin"] }));
    expect(changed).toMatchObject({
      answers: { size: "tiny" },
      needs: ["admin"],
      createdAt: 1_000,
      updatedAt: 3_000,
    });
    // U2 writing again never reaches U3's row: the person is part of the key.
    expect(await views.find("T1", "C1", TS, "U3")).toEqual(other);
    expect((await views.listForRecommendation("T1", "C1", TS)).map((v) => [v.userId, v.answers])).toEqual([
      ["U2", { size: "tiny" }],
      ["U3", { size: "large" }],
    ]);
  });

  it("lists only that recommendation's views, keeps text exactly, and lets a person withdraw their own", async () => {
    const { views } = await backends.fresh(backend);
    await views.upsert(view({ userId: "U2", enterpriseId: "E1" }));
    await views.upsert(view({ userId: "U2", messageTs: "1700000000.000200" }));
    await views.upsert(view({ userId: "U2", channelId: "C2" }));
    await views.upsert(view({ userId: "U2", teamId: "T2" }));
    const listed = await views.listForRecommendation("T1", "C1", TS);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ enterpriseId: "E1", notes: "We’d keep it small 🐍" });
    expect(await views.remove("T1", "C1", TS, "U3")).toBe(false);
    expect(await views.remove("T1", "C1", TS, "U2")).toBe(true);
    expect(await views.find("T1", "C1", TS, "U2")).toBeUndefined();
    expect(await views.find("T2", "C1", TS, "U2")).toBeDefined();
    await expect(views.upsert(view({ userId: "" }))).rejects.toThrow();
    await expect(views.upsert(view({ answers: { size: 3 as unknown as string } }))).rejects.toThrow();
  });
});

describe.each(BACKENDS)("votes on %s", (backend) => {
  it("keeps one vote per person per recommendation, for a framework, changeable, tallied against the verdict", async () => {
    let now = 1_000;
    const database = await backends.fresh(backend, { now: () => now });
    const { votes } = database;
    const vote = (userId: string, value: "flask" | "django") => ({
      teamId: "T1",
      channelId: "C1",
      messageTs: TS,
      userId,
      value,
    });
    const first = await votes.upsert(vote("U2", "django"));
    expect(first).toEqual({
      ...vote("U2", "django"),
      enterpriseId: null,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    now = 2_000;
    await votes.upsert(vote("U3", "flask"));
    now = 3_000;
    await votes.upsert(vote("U4", "django"));
    now = 4_000;
    const changed = await votes.upsert(vote("U2", "flask"));
    expect(changed).toMatchObject({ value: "flask", createdAt: 1_000, updatedAt: 4_000 });
    expect(await votes.byFramework("T1", "C1", TS)).toEqual({ django: ["U4"], flask: ["U2", "U3"] });
    // Against the stored verdict: none stored yet (nothing to agree with), then Django, then Flask.
    expect(await votes.tally("T1", "C1", TS)).toEqual({ agree: [], pickOther: [] });
    await database.recommendations.upsert(recommendation({ messageTs: TS, verdict: "django" }));
    expect(await votes.tally("T1", "C1", TS)).toEqual({ agree: ["U4"], pickOther: ["U2", "U3"] });
    await database.recommendations.upsert(recommendation({ messageTs: TS, verdict: "flask" }));
    expect(await votes.tally("T1", "C1", TS)).toEqual({ agree: ["U2", "U3"], pickOther: ["U4"] });
    await votes.upsert({ ...vote("U9", "django"), messageTs: "1700000000.000200" });
    await votes.upsert({ ...vote("U9", "django"), teamId: "T2" });
    expect(await votes.listForRecommendation("T1", "C1", TS)).toHaveLength(3);
    expect(await votes.remove("T1", "C1", TS, "U3")).toBe(true);
    expect(await votes.remove("T1", "C1", TS, "U3")).toBe(false);
    expect(await votes.find("T1", "C1", TS, "U3")).toBeUndefined();
    expect(await votes.byFramework("T1", "C1", TS)).toEqual({ django: ["U4"], flask: ["U2"] });
    expect(await votes.byFramework("T1", "C1", "1.0")).toEqual({ django: [], flask: [] });
    await expect(votes.upsert(vote("U2", "agree" as "flask"))).rejects.toThrow();
  });
});
