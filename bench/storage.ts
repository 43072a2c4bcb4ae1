/**
 * The storage layer: a recommendation written and read back, and a handled-event claim, on SQLite (in
 * memory, and a WAL file as in production) and PostgreSQL. PostgreSQL is BENCH_DATABASE_URL (a database
 * the bench may fill and empty), or a throwaway local cluster with fsync on, like a real server.
 *
 * One operation at a time (latency: a Slack request waits for it), then PostgreSQL claims with 10 in
 * flight from one process (throughput when many requests arrive at once).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Database, openDatabase, type RecommendationInput } from "../src/storage/index.js";
import { startThrowawayPostgres } from "../test/storage/throwaway-postgres.js";
import type { Section } from "./engine.js";
import type { Measurement } from "./measure.js";

/**
 * Budgets, not goals: a claim happens before the app acknowledges Slack (3 seconds), a recommendation is
 * written once per submission. PostgreSQL with fsync on is bound by the disk's flush time (about 3 ms per
 * commit on the machine these were set on; pg_test_fsync shows yours).
 */
export const TARGETS_US = { recommendation: 10_000, claim: 5_000 } as const;

interface AsyncOptions {
  name: string;
  targetUs: number;
  callsPerBatch?: number;
  minBatches?: number;
  budgetMs?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Like measure(), for async calls made one after another: batches of calls, the mean per call each. */
async function measureAsync(
  fn: (i: number) => Promise<unknown>,
  options: AsyncOptions,
): Promise<Measurement> {
  const { callsPerBatch = 100, minBatches = 10, budgetMs = 2000 } = options;
  let i = 0;
  const batch = async () => {
    const start = process.hrtime.bigint();
    for (let n = 0; n < callsPerBatch; n++) await fn(i++);
    return Number(process.hrtime.bigint() - start) / 1000 / callsPerBatch;
  };
  await batch(); // warm-up
  const means: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (means.length < minBatches || (performance.now() < deadline && means.length < 200))
    means.push(await batch());
  means.sort((a, b) => a - b);
  return {
    name: options.name,
    medianUs: percentile(means, 50),
    p99Us: percentile(means, 99),
    batches: means.length,
    callsPerBatch,
    targetUs: options.targetUs,
  };
}

const run = randomBytes(4).toString("hex");

function recommendation(i: number): RecommendationInput {
  return {
    teamId: "TBENCH",
    channelId: `C${i % 20}`,
    messageTs: `${1_700_000_000 + i}.${run}`,
    userId: "U1",
    answers: { project_type: "rest_api", size: "large", experience: "neither", timeline: "months" },
    needs: ["admin", "auth", "orm"],
    notes: "Staff must edit records in an admin dashboard; SSO later.",
    verdict: "django",
    scores: { flask: 31.5, django: 68.5 },
    confidence: 0.93,
    knowledgeVersion: "2026-11-01",
  };
}

const opsPerSecond = (us: number) => `${Math.round(1_000_000 / us).toLocaleString("en-US")}/s`;

async function benchOne(
  label: string,
  database: Database,
): Promise<{ measurements: Measurement[]; notes: string[] }> {
  const write = await measureAsync(
    async (i) => {
      const input = recommendation(i);
      await database.recommendations.upsert(input);
      await database.recommendations.find(input.teamId, input.channelId, input.messageTs);
    },
    { name: `${label}, recommendation`, targetUs: TARGETS_US.recommendation },
  );
  const claim = await measureAsync((i) => database.handledEvents.claim(`bench:${run}:${i}`, 600), {
    name: `${label}, claim`,
    targetUs: TARGETS_US.claim,
  });
  return {
    measurements: [write, claim],
    notes: [
      `${label}: ${opsPerSecond(write.medianUs)} recommendations written and read; ${opsPerSecond(claim.medianUs)} claims`,
    ],
  };
}

/** Claims with `inFlight` outstanding at once, for `ms`: claims per second. */
async function concurrentClaims(database: Database, inFlight: number, ms: number): Promise<number> {
  let done = 0;
  let i = 0;
  const stopAt = performance.now() + ms;
  const worker = async () => {
    while (performance.now() < stopAt) {
      await database.handledEvents.claim(`bench:${run}:c${i++}`, 600);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return (done * 1000) / (performance.now() - start);
}

export async function storageSection(): Promise<Section> {
  const measurements: Measurement[] = [];
  const notes: string[] = [
    "PostgreSQL on loopback with fsync on; async commit = synchronous_commit off (no wait for the WAL flush)",
  ];
  const dir = mkdtempSync(join(tmpdir(), "flask-or-django-bench-"));
  let postgres: { url: string; stop(): Promise<void> } | undefined;
  try {
    for (const [label, url] of [
      ["SQLite memory", "sqlite::memory:"],
      ["SQLite file", `sqlite:${join(dir, "bench.sqlite")}`],
    ] as const) {
      const database = await openDatabase(url);
      try {
        const result = await benchOne(label, database);
        measurements.push(...result.measurements);
        notes.push(...result.notes);
      } finally {
        await database.close();
      }
    }

    let url = process.env.BENCH_DATABASE_URL;
    if (url === undefined || url === "") {
      try {
        postgres = await startThrowawayPostgres({ durable: true });
        url = postgres.url;
      } catch (err) {
        notes.push(`PostgreSQL skipped: ${(err as Error).message}`);
      }
    }
    if (url !== undefined && url !== "") {
      // The same server without waiting for each commit's WAL flush: what is left is our code, the
      // driver and the loopback round trips (the difference is this disk's fsync time).
      const noSync = `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c synchronous_commit=off")}`;
      for (const [label, target] of [
        ["PostgreSQL", url],
        ["PostgreSQL async commit", noSync],
      ] as const) {
        const database = await openDatabase(target);
        try {
          const result = await benchOne(label, database);
          measurements.push(...result.measurements);
          notes.push(...result.notes);
          const perSecond = await concurrentClaims(database, 10, 2000);
          notes.push(
            `${label}: ${Math.round(perSecond).toLocaleString("en-US")} claims/s with 10 in flight (pool of 10)`,
          );
          await database.db.deleteFrom("recommendations").where("team_id", "=", "TBENCH").execute();
          await database.db.deleteFrom("handled_events").where("key", "like", `bench:${run}:%`).execute();
        } finally {
          await database.close();
        }
      }
    }
  } finally {
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: "Storage, one operation at a time (recommendation = upsert + find; claim = a new key)",
    measurements,
    notes,
  };
}
