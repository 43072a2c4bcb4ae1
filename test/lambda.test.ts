import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getKnowledge, recommendProfile, toProfile } from "../src/engine/index.js";
import { createLambdaHandler } from "../src/lambda.js";
import { recommendationRow } from "../src/slack/services/saved-recommendations.js";
import { openDatabase } from "../src/storage/index.js";
import { API_URL, apiFixture, mockApi, SIGNING_SECRET } from "./helpers/slack-app.js";
import { FORM_CONTENT_TYPE, signRequest, slashCommandBody } from "./helpers/slack-request.js";

const env = {
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: API_URL,
  LOG_LEVEL: "fatal",
  NODE_ENV: "test",
  DATABASE_URL: "sqlite::memory:",
};

/** An API Gateway (REST, v1) proxy event, as Lambda hands it to the handler. */
function apiGatewayEvent(body: string, headers: Record<string, string>) {
  return {
    resource: "/slack/events",
    path: "/slack/events",
    httpMethod: "POST",
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    requestContext: {},
    body,
    isBase64Encoded: false,
  };
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("AWS Lambda entry point", () => {
  it("answers a signed slash command from API Gateway and opens the modal", async () => {
    mockApi("auth.test", apiFixture("auth.test_ok"));
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const handler = createLambdaHandler(env);
    const body = slashCommandBody({ text: "" });
    const event = apiGatewayEvent(body, {
      "Content-Type": FORM_CONTENT_TYPE,
      ...signRequest(SIGNING_SECRET, body),
    });
    const res = await handler(event as never, {});
    expect(res.statusCode).toBe(200);
    expect(opens).toHaveLength(1);
    expect((opens[0]?.view as { callback_id?: string } | undefined)?.callback_id).toBe("questionnaire");
  });

  it("answers /flask-or-django help in the HTTP response, with no Web API call", async () => {
    mockApi("auth.test", apiFixture("auth.test_ok"));
    const handler = createLambdaHandler(env);
    const body = slashCommandBody({ text: "help" });
    const event = apiGatewayEvent(body, {
      "Content-Type": FORM_CONTENT_TYPE,
      ...signRequest(SIGNING_SECRET, body),
    });
    const res = await handler(event as never, {});
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ response_type: "ephemeral" });
  });

  it("rejects a request with a wrong signature with 401", async () => {
    mockApi("auth.test", apiFixture("auth.test_ok"));
    const handler = createLambdaHandler(env);
    const body = slashCommandBody({ text: "" });
    const event = apiGatewayEvent(body, {
      "Content-Type": FORM_CONTENT_TYPE,
      ...signRequest("0".repeat(32), body),
    });
    const res = await handler(event as never, {});
    expect(res.statusCode).toBe(401);
  });

  it("refuses to build without a signing secret, naming the variable", () => {
    expect(() => createLambdaHandler({ ...env, SLACK_SIGNING_SECRET: "" })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it("refuses many workspaces (the install pages need the HTTP server), naming the variables", () => {
    expect(() =>
      createLambdaHandler({
        ...env,
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "7830312345678.7830398765432",
        SLACK_CLIENT_SECRET: "3c9a0e1f7b2d4c6e8a0b1c2d3e4f5a6b",
        SLACK_STATE_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
      }),
    ).toThrow(/SLACK_CLIENT_ID.*not supported on AWS Lambda/);
  });

  it("says which DATABASE_URL it cannot open, on every invocation until it can", async () => {
    mockApi("auth.test", apiFixture("auth.test_ok"));
    // /dev/null is a file, so no folder can be made under it.
    const handler = createLambdaHandler({ ...env, DATABASE_URL: "sqlite:/dev/null/app.sqlite" });
    const body = slashCommandBody({ text: "help" });
    const event = apiGatewayEvent(body, {
      "Content-Type": FORM_CONTENT_TYPE,
      ...signRequest(SIGNING_SECRET, body),
    });
    await expect(handler(event as never, {})).rejects.toThrow(/DATABASE_URL/);
    await expect(handler(event as never, {})).rejects.toThrow(/DATABASE_URL/);
  });
});

/** What EventBridge hands the function on a schedule. */
const scheduledEvent = {
  version: "0",
  id: "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
  "detail-type": "Scheduled Event",
  source: "aws.events",
  account: "123456789012",
  time: "2026-11-27T15:00:00Z",
  region: "eu-west-1",
  resources: ["arn:aws:events:eu-west-1:123456789012:rule/flask-or-django-sweep"],
  detail: {},
};

describe("AWS Lambda: the reminders' sweep on an EventBridge schedule", () => {
  it("hands a waiting reminder that came within Slack's 120 days to Slack, and says how many", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lambda-sweep-"));
    const url = `sqlite:${join(dir, "app.sqlite")}`;
    try {
      // A decided recommendation whose 12-month reminder now falls within Slack's reach (in 30 days).
      const seed = await openDatabase(url);
      const knowledge = getKnowledge();
      const rec = recommendProfile(toProfile({ needs: ["admin"] }, knowledge), knowledge);
      const place = { channel: "C07QF9S3K2L", ts: "1732384000.000100" };
      await seed.recommendations.upsert(
        recommendationRow({ teamId: "T07QDKX2N5M" }, place, rec, "U05HV6XQ1AB"),
      );
      await seed.decisions.propose({
        teamId: "T07QDKX2N5M",
        channelId: place.channel,
        messageTs: place.ts,
        askedBy: "U05HV6XQ1AB",
        recommended: rec.verdict,
      });
      const decided = await seed.decisions.decide({
        teamId: "T07QDKX2N5M",
        channelId: place.channel,
        messageTs: place.ts,
        userId: "U05HV6XQ1AB",
        framework: "django",
      });
      expect(decided.ok).toBe(true);
      await seed.reminders.addWaiting({
        teamId: "T07QDKX2N5M",
        decisionChannelId: place.channel,
        decisionTs: place.ts,
        channelId: place.channel,
        postAt: Date.now() + 30 * 24 * 3600 * 1000,
        createdBy: "U05HV6XQ1AB",
      });
      await seed.close();

      mockApi("auth.test", apiFixture("auth.test_ok"));
      const scheduled = mockApi("chat.scheduleMessage", {
        ok: true,
        channel: place.channel,
        scheduled_message_id: "Q0LAMBDA1",
        post_at: 1,
      });
      mockApi("chat.update", { ok: true }, 5);
      mockApi("chat.getPermalink", { ok: true, permalink: "https://example.slack.com/archives/x" }, 5);
      const handler = createLambdaHandler({ ...env, DATABASE_URL: url });
      const res = await handler(scheduledEvent as never, {});
      expect(res).toMatchObject({ statusCode: 200, body: JSON.stringify({ remindersScheduled: 1 }) });
      expect(scheduled).toHaveLength(1);
      expect(scheduled[0]).toMatchObject({ channel: place.channel, thread_ts: place.ts });

      // The next tick finds nothing more to hand over.
      const again = await handler(scheduledEvent as never, {});
      expect(again).toMatchObject({ body: JSON.stringify({ remindersScheduled: 0 }) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
