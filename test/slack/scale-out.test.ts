/**
 * Scale-out: two app instances (each with its own connection pool, as two processes have) on one
 * PostgreSQL database (the test globalSetup's server). Slack's retry of an event landing on the other
 * instance is answered once, because the claim is a unique key in the database; an "Edit answers"
 * submitted to the other instance updates the same message, and both instances then answer its thread
 * from the edited answers.
 */
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/index.js";
import type { Json } from "../helpers/json.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  eventually,
  mockApi,
  send,
  shown,
  type TestApp,
} from "../helpers/slack-app.js";
import { type QuestionsModal, questionnaireValues, submitQuestionnaire } from "../helpers/slack-flows.js";
import {
  buttonClick,
  FIXTURE_CHANNEL as CHANNEL,
  FIXTURE_PARENT_TS as PARENT_TS,
  threadEvent,
} from "../helpers/slack-payloads.js";
import { eventBody, JSON_CONTENT_TYPE, loadFixture } from "../helpers/slack-request.js";
import { listen, postSigned, type Running } from "../helpers/workspaces.js";
import { createTestDatabase, type TestDatabase } from "../storage/postgres.js";

const TEAM = loadFixture<Record<string, string>>("inbound/slash_command.json").team_id as string;

let postgres: TestDatabase;
beforeAll(async () => {
  postgres = await createTestDatabase();
});
afterAll(() => postgres.drop());

let a: TestApp;
let b: TestApp;
let running: Running[] = [];
let posts: ApiCall[];

beforeEach(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  a = await buildTestApp(undefined, { database: await openDatabase(postgres.url) });
  b = await buildTestApp(undefined, { database: await openDatabase(postgres.url) });
  for (const table of ["handled_events", "feedback", "recommendations"] as const) {
    await a.database.db.deleteFrom(table).execute();
  }
  // Both instances share the stand-in Web API; top-level posts are the recommendation (PARENT_TS).
  let n = 0;
  posts = mockApi(
    "chat.postMessage",
    (c: ApiCall) => {
      n += 1;
      const ts = c.thread_ts ? `1732385000.${String(n).padStart(6, "0")}` : PARENT_TS;
      return { ok: true, channel: c.channel, ts };
    },
    1000,
  );
});
afterEach(async () => {
  await Promise.all(running.map((r) => r.stop()));
  running = [];
  await Promise.all([a.database.close(), b.database.close()]);
  nock.cleanAll();
  nock.enableNetConnect();
});

const threadAnswers = () => posts.filter((p) => p.thread_ts !== undefined);

let seq = 0;
function question(text: string): Json {
  seq += 1;
  const ts = `1732384700.${String(200000 + seq)}`;
  return threadEvent("event_message_thread_reply", text, {
    ts,
    eventId: `Ev0SCALE${seq}`,
    threadTs: PARENT_TS,
  });
}

describe("two instances on one PostgreSQL", () => {
  it("a retried event delivered to both instances over HTTP is answered once", async () => {
    await submitQuestionnaire(a.app, ["admin"]);
    expect(posts).toHaveLength(1);
    running = [await listen(a.app), await listen(b.app)];
    const [onA, onB] = running as [Running, Running];

    const events = Array.from({ length: 10 }, (_, i) =>
      question(i % 2 === 0 ? "what about the admin?" : "and auth?"),
    );
    const responses = await Promise.all(
      events.flatMap((event) => {
        const body = eventBody(event);
        // The first delivery to one instance; Slack's retry (same event_id) to the other, at the same time.
        return [
          postSigned(onA.base, body, JSON_CONTENT_TYPE),
          postSigned(onB.base, body, JSON_CONTENT_TYPE, {
            "x-slack-retry-num": "1",
            "x-slack-retry-reason": "http_timeout",
          }),
        ];
      }),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    await eventually(() => expect(threadAnswers()).toHaveLength(events.length));
    await new Promise((resolve) => setTimeout(resolve, 200)); // nothing more arrives
    expect(threadAnswers()).toHaveLength(events.length);
    const claims = await a.database.db.selectFrom("handled_events").select("key").execute();
    for (const event of events) expect(claims.map((c) => c.key)).toContain(`event:${event.event_id}`);
  });

  it("a retry that reaches the other instance after the first delivery was answered is not answered again", async () => {
    await submitQuestionnaire(a.app, ["admin"]);
    const event = question("what about the admin?");
    await send(a.app, event);
    expect(threadAnswers()).toHaveLength(1);
    await send(b.app, structuredClone(event));
    expect(threadAnswers()).toHaveLength(1);
    // A new question (a new event_id) is answered by whichever instance gets it.
    await send(b.app, question("and auth?"));
    expect(threadAnswers()).toHaveLength(2);
  });

  it("an Edit answers submitted on the other instance updates the same message; both then answer from the edit", async () => {
    await submitQuestionnaire(a.app, ["auth"]);
    const recommendation = posts[0] as Json;

    // Instance B gets the click and the submission.
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    // The asker clicks (a teammate's answers would be their own view, not an edit).
    await send(b.app, {
      ...buttonClick({ blocks: recommendation.blocks, ts: PARENT_TS }, "edit_answers"),
      user: { id: "U05HV6XQ1AB", username: "alice.nguyen", name: "alice.nguyen", team_id: TEAM },
    });
    const modal = opens[0]?.view as QuestionsModal;
    const updates = mockApi("chat.update", { ok: true, channel: CHANNEL, ts: PARENT_TS }, 1);
    const submission = loadFixture<Json>("inbound/view_submission.json");
    await send(b.app, {
      ...submission,
      view: {
        ...(submission.view as Json),
        callback_id: "questionnaire",
        private_metadata: modal.private_metadata,
        state: { values: questionnaireValues(modal, ["admin", "auth"]) },
      },
    });
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ channel: CHANNEL, ts: PARENT_TS });
    expect(posts).toHaveLength(1); // no second message

    const stored = await a.database.recommendations.find(TEAM, CHANNEL, PARENT_TS);
    expect(stored?.needs).toEqual(["admin", "auth"]);
    expect(stored?.editedAt).not.toBeNull();

    // Instance A posted the original (and remembers it), yet answers from the edit in the database.
    const replies = mockApi("conversations.replies", { ok: true, messages: [] });
    await send(a.app, question("what about the admin?"));
    await send(b.app, question("what about the admin?"));
    expect(threadAnswers()).toHaveLength(2);
    for (const answer of threadAnswers()) expect(shown(answer)).toContain("You said you need an admin panel");
    expect(replies).toHaveLength(0);
  });
});
