/**
 * When Slack slows down or the app is flooded: a rate limit on posting never holds up opening a form
 * for someone else, a form is never opened with a trigger_id too old to work, and beyond the cap on
 * outstanding work the app answers "busy, try again in a moment" instead of queueing, all through the
 * real app with the Web API mocked by nock.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import type { SlackApp } from "../../src/slack/app.js";
import { BUSY_WORDS } from "../../src/slack/services/busy.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { API_URL, apiFixture, buildTestApp, eventually, mockApi, send } from "../helpers/slack-app.js";
import { contextSubmission } from "../helpers/slack-flows.js";
import { loadFixture } from "../helpers/slack-request.js";

type Json = Record<string, unknown>;

const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const CHANNEL = COMMAND.channel_id as string;
const ALICE = COMMAND.user_id as string;
const RESPONSE_URL = COMMAND.response_url as string;
const API_HOST = new URL(API_URL).origin;
const OK = apiFixture("chat.postMessage_ok") as Json;

isolateNetwork();

/** /flask-or-django from someone else, with a trigger of their own. */
function commandFrom(user: string, n: number): Json {
  return {
    ...COMMAND,
    text: "",
    user_id: user,
    trigger_id: `8034561299876.7830312345678.${String(n).padStart(32, "0")}`,
    response_url: `https://hooks.slack.com/commands/T07QDKX2N5M/80345612${n}/flood${n}`,
  };
}

/** Pushes a payload through the app as the HTTP receiver does, with when it arrived. */
async function sendReceivedAt(app: SlackApp["app"], body: Json, receivedAt: number): Promise<unknown> {
  let acked: unknown;
  await app.processEvent({
    body,
    ack: async (response?: unknown) => {
      acked = response;
    },
    customProperties: { receivedAt },
  });
  return acked;
}

describe("rate limits kept apart", () => {
  it("while a post waits out a 429's Retry-After, another person's form opens at once, and other posts go through", async () => {
    const { app } = await buildTestApp();
    const limited = loadFixture<{ body: Json }>("web_api/error_ratelimited_429.json");
    const postTimes: Array<{ at: number; channel: unknown }> = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .reply(429, limited.body, { "retry-after": "2" })
      .post("/api/chat.postMessage")
      .times(2)
      .reply(200, (_uri, body) => {
        postTimes.push({ at: Date.now(), channel: new URLSearchParams(String(body)).get("channel") });
        return OK;
      });
    const opened: number[] = [];
    nock(API_HOST)
      .post("/api/views.open")
      .reply(200, () => {
        opened.push(Date.now());
        return apiFixture("views.open_ok");
      });

    const started = Date.now();
    const limitedPost = send(app, contextSubmission({ channel: CHANNEL, user: ALICE }));
    await eventually(() => expect(nock.pendingMocks().some((m) => m.includes("views.open"))).toBe(true));
    await new Promise((r) => setTimeout(r, 50)); // the 429 has come back; the post is waiting
    await send(app, commandFrom("U0BOB00001", 1));
    await send(app, contextSubmission({ channel: "C0OTHER001", user: "U0CAROL001" }));

    expect(opened).toHaveLength(1);
    expect((opened[0] ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(1000);
    expect(postTimes.map((p) => p.channel)).toEqual(["C0OTHER001"]);
    expect((postTimes[0]?.at ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(1000);

    await limitedPost;
    expect(postTimes.map((p) => p.channel)).toEqual(["C0OTHER001", CHANNEL]);
    expect((postTimes[1]?.at ?? 0) - started).toBeGreaterThanOrEqual(1900);
  });
});

describe("chat.postMessage answers 429 with Retry-After: 30", () => {
  it("another person's form opens at once, and the first person is told at once to try again", async () => {
    const { app } = await buildTestApp();
    const limited = loadFixture<{ body: Json }>("web_api/error_ratelimited_429.json");
    nock(API_HOST).post("/api/chat.postMessage").reply(429, limited.body, { "retry-after": "30" });
    const opened: number[] = [];
    nock(API_HOST)
      .post("/api/views.open")
      .reply(200, () => {
        opened.push(Date.now());
        return apiFixture("views.open_ok");
      });
    const told: number[] = [];
    nock("https://hooks.slack.com")
      .post(new URL(RESPONSE_URL).pathname)
      .reply(200, () => {
        told.push(Date.now());
        return "ok";
      });
    const started = Date.now();
    await Promise.all([
      send(app, contextSubmission({ channel: CHANNEL, user: ALICE, responseUrl: RESPONSE_URL })),
      send(app, commandFrom("U0BOB00001", 7)),
    ]);
    expect(opened).toHaveLength(1);
    expect((opened[0] ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(1000);
    expect(told).toHaveLength(1);
    expect((told[0] ?? Number.POSITIVE_INFINITY) - started).toBeLessThan(1000);
  });
});

describe("a trigger_id too old to open a form", () => {
  it("older than 2.5 s: views.open is not sent, and the person is told to run the command again", async () => {
    const { app, logs } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const hook: Json[] = [];
    nock("https://hooks.slack.com")
      .post(new URL(RESPONSE_URL).pathname)
      .reply(200, (_u, body) => {
        hook.push((typeof body === "string" ? JSON.parse(body) : body) as Json);
        return "ok";
      });
    await sendReceivedAt(app, { ...COMMAND, text: "" }, Date.now() - 2600);
    expect(opens).toHaveLength(0);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.text).toBe("Slack took too long to open the form. Please type `/flask-or-django` again.");
    const line = logs.find((l) => l.msg === "views.open failed");
    expect(line?.code).toBe("deadline_exceeded");
    expect(line?.triggerAgeMs).toBeGreaterThanOrEqual(2500);
  });

  it("younger than 2.5 s: the form opens", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    await sendReceivedAt(app, { ...COMMAND, text: "" }, Date.now() - 2000);
    expect(opens).toHaveLength(1);
  });
});

describe("backpressure: beyond the cap on outstanding work", () => {
  /** An app with a cap of 3, whose posts hang until their short deadline. */
  async function saturated(hangMs = 300) {
    const built = await buildTestApp(undefined, {
      apiPolicy: {
        maxOutstanding: 3,
        attemptTimeoutMs: hangMs,
        callBudgetMs: hangMs,
        // Room for a request after the flood: under a loaded CI machine a command can take over a
        // second to reach views.open, which must start within the work budget less one attempt (a
        // fresh clone's CI run refused it at 1.5 s). The trigger's 2.5 s stays the tighter bound.
        workBudgetMs: hangMs + 3000,
      },
    });
    nock(API_HOST).post("/api/chat.postMessage").times(20).delay(10_000).reply(200, OK);
    nock(API_HOST).post("/api/chat.postEphemeral").times(20).delay(10_000).reply(200, { ok: true });
    nock(API_HOST).post("/api/conversations.open").times(20).delay(10_000).reply(200, { ok: true });
    const hung = [1, 2, 3].map((n) =>
      send(built.app, contextSubmission({ channel: CHANNEL, user: `U0HUNG000${n}` })),
    );
    return { ...built, hung };
  }

  it("a command gets a short ephemeral 'busy, try again in a moment', and no form is opened", async () => {
    const { app, deps, logs, hung } = await saturated();
    await eventually(() => expect(deps.inFlight.size).toBe(3));
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const acked = await send(app, commandFrom("U0BOB00001", 2));
    expect(acked).toEqual({ response_type: "ephemeral", text: BUSY_WORDS.command });
    expect(opens).toHaveLength(0);
    const line = logs.find((l) => l.msg === "busy: requests refused");
    expect(line).toMatchObject({ kind: "command", refused: 1, outstanding: 3, cap: 3, user: "U0BOB00001" });

    // The hung work ends by its deadline; then forms open again.
    await Promise.all(hung);
    expect(deps.inFlight.size).toBe(0);
    await send(app, commandFrom("U0BOB00001", 3));
    expect(opens).toHaveLength(1);
  });

  it("under a flood, refusals are logged once a second with a count, not once each", async () => {
    const { app, deps, logs, hung } = await saturated(1600);
    await eventually(() => expect(deps.inFlight.size).toBe(3));
    for (let n = 0; n < 50; n++)
      await send(app, commandFrom(`U0FLOOD${String(n).padStart(3, "0")}`, 100 + n));
    const lines = logs.filter((l) => l.msg === "busy: requests refused");
    expect(lines).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 1000));
    await send(app, commandFrom("U0FLOOD999", 999));
    const after = logs.filter((l) => l.msg === "busy: requests refused");
    expect(after).toHaveLength(2);
    expect(after[1]?.refused).toBe(50); // the 49 not logged, and this one
    await Promise.all(hung);
  });

  it("a submitted form stays open with its answers and a 'press Submit again' above the first question", async () => {
    const { app, deps, hung } = await saturated();
    await eventually(() => expect(deps.inFlight.size).toBe(3));
    const acked = (await send(app, contextSubmission({ channel: CHANNEL, user: ALICE }))) as Json;
    expect(acked).toEqual({ response_action: "errors", errors: { q_project_type: BUSY_WORDS.submission } });
    await Promise.all(hung);
  });

  it("a button is acknowledged and nothing is called", async () => {
    const { app, deps, hung } = await saturated();
    await eventually(() => expect(deps.inFlight.size).toBe(3));
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const button = loadFixture<Json>("inbound/block_actions_button.json");
    const acked = await send(app, {
      ...button,
      actions: [
        { type: "button", action_id: "open_questionnaire", block_id: "help_actions", value: "start" },
      ],
    });
    expect(acked).toBeUndefined();
    await new Promise((r) => setTimeout(r, 50));
    expect(opens).toHaveLength(0);
    await Promise.all(hung);
  });
});
