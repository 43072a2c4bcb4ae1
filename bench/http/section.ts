import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { getKnowledge, toProfile } from "../../src/engine/index.js";
import { questionnaireView } from "../../src/slack/blocks/questionnaire.js";
import { answerFor } from "../../src/slack/services/compose-answer.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import type { Check, Section } from "../engine.js";
import { FORM, JSON_TYPE, signed, slashCommandBody, submissionBody, threadQuestionBody } from "./payloads.js";
import { launch, ROOT, type Running, rssMb } from "./process.js";
import { startStubSlack } from "./stub-slack.js";

const SECRET = "0123456789abcdef0123456789abcdef";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONNECTIONS = 10;
const RATE = 200;

type Scenario = { name: string; body: () => string; contentType: string };
const SCENARIOS: Scenario[] = [
  { name: "slash command → views.open", body: slashCommandBody, contentType: FORM },
  { name: "submission → chat.postMessage", body: submissionBody, contentType: FORM },
  { name: "thread question → reply", body: threadQuestionBody, contentType: JSON_TYPE },
];

async function drive(app: Running, s: Scenario, rate?: number) {
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
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Our app against a bare Bolt app, same requests, alternating rounds so drift hits both. */
export async function httpSection(): Promise<Section> {
  // Our app runs as in production: the built dist/src/main.js (BENCH_NO_BUILD=1 reuses an existing build).
  if (!process.env.BENCH_NO_BUILD)
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  const k = getKnowledge();
  const profile = toProfile({ needs: ["admin", "auth"] }, k);
  const { message, payload } = recommendationMessage(k, profile, "U05HV6XQ1AB");
  const answer = answerFor(k, {
    text: "what about the admin?",
    addressed: false,
    noProject: false,
    profile,
  });
  const surfacesFile = join(tmpdir(), `bench-surfaces-${process.pid}.json`);
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
  const stub = await startStubSlack(payload as unknown as Record<string, unknown>);
  const common = { SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: stub.url };
  const ours = await launch("ours", ["dist/src/main.js"], {
    ...common,
    SLACK_BOT_TOKEN: "xoxb-1-2-bench",
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
  });
  const bare = await launch("bare", ["bench/http/bare-app.mjs"], { ...common, BENCH_SURFACES: surfacesFile });

  const notes: string[] = [];
  const checks: Check[] = [];
  try {
    for (const app of [ours, bare]) for (const s of SCENARIOS) await drive(app, s); // warm-up
    for (const s of SCENARIOS) {
      const runs = {
        ours: { rps: [] as number[], p50: [] as number[], p99: [] as number[], bad: 0 },
        bare: { rps: [] as number[], p50: [] as number[], p99: [] as number[], bad: 0 },
      };
      for (let r = 0; r < ROUNDS; r++) {
        for (const app of r % 2 === 0 ? [ours, bare] : [bare, ours]) {
          const max = await drive(app, s);
          const paced = await drive(app, s, RATE);
          const into = runs[app.name as "ours" | "bare"];
          into.rps.push(max.rps);
          into.p50.push(paced.p50);
          into.p99.push(paced.p99);
          into.bad += max.bad + paced.bad;
        }
      }
      const o = { rps: median(runs.ours.rps), p50: median(runs.ours.p50), p99: median(runs.ours.p99) };
      const b = { rps: median(runs.bare.rps), p50: median(runs.bare.p50), p99: median(runs.bare.p99) };
      const ratio = o.rps / b.rps;
      notes.push(
        `${s.name.padEnd(32)} ours ${o.rps.toFixed(0).padStart(5)} req/s, p50 ${o.p50} ms, p99 ${o.p99} ms @${RATE}/s` +
          ` | bare ${b.rps.toFixed(0).padStart(5)} req/s, p50 ${b.p50} ms, p99 ${b.p99} ms | ratio ${ratio.toFixed(2)}` +
          (runs.ours.bad + runs.bare.bad > 0
            ? ` | non-2xx/errors ours ${runs.ours.bad}, bare ${runs.bare.bad}`
            : ""),
      );
      if (!s.name.startsWith("thread")) {
        checks.push({
          name: `${s.name}: throughput vs bare Bolt`,
          value: ratio.toFixed(2),
          target: ">= 0.85",
          pass: ratio >= 0.85,
        });
      }
      checks.push({
        name: `${s.name}: p99 at ${RATE} req/s`,
        value: `${o.p99} ms`,
        target: "< 100 ms",
        pass: o.p99 < 100,
      });
      checks.push({
        name: `${s.name}: no failed requests`,
        value: String(runs.ours.bad),
        target: "0",
        pass: runs.ours.bad === 0,
      });
    }
    const rss = { ours: rssMb(ours.child.pid), bare: rssMb(bare.child.pid) };
    notes.push(`start to listening: ours ${ours.readyMs.toFixed(0)} ms, bare ${bare.readyMs.toFixed(0)} ms`);
    notes.push(
      `resident memory after load: ours ${rss.ours.toFixed(1)} MB, bare ${rss.bare.toFixed(1)} MB (ratio ${(rss.ours / rss.bare).toFixed(2)})`,
    );
    notes.push(
      `Web API calls served by the stand-in: ${[...stub.calls].map(([m, n]) => `${m} ${n}`).join(", ")}`,
    );
    checks.push({
      name: "start to ready",
      value: `${ours.readyMs.toFixed(0)} ms`,
      target: "< 1000 ms",
      pass: ours.readyMs < 1000,
    });
    checks.push({
      name: "resident memory vs bare Bolt",
      value: (rss.ours / rss.bare).toFixed(2),
      target: "<= 1.2",
      pass: rss.ours / rss.bare <= 1.2,
    });
  } finally {
    ours.child.kill("SIGTERM");
    bare.child.kill("SIGTERM");
    await stub.close();
  }
  return {
    title: `HTTP: our app vs bare Bolt (${ROUNDS} alternating rounds of ${SECONDS} s, ${CONNECTIONS} connections)`,
    measurements: [],
    notes,
    checks,
  };
}
