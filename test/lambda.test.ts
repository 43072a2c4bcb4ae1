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
});
