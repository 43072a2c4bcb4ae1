import { describe, expect, it } from "vitest";
import { StoredDataError } from "../../src/storage/index.js";
import { BACKENDS, useBackends } from "./backends.js";
import { recommendation } from "./fixtures.js";

const backends = useBackends();

describe.each(BACKENDS)("recommendations on %s", (backend) => {
  it("stores everything and reads it back with the same types", async () => {
    const { recommendations } = await backends.fresh(backend, { now: () => 1_764_000_000_123 });
    const input = recommendation({
      enterpriseId: "E1",
      confidence: 0.1 + 0.2,
      scores: { flask: 33.333333333333336, django: 66.66666666666667 },
    });
    const stored = await recommendations.upsert(input);
    expect(stored).toEqual({ ...input, createdAt: 1_764_000_000_123, editedAt: null });
    expect(await recommendations.find("T1", "C1", input.messageTs)).toEqual(stored);
    expect(typeof stored.createdAt).toBe("number");
    expect(stored.confidence).toBe(0.1 + 0.2); // double precision, not float4
    expect(await recommendations.find("T1", "C1", "1.0")).toBeUndefined();
    expect(await recommendations.find("T2", "C1", input.messageTs)).toBeUndefined();
  });

  it("upserts by (team, channel, ts): an edit updates the same row and sets editedAt, keeping createdAt", async () => {
    let now = 1_000;
    const { recommendations, db } = await backends.fresh(backend, { now: () => now });
    const first = await recommendations.upsert(recommendation({ messageTs: "1700000000.000001" }));
    now = 5_000;
    const edited = await recommendations.upsert(
      recommendation({
        messageTs: "1700000000.000001",
        verdict: "flask",
        needs: [],
        notes: "",
        answers: { size: "small" },
      }),
    );
    expect(edited).toMatchObject({
      verdict: "flask",
      needs: [],
      notes: "",
      answers: { size: "small" },
      createdAt: 1_000,
      editedAt: 5_000,
    });
    expect(first.editedAt).toBeNull();
    // The same ts in another channel or team is another recommendation.
    await recommendations.upsert(recommendation({ messageTs: "1700000000.000001", channelId: "C2" }));
    await recommendations.upsert(recommendation({ messageTs: "1700000000.000001", teamId: "T2" }));
    const count = await db
      .selectFrom("recommendations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("finds the latest in a channel and lists a team's newest first", async () => {
    let now = 10_000;
    const { recommendations } = await backends.fresh(backend, { now: () => now });
    const made: string[] = [];
    for (const channelId of ["C1", "C2", "C1", "C1", "C2"]) {
      now += 1_000;
      made.push((await recommendations.upsert(recommendation({ channelId }))).messageTs);
    }
    await recommendations.upsert(recommendation({ teamId: "T2", channelId: "C1" }));

    expect((await recommendations.findLatestInChannel("T1", "C1"))?.messageTs).toBe(made[3]);
    expect((await recommendations.findLatestInChannel("T1", "C2"))?.messageTs).toBe(made[4]);
    expect(await recommendations.findLatestInChannel("T1", "C3")).toBeUndefined();
    // Newest means posted last (greatest ts), even if an older message's row is written afterwards.
    now += 1_000;
    await recommendations.upsert(recommendation({ channelId: "C2", messageTs: "1600000000.000100" }));
    expect((await recommendations.findLatestInChannel("T1", "C2"))?.messageTs).toBe(made[4]);

    const listed = await recommendations.listByTeam("T1");
    expect(listed.map((r) => r.messageTs)).toEqual([...made].reverse().concat("1600000000.000100"));
    expect((await recommendations.listByTeam("T1", { limit: 2 })).map((r) => r.messageTs)).toEqual([
      made[4],
      made[3],
    ]);
    expect(await recommendations.listByTeam("T3")).toEqual([]);
  });

  it("refuses input that would not read back", async () => {
    const { recommendations } = await backends.fresh(backend);
    await expect(recommendations.upsert(recommendation({ confidence: 1.5 }))).rejects.toThrow();
    await expect(recommendations.upsert(recommendation({ confidence: Number.NaN }))).rejects.toThrow();
    await expect(recommendations.upsert(recommendation({ teamId: "" }))).rejects.toThrow();
    await expect(
      recommendations.upsert(recommendation({ verdict: "fastapi" as unknown as "flask" })),
    ).rejects.toThrow();
  });

  it("checks rows read back and names the row and the column when one is broken", async () => {
    const { recommendations, db } = await backends.fresh(backend);
    const { messageTs } = await recommendations.upsert(recommendation());
    const where = (column: "answers" | "needs" | "scores" | "verdict", value: string) =>
      db
        .updateTable("recommendations")
        .set({ [column]: value })
        .where("message_ts", "=", messageTs)
        .execute();

    await where("needs", "{not json");
    await expect(recommendations.find("T1", "C1", messageTs)).rejects.toThrow(StoredDataError);
    await expect(recommendations.find("T1", "C1", messageTs)).rejects.toThrow(
      `Stored recommendation T1/C1/${messageTs} is not valid: needs: is not valid JSON`,
    );
    await where("needs", '["admin", 3]');
    await expect(recommendations.listByTeam("T1")).rejects.toThrow(
      /needs\.1: Invalid input: expected string/,
    );
    await where("needs", "[]");
    await where("scores", '{"flask": 1}');
    await expect(recommendations.findLatestInChannel("T1", "C1")).rejects.toThrow(/scores\.django/);
    await where("scores", '{"flask": 1, "django": 2}');
    await where("verdict", "neither");
    await expect(recommendations.find("T1", "C1", messageTs)).rejects.toThrow(/verdict/);
  });
});
