/**
 * The app and its database (one workspace, SQLite in memory, driven through the real Bolt app): every
 * recommendation stored when posted and when edited, feedback stored, thread context read from the
 * database before Slack, others' threads told from the event alone, claims in the database, and a
 * database that is down or full costing the stored copy only, never the answer.
 */
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { FEEDBACK_NOT_SAVED, NOT_SAVED } from "../../src/slack/services/saved-recommendations.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import {
  type ApiCall,
  apiFixture,
  BOT_USER_ID,
  buildTestApp,
  mockApi,
  send,
  shown,
} from "../helpers/slack-app.js";
import { type QuestionsModal, questionnaireValues } from "../helpers/slack-flows.js";
import {
  buttonClick,
  FIXTURE_CHANNEL as CHANNEL,
  FIXTURE_PARENT_TS as PARENT_TS,
} from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";
import { answers, postRecommendation, reply, type Setup, setup } from "../helpers/thread-setup.js";

/** A fresh app whose thread parent (PARENT_TS, not in its database) carries our metadata with `needs`. */
async function setupWithOlderParent(needs: string[]): Promise<Setup> {
  const t = await buildTestApp();
  const tsOf = new Map<ApiCall, string>();
  const posts = mockApi("chat.postMessage", (c: ApiCall) => {
    tsOf.set(c, "1732384999.000100");
    return { ok: true, channel: c.channel, ts: "1732384999.000100" };
  });
  const body = apiFixture("conversations.replies_include_all_metadata") as { messages: Json[] };
  const parent = {
    ...(body.messages[0] as Json),
    ts: PARENT_TS,
    metadata: {
      event_type: "flask_or_django_recommendation",
      event_payload: { verdict: "django", scores: { flask: 20, django: 80 }, answers: {}, needs },
    },
  };
  const replies = mockApi("conversations.replies", { ...body, messages: [parent] });
  return { t, posts, tsOf, replies };
}

const k = getKnowledge();
const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const TEAM = COMMAND.team_id as string;
const ASKER = COMMAND.user_id as string;
const SAID_ADMIN = "You said you need an admin panel";

isolateNetwork();

/** Each edit submits a modal of its own, as in Slack (the app handles a view, id and hash, once). */
let editedViews = 0;

/** "Edit answers" clicked on the posted recommendation, and the modal submitted with `needs`. */
async function editAnswers(
  s: Setup,
  needs: string[],
  // The asker: only they edit their answers (a teammate's become their own view).
  by: Json = { id: ASKER, team_id: TEAM },
  notes = "",
) {
  const post = s.posts.find((p) => p.thread_ts === undefined) as Json;
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(s.t.app, { ...buttonClick({ blocks: post.blocks, ts: PARENT_TS }, "edit_answers"), user: by });
  const modal = opens[0]?.view as QuestionsModal;
  const updates = mockApi("chat.update", { ok: true, channel: CHANNEL, ts: PARENT_TS }, 1);
  const submission = loadFixture<Json>("inbound/view_submission.json");
  const values = questionnaireValues(modal, needs);
  values.q_notes = { value: { type: "plain_text_input", value: notes } };
  await send(s.t.app, {
    ...submission,
    user: by,
    view: {
      ...(submission.view as Json),
      id: `V0EDIT${++editedViews}`,
      callback_id: "questionnaire",
      private_metadata: modal.private_metadata,
      state: { values },
    },
  });
  expect(updates).toHaveLength(1);
  return updates[0] as Json;
}

describe("recommendations are stored", () => {
  it("when posted: team, channel, ts, who asked, answers, needs, notes, verdict, scores, confidence, version, times", async () => {
    const s = await setup();
    const before = Date.now();
    await postRecommendation(s, ["admin", "auth"]);
    const stored = await s.t.database.recommendations.find(TEAM, CHANNEL, PARENT_TS);
    const payload = (s.posts[0]?.metadata as { event_payload?: Json } | undefined)?.event_payload ?? {};
    expect(stored).toMatchObject({
      teamId: TEAM,
      enterpriseId: null,
      channelId: CHANNEL,
      messageTs: PARENT_TS,
      userId: ASKER,
      answers: payload.answers,
      needs: ["admin", "auth"],
      notes: "",
      verdict: payload.verdict,
      scores: payload.scores,
      knowledgeVersion: k.meta.knowledgeVersion,
      editedAt: null,
    });
    expect(stored?.confidence).toBeGreaterThan(0);
    expect(stored?.confidence).toBeLessThanOrEqual(1);
    expect(stored?.createdAt).toBeGreaterThanOrEqual(before);
  });

  it("when edited: the same row, with the new answers and the time of the edit; the asker is kept", async () => {
    const s = await setup();
    await postRecommendation(s, ["auth"]);
    const update = await editAnswers(s, ["admin", "auth", "i18n"]);
    expect(update.ts).toBe(PARENT_TS);
    const rows = await s.t.database.recommendations.listByTeam(TEAM);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ messageTs: PARENT_TS, userId: ASKER, needs: ["admin", "auth", "i18n"] });
    expect(rows[0]?.editedAt).toBeGreaterThanOrEqual(rows[0]?.createdAt ?? Number.POSITIVE_INFINITY);
  });
});

describe("feedback is stored", () => {
  it("one answer per person per recommendation: a second click replaces the first; another person adds one", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    const post = s.posts[0] as Json;
    const acks = mockResponseUrl(
      loadFixture<Json>("inbound/block_actions_button.json").response_url as string,
    );
    const click = (actionId: string, user: string) =>
      send(s.t.app, {
        ...buttonClick({ blocks: post.blocks, ts: PARENT_TS }, actionId),
        user: { id: user, team_id: TEAM },
      });
    await click("feedback_helpful", "U0BOB");
    await click("feedback_not_helpful", "U0BOB");
    await click("feedback_helpful", "U0CAROL");
    const rows = await s.t.database.feedback.listForRecommendation(TEAM, CHANNEL, PARENT_TS);
    expect(rows.map((r) => [r.userId, r.value])).toEqual([
      ["U0BOB", "not_helpful"],
      ["U0CAROL", "helpful"],
    ]);
    expect(acks.map((a) => a.text)).toEqual([
      "Thanks! Glad it helped.",
      expect.stringContaining("Thanks for telling us"),
      "Thanks! Glad it helped.",
    ]);
  });
});

describe("thread context", () => {
  it("comes from the database: no conversations.replies for a recommendation it holds", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    await send(s.t.app, reply("what about the admin?"));
    expect(answers(s)).toHaveLength(1);
    expect(shown(answers(s)[0])).toContain(SAID_ADMIN);
    expect(s.replies).toHaveLength(0);
  });

  it("follows an edit stored in the database, whichever instance made it", async () => {
    const s = await setup();
    await postRecommendation(s, ["auth"]);
    // Another instance edits the answers: only the database knows (this instance remembers the old ones).
    const stored = await s.t.database.recommendations.find(TEAM, CHANNEL, PARENT_TS);
    await s.t.database.recommendations.upsert({
      ...(stored as NonNullable<typeof stored>),
      needs: ["admin"],
    });
    await send(s.t.app, reply("what about the admin?"));
    expect(shown(answers(s)[0])).toContain(SAID_ADMIN);
    expect(s.replies).toHaveLength(0);
  });

  it("falls back to conversations.replies for a recommendation the database lacks (older), once per thread", async () => {
    const s = await setupWithOlderParent(["admin"]);
    await send(s.t.app, reply("what about the admin?"));
    await send(s.t.app, reply("and the admin's permissions?"));
    expect(s.replies).toHaveLength(1);
    expect(answers(s).length).toBeGreaterThanOrEqual(1);
    expect(shown(answers(s)[0])).toContain(SAID_ADMIN);
  });

  it("a reply in a thread someone else started is told from parent_user_id: no Web API call at all", async () => {
    const s = await setup();
    await send(s.t.app, reply("what about the admin?", { parent_user_id: "U05HV6XQ1AB" }));
    expect(s.replies).toHaveLength(0);
    expect(s.posts).toHaveLength(0);
  });

  it("a reply in a thread the bot started, which the database lacks, is looked up in Slack", async () => {
    const s = await setup();
    await send(s.t.app, reply("what about the admin?", { parent_user_id: BOT_USER_ID }));
    expect(s.replies).toHaveLength(1);
  });
});

describe("exactly once, in the database", () => {
  it("claims each event id and each message in handled_events", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    const event = reply("what about the admin?");
    await send(s.t.app, event);
    const keys = (await s.t.database.db.selectFrom("handled_events").select("key").execute()).map(
      (r) => r.key,
    );
    const ev = event.event as Json;
    expect(keys).toEqual(
      expect.arrayContaining([`event:${event.event_id}`, `message:${CHANNEL}:${ev.ts as string}`]),
    );
  });

  it("does not answer an event another instance already claimed", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    const event = reply("what about the admin?");
    await s.t.database.handledEvents.claim(`event:${event.event_id}`, 600);
    await send(s.t.app, event);
    expect(answers(s)).toHaveLength(0);
  });
});

describe("a database that is down or full", () => {
  it("down: the recommendation is still posted with its metadata, the person is told, the error logged", async () => {
    const s = await setup();
    await s.t.database.close();
    const told = mockResponseUrl(COMMAND.response_url as string);
    await postRecommendation(s, ["admin"]);
    expect(told.map((m) => m.text)).toEqual([NOT_SAVED]);
    expect(
      s.t.logs.some((l) => l.msg === "could not save the recommendation in the database" && l.level === 50),
    ).toBe(true);
    expect(s.t.logs.some((l) => l.msg === "listener failed")).toBe(false);

    // Its thread still answers, with the context this instance remembered (metadata is the other source).
    await send(s.t.app, reply("what about the admin?"));
    expect(answers(s)).toHaveLength(1);
    expect(shown(answers(s)[0])).toContain(SAID_ADMIN);
    expect(s.t.logs.some((l) => String(l.msg).startsWith("could not claim the key in the database"))).toBe(
      true,
    );
  });

  it("down: thread context falls back to the parent message's metadata", async () => {
    const s = await setupWithOlderParent([]);
    await s.t.database.close();
    await send(s.t.app, reply("what about the admin?"));
    expect(answers(s)).toHaveLength(1);
    // Answered about the admin (the project came from the parent message read once below).
    expect(String(answers(s)[0]?.text)).toContain("Admin panel");
    expect(s.replies).toHaveLength(1);
    expect(s.t.logs.some((l) => String(l.msg).startsWith("could not read the recommendation"))).toBe(true);
  });

  it("full (SQLite's page limit reached): the edit still updates the message, and the person is told", async () => {
    const s = await setup();
    await postRecommendation(s, ["auth"]);
    // No page may be added; fill the recommendation's page until a write fails with SQLITE_FULL, so the
    // edited row (1,000 characters of notes longer) no longer fits anywhere.
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(s.t.database.db);
    await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 1}`).execute(s.t.database.db);
    const stored = (await s.t.database.recommendations.find(TEAM, CHANNEL, PARENT_TS)) as NonNullable<
      Awaited<ReturnType<typeof s.t.database.recommendations.find>>
    >;
    let full: unknown;
    for (let i = 1; i < 1000 && full === undefined; i++) {
      await s.t.database.recommendations
        .upsert({ ...stored, messageTs: `1732384473.${String(i).padStart(6, "0")}` })
        .catch((err: unknown) => {
          full = err;
        });
    }
    expect(String(full)).toMatch(/full/i);
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384530.000200" });
    const update = await editAnswers(s, ["admin", "auth"], undefined, "x".repeat(1000));
    expect(update.ts).toBe(PARENT_TS);
    expect((update.metadata as Json | undefined)?.event_type).toBe("flask_or_django_recommendation");
    expect(ephemerals.map((m) => [m.user, m.text])).toEqual([[ASKER, NOT_SAVED]]);
    const failure = s.t.logs.find((l) => l.msg === "could not save the recommendation in the database");
    expect(JSON.stringify(failure?.err)).toMatch(/full/i);
    // Nothing changed in the stored row.
    expect((await s.t.database.recommendations.find(TEAM, CHANNEL, PARENT_TS))?.needs).toEqual(["auth"]);
  });

  it("down: Helpful is answered with what happened and what to do", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    await s.t.database.close();
    const acks = mockResponseUrl(
      loadFixture<Json>("inbound/block_actions_button.json").response_url as string,
    );
    await send(
      s.t.app,
      buttonClick({ blocks: (s.posts[0] as Json).blocks, ts: PARENT_TS }, "feedback_helpful"),
    );
    expect(acks.map((a) => a.text)).toEqual([FEEDBACK_NOT_SAVED]);
    expect(s.t.logs.some((l) => l.msg === "could not save the feedback" && l.level === 50)).toBe(true);
  });
});
