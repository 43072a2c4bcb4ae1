/**
 * HTTP mode end to end: the real Bolt HTTP receiver on a free local port, signed requests with the
 * exact content types Slack uses, signature checks, /healthz and url_verification.
 */
import type { AddressInfo } from "node:net";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  apiFixture,
  buildTestApp,
  eventually,
  mockApi,
  SIGNING_SECRET,
  testConfig,
} from "../helpers/slack-app.js";
import {
  eventBody,
  FORM_CONTENT_TYPE,
  JSON_CONTENT_TYPE,
  loadFixture,
  nowSeconds,
  signedHeaders,
  slashCommandBody,
} from "../helpers/slack-request.js";

const built = await buildTestApp(testConfig({ port: 0 }));
let base = "";

beforeAll(async () => {
  const server = await built.app.start(0);
  const { port } = server.address() as AddressInfo;
  expect(port).toBeGreaterThan(0);
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await built.app.stop();
});

beforeEach(() => {
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function post(
  body: string,
  headers: Record<string, string> | ReturnType<typeof signedHeaders>,
): Promise<Response> {
  return fetch(`${base}/slack/events`, { method: "POST", headers: { ...headers }, body });
}

describe("POST /slack/events", () => {
  it("accepts a correctly signed slash command (200, empty ack) and opens the modal", async () => {
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const body = slashCommandBody({ text: "" });
    const res = await post(body, signedHeaders(SIGNING_SECRET, body, FORM_CONTENT_TYPE));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    await eventually(() => expect(opens).toHaveLength(1));
    const fields = new URLSearchParams(body);
    expect(opens[0]?.trigger_id).toBe(fields.get("trigger_id"));
    expect((opens[0]?.view as { callback_id?: string } | undefined)?.callback_id).toBe("questionnaire");
  });

  it("answers a signed help command in the HTTP response", async () => {
    const body = slashCommandBody({ text: "help" });
    const res = await post(body, signedHeaders(SIGNING_SECRET, body, FORM_CONTENT_TYPE));
    expect(res.status).toBe(200);
    const json = (await res.json()) as { response_type?: string; blocks?: unknown[] };
    expect(json.response_type).toBe("ephemeral");
    expect(Array.isArray(json.blocks)).toBe(true);
  });

  it("rejects a wrong signature with 401 and runs no listener", async () => {
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const body = slashCommandBody({ text: "" });
    const res = await post(body, signedHeaders("0".repeat(32), body, FORM_CONTENT_TYPE));
    expect(res.status).toBe(401);
    expect(opens).toHaveLength(0);
  });

  it("rejects a body changed after signing with 401", async () => {
    const body = slashCommandBody({ text: "" });
    const headers = signedHeaders(SIGNING_SECRET, body, FORM_CONTENT_TYPE);
    const res = await post(slashCommandBody({ text: "help" }), headers);
    expect(res.status).toBe(401);
  });

  it("rejects a stale timestamp (6 minutes old) with 401", async () => {
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const body = slashCommandBody({ text: "" });
    const res = await post(
      body,
      signedHeaders(SIGNING_SECRET, body, FORM_CONTENT_TYPE, nowSeconds() - 6 * 60),
    );
    expect(res.status).toBe(401);
    expect(opens).toHaveLength(0);
  });

  it("rejects a request without a signature with 401", async () => {
    const body = slashCommandBody({ text: "" });
    const res = await post(body, {
      "content-type": FORM_CONTENT_TYPE,
      "x-slack-request-timestamp": String(nowSeconds()),
    });
    expect(res.status).toBe(401);
  });

  it("rejects a request without signature headers at all with 401", async () => {
    const body = slashCommandBody({ text: "" });
    const res = await post(body, { "content-type": FORM_CONTENT_TYPE });
    expect(res.status).toBe(401);
  });

  it("echoes the url_verification challenge", async () => {
    const fixture = loadFixture<{ challenge: string }>("inbound/url_verification.json");
    const body = eventBody(fixture);
    const res = await post(body, signedHeaders(SIGNING_SECRET, body, JSON_CONTENT_TYPE));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: fixture.challenge });
  });
});

describe("GET /healthz", () => {
  it("answers 200 JSON with ok, the version and the mode", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ ok: true, version: "test", mode: "http" });
  });
});
