/**
 * Slack Web API faults, one test each. Every fault ends in a defined outcome: the call is retried, the app
 * falls back to another route, or the person is told. Never silence, never a crash.
 */
import { Writable } from "node:stream";
import nock from "nock";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { defaultProfile, getKnowledge } from "../../src/engine/index.js";
import { createApp } from "../../src/slack/app.js";
import { encodeAnswers, encodeModalContext, type ModalContext } from "../../src/slack/services/codecs.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import type { ApiPolicy } from "../../src/slack/services/slack-api.js";
import { openDatabase } from "../../src/storage/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import {
  API_URL,
  apiFixture,
  BOT_ID,
  BOT_USER_ID,
  buildTestApp,
  mockApi,
  send,
  type TestApp,
  testConfig,
} from "../helpers/slack-app.js";
import { compareShortcut } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

const k = getKnowledge();
const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const CHANNEL = COMMAND.channel_id as string;
const USER = COMMAND.user_id as string;
const RESPONSE_URL = COMMAND.response_url as string;
const DM = "D07QG2H8M4N";
const API_HOST = new URL(API_URL).origin;
const OK = apiFixture("chat.postMessage_ok") as Json;

isolateNetwork();

/** The real app with its own Web API policy (attempts, timeouts, backoff). */
async function appWith(apiPolicy: Partial<ApiPolicy>): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  });
  const database = await openDatabase("sqlite::memory:");
  const built = createApp({
    config: testConfig(),
    database,
    logger: pino({ level: "debug" }, sink),
    version: "test",
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    apiPolicy,
  });
  return { ...built, logs, database };
}

const RETRYING = { maxAttempts: 3, backoffMs: 10 };

function decodeForm(body: unknown): Json {
  const fields: Json = Object.fromEntries(new URLSearchParams(String(body)));
  for (const key of ["blocks", "view", "metadata"]) {
    if (typeof fields[key] === "string") fields[key] = JSON.parse(fields[key] as string);
  }
  return fields;
}

/** A submission of the modal's defaults (+ admin), with the given context. */
function submission(ctx: ModalContext = { channel: CHANNEL, user: USER, responseUrl: RESPONSE_URL }): Json {
  const values: Record<string, Record<string, Json>> = {};
  for (const q of k.singleQuestions) {
    values[`q_${q.id}`] = { value: { type: "radio_buttons", selected_option: { value: q.default } } };
  }
  values[`q_${k.needsQuestion.id}`] = {
    value: { type: "multi_static_select", selected_options: [{ value: "admin" }] },
  };
  values[`q_${k.notesQuestion.id}`] = { value: { type: "plain_text_input", value: null } };
  const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
  return {
    ...base,
    view: {
      ...base.view,
      callback_id: "questionnaire",
      private_metadata: encodeModalContext(ctx),
      state: { values },
    },
  };
}

/** The person was told something, through any route; returns the texts. */
function toldTexts(hook: Json[], ephemerals: Json[] = [], dms: Json[] = []): string[] {
  return [...hook, ...ephemerals, ...dms].map((c) => String(c.text ?? ""));
}

describe("chat.postMessage answers HTTP 500", () => {
  it("with retries configured, a 500 then a 200 is retried and the message is posted", async () => {
    const { app, logs } = await appWith(RETRYING);
    const bodies: Json[] = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .reply(500, (_u, b) => {
        bodies.push(decodeForm(b));
        return "upstream error";
      })
      .post("/api/chat.postMessage")
      .reply(200, (_u, b) => {
        bodies.push(decodeForm(b));
        return OK;
      });
    const hook = mockResponseUrl(RESPONSE_URL);
    const acked = await send(app, submission());
    expect(acked).toBeUndefined();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]?.channel).toBe(CHANNEL);
    expect((bodies[1]?.metadata as Json | undefined)?.event_type).toBe("flask_or_django_recommendation");
    expect(hook).toEqual([]);
    expect(logs.filter((l) => l.msg === "posting the recommendation failed")).toEqual([]);
  });

  it("when every attempt fails, the person is told through the response_url", async () => {
    const { app, logs } = await appWith(RETRYING);
    const attempts: Json[] = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .times(3)
      .reply(500, () => {
        attempts.push({});
        return "upstream error";
      });
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(attempts).toHaveLength(3);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/sorry/i);
    expect(String(hook[0]?.text)).toMatch(/try/i);
    expect(logs.some((l) => l.msg === "posting the recommendation failed" && l.level === 50)).toBe(true);
  });
});

describe("chat.postMessage times out", () => {
  const TIMING_OUT = { ...RETRYING, attemptTimeoutMs: 200 };

  it("a timed-out request is retried and the message is posted", async () => {
    const { app } = await appWith(TIMING_OUT);
    const bodies: Json[] = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .delay(1000)
      .reply(200, OK)
      .post("/api/chat.postMessage")
      .reply(200, (_u, b) => {
        bodies.push(decodeForm(b));
        return OK;
      });
    const hook = mockResponseUrl(RESPONSE_URL);
    const started = Date.now();
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.channel).toBe(CHANNEL);
    expect(hook).toEqual([]);
  });

  it("when every attempt times out, the person is told", async () => {
    const { app } = await appWith(TIMING_OUT);
    nock(API_HOST).post("/api/chat.postMessage").times(3).delay(1000).reply(200, OK);
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(hook).toHaveLength(1);
    expect(String(hook[0]?.text)).toMatch(/sorry/i);
  });
});

describe("ratelimited (HTTP 429 with Retry-After)", () => {
  const limited = apiFixture("error_ratelimited_429");

  it("a Retry-After that fits the call's deadline is waited out, and the message is posted", async () => {
    const { app } = await buildTestApp();
    const times: number[] = [];
    const bodies: Json[] = [];
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .reply(
        429,
        () => {
          times.push(Date.now());
          return limited as nock.Body;
        },
        { "retry-after": "1" },
      )
      .post("/api/chat.postMessage")
      .reply(200, (_u, b) => {
        times.push(Date.now());
        bodies.push(decodeForm(b));
        return OK;
      });
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(times).toHaveLength(2);
    expect((times[1] as number) - (times[0] as number)).toBeGreaterThanOrEqual(900);
    expect(bodies[0]?.channel).toBe(CHANNEL);
    expect(hook).toEqual([]);
  });

  it("a Retry-After longer than the call's deadline is not waited for: the person is told to try again", async () => {
    const { app } = await buildTestApp();
    nock(API_HOST)
      .post("/api/chat.postMessage")
      .reply(429, limited as nock.Body, { "retry-after": "30" });
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(hook).toHaveLength(1);
    expect(String(hook[0]?.text)).toMatch(/try/i);
  });
});

describe.each([
  ["not_in_channel", "error_not_in_channel"],
  ["channel_not_found", "error_channel_not_found"],
  ["is_archived", undefined],
])("chat.postMessage fails with %s", (code, fixture) => {
  it("falls back to a DM (conversations.open + chat.postMessage) and notes it through the response_url", async () => {
    const { app } = await buildTestApp();
    const refusal = fixture ? apiFixture(fixture) : { ok: false, error: code };
    const opens = mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const posts = mockApi("chat.postMessage", (call: Json) =>
      call.channel === DM ? { ...OK, channel: DM } : refusal,
    );
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(posts.map((p) => p.channel)).toEqual([CHANNEL, DM]);
    expect(opens).toHaveLength(1);
    expect(opens[0]?.users).toBe(USER);
    expect((posts[1]?.metadata as Json | undefined)?.event_type).toBe("flask_or_django_recommendation");
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/direct message/i);
    expect(String(hook[0]?.text)).toContain(`<#${CHANNEL}>`);
  });
});

describe.each([
  ["invalid_blocks", "error_chat.postMessage_invalid_blocks"],
  ["msg_blocks_too_long", "error_chat.postMessage_msg_blocks_too_long"],
  ["metadata_too_large", "error_chat.postMessage_metadata_too_large"],
])("chat.postMessage fails with %s", (code, fixture) => {
  it("the person is told (never silence)", async () => {
    const { app, logs } = await buildTestApp();
    mockApi("chat.postMessage", apiFixture(fixture));
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, submission())).resolves.toBeUndefined();
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/sorry/i);
    expect(logs.some((l) => l.code === code && l.level === 50)).toBe(true);
  });

  it("without a response_url (modal from App Home), the person is told in the channel or by DM", async () => {
    const { app } = await buildTestApp();
    const posts = mockApi("chat.postMessage", (call: Json) =>
      call.channel === DM ? { ...OK, channel: DM } : apiFixture(fixture),
    );
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const sub = submission({ user: USER });
    const state = (sub.view as Json).state as { values: Json };
    state.values.q_destination = { value: { type: "conversations_select", selected_conversation: CHANNEL } };
    await expect(send(app, sub)).resolves.toBeUndefined();
    const told = [...ephemerals, ...posts.filter((p) => p.channel === DM)];
    expect(told.length).toBeGreaterThan(0);
    expect(String(told[0]?.text)).toMatch(/sorry/i);
    if (ephemerals.length > 0) expect(ephemerals[0]?.user).toBe(USER);
  });
});

describe("the thread answer is refused by chat.postMessage", () => {
  it.each(["invalid_blocks", "msg_blocks_too_long", "not_in_channel"])(
    "%s for an @mention: logged, and the person is told",
    async (code) => {
      const { app, logs } = await buildTestApp();
      const posts = mockApi("chat.postMessage", (call: Json) =>
        call.channel === DM ? { ...OK, channel: DM } : { ok: false, error: code },
      );
      const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
      const opens = mockApi("conversations.open", { ok: true, channel: { id: DM } });
      const mention = loadFixture<Json & { event: Json }>("inbound/event_app_mention_in_thread.json");
      mention.event = { ...mention.event, text: "<@U07R3MZ1B4K> what about the admin?" };
      delete mention.event.thread_ts;
      await expect(send(app, { ...mention, event_id: `EvFAULT${code}` })).resolves.toBeUndefined();
      expect(logs.some((l) => l.msg === "listener failed")).toBe(true);
      const told = [...ephemerals, ...posts.filter((p) => p.channel === DM)];
      expect(told.length + opens.length).toBeGreaterThan(0);
      expect(String(told[0]?.text)).toMatch(/sorry/i);
    },
  );
});

describe("views.open fails", () => {
  it("expired_trigger_id after /flask-or-django: the person is told to run the command again", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const hook = mockResponseUrl(RESPONSE_URL);
    await expect(send(app, { ...COMMAND, text: "" })).resolves.toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/again/i);
    expect(String(hook[0]?.text)).toContain("/flask-or-django");
  });

  it("from the Edit answers button: the person is told", async () => {
    const { app } = await buildTestApp();
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    const hook = mockResponseUrl(
      "https://hooks.slack.com/actions/T07QDKX2N5M/8034588812345/9hGk2LmN4pQr6sTu8vWxYz0A",
    );
    const button = loadFixture<Json>("inbound/block_actions_button.json");
    const payload = {
      ...button,
      actions: [
        {
          type: "button",
          action_id: "edit_answers",
          block_id: "recommendation_actions",
          value: encodeAnswers(defaultProfile(k), USER),
          action_ts: "1732384520.447211",
        },
      ],
    };
    await expect(send(app, payload)).resolves.toBeUndefined();
    const texts = toldTexts(hook, ephemerals);
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.join(" ")).toMatch(/Edit answers/);
    if (ephemerals.length > 0) {
      expect(ephemerals[0]?.channel).toBe("C07QF9S3K2L");
      expect(ephemerals[0]?.user).toBe("U06JK2P7RCD");
    }
  });

  it("from the Start a comparison button (App Home): the person is told", async () => {
    const { app, logs } = await buildTestApp();
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const opens = mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const posts = mockApi("chat.postMessage", { ...OK, channel: DM });
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    const payload = {
      type: "block_actions",
      user: { id: USER, username: "alice", team_id: "T07QDKX2N5M" },
      api_app_id: "A07R3LF8WPQ",
      team: { id: "T07QDKX2N5M", domain: "acme-eng" },
      container: { type: "view", view_id: "V081M7Q2R3S" },
      trigger_id: "8034588812345.7830312345678.0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
      view: { id: "V081M7Q2R3S", type: "home", blocks: [], state: { values: {} } },
      actions: [
        {
          type: "button",
          action_id: "open_questionnaire",
          block_id: "home_actions",
          value: "home",
          action_ts: "1732384520.447211",
        },
      ],
    };
    await expect(send(app, payload)).resolves.toBeUndefined();
    expect(logs.some((l) => String(l.msg).startsWith("views.open failed"))).toBe(true);
    const told = [...posts, ...ephemerals];
    expect(told.length, "the person is told the form could not open").toBeGreaterThan(0);
    expect(String(told[0]?.text)).toMatch(/again/i);
    expect(opens.length + ephemerals.length).toBeGreaterThan(0);
  });

  it("from the global shortcut: the person is told", async () => {
    const { app } = await buildTestApp();
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const posts = mockApi("chat.postMessage", { ...OK, channel: DM });
    const shortcut = compareShortcut(
      { id: USER, username: "alice" },
      "8034588812345.7830312345678.0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
      "1732384520.447211",
    );
    await expect(send(app, shortcut)).resolves.toBeUndefined();
    expect(posts.length, "the person is told the form could not open").toBeGreaterThan(0);
    expect(String(posts[0]?.text)).toMatch(/again/i);
  });
});

describe("conversations.replies fails for a thread reply after a restart", () => {
  const THREAD = "1732384472.318669";
  const { payload } = recommendationMessage(k, { ...defaultProfile(k), needs: ["admin"] }, USER);
  const ours = {
    ok: true,
    messages: [
      {
        type: "message",
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        ts: THREAD,
        text: "Recommendation",
        metadata: { event_type: "flask_or_django_recommendation", event_payload: payload },
      },
    ],
    has_more: false,
  };

  function reply(ts: string, eventId: string): Json {
    const base = loadFixture<Json & { event: Json }>("inbound/event_message_thread_reply.json");
    return {
      ...base,
      event_id: eventId,
      event: { ...base.event, ts, event_ts: ts, thread_ts: THREAD, text: "what about the admin?" },
    };
  }

  it.each([
    ["HTTP 500", () => nock(API_HOST).post("/api/conversations.replies").reply(500, "upstream error")],
    [
      "an API error",
      () =>
        nock(API_HOST).post("/api/conversations.replies").reply(200, { ok: false, error: "internal_error" }),
    ],
  ])(
    "%s: no crash, no answer, a warn line; a later reply retries the lookup and is answered",
    async (_, fail) => {
      const { app, logs } = await buildTestApp();
      fail();
      const posts = mockApi("chat.postMessage", { ...OK, ts: "1732384700.000300" });
      await expect(send(app, reply("1732384603.559129", "EvREPLY1"))).resolves.toBeUndefined();
      expect(posts).toEqual([]);
      const warn = logs.find((l) => l.msg === "could not read the thread's parent message");
      expect(warn?.level).toBe(40);
      expect(warn?.threadTs).toBe(THREAD);
      expect(logs.some((l) => l.msg === "listener failed")).toBe(false);

      // Not cached as "not ours": the next reply looks the parent up again and gets an answer.
      const lookups = mockApi("conversations.replies", ours);
      await expect(send(app, reply("1732384610.000100", "EvREPLY2"))).resolves.toBeUndefined();
      expect(lookups).toHaveLength(1);
      expect(lookups[0]?.ts).toBe(THREAD);
      expect(posts).toHaveLength(1);
      expect(posts[0]?.thread_ts).toBe(THREAD);
    },
  );
});
