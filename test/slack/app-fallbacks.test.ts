/**
 * When Slack won't take the recommendation in the channel, it still reaches the person: as a DM
 * (with a note on how to add the bot), else through the response_url; other failures are explained.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { defaultOption } from "../helpers/default-answers.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { API_URL, apiFixture, buildTestApp, mockApi, send, type TestApp } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";

interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: Array<{ type: string; text?: unknown; action_id?: string }>;
  element?: { type: string; initial_option?: { value: string } };
}
interface View {
  callback_id: string;
  private_metadata: string;
  blocks: Block[];
}

const COMMAND: Record<string, string> = {
  ...loadFixture<Record<string, string>>("inbound/slash_command.json"),
  text: "",
};
const CHANNEL = COMMAND.channel_id as string;
const USER = COMMAND.user_id as string;
const RESPONSE_URL = COMMAND.response_url as string;
const DM = "D07QG2H8M4N";
const OK = apiFixture("chat.postMessage_ok") as Json;

isolateNetwork();

/** Opens the modal through the command and returns a submission of its defaults (+ admin, auth). */
async function defaultSubmission(app: TestApp["app"]): Promise<Json> {
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(app, COMMAND);
  const view = opens[0]?.view as View;
  const values: Record<string, Record<string, Json>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id?.startsWith("q_") || !b.element) continue;
    values[b.block_id] = {
      value: { type: b.element.type, selected_option: b.element.initial_option ?? defaultOption(b.block_id) },
    };
  }
  values.q_needs = {
    value: { type: "multi_static_select", selected_options: [{ value: "admin" }, { value: "auth" }] },
  };
  values.q_notes = { value: { type: "plain_text_input", value: null } };
  const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
  return {
    ...base,
    view: {
      ...base.view,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      state: { values },
    },
  };
}

/** chat.postMessage: `channelAnswer` in the channel, `dmAnswer` in the DM. */
function mockPosts(channelAnswer: unknown, dmAnswer: unknown = { ...OK, channel: DM }): Json[] {
  return mockApi("chat.postMessage", (call: Json) => (call.channel === CHANNEL ? channelAnswer : dmAnswer));
}

const contextText = (b: Block) =>
  (b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : "")).join(" ");

describe("the bot can't post in the channel", () => {
  it.each([
    ["not_in_channel", apiFixture("error_not_in_channel")],
    ["channel_not_found", apiFixture("error_channel_not_found")],
    ["is_archived", { ok: false, error: "is_archived" }],
  ])(
    "%s → a DM with the same message and metadata, and an ephemeral note on how to add the bot",
    async (code, answer) => {
      const { app, logs } = await buildTestApp();
      const sub = await defaultSubmission(app);
      const posts = mockPosts(answer);
      const opens = mockApi("conversations.open", { ok: true, channel: { id: DM } });
      const hook = mockResponseUrl(RESPONSE_URL);

      const acked = await send(app, sub);

      expect(acked).toBeUndefined();
      expect(posts).toHaveLength(2);
      const [first, dm] = posts as [Json, Json];
      expect(first.channel).toBe(CHANNEL);
      expect(opens).toHaveLength(1);
      expect(opens[0]?.users).toBe(USER);
      expect(dm.channel).toBe(DM);
      expect(dm.text).toBe(first.text);
      expect(dm.metadata).toEqual(first.metadata);
      // The DM holds the whole recommendation, after a note saying why it came as a DM.
      const dmBlocks = dm.blocks as Block[];
      const firstBlocks = first.blocks as Block[];
      expect(dmBlocks.slice(-firstBlocks.length)).toEqual(firstBlocks);
      const note = dmBlocks
        .slice(0, dmBlocks.length - firstBlocks.length)
        .map(contextText)
        .join(" ");
      expect(note).toContain("/invite");

      expect(hook).toHaveLength(1);
      expect(hook[0]?.response_type).toBe("ephemeral");
      expect(String(hook[0]?.text)).toContain("/invite");
      expect(String(hook[0]?.text)).toMatch(/direct message/i);
      expect(logs.some((l) => l.code === code)).toBe(true);
      expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
    },
  );

  it("the DM fails too (conversations.open refused) → the recommendation goes to the response_url", async () => {
    const { app } = await buildTestApp();
    const sub = await defaultSubmission(app);
    const posts = mockPosts(apiFixture("error_not_in_channel"));
    mockApi("conversations.open", { ok: false, error: "user_disabled" });
    const hook = mockResponseUrl(RESPONSE_URL);

    await expect(send(app, sub)).resolves.toBeUndefined();

    expect(posts).toHaveLength(1);
    expect(hook).toHaveLength(1);
    const body = hook[0] as Json;
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe(posts[0]?.text);
    const blocks = body.blocks as Block[];
    expect(blocks.map(contextText).join(" ")).toContain("/invite");
    // Ephemeral, so never stored: the recommendation without its team part (status, votes, deciding),
    // whose buttons could only fail.
    const sent = JSON.stringify(blocks);
    const channelSent = JSON.stringify(posts[0]?.blocks);
    for (const id of ["add_view", "vote_agree", "mark_decided"]) {
      expect(channelSent).toContain(`"${id}"`);
      expect(sent).not.toContain(`"${id}"`);
    }
    expect(sent).not.toContain("Proposed");
    expect(sent).toContain("show_details");
  });

  it("the DM post fails → the recommendation goes to the response_url", async () => {
    const { app } = await buildTestApp();
    const sub = await defaultSubmission(app);
    const posts = mockPosts(apiFixture("error_channel_not_found"), { ok: false, error: "internal_error" });
    mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const hook = mockResponseUrl(RESPONSE_URL);

    await send(app, sub);

    // The channel refuses for good; the DM post fails on each of its 3 attempts (a transient error).
    expect(posts.map((p) => p.channel)).toEqual([CHANNEL, DM, DM, DM]);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.text).toBe(posts[0]?.text);
    expect(JSON.stringify(hook[0]?.blocks)).toContain("edit_answers");
  });

  it("every route fails → an error is logged with the ids (never silent in the logs)", async () => {
    const { app, logs } = await buildTestApp();
    const sub = await defaultSubmission(app);
    mockPosts(apiFixture("error_not_in_channel"));
    mockApi("conversations.open", { ok: false, error: "user_disabled" });
    mockResponseUrl(RESPONSE_URL, 404);

    await expect(send(app, sub)).resolves.toBeUndefined();

    const line = logs.find((l) => l.msg === "recommendation could not be delivered by any route");
    expect(line?.level).toBe(50);
    expect(line?.user).toBe(USER);
  });
});

describe("a transient failure in the channel", () => {
  it("internal_error on every attempt → the person is told through the response_url, no DM attempted", async () => {
    const { app, logs } = await buildTestApp();
    const sub = await defaultSubmission(app);
    const posts = mockPosts({ ok: false, error: "internal_error" });
    const opens = mockApi("conversations.open", { ok: true, channel: { id: DM } });
    const hook = mockResponseUrl(RESPONSE_URL);

    await expect(send(app, sub)).resolves.toBeUndefined();

    expect(posts).toHaveLength(3); // the production policy: 3 attempts, then the person is told
    expect(opens).toHaveLength(0);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toContain("Slack is having trouble right now");
    expect(String(hook[0]?.text)).toContain("/flask-or-django");
    expect(logs.some((l) => l.level === 50 && l.code === "internal_error")).toBe(true);
  });

  it("rate limited (HTTP 429) → the person is told", async () => {
    const { app } = await buildTestApp();
    const sub = await defaultSubmission(app);
    const limited = loadFixture<{ status: number; headers: Record<string, string>; body: unknown }>(
      "web_api/error_ratelimited_429.json",
    );
    const scope = nock(new URL(API_URL).origin)
      .post("/api/chat.postMessage")
      .reply(limited.status, limited.body as Json, { ...limited.headers, "retry-after": "30" });
    const hook = mockResponseUrl(RESPONSE_URL);

    await expect(send(app, sub)).resolves.toBeUndefined();

    expect(scope.isDone()).toBe(true);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/try/i);
  });

  it("internal_error and an expired response_url → chat.postEphemeral in the channel", async () => {
    const { app } = await buildTestApp();
    const sub = await defaultSubmission(app);
    mockPosts({ ok: false, error: "internal_error" });
    const hook = mockResponseUrl(RESPONSE_URL, 404);
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });

    await send(app, sub);

    expect(hook).toHaveLength(1);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.channel).toBe(CHANNEL);
    expect(ephemerals[0]?.user).toBe(USER);
    expect(String(ephemerals[0]?.text)).toContain("Slack is having trouble right now");
  });
});
