import { describe, expect, it } from "vitest";
import { BACKENDS, useBackends } from "./backends.js";
import { feedback } from "./fixtures.js";

const backends = useBackends();

describe.each(BACKENDS)("feedback on %s", (backend) => {
  it("keeps one answer per person per recommendation: a second click replaces the first", async () => {
    let now = 1_000;
    const database = await backends.fresh(backend, { now: () => now });
    const first = await database.feedback.upsert(feedback({ value: "helpful" }));
    expect(first).toEqual({
      ...feedback(),
      enterpriseId: null,
      value: "helpful",
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    now = 2_000;
    const changed = await database.feedback.upsert(feedback({ value: "not_helpful" }));
    expect(changed).toMatchObject({ value: "not_helpful", createdAt: 1_000, updatedAt: 2_000 });
    expect(await database.feedback.find("T1", "C1", "1700000000.000100", "U2")).toEqual(changed);
    expect(await database.feedback.find("T1", "C1", "1700000000.000100", "U3")).toBeUndefined();
  });

  it("lists everyone's feedback on one recommendation, oldest first, and nothing from others", async () => {
    let now = 1_000;
    const database = await backends.fresh(backend, { now: () => now });
    for (const userId of ["U3", "U1", "U2"]) {
      now += 10;
      await database.feedback.upsert(
        feedback({ userId, value: userId === "U1" ? "not_helpful" : "helpful" }),
      );
    }
    await database.feedback.upsert(feedback({ messageTs: "1700000000.000200", userId: "U9" }));
    await database.feedback.upsert(feedback({ teamId: "T2", userId: "U9", enterpriseId: "E1" }));
    const listed = await database.feedback.listForRecommendation("T1", "C1", "1700000000.000100");
    expect(listed.map((f) => [f.userId, f.value])).toEqual([
      ["U3", "helpful"],
      ["U1", "not_helpful"],
      ["U2", "helpful"],
    ]);
    expect(
      (await database.feedback.listForRecommendation("T2", "C1", "1700000000.000100"))[0]?.enterpriseId,
    ).toBe("E1");
    await expect(database.feedback.upsert(feedback({ value: "meh" as "helpful" }))).rejects.toThrow();
  });
});
