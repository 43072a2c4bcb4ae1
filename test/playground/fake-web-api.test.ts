/** The stand-in for Slack's Web API: state, metadata, include_all_metadata, threads, views, errors. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { webApi } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleWebApi } from "../../src/playground/fake-slack/http.js";
import { parseArgs } from "../../src/playground/fake-slack/params.js";
import { SlackState } from "../../src/playground/fake-slack/state.js";
import { TsClock } from "../../src/playground/fake-slack/ts-clock.js";
import { callMethod } from "../../src/playground/fake-slack/web-api.js";
import { PEOPLE, WORKSPACE } from "../../src/playground/workspace.js";

const C = WORKSPACE.channel.id;
const metadata = { event_type: "flask_or_django_recommendation", event_payload: { verdict: "django" } };
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

describe("ts values", () => {
  it("look like Slack's and only ever increase, even within one millisecond", () => {
    const clock = new TsClock(() => 1732384472000);
    const a = clock.next();
    const b = clock.next();
    expect(a).toBe("1732384472.000000");
    expect(b).toBe("1732384472.000001");
    expect(a).toMatch(/^\d{10}\.\d{6}$/);
  });
});

describe("messages and threads", () => {
  it("keeps metadata and returns it only with include_all_metadata", () => {
    const state = new SlackState();
    const posted = callMethod(state, "chat.postMessage", {
      channel: C,
      text: "hi",
      blocks: [section("*hi*")],
      metadata,
    });
    expect(posted).toMatchObject({ ok: true, channel: C });
    const ts = posted.ts as string;
    const without = callMethod(state, "conversations.replies", { channel: C, ts });
    expect((without.messages as Array<Record<string, unknown>>)[0]?.metadata).toBeUndefined();
    const withMeta = callMethod(state, "conversations.replies", {
      channel: C,
      ts,
      include_all_metadata: "true",
    });
    expect((withMeta.messages as Array<Record<string, unknown>>)[0]?.metadata).toEqual(metadata);
    const history = callMethod(state, "conversations.history", { channel: C, include_all_metadata: true });
    expect((history.messages as Array<Record<string, unknown>>)[0]?.metadata).toEqual(metadata);
    // Slack gives blocks without a block_id one of its own.
    expect((state.find(C, ts)?.blocks?.[0] as { block_id?: string } | undefined)?.block_id).toMatch(/^.{5}$/);
  });

  it("tracks replies by thread_ts, with reply counts on the parent and limit honoured", () => {
    const state = new SlackState();
    const parent = callMethod(state, "chat.postMessage", { channel: C, text: "parent" }).ts as string;
    callMethod(state, "chat.postMessage", { channel: C, text: "one", thread_ts: parent });
    callMethod(state, "chat.postMessage", { channel: C, text: "two", thread_ts: parent });
    const all = callMethod(state, "conversations.replies", { channel: C, ts: parent });
    const messages = all.messages as Array<Record<string, unknown>>;
    expect(messages.map((m) => m.text)).toEqual(["parent", "one", "two"]);
    expect(messages[0]).toMatchObject({ reply_count: 2, thread_ts: parent });
    expect(messages[1]).toMatchObject({
      thread_ts: parent,
      bot_id: WORKSPACE.bot.id,
      user: WORKSPACE.bot.userId,
    });
    const one = callMethod(state, "conversations.replies", { channel: C, ts: parent, limit: "1" });
    expect((one.messages as unknown[]).length).toBe(1);
    expect(one.has_more).toBe(true);
    // History lists only top-level messages, newest first.
    const history = callMethod(state, "conversations.history", { channel: C });
    expect((history.messages as Array<Record<string, unknown>>).map((m) => m.text)).toEqual(["parent"]);
    expect(callMethod(state, "conversations.replies", { channel: C, ts: "1.000001" })).toEqual({
      ok: false,
      error: "thread_not_found",
    });
  });

  it("shows ephemeral messages only to the playground user and never returns them", () => {
    const state = new SlackState();
    expect(
      callMethod(state, "chat.postEphemeral", { channel: C, user: "U0SOMEONE", text: "x" }),
    ).toMatchObject({
      ok: false,
      error: "user_not_in_channel",
    });
    const res = callMethod(state, "chat.postEphemeral", {
      channel: C,
      user: WORKSPACE.user.id,
      text: "just you",
    });
    expect(res).toMatchObject({ ok: true });
    expect(state.find(C, res.message_ts as string)?.ephemeralFor).toBe(WORKSPACE.user.id);
    expect(callMethod(state, "conversations.history", { channel: C }).messages).toEqual([]);
  });

  it("updates the bot's messages in place, keeping metadata unless replaced", () => {
    const state = new SlackState();
    const ts = callMethod(state, "chat.postMessage", { channel: C, text: "v1", metadata }).ts as string;
    expect(
      callMethod(state, "chat.update", { channel: C, ts, text: "v2", blocks: [section("v2")] }),
    ).toMatchObject({
      ok: true,
      ts,
    });
    expect(state.find(C, ts)).toMatchObject({ text: "v2", metadata });
    expect(callMethod(state, "chat.update", { channel: C, ts: "1.000001", text: "x" })).toMatchObject({
      error: "message_not_found",
    });
  });

  it("answers like Slack when asked wrongly", () => {
    const state = new SlackState();
    expect(callMethod(state, "chat.postMessage", { channel: "C0NOWHERE", text: "x" }).error).toBe(
      "channel_not_found",
    );
    expect(callMethod(state, "chat.postMessage", { channel: C }).error).toBe("no_text");
    expect(
      callMethod(state, "chat.postMessage", { channel: C, text: "x", metadata: { event_type: "a b" } }).error,
    ).toBe("invalid_metadata_format");
    expect(
      callMethod(state, "chat.postMessage", { channel: C, text: "x", thread_ts: "1.000001" }).error,
    ).toBe("thread_not_found");
    expect(callMethod(state, "admin.users.list", {}).error).toBe("unknown_method");
    // Posting to the person opens the app's DM with them.
    expect(callMethod(state, "chat.postMessage", { channel: WORKSPACE.user.id, text: "dm" })).toMatchObject({
      channel: WORKSPACE.dm.id,
    });
    expect(callMethod(state, "conversations.open", { users: WORKSPACE.user.id })).toMatchObject({
      channel: { id: WORKSPACE.dm.id },
    });
  });
});

describe("views", () => {
  const modal = {
    type: "modal",
    callback_id: "q",
    title: { type: "plain_text", text: "T" },
    blocks: [section("x")],
  };

  it("opens a modal once per trigger, within 3 seconds", () => {
    let now = 1_000_000;
    const state = new SlackState(() => now);
    const trigger = state.issueTrigger(WORKSPACE.user.id);
    const opened = callMethod(state, "views.open", { trigger_id: trigger, view: modal });
    expect(opened).toMatchObject({
      ok: true,
      view: { type: "modal", callback_id: "q", state: { values: {} } },
    });
    expect(state.topModal(WORKSPACE.user.id)?.id).toBe((opened.view as { id: string }).id);
    expect(callMethod(state, "views.open", { trigger_id: trigger, view: modal }).error).toBe(
      "exchanged_trigger_id",
    );
    expect(callMethod(state, "views.open", { trigger_id: "nope", view: modal }).error).toBe(
      "invalid_trigger_id",
    );
    const late = state.issueTrigger(WORKSPACE.user.id);
    now += 3001;
    expect(callMethod(state, "views.open", { trigger_id: late, view: modal }).error).toBe(
      "expired_trigger_id",
    );
  });

  it("updates a modal by id, checking the hash, and publishes App Home", () => {
    const state = new SlackState();
    const opened = callMethod(state, "views.open", {
      trigger_id: state.issueTrigger(WORKSPACE.user.id),
      view: modal,
    });
    const { id, hash } = opened.view as { id: string; hash: string };
    expect(callMethod(state, "views.update", { view_id: id, hash: "stale", view: modal }).error).toBe(
      "hash_conflict",
    );
    expect(
      callMethod(state, "views.update", { view_id: id, hash, view: { ...modal, callback_id: "q2" } }),
    ).toMatchObject({
      ok: true,
      view: { id, callback_id: "q2" },
    });
    const home = { type: "home", blocks: [section("home")] };
    expect(callMethod(state, "views.publish", { user_id: WORKSPACE.user.id, view: home })).toMatchObject({
      ok: true,
    });
    expect(state.homes.get(WORKSPACE.user.id)?.view.type).toBe("home");
    expect(callMethod(state, "views.publish", { user_id: WORKSPACE.user.id, view: modal }).error).toBe(
      "invalid_arguments",
    );
    // A hash that is not the published tab's: the tab changed since the caller saw it.
    const published = state.homes.get(WORKSPACE.user.id)?.view.hash;
    const publish = (hash: unknown) =>
      callMethod(state, "views.publish", { user_id: WORKSPACE.user.id, view: home, hash });
    expect(publish("stale").error).toBe("hash_conflict");
    expect(publish(published)).toMatchObject({ ok: true });
  });
});

describe("canvases", () => {
  const content = JSON.stringify({ type: "markdown", markdown: "# Record" });

  it("canvases.create with channel_id tabs the canvas in the channel in one call; access.set is not offered", () => {
    const state = new SlackState();
    const made = callMethod(state, "canvases.create", {
      title: "ADR",
      document_content: content,
      channel_id: C,
    });
    expect(made).toMatchObject({ ok: true });
    expect(state.documents.canvases.get(made.canvas_id as string)?.channels).toEqual([C]);
    expect(
      callMethod(state, "canvases.create", { document_content: content, channel_id: "C0NOPE" }).error,
    ).toBe("channel_not_found");
    expect(callMethod(state, "canvases.access.set", { canvas_id: made.canvas_id }).error).toBe(
      "unknown_method",
    );
  });
});

describe("over HTTP, with the real Web API client", () => {
  const state = new SlackState();
  let server: Server;
  let client: webApi.WebClient;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const method = (req.url ?? "").replace(/^\/api\//, "");
      void handleWebApi(state, method, req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
    client = new webApi.WebClient(WORKSPACE.botToken, { slackApiUrl: url, retryConfig: { retries: 0 } });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("reads form bodies with JSON blocks and metadata, as @slack/web-api sends them", async () => {
    const res = await client.chat.postMessage({ channel: C, text: "t", blocks: [section("b")], metadata });
    expect(res.ok).toBe(true);
    const replies = await client.conversations.replies({
      channel: C,
      ts: res.ts as string,
      include_all_metadata: true,
    });
    expect(replies.messages?.[0]?.metadata).toEqual(metadata);
    expect(replies.messages?.[0]?.blocks?.[0]?.type).toBe("section");
    expect((await client.auth.test()).user_id).toBe(WORKSPACE.bot.userId);
  });

  it("checks the token", async () => {
    const bad = new webApi.WebClient("xoxb-wrong", {
      slackApiUrl: client.slackApiUrl,
      retryConfig: { retries: 0 },
    });
    await expect(bad.auth.test()).rejects.toMatchObject({ data: { error: "invalid_auth" } });
  });

  it("parses JSON bodies too, and refuses broken JSON fields", () => {
    expect(parseArgs("application/json", '{"channel":"C1","blocks":"[]"}')).toEqual({
      channel: "C1",
      blocks: [],
    });
    expect(parseArgs("application/x-www-form-urlencoded", "blocks=%5Bnope")).toBeUndefined();
  });
});

describe("several people, and what the team's part calls", () => {
  const now = Date.UTC(2026, 10, 28, 10);
  const ann = PEOPLE[1] as (typeof PEOPLE)[number];

  it("each person has their own DM and sees only their own ephemeral messages", () => {
    const state = new SlackState(() => now);
    expect(callMethod(state, "conversations.open", { users: ann.id })).toMatchObject({
      channel: { id: ann.dm },
    });
    const res = callMethod(state, "chat.postEphemeral", { channel: C, user: ann.id, text: "only Ann" });
    expect(state.find(C, res.message_ts as string)?.ephemeralFor).toBe(ann.id);
    expect(callMethod(state, "chat.postEphemeral", { channel: C, user: "U0NOBODY01", text: "x" }).error).toBe(
      "user_not_in_channel",
    );
  });

  it("schedules a message up to 120 days ahead, in a thread, and deletes it by id", () => {
    const state = new SlackState(() => now);
    const parent = callMethod(state, "chat.postMessage", { channel: C, text: "rec" }).ts as string;
    const at = (days: number) => Math.floor(now / 1000) + days * 24 * 60 * 60;
    const ok = callMethod(state, "chat.scheduleMessage", {
      channel: C,
      thread_ts: parent,
      post_at: at(90),
      text: "revisit",
    });
    expect(ok).toMatchObject({ ok: true, channel: C, post_at: at(90) });
    const id = ok.scheduled_message_id as string;
    expect(state.scheduled.get(id)).toMatchObject({ thread_ts: parent, text: "revisit" });
    expect(callMethod(state, "chat.scheduleMessage", { channel: C, post_at: at(121), text: "x" }).error).toBe(
      "time_too_far",
    );
    expect(callMethod(state, "chat.scheduleMessage", { channel: C, post_at: at(-1), text: "x" }).error).toBe(
      "time_in_past",
    );
    expect(
      callMethod(state, "chat.scheduleMessage", { channel: C, thread_ts: "1.2", post_at: at(5), text: "x" })
        .error,
    ).toBe("thread_not_found");
    expect(
      callMethod(state, "chat.deleteScheduledMessage", { channel: C, scheduled_message_id: id }),
    ).toEqual({ ok: true });
    expect(
      callMethod(state, "chat.deleteScheduledMessage", { channel: C, scheduled_message_id: id }).error,
    ).toBe("invalid_scheduled_message_id");
    expect(state.scheduled.size).toBe(0);
  });

  it("gives a message's link on the playground's own page", () => {
    const state = new SlackState(() => now, "http://localhost:3000");
    const ts = callMethod(state, "chat.postMessage", { channel: C, text: "rec" }).ts as string;
    expect(callMethod(state, "chat.getPermalink", { channel: C, message_ts: ts })).toEqual({
      ok: true,
      channel: C,
      permalink: `http://localhost:3000/#${C}-p${ts.replace(".", "")}`,
    });
    expect(callMethod(state, "chat.getPermalink", { channel: C, message_ts: "1.000001" }).error).toBe(
      "message_not_found",
    );
  });
});
