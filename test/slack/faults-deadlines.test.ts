/**
 * Web API calls have deadlines. When Slack keeps failing (HTTP 500, a reset connection) or never
 * answers, the app tries a bounded number of times, gives up within the call's budget, and the person
 * is told within 20 seconds, through the real app with the production policy unless a test says why not.
 * Nothing goes on retrying in the background.
 */
import { Writable } from "node:stream";
import nock from "nock";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/slack/app.js";
import { type ApiPolicy, DEFAULT_API_POLICY, webClientOptions } from "../../src/slack/services/slack-api.js";
import { openDatabase } from "../../src/storage/index.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  API_URL,
  apiFixture,
  BOT_ID,
  BOT_USER_ID,
  buildTestApp,
  eventually,
  mockApi,
  send,
  testConfig,
} from "../helpers/slack-app.js";
import { contextSubmission } from "../helpers/slack-flows.js";
import { loadFixture } from "../helpers/slack-request.js";

type Json = Record<string, unknown>;

const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const CHANNEL = COMMAND.channel_id as string;
const USER = COMMAND.user_id as string;
const RESPONSE_URL = COMMAND.response_url as string;
const API_HOST = new URL(API_URL).origin;
/** The app's shutdown grace (main.ts). */
const SHUTDOWN_GRACE_MS = 10_000;

isolateNetwork();

/** Records each POST to the command's response_url with the time it arrived. */
function hookTimes(): Array<{ at: number; body: Json }> {
  const calls: Array<{ at: number; body: Json }> = [];
  nock("https://hooks.slack.com")
    .post(new URL(RESPONSE_URL).pathname)
    .times(5)
    .reply(200, (_uri, body) => {
      calls.push({ at: Date.now(), body: (typeof body === "string" ? JSON.parse(body) : body) as Json });
      return "ok";
    });
  return calls;
}

const submission = () => contextSubmission({ channel: CHANNEL, user: USER, responseUrl: RESPONSE_URL });

describe("the production policy", () => {
  const p = DEFAULT_API_POLICY;

  it("bounds every attempt, call and request: told within 20 s, and all of it shorter than the shutdown grace", () => {
    expect(p.attemptTimeoutMs).toBeLessThanOrEqual(10_000);
    expect(p.attemptTimeoutMs).toBeLessThan(SHUTDOWN_GRACE_MS);
    expect(p.maxAttempts).toBeGreaterThanOrEqual(2);
    expect(p.maxAttempts).toBeLessThanOrEqual(4);
    expect(p.callBudgetMs).toBeLessThanOrEqual(10_000);
    expect(p.callBudgetMs).toBeGreaterThanOrEqual(p.attemptTimeoutMs);
    // Telling the person is part of the request's work, which ends within its budget.
    expect(p.workBudgetMs).toBeLessThanOrEqual(20_000);
    expect(p.workBudgetMs).toBeGreaterThan(p.callBudgetMs + p.attemptTimeoutMs);
    expect(p.triggerMaxAgeMs).toBeLessThanOrEqual(2500);
    expect(p.maxOutstanding).toBeGreaterThan(0);
    expect(p).toEqual({
      attemptTimeoutMs: 4000,
      maxAttempts: 3,
      callBudgetMs: 10_000,
      backoffMs: 250,
      workBudgetMs: 18_000,
      triggerMaxAgeMs: 2500,
      maxOutstanding: 64,
    });
  });

  it("configures the Web API clients: attempts bounded, no retries of their own, 429s handed back, no absolute URLs", () => {
    const options = webClientOptions(p, API_URL, {
      debug() {},
      info() {},
      warn() {},
      error() {},
      setLevel() {},
      getLevel: () => "info" as never,
      setName() {},
    });
    expect(options.fetch).toBeTypeOf("function"); // each attempt bounded by 4 s (boundedFetch)
    expect(options.retryConfig).toEqual({ retries: 0 });
    expect(options.rejectRateLimitedCalls).toBe(true);
    expect(options.allowAbsoluteUrls).toBe(false);
    expect(options.maxRequestConcurrency).toBeGreaterThan(p.maxOutstanding);
  });
});

describe("chat.postMessage fails every time (production policy)", () => {
  it.each([
    ["HTTP 500", (s: nock.Interceptor) => s.reply(500, "upstream error")],
    [
      "a reset connection",
      (s: nock.Interceptor) => s.replyWithError({ code: "ECONNRESET", message: "reset" }),
    ],
  ])(
    "%s: three attempts, the person is told well within 20 s, and nothing retries afterwards",
    async (_name, fail) => {
      const { app, deps, logs } = await buildTestApp();
      const attempts: number[] = [];
      const scope = nock(API_HOST);
      scope.on("request", () => attempts.push(Date.now()));
      fail(scope.post("/api/chat.postMessage").times(10));
      const hook = hookTimes();
      const started = Date.now();
      await send(app, submission());

      expect(hook).toHaveLength(1);
      const toldAfterMs = (hook[0]?.at ?? Number.POSITIVE_INFINITY) - started;
      expect(toldAfterMs).toBeLessThan(20_000);
      expect(toldAfterMs).toBeLessThan(2000); // fast failures: 3 attempts and two short waits
      expect(String(hook[0]?.body.text)).toMatch(/couldn't post the recommendation/);
      expect(String(hook[0]?.body.text)).toMatch(/try `\/flask-or-django` again/);
      const retries = logs.filter((l) => l.msg === "Web API call failed; retrying");
      expect(retries.map((l) => l.attempt)).toEqual([1, 2]);
      expect(logs.some((l) => l.msg === "posting the recommendation failed" && l.level === 50)).toBe(true);

      expect(attempts).toHaveLength(3);

      // Nothing goes on in the background: no further attempt, no work left.
      await new Promise((r) => setTimeout(r, 800));
      expect(attempts).toHaveLength(3);
      expect(deps.inFlight.size).toBe(0);
    },
  );
});

describe("a Web API call never answers", () => {
  const SHORT: Partial<ApiPolicy> = {
    attemptTimeoutMs: 150,
    callBudgetMs: 400,
    workBudgetMs: 900,
    backoffMs: 20,
  };

  it("(short deadlines) each attempt is abandoned at its timeout, and the person is told before the work budget ends", async () => {
    const { app, deps, logs } = await buildTestApp(undefined, { apiPolicy: SHORT });
    const attempts: number[] = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .times(5)
      .delay(60_000)
      .reply(200, () => {
        attempts.push(Date.now());
        return { ok: true };
      });
    const hook = hookTimes();
    const started = Date.now();
    await send(app, submission());
    const elapsed = Date.now() - started;

    expect(hook).toHaveLength(1);
    expect(String(hook[0]?.body.text)).toContain("Slack took too long to answer");
    expect((hook[0]?.at ?? 0) - started).toBeLessThan(900);
    expect(elapsed).toBeLessThan(900 + 100);
    // Two attempts fit the call's 400 ms (150 + 20 + 150); a third could not end in time.
    const lines = logs.filter(
      (l) => l.msg === "Web API call failed; retrying" || l.msg === "no time left to retry",
    );
    expect(lines.map((l) => [l.msg, l.attempt])).toEqual([
      ["Web API call failed; retrying", 1],
      ["no time left to retry", 2],
    ]);
    expect(deps.inFlight.size).toBe(0);
  });

  it("(production deadlines, in real time) the person is told within 20 s", async () => {
    const { app } = await buildTestApp();
    nock(API_HOST).post("/api/chat.postMessage").times(5).delay(60_000).reply(200, { ok: true });
    const hook = hookTimes();
    const started = Date.now();
    await send(app, submission());
    const toldAfterMs = (hook[0]?.at ?? Number.POSITIVE_INFINITY) - started;
    expect(hook).toHaveLength(1);
    expect(toldAfterMs).toBeLessThan(20_000);
    // Two 4-second attempts and a 250 ms wait; a third could not end within the call's 10 s.
    expect(toldAfterMs).toBeGreaterThanOrEqual(8000);
    expect(String(hook[0]?.body.text)).toContain("Slack took too long to answer");
  }, 15_000);
});

describe("chat.postMessage answers 429 with Retry-After: 30 (production policy)", () => {
  it("the wait does not fit the call's deadline: the person is told at once that Slack asked us to slow down", async () => {
    const { app } = await buildTestApp();
    const limited = loadFixture<{ body: Json }>("web_api/error_ratelimited_429.json");
    const scope = nock(API_HOST)
      .post("/api/chat.postMessage")
      .reply(429, limited.body, { "retry-after": "30" });
    const hook = hookTimes();
    const started = Date.now();
    await send(app, submission());
    expect(scope.isDone()).toBe(true);
    expect(hook).toHaveLength(1);
    expect((hook[0]?.at ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(1000);
    expect(String(hook[0]?.body.text)).toContain("Slack asked us to slow down");
  });
});

describe("Slack unreachable when the app starts", () => {
  it("requests are still answered, and the bot's ids are learnt once auth.test answers", async () => {
    const logs: Json[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line) as Json);
        cb();
      },
    });
    // auth.test fails (every attempt) while the app starts; Bolt alone would keep that failure for good.
    nock(API_HOST).post("/api/auth.test").times(3).reply(500, "down");
    const { app } = createApp({
      config: testConfig(),
      database: await openDatabase("sqlite::memory:"),
      logger: pino({ level: "debug" }, sink),
      version: "test",
    });
    await eventually(() =>
      expect(logs.some((l) => l.msg === "auth.test failed; going on with the token alone for now")).toBe(
        true,
      ),
    );

    nock(API_HOST)
      .post("/api/auth.test")
      .reply(200, { ok: true, user_id: BOT_USER_ID, bot_id: BOT_ID, team_id: "T07QDKX2N5M" });
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const contexts: Json[] = [];
    app.use(async ({ context, next }) => {
      contexts.push({ botId: context.botId, botUserId: context.botUserId });
      await next();
    });
    await send(app, { ...COMMAND, text: "" });
    expect(opens).toHaveLength(1);
    expect(contexts[0]).toEqual({ botId: BOT_ID, botUserId: BOT_USER_ID });
  });
});
