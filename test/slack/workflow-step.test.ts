/**
 * The Workflow Builder step "Recommend Flask or Django" through the real app: function_executed in,
 * functions.completeSuccess (verdict, confidence, summary, link) or functions.completeError (naming the
 * bad input) out, with the recommendation optionally posted where asked. Web API mocked with nock.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { getKnowledge, recommend } from "../../src/engine/index.js";
import { messageViolations } from "../helpers/block-kit-limits.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  decodeForm,
  mockApi,
  send,
  shown,
} from "../helpers/slack-app.js";
import { FIXTURE_CHANNEL, FIXTURE_PARENT_TS } from "../helpers/slack-payloads.js";
import {
  fixtureStepInputs,
  fixtureStepToken,
  paneMessage,
  paneStarted,
  stepExecuted,
} from "../helpers/surfaces.js";
import { reply } from "../helpers/thread-setup.js";

type Json = Record<string, unknown>;
const k = getKnowledge();

isolateNetwork();

/** Answers `method` only when called with the workflow token of the execution (as Bolt must call it). */
function mockWithStepToken(method: string, response: unknown = { ok: true }): ApiCall[] {
  const calls: ApiCall[] = [];
  nock("https://slack.test", { reqheaders: { authorization: `Bearer ${fixtureStepToken()}` } })
    .post(`/api/${method}`)
    .times(100)
    .reply(200, (_uri, body) => {
      calls.push(decodeForm(body));
      return typeof response === "function"
        ? (response as (c: ApiCall) => unknown)(calls.at(-1) as ApiCall)
        : response;
    });
  return calls;
}

const outputsOf = (call: ApiCall | undefined) => JSON.parse(String(call?.outputs ?? "null")) as Json;

/** The fixture's inputs without the channel: only the outputs are wanted. */
function inputsWithoutPosting(): Json {
  const { channel: _c, requested_by: _r, ...rest } = fixtureStepInputs();
  return rest;
}

/** What the engine says for the fixture's answers. */
function fixtureRecommendation() {
  const i = fixtureStepInputs();
  const answers = Object.fromEntries(k.singleQuestions.map((q) => [q.id, String(i[q.id])]));
  return recommend({ answers, needs: i.needs, notes: i.notes }, k);
}

describe("the step completes with the recommendation", () => {
  it("outputs the verdict, confidence and summary, using the execution's workflow token", async () => {
    const t = await buildTestApp();
    const done = mockWithStepToken("functions.completeSuccess");
    const posts = mockApi("chat.postMessage");
    await send(t.app, stepExecuted(inputsWithoutPosting()));
    expect(done).toHaveLength(1);
    expect(done[0]?.function_execution_id).toMatch(/^Fx08R3C1D2E\d+$/);
    const rec = fixtureRecommendation();
    const outputs = outputsOf(done[0]);
    expect(outputs.verdict).toBe(rec.verdict);
    expect(outputs.confidence).toBe(Math.round(rec.confidence.share * 100));
    expect(outputs.summary).toContain(rec.summary);
    expect(outputs.summary).toContain(rec.factors[0]?.label ?? "no factor");
    expect(outputs).not.toHaveProperty("message_link");
    expect(posts).toHaveLength(0);
  });

  it("posts the recommendation in the channel, returns its link, and its thread and the pane know it", async () => {
    const t = await buildTestApp();
    const posts = mockWithStepToken("chat.postMessage", (c: ApiCall) => ({
      ok: true,
      channel: c.channel,
      ts: FIXTURE_PARENT_TS,
    }));
    const permalinks = mockWithStepToken("chat.getPermalink", apiFixture("chat.getPermalink_ok"));
    const addresses = mockWithStepToken("auth.test", apiFixture("auth.test_ok"));
    const done = mockWithStepToken("functions.completeSuccess");
    await send(t.app, stepExecuted());
    expect(posts).toHaveLength(1);
    const message = posts[0] as ApiCall;
    expect(message.channel).toBe(FIXTURE_CHANNEL);
    expect((message.metadata as Json).event_type).toBe("flask_or_django_recommendation");
    expect(shown(message)).toContain("Recommendation for <@U05HV6XQ1AB>'s project");
    expect(messageViolations(message as Json)).toEqual([]);
    // The link from the workspace's address (auth.test, with the step's token), as every link the app makes.
    expect(addresses).toHaveLength(1);
    expect(permalinks).toHaveLength(0);
    expect(outputsOf(done[0]).message_link).toBe(
      "https://acme-eng.slack.com/archives/C07QF9S3K2L/p1732384472318669",
    );
    // Stored and proposed like the form's: the team can add views, vote and decide on it.
    expect(shown(message)).toContain("Mark as decided");
    expect(await t.database.decisions.find("T07QDKX2N5M", FIXTURE_CHANNEL, FIXTURE_PARENT_TS)).toMatchObject({
      status: "proposed",
      askedBy: "U05HV6XQ1AB",
    });

    // Its thread answers with the project's answers, without reading the parent back.
    const replies = mockApi(
      "conversations.replies",
      apiFixture("conversations.replies_include_all_metadata"),
    );
    const answers = mockApi("chat.postMessage", { ok: true, ts: "1732385300.000001" });
    await send(t.app, reply("what about the admin?"));
    expect(replies).toHaveLength(0);
    expect(shown(answers[0])).toContain("For your project");

    // The pane beside that channel answers about it.
    mockApi("assistant.threads.setSuggestedPrompts");
    mockApi("assistant.threads.setStatus");
    mockApi("assistant.threads.setTitle");
    await send(t.app, paneStarted());
    await send(t.app, paneMessage("why not flask?"));
    expect(shown(answers.at(-1))).toContain("What counts against Flask");
  });

  it("takes a choice's label as well as its value, and needs as a comma-separated list", async () => {
    const t = await buildTestApp();
    const done = mockApi("functions.completeSuccess");
    await send(
      t.app,
      stepExecuted({
        ...inputsWithoutPosting(),
        project_type: "An online shop or marketplace",
        size: "MEDIUM",
        needs: "Admin panel for staff, auth",
      }),
    );
    expect(done).toHaveLength(1);
    expect(outputsOf(done[0]).verdict).toBe(fixtureRecommendation().verdict);
  });

  it("leaves a step of another app alone", async () => {
    const t = await buildTestApp();
    const done = mockApi("functions.completeSuccess");
    const failed = mockApi("functions.completeError");
    await send(t.app, stepExecuted(inputsWithoutPosting(), "reverse"));
    expect(done).toHaveLength(0);
    expect(failed).toHaveLength(0);
  });
});

describe("the step fails with a message naming the bad input", () => {
  async function failure(inputs: Json): Promise<string> {
    const t = await buildTestApp();
    const failed = mockApi("functions.completeError");
    const done = mockApi("functions.completeSuccess");
    const posts = mockApi("chat.postMessage");
    await send(t.app, stepExecuted(inputs));
    expect(done).toHaveLength(0);
    expect(posts).toHaveLength(0);
    expect(failed).toHaveLength(1);
    return String(failed[0]?.error);
  }

  it("an answer that is not one of the question's choices", async () => {
    const error = await failure({ ...inputsWithoutPosting(), project_type: "spaceship" });
    expect(error).toContain("“What are you building?” (project_type) got “spaceship”");
    expect(error).toContain("full_stack, rest_api");
  });

  it("every missing required answer, by name", async () => {
    const { size: _s, priority: _p, ...rest } = inputsWithoutPosting();
    const error = await failure(rest);
    expect(error).toContain("“How big will it get?” (size) is required");
    expect(error).toContain("“What matters most?” (priority) is required");
  });

  it("an unknown feature in the needs", async () => {
    const error = await failure({ ...inputsWithoutPosting(), needs: ["admin", "blockchain"] });
    expect(error).toContain("(needs) has “blockchain”");
  });

  it("notes over the questionnaire's limit", async () => {
    const error = await failure({
      ...inputsWithoutPosting(),
      notes: "x".repeat(k.notesQuestion.maxLength + 1),
    });
    expect(error).toContain(`keep it under ${k.notesQuestion.maxLength}`);
  });

  it("a channel without who it is for", async () => {
    const { requested_by: _r, ...rest } = fixtureStepInputs();
    const error = await failure(rest);
    expect(error).toContain("“Requested by” (requested_by) is needed to post the recommendation");
  });

  it("a channel that is not a channel id", async () => {
    const error = await failure({ ...fixtureStepInputs(), channel: "#general" });
    expect(error).toContain("(channel) got “#general”, which is not a channel");
  });

  it("the same combination the form refuses (a large project in days)", async () => {
    const error = await failure({ ...inputsWithoutPosting(), size: "large", timeline: "days" });
    expect(error).toContain("(timeline): A large project can't be learned and built in days");
  });

  it("a channel it cannot post in, nor reach the person: says so and how to fix it", async () => {
    const t = await buildTestApp();
    mockApi("chat.postMessage", apiFixture("error_not_in_channel"));
    mockApi("conversations.open", apiFixture("error_channel_not_found"));
    const failed = mockApi("functions.completeError");
    await send(t.app, stepExecuted());
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.error)).toContain(`could not be posted in <#${FIXTURE_CHANNEL}>`);
    expect(String(failed[0]?.error)).toContain("/invite @flask-or-django");
  });
});
