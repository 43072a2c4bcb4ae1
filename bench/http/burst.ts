import { execFileSync } from "node:child_process";
import autocannon from "autocannon";
import type { Check, Section } from "../engine.js";
import { FORM, signed, timedSlashCommandBody } from "./payloads.js";
import { launch, ROOT, rssMb } from "./process.js";
import { startStubSlack } from "./stub-slack.js";

/**
 * A flood of slash commands against our app in HTTP mode, as production runs it, with a slow
 * stand-in for Slack on loopback (views.open and chat.postEphemeral answer after a delay): every
 * command must be answered, the app must refuse what it cannot take on rather than queue it, keep
 * its memory bounded, and never send views.open for a trigger_id that has died (3 s).
 */
const SECRET = "0123456789abcdef0123456789abcdef";
const CONNECTIONS = Number(process.env.BURST_CONNECTIONS ?? 300);
const SECONDS = Number(process.env.BURST_SECONDS ?? 20);
/** A bound on the requests sent, whatever the machine's speed. */
const MAX_REQUESTS = Number(process.env.BURST_MAX_REQUESTS ?? 200_000);
const SLACK_DELAY_MS = Number(process.env.BURST_SLACK_DELAY_MS ?? 300);
const TRIGGER_LIFE_MS = 3000;
const RSS_TARGET_MB = 400;

const BUSY = "lot of requests right now";

export async function burstSection(): Promise<Section> {
  if (!process.env.BENCH_NO_BUILD)
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  const stub = await startStubSlack(
    {},
    { delayMs: { "views.open": SLACK_DELAY_MS, "chat.postEphemeral": SLACK_DELAY_MS } },
  );
  const app = await launch("ours", ["dist/src/main.js"], {
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: stub.url,
    SLACK_BOT_TOKEN: "xoxb-1-2-bench",
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "error",
  });
  const pid = app.child.pid;
  const rssBefore = rssMb(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 50);

  const answered = { accepted: 0, busy: 0, other: 0 };
  let user = 0;
  const notes: string[] = [];
  const checks: Check[] = [];
  try {
    let started = 0;
    let stop = () => {};
    const options: autocannon.Options = {
      url: `http://127.0.0.1:${app.port}/slack/events`,
      method: "POST",
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: [
        {
          setupRequest: (req) => {
            // Bounded in count too: stop once MAX_REQUESTS are under way, whatever the machine's speed.
            started += 1;
            if (started === MAX_REQUESTS) stop();
            user = (user + 1) % 1000;
            const body = timedSlashCommandBody(`U0BURST${String(user).padStart(4, "0")}`);
            return { ...req, method: "POST", body, headers: signed(SECRET, body, FORM) };
          },
          onResponse: (status, body) => {
            if (status !== 200) answered.other++;
            else if (body === "") answered.accepted++;
            else if (body.includes(BUSY)) answered.busy++;
            else answered.other++;
          },
        },
      ],
    };
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (err, res) => {
        if (err) reject(err);
        else resolve(res);
      });
      stop = () => instance.stop();
    });
    // Let the accepted work finish, then read what reached Slack.
    const drainStarted = Date.now();
    while (Date.now() - drainStarted < 20_000) {
      const health = await fetch(`http://127.0.0.1:${app.port}/healthz`).then(
        (r) => r.json() as Promise<{ ok: boolean; outstanding?: number }>,
        () => ({ ok: false }),
      );
      if (health.ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 2 * SLACK_DELAY_MS));
    clearInterval(sampler);
    const rssAfter = rssMb(pid);

    const opened = stub.calls.get("views.open") ?? 0;
    const told = stub.calls.get("chat.postEphemeral") ?? 0;
    const ages = [...stub.triggerAgesMs].sort((a, b) => a - b);
    const dead = ages.filter((a) => a > TRIGGER_LIFE_MS).length;
    const failed = result.non2xx + result.errors + result.timeouts;
    const sent = result.requests.sent;
    notes.push(
      `${sent} commands sent on ${CONNECTIONS} connections in ${SECONDS} s (${result.requests.average.toFixed(0)} req/s); Slack's stand-in answers views.open and chat.postEphemeral after ${SLACK_DELAY_MS} ms`,
    );
    notes.push(
      `answered 200: ${answered.accepted + answered.busy + answered.other - result.non2xx} — accepted ${answered.accepted}, refused as busy ${answered.busy}; non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
    );
    notes.push(
      `views.open sent ${opened} (trigger age at Slack: median ${ages[Math.floor(ages.length / 2)] ?? 0} ms, max ${ages.at(-1) ?? 0} ms, over 3 s: ${dead}); told "try again" (trigger too old) ${told}`,
    );
    notes.push(
      `resident memory: ${rssBefore.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB, ${rssAfter.toFixed(0)} MB after; p99 latency ${result.latency.p99} ms, max ${result.latency.max} ms; ran ${result.duration} s, total ${result.requests.total}`,
    );
    checks.push({
      name: "burst: every command answered",
      value: String(failed),
      target: "0 failed",
      pass: failed === 0,
    });
    checks.push({
      name: "burst: views.open sent for a dead trigger",
      value: String(dead),
      target: "0",
      pass: dead === 0,
    });
    checks.push({
      name: "burst: peak resident memory",
      value: `${peak.toFixed(0)} MB`,
      target: `< ${RSS_TARGET_MB} MB`,
      pass: peak < RSS_TARGET_MB,
    });
    checks.push({
      name: "burst: accepted work reached Slack or the person",
      value: `${opened + told} of ${answered.accepted}`,
      target: "all",
      pass: opened + told >= answered.accepted,
    });
  } finally {
    clearInterval(sampler);
    app.child.kill("SIGTERM");
    await stub.close();
  }
  return {
    title: `HTTP burst: ${CONNECTIONS} connections of slash commands for ${SECONDS} s against a slow Slack`,
    measurements: [],
    notes,
    checks,
  };
}
