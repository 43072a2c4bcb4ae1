/**
 * Exactly one answer per question (issue 4): Slack's retries carry the same event_id, and an
 * @mention inside a thread arrives both as app_mention and as message (same ts, other event_id).
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  type ApiCall,
  apiFixture,
  BOT_USER_ID,
  buildTestApp,
  mockApi,
  send,
  shown,
  type TestApp,
} from "../helpers/slack-app.js";
import {
  FIXTURE_CHANNEL as CHANNEL,
  FIXTURE_PARENT_TS as PARENT_TS,
  threadEvent,
} from "../helpers/slack-payloads.js";

const k = getKnowledge();
const admin = k.featureById.get("admin");

isolateNetwork();

interface Setup {
  t: TestApp;
  posts: ApiCall[];
  replies: ApiCall[];
}

/** A fresh app whose thread PARENT_TS is one of our recommendations (the project needs an admin). */
async function setup(postResponse: unknown = apiFixture("chat.postMessage_ok")): Promise<Setup> {
  const t = await buildTestApp();
  t.deps.threads.remember(CHANNEL, PARENT_TS, {
    verdict: "django",
    scores: { flask: 20, django: 80 },
    answers: {},
    needs: ["admin"],
    notes: "",
  });
  const posts = mockApi("chat.postMessage", postResponse);
  const replies = mockApi("conversations.replies", apiFixture("conversations.replies_include_all_metadata"));
  return { t, posts, replies };
}

function threadReply(text: string, ts: string, eventId: string): Json {
  return threadEvent("event_message_thread_reply", text, { ts, eventId, threadTs: PARENT_TS });
}

function mentionInThread(text: string, ts: string, eventId: string): Json {
  return threadEvent("event_app_mention_in_thread", text, { ts, eventId, threadTs: PARENT_TS });
}

describe("Slack's retries (same event_id)", () => {
  it("answers an event delivered twice once", async () => {
    const s = await setup();
    const event = threadReply("what about the admin?", "1732384700.000101", "Ev0ASKDUP1");
    await send(s.t.app, event);
    await send(s.t.app, structuredClone(event));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(String(s.posts[0]?.text)).toContain(admin?.title);
  });

  it("answers once when the retry arrives while the first delivery is still being handled", async () => {
    const s = await setup();
    const event = threadReply("what about the admin?", "1732384700.000102", "Ev0ASKDUP2");
    await Promise.all([send(s.t.app, event), send(s.t.app, structuredClone(event))]);
    expect(s.posts).toHaveLength(1);
  });

  it("answers once when the same event is retried in a thread it first has to look up", async () => {
    const t = await buildTestApp();
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const body = apiFixture("conversations.replies_include_all_metadata") as { messages: Json[] };
    const parent = {
      ...(body.messages[0] as Json),
      metadata: {
        event_type: "flask_or_django_recommendation",
        event_payload: {
          verdict: "django",
          scores: { flask: 20, django: 80 },
          answers: {},
          needs: ["admin"],
          notes: "",
        },
      },
    };
    const replies = mockApi("conversations.replies", {
      ...body,
      messages: [parent, ...body.messages.slice(1)],
    });
    const event = threadReply("what about the admin?", "1732384700.000103", "Ev0ASKDUP3");
    await Promise.all([send(t.app, event), send(t.app, structuredClone(event))]);
    expect(posts).toHaveLength(1);
    expect(replies).toHaveLength(1);
  });

  it("still answers a different message with the same text", async () => {
    const s = await setup();
    await send(s.t.app, threadReply("what about the admin?", "1732384700.000104", "Ev0ASKDUP4"));
    await send(s.t.app, threadReply("what about the admin?", "1732384700.000105", "Ev0ASKDUP5"));
    expect(s.posts).toHaveLength(2);
  });

  it("answers the retry when handling the first delivery failed", async () => {
    // Every attempt of the first delivery fails (the production policy tries 3 times); the app
    // forgets the event so Slack's retry can succeed.
    let calls = 0;
    const s = await setup(() => {
      calls += 1;
      return calls <= 3 ? { ok: false, error: "internal_error" } : apiFixture("chat.postMessage_ok");
    });
    mockApi("chat.postEphemeral", { ok: true });
    const event = threadReply("what about the admin?", "1732384700.000106", "Ev0ASKDUP6");
    await send(s.t.app, event);
    expect(s.posts).toHaveLength(3);
    await send(s.t.app, structuredClone(event));
    expect(s.posts).toHaveLength(4);
    expect(s.posts[3]?.thread_ts).toBe(PARENT_TS);
    expect(String(s.posts[3]?.text)).toContain(admin?.title);
  });
});

describe("Slack's retry of a mention whose first handling failed", () => {
  it("answers the retried app_mention", async () => {
    let calls = 0;
    const s = await setup(() => {
      calls += 1;
      return calls <= 3 ? { ok: false, error: "internal_error" } : apiFixture("chat.postMessage_ok");
    });
    mockApi("chat.postEphemeral", { ok: true });
    const event = mentionInThread(
      `<@${BOT_USER_ID}> what about the admin?`,
      "1732384650.000201",
      "Ev0ASKDUP7",
    );
    await send(s.t.app, event);
    expect(s.posts).toHaveLength(3);
    await send(s.t.app, structuredClone(event));
    expect(s.posts).toHaveLength(4);
    expect(s.posts[3]?.thread_ts).toBe(PARENT_TS);
  });
});

describe("an @mention inside our thread (app_mention + message, same ts)", () => {
  const text = `<@${BOT_USER_ID}> what about the admin?`;
  const ts = "1732384650.771839";

  it("answers once when app_mention comes first", async () => {
    const s = await setup();
    await send(s.t.app, mentionInThread(text, ts, "Ev0ASKMEN1"));
    await send(s.t.app, threadReply(text, ts, "Ev0ASKMSG1"));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.channel).toBe(CHANNEL);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(String(s.posts[0]?.text)).toContain(admin?.title);
    expect(shown(s.posts[0])).toContain("You said you need an admin panel");
  });

  it("answers once when message comes first", async () => {
    const s = await setup();
    await send(s.t.app, threadReply(text, ts, "Ev0ASKMSG2"));
    await send(s.t.app, mentionInThread(text, ts, "Ev0ASKMEN2"));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(shown(s.posts[0])).toContain("You said you need an admin panel");
  });

  it("answers once when both arrive at the same time", async () => {
    const s = await setup();
    await Promise.all([
      send(s.t.app, threadReply(text, ts, "Ev0ASKMSG3")),
      send(s.t.app, mentionInThread(text, ts, "Ev0ASKMEN3")),
    ]);
    expect(s.posts).toHaveLength(1);
  });

  it("answers once with the mention in its labelled form (<@U…|name>)", async () => {
    const s = await setup();
    const labelled = `<@${BOT_USER_ID}|flask-or-django> what about the admin?`;
    await send(s.t.app, threadReply(labelled, ts, "Ev0ASKMSG4"));
    await send(s.t.app, mentionInThread(labelled, ts, "Ev0ASKMEN4"));
    expect(s.posts).toHaveLength(1);
  });
});
