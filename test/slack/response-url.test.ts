/**
 * A response_url is checked where it arrives. One that is not Slack's is dropped at the command: the
 * form still opens and its submission still posts (it used to say "This form has expired"), and
 * nothing is ever sent to that URL, by the app or by a button's reply.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { type QuestionsModal, questionnaireValues } from "../helpers/slack-flows.js";
import { loadFixture } from "../helpers/slack-request.js";

type Json = Record<string, unknown>;

const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const EVIL = "https://evil.example";
const NOT_SLACKS = [
  `${EVIL}/hooks/commands/T07QDKX2N5M/1/x`,
  "https://hooks.slack.com.evil.example/commands/1/x",
  "http://hooks.slack.com/commands/1/x",
];

isolateNetwork();

/** Interceptors on the hosts above that must never be called. */
function trap(): nock.Scope[] {
  return [
    nock(EVIL).post(/.*/).reply(200, "ok"),
    nock("https://hooks.slack.com.evil.example").post(/.*/).reply(200, "ok"),
    nock("http://hooks.slack.com").post(/.*/).reply(200, "ok"),
  ];
}

describe.each(NOT_SLACKS)("a command whose response_url is %s", (responseUrl) => {
  it("opens the form without it, and the submission posts the recommendation", async () => {
    const { app, logs } = await buildTestApp();
    const traps = trap();
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(app, { ...COMMAND, text: "", response_url: responseUrl });
    expect(opens).toHaveLength(1);
    const view = opens[0]?.view as QuestionsModal;
    expect(JSON.parse(view.private_metadata ?? "{}")).toEqual({ c: COMMAND.channel_id, u: COMMAND.user_id });
    expect(logs.some((l) => l.msg === "response_url is not Slack's; ignoring it" && l.level === 40)).toBe(
      true,
    );

    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
    const acked = await send(app, {
      ...base,
      view: {
        ...base.view,
        callback_id: "questionnaire",
        private_metadata: view.private_metadata,
        state: { values: questionnaireValues(view, ["admin"]) },
      },
    });
    expect(acked).toBeUndefined(); // not "This form has expired"
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(COMMAND.channel_id);
    for (const t of traps) expect(t.isDone()).toBe(false);
  });

  it("when the form cannot open, the person is told in the channel, never through that URL", async () => {
    const { app } = await buildTestApp();
    const traps = trap();
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    await send(app, { ...COMMAND, text: "", response_url: responseUrl });
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.user).toBe(COMMAND.user_id);
    expect(String(ephemerals[0]?.text)).toMatch(/again/);
    for (const t of traps) expect(t.isDone()).toBe(false);
  });
});

describe("a modal opened before this check, carrying a response_url that is not Slack's", () => {
  it("is still accepted: the URL is left out and the recommendation is posted", async () => {
    const { app } = await buildTestApp();
    const traps = trap();
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(app, { ...COMMAND, text: "" });
    const view = opens[0]?.view as QuestionsModal;
    const old = JSON.stringify({ c: COMMAND.channel_id, u: COMMAND.user_id, r: NOT_SLACKS[0] });
    const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
    const acked = await send(app, {
      ...base,
      view: {
        ...base.view,
        callback_id: "questionnaire",
        private_metadata: old,
        state: { values: questionnaireValues(view, ["admin"]) },
      },
    });
    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    for (const t of traps) expect(t.isDone()).toBe(false);
  });
});

describe("a button whose response_url is not Slack's", () => {
  it("feedback is logged, and nothing is posted to that URL", async () => {
    const { app, logs } = await buildTestApp();
    const traps = trap();
    const button = loadFixture<Json>("inbound/block_actions_button.json");
    await send(app, {
      ...button,
      response_url: NOT_SLACKS[0],
      actions: [{ type: "button", action_id: "feedback_helpful", block_id: "feedback", value: "helpful" }],
    });
    expect(logs.some((l) => l.msg === "recommendation feedback")).toBe(true);
    expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
    for (const t of traps) expect(t.isDone()).toBe(false);
  });
});
