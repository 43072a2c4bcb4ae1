import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { getKnowledge } from "../../src/engine/index.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { freshTeamModel } from "../../src/slack/blocks/team-section.js";
import { answerFor } from "../../src/slack/services/compose-answer.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { parseSubmission } from "../../src/slack/services/submission.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../test/storage/throwaway-postgres.js";
import type { Check, Section } from "../engine.js";
import {
  FORM,
  JSON_TYPE,
  signed,
  slashCommandBody,
  submissionBody,
  submissionState,
  threadQuestionBody,
} from "./payloads.js";
import { cpuMs, launch as launchProcess, type Running as Process, ROOT, rssMb } from "./process.js";
import { type StubSlack, startStubSlack } from "./stub-slack.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;
const RATE = 200;

interface Running extends Process {
  /** Its own stand-in for Slack's Web API (each app's first recommendation is the thread parent). */
  stub: StubSlack;
}

/** Starts an app in its own process (process.ts) beside its own stand-in for Slack. */
async function launch(
  name: string,
  args: string[],
  env: Record<string, string>,
  stub: StubSlack,
): Promise<Running> {
  return { ...(await launchProcess(name, args, env)), stub };
}

/** `served`: the Web API method each request that was served (not refused as busy) calls once. */
type Scenario = { name: string; body: () => string; contentType: string; served: string };
const SCENARIOS: Scenario[] = [
  { name: "slash command → views.open", body: slashCommandBody, contentType: FORM, served: "views.open" },
  {
    name: "submission → chat.postMessage",
    body: submissionBody,
    contentType: FORM,
    served: "chat.postMessage",
  },
  {
    name: "thread question → reply",
    body: threadQuestionBody,
    contentType: JSON_TYPE,
    served: "chat.postMessage",
  },
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/** Bare Bolt doing our submission's work (BENCH_SAME_WORK=1). */
const SAME_WORK = "bare+work";

/**
 * Drives one app with one scenario. Throughput counts the requests served: a request refused as busy
 * (answered at once, with "try again in a moment" or a 503 for an event) did none of the work, so it is
 * counted apart, as `refused`.
 */
async function drive(app: Running, s: Scenario, rate?: number) {
  const cpuBefore = cpuMs(app.child.pid);
  const servedBefore = app.stub.calls.get(s.served) ?? 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${app.port}/slack/events`,
    method: "POST",
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        setupRequest: (req) => {
          const body = s.body();
          return { ...req, method: "POST", body, headers: signed(SECRET, body, s.contentType) };
        },
      },
    ],
  });
  const answered = result.requests.total;
  await settle(); // work after the ack (posting to Slack, storing) ends within milliseconds of the last answer
  const served = Math.min(answered, (app.stub.calls.get(s.served) ?? 0) - servedBefore);
  const refused = answered - served;
  // The app answers 503 only to refuse an event as busy (Slack delivers it again): refused, not failed.
  // (Counted by status, not from `refused`: work from the previous run can still be posting.)
  const busy503 = result.statusCodeStats?.["503"]?.count ?? 0;
  return {
    rps: (result.requests.average * served) / Math.max(answered, 1),
    refused,
    cpuUsPerRequest: served > 0 ? ((cpuMs(app.child.pid) - cpuBefore) * 1000) / served : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx - busy503 + result.errors + result.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

type Runs = { rps: number[]; cpu: number[]; p50: number[]; p99: number[]; bad: number; refused: number };
const summary = (r: Runs) => ({
  rps: median(r.rps),
  cpu: median(r.cpu),
  p50: median(r.p50),
  p99: median(r.p99),
});

/**
 * Our app (the built dist/src/main.js, as in production) with its database on SQLite (the default: a file)
 * and on PostgreSQL (a throwaway local cluster with fsync on, like a real server), against a bare Bolt app
 * that only acks the same requests and sends Slack messages of the same size. Same requests, alternating
 * rounds so drift hits all three. A submission stores a recommendation (one write); a thread question
 * claims its event and its message (two writes) and reads its recommendation (the first one each app
 * posted, whose ts its stand-in for Slack handed out) from the database.
 */
export async function httpSection(): Promise<Section> {
  // BENCH_NO_BUILD=1 reuses an existing build.
  if (!process.env.BENCH_NO_BUILD)
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  const k = getKnowledge();
  // The bare app sends what ours sends for the benchmark's submission: the same message, team part included.
  const submission = parseSubmission(k, submissionState, false);
  if (!submission.ok)
    throw new Error(`the benchmark's submission is invalid: ${JSON.stringify(submission.errors)}`);
  const { profile } = submission;
  const { message, payload } = recommendationMessage(k, profile, "U05HV6XQ1AB", undefined, freshTeamModel());
  const answer = answerFor(k, {
    text: "what about the admin?",
    addressed: false,
    noProject: false,
    profile,
  });
  const dir = mkdtempSync(join(tmpdir(), "bench-http-"));
  const surfacesFile = join(dir, "surfaces.json");
  writeFileSync(
    surfacesFile,
    JSON.stringify({
      modal: questionnaireView({
        knowledge: k,
        privateMetadata: "{}",
        askDestination: false,
        editing: false,
      }),
      message,
      answer,
    }),
  );
  const common = { SLACK_SIGNING_SECRET: SECRET };
  const ourEnv = {
    ...common,
    SLACK_BOT_TOKEN: "xoxb-1-2-bench",
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  };
  const threadPayload = payload as unknown as Record<string, unknown>;
  const apps: Running[] = [];
  const stubs: StubSlack[] = [];
  const stub = async () => {
    const started = await startStubSlack(threadPayload);
    stubs.push(started);
    return started;
  };
  let postgres: ThrowawayPostgres | undefined;
  const notes: string[] = [];
  const checks: Check[] = [];
  try {
    const forSqlite = await stub();
    apps.push(
      await launch(
        "SQLite",
        ["dist/src/main.js"],
        { ...ourEnv, SLACK_API_URL: forSqlite.url, DATABASE_URL: `sqlite:${join(dir, "app.sqlite")}` },
        forSqlite,
      ),
    );
    let pgUrl = process.env.BENCH_DATABASE_URL;
    if (pgUrl === undefined || pgUrl === "") {
      try {
        postgres = await startThrowawayPostgres({ durable: true });
        pgUrl = postgres.url;
      } catch (err) {
        notes.push(`PostgreSQL skipped: ${(err as Error).message}`);
      }
    }
    if (pgUrl) {
      const forPostgres = await stub();
      apps.push(
        await launch(
          "PostgreSQL",
          ["dist/src/main.js"],
          { ...ourEnv, SLACK_API_URL: forPostgres.url, DATABASE_URL: pgUrl },
          forPostgres,
        ),
      );
    }
    const forBare = await stub();
    apps.push(
      await launch(
        "bare",
        ["bench/http/bare-app.mjs"],
        { ...common, SLACK_API_URL: forBare.url, BENCH_SURFACES: surfacesFile },
        forBare,
      ),
    );
    // BENCH_SAME_WORK=1: also bare Bolt doing our submission's work (the engine, the message, the two
    // stored rows) with none of our plumbing, to tell the plumbing's cost from the work's.
    if (process.env.BENCH_SAME_WORK) {
      const forSameWork = await stub();
      apps.push(
        await launch(
          SAME_WORK,
          ["bench/http/bare-same-work.mjs"],
          {
            ...common,
            SLACK_API_URL: forSameWork.url,
            BENCH_SURFACES: surfacesFile,
            DATABASE_URL: `sqlite:${join(dir, "same-work.sqlite")}`,
          },
          forSameWork,
        ),
      );
    }
    const sqlite = apps.find((app) => app.name === "SQLite");
    const bare = apps.find((app) => app.name === "bare");
    const sameWork = apps.find((app) => app.name === SAME_WORK);
    const ours = apps.filter((app) => app.name === "SQLite" || app.name === "PostgreSQL");

    for (const app of apps) for (const s of SCENARIOS) await drive(app, s); // warm-up (stores the thread parent)
    for (const s of SCENARIOS) {
      const runs = new Map<string, Runs>(
        apps.map((app) => [app.name, { rps: [], cpu: [], p50: [], p99: [], bad: 0, refused: 0 }]),
      );
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 === 0 ? apps : [...apps].reverse();
        for (const app of order) {
          const max = await drive(app, s);
          const paced = await drive(app, s, RATE);
          const into = runs.get(app.name) as Runs;
          into.rps.push(max.rps);
          into.cpu.push(max.cpuUsPerRequest);
          into.p50.push(paced.p50);
          into.p99.push(paced.p99);
          into.bad += max.bad + paced.bad;
          into.refused += max.refused + paced.refused;
        }
      }
      const b = summary(runs.get("bare") as Runs);
      const parts = ours.map((app) => {
        const o = summary(runs.get(app.name) as Runs);
        return `${app.name} ${o.rps.toFixed(0).padStart(5)} req/s (${(o.rps / b.rps).toFixed(2)} of bare), p50 ${o.p50} ms, p99 ${o.p99} ms`;
      });
      if (sameWork && sqlite && s.name.startsWith("submission")) {
        const w = summary(runs.get(SAME_WORK) as Runs);
        const o = summary(runs.get(sqlite.name) as Runs);
        parts.push(
          `${SAME_WORK} ${w.rps.toFixed(0).padStart(5)} req/s (SQLite: ${(o.rps / w.rps).toFixed(2)} of it)`,
        );
      }
      // CPU per request served holds steady when other work shares the machine; req/s does not.
      const cpu = [...ours, ...(sameWork ? [sameWork] : []), bare as Running]
        .map((app) => `${app.name} ${summary(runs.get(app.name) as Runs).cpu.toFixed(0)} µs`)
        .join(", ");
      const bad = [...runs].filter(([, r]) => r.bad > 0).map(([name, r]) => `${name} ${r.bad}`);
      notes.push(
        `${s.name.padEnd(32)} ${parts.join(" | ")} | bare ${b.rps.toFixed(0).padStart(5)} req/s, p50 ${b.p50} ms, p99 ${b.p99} ms (p99 at ${RATE}/s)` +
          (bad.length > 0 ? ` | non-2xx/errors ${bad.join(", ")}` : ""),
      );
      const refused = [...runs].filter(([, r]) => r.refused > 0).map(([name, r]) => `${name} ${r.refused}`);
      notes.push(
        `${"".padEnd(32)} CPU per request served: ${cpu}` +
          (refused.length > 0 ? ` | refused as busy (not counted as served): ${refused.join(", ")}` : ""),
      );
      for (const app of ours) {
        const o = summary(runs.get(app.name) as Runs);
        // The throughput target is for the default setup (SQLite); PostgreSQL's figures are reported.
        if (!s.name.startsWith("thread") && app === sqlite) {
          checks.push({
            name: `${s.name}: throughput vs bare Bolt (${app.name})`,
            value: (o.rps / b.rps).toFixed(2),
            target: ">= 0.85",
            pass: o.rps / b.rps >= 0.85,
          });
        }
        checks.push({
          name: `${s.name}: p99 at ${RATE} req/s (${app.name})`,
          value: `${o.p99} ms`,
          target: "< 100 ms",
          pass: o.p99 < 100,
        });
        checks.push({
          name: `${s.name}: no failed requests (${app.name})`,
          value: String((runs.get(app.name) as Runs).bad),
          target: "0",
          pass: (runs.get(app.name) as Runs).bad === 0,
        });
      }
    }
    const main = sqlite as Running;
    const other = bare as Running;
    const rss = { ours: rssMb(main.child.pid), bare: rssMb(other.child.pid) };
    notes.push(
      `start to listening: ${apps.map((app) => `${app.name} ${app.readyMs.toFixed(0)} ms`).join(", ")} (ours includes opening and migrating its database)`,
    );
    notes.push(
      `resident memory after load: ${ours.map((app) => `${app.name} ${rssMb(app.child.pid).toFixed(1)} MB`).join(", ")}, bare ${rss.bare.toFixed(1)} MB (ratio ${(rss.ours / rss.bare).toFixed(2)} with SQLite)`,
    );
    for (const app of apps) {
      notes.push(
        `Web API calls served to ${app.name}: ${[...app.stub.calls].map(([m, n]) => `${m} ${n}`).join(", ")}`,
      );
    }
    checks.push({
      name: "start to ready (SQLite)",
      value: `${main.readyMs.toFixed(0)} ms`,
      target: "< 1000 ms",
      pass: main.readyMs < 1000,
    });
    checks.push({
      name: "resident memory vs bare Bolt (SQLite)",
      value: (rss.ours / rss.bare).toFixed(2),
      target: "<= 1.2",
      pass: rss.ours / rss.bare <= 1.2,
    });
  } finally {
    for (const app of apps) app.child.kill("SIGTERM");
    for (const started of stubs) await started.close();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    title: `HTTP: our app on SQLite and on PostgreSQL vs bare Bolt (${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections)`,
    measurements: [],
    notes,
    checks,
  };
}
