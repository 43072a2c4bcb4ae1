import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLambdaHandler } from "../src/lambda.js";
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
