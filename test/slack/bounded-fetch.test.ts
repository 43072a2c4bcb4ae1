import nock from "nock";
import { describe, expect, it } from "vitest";
import { boundedFetch } from "../../src/slack/services/slack-api.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";

isolateNetwork();

const SLACK = "https://slack.com";

describe("boundedFetch", () => {
  it("hands back the answer already read: status, headers, url and the body as text, JSON or bytes", async () => {
    nock(SLACK)
      .post("/api/chat.postMessage")
      .reply(
        200,
        { ok: true, ts: "1.2" },
        { "x-oauth-scopes": "chat:write", "content-type": "application/json" },
      );
    const res = await boundedFetch(1000)(`${SLACK}/api/chat.postMessage`, { method: "POST", body: "a=1" });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-oauth-scopes")).toBe("chat:write");
    expect(res.url).toBe(`${SLACK}/api/chat.postMessage`);
    expect(await res.text()).toBe('{"ok":true,"ts":"1.2"}');
    expect(await res.json()).toEqual({ ok: true, ts: "1.2" });
    expect(Buffer.from(await res.arrayBuffer()).toString()).toBe('{"ok":true,"ts":"1.2"}');
  });

  it("says when the answer is not a success, with its status and text", async () => {
    nock(SLACK).post("/api/chat.postMessage").reply(503, "upstream busy", { "retry-after": "7" });
    const res = await boundedFetch(1000)(`${SLACK}/api/chat.postMessage`, { method: "POST" });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.text()).toBe("upstream busy");
  });

  it("gives up on an answer that does not arrive in time", async () => {
    nock(SLACK).post("/api/chat.postMessage").delay(500).reply(200, { ok: true });
    await expect(boundedFetch(50)(`${SLACK}/api/chat.postMessage`, { method: "POST" })).rejects.toMatchObject(
      { name: "TimeoutError" },
    );
  });
});
