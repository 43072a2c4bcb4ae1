/**
 * A listener that throws never takes the app down: the global error handler logs it with the
 * request's team/user/channel ids, apologises to the person, and the app keeps answering.
 *
 * Documented behaviour: `app.processEvent` RESOLVES (to undefined) after a listener throws, because
 * the app's `app.error` handler handles the error and does not rethrow.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { askFeatureSelect } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");

isolateNetwork();

const failures = (logs: Array<Record<string, unknown>>) => logs.filter((l) => l.msg === "listener failed");

describe("a throwing listener", () => {
  it("is logged with the ids, the person gets an apology, and the app keeps working", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/boom", async () => {
      throw new Error("kaboom");
    });
    const boom: Record<string, string> = { ...COMMAND, command: "/boom", text: "" };
    const hook = mockResponseUrl(boom.response_url as string);

    // processEvent resolves: the error handler absorbs the error.
    await expect(send(app, boom)).resolves.toBeUndefined();

    const lines = failures(logs);
    expect(lines).toHaveLength(1);
    const line = lines[0] as Json;
    expect(line.level).toBe(50);
    expect(line.team).toBe(COMMAND.team_id);
    expect(line.user).toBe(COMMAND.user_id);
    expect(line.channel).toBe(COMMAND.channel_id);
    expect(JSON.stringify(line.err)).toContain("kaboom");

    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(String(hook[0]?.text)).toMatch(/sorry/i);

    // The same app still serves the real command.
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const acked = await send(app, { ...COMMAND, text: "" });
    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect((opens[0]?.view as Json | undefined)?.callback_id).toBe("questionnaire");
  });

  it("a listener that acks and then throws is handled the same way", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/boom", async ({ ack }) => {
      await ack();
      throw new TypeError("after ack");
    });
    const boom: Record<string, string> = { ...COMMAND, command: "/boom", text: "" };
    const hook = mockResponseUrl(boom.response_url as string);
    await expect(send(app, boom)).resolves.toBeUndefined();
    expect(failures(logs)).toHaveLength(1);
    expect(hook).toHaveLength(1);
  });

  it("a request that names no user: the failure is logged, and that no one could be told", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/boom", async () => {
      throw new Error("kaboom");
    });
    const { response_url: _none, ...rest } = COMMAND;
    await expect(send(app, { ...rest, command: "/boom", text: "", user_id: "" })).resolves.toBeUndefined();
    expect(failures(logs)).toHaveLength(1);
    const told = logs.find((l) => l.msg === "could not tell the person");
    expect(told).toMatchObject({ team: COMMAND.team_id, reason: "the request names no user" });
  });

  it("the apology falls back to chat.postEphemeral when the response_url is refused", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/boom", async () => {
      throw new Error("kaboom");
    });
    const boom: Record<string, string> = { ...COMMAND, command: "/boom", text: "" };
    mockResponseUrl(boom.response_url as string, 404);
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    await expect(send(app, boom)).resolves.toBeUndefined();
    expect(failures(logs)).toHaveLength(1);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.channel).toBe(COMMAND.channel_id);
    expect(ephemerals[0]?.user).toBe(COMMAND.user_id);
    expect(String(ephemerals[0]?.text)).toMatch(/sorry/i);
  });

  it("a throwing view listener (no channel, no response_url) apologises by DM", async () => {
    const { app, logs } = await buildTestApp();
    app.view("boom_view", async () => {
      throw new Error("view kaboom");
    });
    const base = loadFixture<Json & { view: Json; user: { id: string } }>("inbound/view_submission.json");
    const opens = mockApi("conversations.open", { ok: true, channel: { id: "D07QG2H8M4N" } });
    const posts = mockApi("chat.postMessage", {
      ...(apiFixture("chat.postMessage_ok") as Json),
      channel: "D07QG2H8M4N",
    });

    await expect(
      send(app, { ...base, view: { ...base.view, callback_id: "boom_view" } }),
    ).resolves.toBeUndefined();

    const line = failures(logs)[0];
    expect(line?.user).toBe(base.user.id);
    expect(line?.team).toBe("T07QDKX2N5M");
    expect(opens).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe("D07QG2H8M4N");
    expect(String(posts[0]?.text)).toMatch(/sorry/i);
  });

  it("a Web API failure inside a real listener (thread answer failing) is logged and apologised for", async () => {
    const { app, logs } = await buildTestApp();
    const payload = askFeatureSelect({ text: "Admin", value: "admin" });
    mockApi("chat.postMessage", { ok: false, error: "internal_error" });
    const hook = mockResponseUrl(payload.response_url as string);

    await expect(send(app, payload)).resolves.toBeUndefined();

    const line = failures(logs)[0];
    expect(line).toBeDefined();
    expect(line?.user).toBe("U06JK2P7RCD");
    expect(line?.channel).toBe("C07QF9S3K2L");
    expect(line?.team).toBe("T07QDKX2N5M");
    expect(hook).toHaveLength(1);
    expect(String(hook[0]?.text)).toMatch(/sorry/i);
  });

  it("a thread answer refused with not_in_channel is given to the person privately, with how to add the bot", async () => {
    const { app, logs } = await buildTestApp();
    const payload = askFeatureSelect({ text: "Admin", value: "admin" });
    mockApi("chat.postMessage", apiFixture("error_not_in_channel"));
    const hook = mockResponseUrl(payload.response_url as string);

    await expect(send(app, payload)).resolves.toBeUndefined();

    expect(failures(logs)).toHaveLength(0);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    const blocks = JSON.stringify(hook[0]?.blocks);
    expect(blocks).toContain("/invite @flask-or-django");
    expect(blocks).toContain("docs.djangoproject.com");
  });
});
