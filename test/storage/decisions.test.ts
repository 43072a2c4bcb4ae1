import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Database, ProposalInput, StoredDecision } from "../../src/storage/index.js";
import { BACKENDS, useBackends } from "./backends.js";

const backends = useBackends();

let counter = 0;
/** A proposal in T1/C1 asked by U1 (a fresh, increasing ts each call unless given). */
function proposal(overrides: Partial<ProposalInput> = {}): ProposalInput {
  counter += 1;
  return {
    teamId: "T1",
    channelId: "C1",
    messageTs: `17000${String(counter).padStart(5, "0")}.000100`,
    askedBy: "U1",
    recommended: "django",
    ...overrides,
  };
}

const at = (p: ProposalInput) => [p.teamId, p.channelId, p.messageTs] as const;

describe.each(BACKENDS)("the decision log on %s", (backend) => {
  it("records a proposal once; while proposed an edited recommendation's verdict follows, never after", async () => {
    let now = 1_000;
    const { decisions } = await backends.fresh(backend, { now: () => now });
    const p = proposal({ enterpriseId: "E1" });
    const first = await decisions.propose(p);
    expect(first).toEqual({
      teamId: "T1",
      enterpriseId: "E1",
      channelId: "C1",
      messageTs: p.messageTs,
      askedBy: "U1",
      recommended: "django",
      status: "proposed",
      framework: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      againstRecommendation: false,
      supersedes: null,
      supersededBy: null,
      supersededAt: null,
      createdAt: 1_000,
      updatedAt: 1_000,
      channelPublic: false,
    });
    now = 2_000;
    expect(await decisions.propose(p)).toEqual(first);
    expect(await decisions.propose({ ...p, recommended: "flask" })).toMatchObject({
      recommended: "flask",
      createdAt: 1_000,
      updatedAt: 2_000,
    });
    await decisions.decide({ ...key(p), userId: "U1", framework: "flask" });
    now = 3_000;
    const after = await decisions.propose({ ...p, recommended: "either" });
    expect(after).toMatchObject({ recommended: "flask", status: "decided", framework: "flask" });
    expect(await decisions.find(...at(p))).toEqual(after);
    expect(await decisions.find("T1", "C1", "1.0")).toBeUndefined();
  });

  it("marks as decided: who, when, which framework, why; and says when the team went against the verdict", async () => {
    let now = 5_000;
    const { decisions } = await backends.fresh(backend, { now: () => now });
    const p = proposal({ recommended: "django" });
    await decisions.propose(p);
    now = 6_000;
    const result = await decisions.decide({
      ...key(p),
      userId: "U1",
      framework: "flask",
      reason: "  The team already runs three Flask services.  ",
    });
    expect(result).toEqual({
      ok: true,
      superseded: null,
      decision: expect.objectContaining({
        status: "decided",
        framework: "flask",
        decidedBy: "U1",
        decidedAt: 6_000,
        reason: "The team already runs three Flask services.",
        againstRecommendation: true,
        supersedes: null,
        updatedAt: 6_000,
      }),
    });
    const withVerdict = proposal({ recommended: "flask", channelId: "C2" });
    await decisions.propose(withVerdict);
    const agreed = await decisions.decide({ ...key(withVerdict), userId: "U1", framework: "flask" });
    expect(agreed.ok && agreed.decision).toMatchObject({ againstRecommendation: false, reason: null });
    const tossUp = proposal({ recommended: "either", channelId: "C3" });
    await decisions.propose(tossUp);
    const picked = await decisions.decide({ ...key(tossUp), userId: "U1", framework: "django" });
    expect(picked.ok && picked.decision.againstRecommendation).toBe(false);
  });

  it("lets only the asker decide by default, anyone once the workspace allows it", async () => {
    const { decisions, teamSettings } = await backends.fresh(backend);
    const p = proposal();
    await decisions.propose(p);
    const refused = await decisions.decide({ ...key(p), userId: "U2", framework: "django" });
    expect(refused).toMatchObject({ ok: false, code: "not_allowed", decision: { status: "proposed" } });
    expect(refused.ok ? "" : refused.message).toMatch(/Only the person who asked/);
    expect((await decisions.find(...at(p)))?.status).toBe("proposed");
    // Another team's setting changes nothing here.
    await teamSettings.update({ teamId: "T2", updatedBy: "UADMIN", whoMayDecide: "anyone" });
    expect((await decisions.decide({ ...key(p), userId: "U2", framework: "django" })).ok).toBe(false);
    await teamSettings.update({ teamId: "T1", updatedBy: "UADMIN", whoMayDecide: "anyone" });
    const allowed = await decisions.decide({ ...key(p), userId: "U2", framework: "django" });
    expect(allowed).toMatchObject({ ok: true, decision: { decidedBy: "U2", status: "decided" } });
  });

  it("moves statuses only forward: a decided or superseded decision cannot be decided again", async () => {
    let now = 1_000;
    const { decisions } = await backends.fresh(backend, { now: () => now });
    const older = proposal();
    const newer = proposal();
    await decisions.propose(older);
    await decisions.propose(newer);
    await decisions.decide({ ...key(older), userId: "U1", framework: "django" });
    now = 2_000;
    const again = await decisions.decide({ ...key(older), userId: "U1", framework: "flask" });
    expect(again).toMatchObject({ ok: false, code: "already_decided", decision: { framework: "django" } });
    await decisions.decide({ ...key(newer), userId: "U1", framework: "flask" });
    now = 3_000;
    const revived = await decisions.decide({ ...key(older), userId: "U1", framework: "flask" });
    expect(revived).toMatchObject({
      ok: false,
      code: "already_superseded",
      decision: { status: "superseded" },
    });
    expect(await decisions.find(...at(older))).toMatchObject({
      status: "superseded",
      framework: "django",
      decidedAt: 1_000,
    });
    expect(
      await decisions.decide({
        teamId: "T1",
        channelId: "C1",
        messageTs: "1.0",
        userId: "U1",
        framework: "flask",
      }),
    ).toMatchObject({
      ok: false,
      code: "not_found",
    });
    await expect(
      decisions.decide({ ...key(newer), userId: "U1", framework: "fastapi" as "flask" }),
    ).rejects.toThrow();
  });

  it("supersedes the decision standing in the same channel, linked both ways, and nothing elsewhere", async () => {
    let now = 1_000;
    const database = await backends.fresh(backend, { now: () => now });
    const { decisions } = database;
    const first = proposal();
    const elsewhere = proposal({ channelId: "C2" });
    const otherTeam = proposal({ teamId: "T2" });
    const second = proposal();
    for (const p of [first, elsewhere, otherTeam, second]) {
      await decisions.propose(p);
      await decisions.decide({ ...key(p), userId: "U1", framework: "django" }).then((r) => {
        if (p !== second) expect(r).toMatchObject({ ok: true, superseded: null });
        return r;
      });
      now += 1_000;
    }
    const standing = await decisions.findStanding("T1", "C1");
    expect(standing).toMatchObject({
      messageTs: second.messageTs,
      supersedes: first.messageTs,
      status: "decided",
    });
    expect(await decisions.find(...at(first))).toMatchObject({
      status: "superseded",
      supersededBy: second.messageTs,
      supersededAt: 4_000,
    });
    expect(await decisions.find(...at(elsewhere))).toMatchObject({ status: "decided", supersededBy: null });
    expect(await decisions.find(...at(otherTeam))).toMatchObject({ status: "decided", supersededBy: null });
    // A third: the second is superseded in turn, and the first stays as it was.
    const third = proposal();
    await decisions.propose(third);
    const result = await decisions.decide({ ...key(third), userId: "U1", framework: "flask" });
    expect(result).toMatchObject({
      ok: true,
      decision: { supersedes: second.messageTs },
      superseded: { messageTs: second.messageTs, status: "superseded", supersededBy: third.messageTs },
    });
    expect(await decisions.find(...at(first))).toMatchObject({ supersededBy: second.messageTs });
    // The database itself refuses two standing decisions in one channel.
    await expect(withStatus(database, first, "decided")).rejects.toThrow(/unique/i);
    await withStatus(database, elsewhere, "superseded"); // nothing stands in C2 now: allowed
  });

  it("lists a team's decisions newest first, filtered by status, and every team's for the terminal", async () => {
    const { decisions } = await backends.fresh(backend);
    const ps = [
      proposal(),
      proposal(),
      proposal({ channelId: "C2" }),
      proposal(),
      proposal({ teamId: "T2" }),
    ];
    for (const p of ps) await decisions.propose(p);
    const [a, b, c, d, e] = ps as [ProposalInput, ProposalInput, ProposalInput, ProposalInput, ProposalInput];
    await decisions.decide({ ...key(a), userId: "U1", framework: "django" });
    await decisions.decide({ ...key(b), userId: "U1", framework: "flask" }); // supersedes a
    await decisions.decide({ ...key(c), userId: "U1", framework: "flask" });
    const ts = (list: StoredDecision[]) => list.map((x) => x.messageTs);
    expect(ts(await decisions.listByTeam("T1"))).toEqual(ts([d, c, b, a] as unknown as StoredDecision[]));
    expect(ts(await decisions.listByTeam("T1", { status: "decided" }))).toEqual([c.messageTs, b.messageTs]);
    expect(ts(await decisions.listByTeam("T1", { status: ["proposed", "superseded"] }))).toEqual([
      d.messageTs,
      a.messageTs,
    ]);
    expect(ts(await decisions.listByTeam("T1", { status: [] }))).toEqual([]);
    expect(ts(await decisions.listByTeam("T1", { limit: 2 }))).toEqual([d.messageTs, c.messageTs]);
    expect(await decisions.listByTeam("T3")).toEqual([]);
    expect(ts(await decisions.listAllTeams())).toEqual([e, d, c, b, a].map((p) => p.messageTs));
    expect(ts(await decisions.listAllTeams({ status: "proposed" }))).toEqual([e.messageTs, d.messageTs]);
    await expect(decisions.listByTeam("T1", { status: "accepted" as "decided" })).rejects.toThrow();
    expect(await decisions.countByTeam("T1")).toBe(4);
    expect(await decisions.countByTeam("T1", { status: "decided" })).toBe(2);
    expect(await decisions.countByTeam("T1", { status: ["proposed", "superseded"] })).toBe(2);
    expect(await decisions.countByTeam("T1", { status: [] })).toBe(0);
    expect(await decisions.countByTeam("T3")).toBe(0);
    await expect(decisions.countByTeam("T1", { status: "accepted" as "decided" })).rejects.toThrow();
  });
});

/** One decision stands; following the links from the first, every decision is met once, linked both ways. */
function expectOneChain(all: StoredDecision[], ps: ProposalInput[]): void {
  expect(all.filter((d) => d.status === "decided")).toHaveLength(1);
  expect(all.filter((d) => d.status === "superseded")).toHaveLength(ps.length - 1);
  const byTs = new Map(all.map((d) => [d.messageTs, d]));
  const starts = all.filter((d) => d.supersedes === null);
  expect(starts).toHaveLength(1);
  let cursor: StoredDecision | undefined = starts[0];
  const seen: string[] = [];
  while (cursor && seen.length <= ps.length) {
    seen.push(cursor.messageTs);
    const next: StoredDecision | undefined =
      cursor.supersededBy === null ? undefined : byTs.get(cursor.supersededBy);
    if (next) expect(next.supersedes).toBe(cursor.messageTs);
    else expect(cursor.status).toBe("decided");
    cursor = next;
  }
  expect([...seen].sort()).toEqual(ps.map((p) => p.messageTs).sort());
}

describe.each(BACKENDS)("who may see a decision, on %s", (backend) => {
  it("a channel's decisions are public once told so; others show only to who asked, decided, gave a view or voted", async () => {
    const database = await backends.fresh(backend);
    const { decisions } = database;
    const a = proposal({ channelId: "CPRIV" });
    const b = proposal({ channelId: "CPRIV" });
    const c = proposal({ channelId: "CPUB", askedBy: "U2" });
    for (const p of [a, b, c]) expect((await decisions.propose(p)).channelPublic).toBe(false);
    await database.views.upsert({ ...key(a), userId: "U7", answers: {}, needs: [], notes: "" });
    await database.votes.upsert({ ...key(b), userId: "U8", value: "django" });
    await database.teamSettings.update({ teamId: "T1", updatedBy: "U1", whoMayDecide: "anyone" });
    await decisions.decide({ ...key(c), userId: "U9", framework: "flask" });
    const seenBy = async (user: string) =>
      (await decisions.listByTeam("T1", { visibleTo: user })).map((d) => d.messageTs);
    expect(await seenBy("U1")).toEqual([b.messageTs, a.messageTs]);
    expect(await seenBy("U7")).toEqual([a.messageTs]);
    expect(await seenBy("U8")).toEqual([b.messageTs]);
    expect(await seenBy("U9")).toEqual([c.messageTs]);
    expect(await seenBy("U0")).toEqual([]);
    expect(await decisions.countByTeam("T1", { visibleTo: "U1", status: "proposed" })).toBe(2);

    expect(await decisions.setChannelPublic("T1", "CPUB", true)).toBe(1);
    expect(await decisions.setChannelPublic("T1", "CPUB", true)).toBe(0);
    expect(await seenBy("U0")).toEqual([c.messageTs]);
    expect(await decisions.countByTeam("T1", { visibleTo: "U0" })).toBe(1);
    // A new decision in a channel known to be public starts public; one told otherwise is not.
    const d = proposal({ channelId: "CPUB" });
    expect((await decisions.propose(d)).channelPublic).toBe(true);
    expect(
      (await decisions.propose({ ...proposal({ channelId: "CPUB" }), channelPublic: false })).channelPublic,
    ).toBe(false);
    // Told again on an edit: the decision follows.
    expect((await decisions.propose({ ...d, channelPublic: false })).channelPublic).toBe(false);
    // The operator's terminal sees everything.
    expect(await decisions.listByTeam("T1")).toHaveLength(5);
  });
});

describe.each(BACKENDS)("deciding at once on %s", (backend) => {
  it("leaves one standing decision per channel and one unbroken chain, whoever wins each race", async () => {
    const database = await backends.fresh(backend);
    const ps = Array.from({ length: 12 }, () => proposal());
    for (const p of ps) await database.decisions.propose(p);
    const results = await Promise.all(
      ps.map((p) => database.decisions.decide({ ...key(p), userId: "U1", framework: "django" })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expectOneChain(await database.decisions.listByTeam("T1"), ps);
  });
});

describe("deciding at once from several instances", () => {
  it("on PostgreSQL, two pools: one standing decision and one unbroken chain", async () => {
    const first = await backends.fresh("postgres");
    const second = await backends.another("postgres");
    const ps = Array.from({ length: 16 }, () => proposal());
    for (const p of ps) await first.decisions.propose(p);
    const results = await Promise.all(
      ps.map((p, i) =>
        (i % 2 === 0 ? first : second).decisions.decide({ ...key(p), userId: "U1", framework: "django" }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expectOneChain(await first.decisions.listByTeam("T1"), ps);
  });

  it("on one SQLite file, two processes: one standing decision and one unbroken chain", async () => {
    const database = await backends.fresh("sqlite-file");
    const ps = Array.from({ length: 16 }, () => proposal());
    for (const p of ps) await database.decisions.propose(p);
    // Two processes, not two connections in this one: better-sqlite3 waits for a lock synchronously, so
    // a second connection in the same process would wait on a transaction that cannot finish meanwhile.
    const halves = [ps.filter((_, i) => i % 2 === 0), ps.filter((_, i) => i % 2 === 1)];
    const outputs = await Promise.all(
      halves.map((half) =>
        runWorker(
          backends.urlOf("sqlite-file"),
          half.map((p) => p.messageTs),
        ),
      ),
    );
    expect(outputs.flat().every((ok) => ok)).toBe(true);
    expectOneChain(await database.decisions.listByTeam("T1"), ps);
  });
});

/** Runs test/storage/decide-worker.ts in a child process: decides each ts in T1/C1 at once, as U1. */
function runWorker(url: string, messageTs: string[]): Promise<boolean[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./decide-worker.ts", import.meta.url)), url, ...messageTs],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      err += String(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(out) as boolean[]);
      else reject(new Error(`decide-worker exited ${code}: ${err}`));
    });
  });
}

function key(p: ProposalInput) {
  return { teamId: p.teamId, channelId: p.channelId, messageTs: p.messageTs };
}

/** Forces a status with plain SQL (bypassing the repository), to show what the database itself allows. */
async function withStatus(database: Database, p: ProposalInput, status: string): Promise<void> {
  await sql`update decisions set status = ${status} where team_id = ${p.teamId} and channel_id = ${p.channelId} and message_ts = ${p.messageTs}`.execute(
    database.db,
  );
}
