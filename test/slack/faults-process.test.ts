/**
 * Nothing takes the process down. In-process: the global error handler logs a failing listener with its
 * team/user/channel and tells the person; a rejection after ack never escapes `processEvent`. As a real
 * process (`node --import tsx src/main.ts` against a stub Web API): signed garbage and edge requests leave
 * it serving /healthz, a stray unhandled rejection is logged (main.ts's handler) instead of killing it, and
 * SIGTERM exits 0.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import nock from "nock";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Json } from "../helpers/json.js";
import { apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import {
  eventBody,
  FORM_CONTENT_TYPE,
  interactionBody,
  JSON_CONTENT_TYPE,
  loadFixture,
  signedHeaders,
  slashCommandBody,
} from "../helpers/slack-request.js";

const COMMAND = loadFixture<Record<string, string>>("inbound/slash_command.json");
const HOOKS = "https://hooks.slack.com";
const DM = "D07QG2H8M4N";

const failures = (logs: Array<Record<string, unknown>>) => logs.filter((l) => l.msg === "listener failed");

describe("in process: the global error handler and rejections after ack", () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeEach(() => {
    nock.disableNetConnect();
    unhandled.length = 0;
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(() => {
    process.off("unhandledRejection", onUnhandled);
    nock.cleanAll();
    nock.enableNetConnect();
  });

  /** Gives stray promises a few turns of the event loop to surface as unhandled rejections. */
  const settle = () => new Promise((r) => setTimeout(r, 30));

  it("a real listener that throws (views.publish refused on App Home) is logged with team, user and channel", async () => {
    const { app, logs } = await buildTestApp();
    mockApi("views.publish", { ok: false, error: "invalid_arguments" });
    mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    const home = loadFixture<Json & { event: Json }>("inbound/event_app_home_opened.json");
    await expect(send(app, home)).resolves.toBeUndefined();
    const line = failures(logs)[0];
    expect(line, "a 'listener failed' line").toBeDefined();
    expect(line?.level).toBe(50);
    expect(line?.team).toBe("T07QDKX2N5M");
    expect(line?.user).toBe(home.event.user);
    expect(line?.channel).toBe(home.event.channel);
    expect(line?.type).toBe("event_callback");
    expect(JSON.stringify(line?.err)).toContain("invalid_arguments");
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("a malformed action (selected_option null) is logged with context and the person gets an apology", async () => {
    const { app, logs } = await buildTestApp();
    const select = loadFixture<Json>("inbound/block_actions_static_select.json");
    const calls: Json[] = [];
    nock(HOOKS)
      .post(new URL(select.response_url as string).pathname)
      .reply(200, (_u, body) => {
        calls.push((typeof body === "string" ? JSON.parse(body) : body) as Json);
        return "ok";
      });
    const payload = {
      ...select,
      actions: [{ type: "static_select", action_id: "ask_feature", block_id: "b", selected_option: null }],
    };
    await expect(send(app, payload)).resolves.toBeUndefined();
    const line = failures(logs)[0];
    expect(line?.team).toBe("T07QDKX2N5M");
    expect(line?.user).toBe("U06JK2P7RCD");
    expect(line?.channel).toBe("C07QF9S3K2L");
    expect(calls).toHaveLength(1);
    expect(String(calls[0]?.text)).toMatch(/sorry/i);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("a listener that rejects after ack does not escape processEvent", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/late-boom", async ({ ack }) => {
      await ack({ text: "working on it" });
      await new Promise((r) => setTimeout(r, 5));
      await Promise.reject(new Error("late kaboom"));
    });
    nock(HOOKS)
      .post(new URL(COMMAND.response_url as string).pathname)
      .reply(200, "ok");
    const acked = await send(app, { ...COMMAND, command: "/late-boom" });
    expect(acked).toEqual({ text: "working on it" });
    expect(failures(logs)).toHaveLength(1);
    expect(JSON.stringify(failures(logs)[0]?.err)).toContain("late kaboom");
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("a real event listener whose Web API call fails after the automatic ack does not escape processEvent", async () => {
    const { app, logs } = await buildTestApp();
    mockApi("chat.postMessage", { ok: false, error: "not_in_channel" });
    mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    const mention = loadFixture<Json & { event: Json }>("inbound/event_app_mention_in_thread.json");
    mention.event = { ...mention.event, text: "<@U07R3MZ1B4K> what about async?" };
    delete mention.event.thread_ts;
    await expect(send(app, mention)).resolves.toBeUndefined();
    expect(failures(logs)).toHaveLength(1);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("when even the apology fails on every route, processEvent still resolves and it is logged", async () => {
    const { app, logs } = await buildTestApp();
    app.command("/boom", async () => {
      throw new Error("kaboom");
    });
    nock(HOOKS)
      .post(new URL(COMMAND.response_url as string).pathname)
      .reply(500, "nope");
    mockApi("chat.postEphemeral", { ok: false, error: "channel_not_found" });
    mockApi("conversations.open", { ok: false, error: "user_not_found" });
    await expect(send(app, { ...COMMAND, command: "/boom" })).resolves.toBeUndefined();
    expect(failures(logs)).toHaveLength(1);
    expect(logs.some((l) => l.msg === "could not tell the person" || l.msg === "apology failed")).toBe(true);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("a failed DM open in the apology (conversations.open without a channel) is still contained", async () => {
    const { app } = await buildTestApp();
    app.view("boom_view", async () => {
      throw new Error("view kaboom");
    });
    mockApi("conversations.open", { ok: true });
    mockApi("chat.postMessage", { ok: true, channel: DM, ts: "1.2" });
    const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
    await expect(
      send(app, { ...base, view: { ...base.view, callback_id: "boom_view" } }),
    ).resolves.toBeUndefined();
    await settle();
    expect(unhandled).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------- child process

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "0123456789abcdef0123456789abcdef";

interface Stub {
  server: Server;
  url: string;
  calls: Array<{ method: string; body: string }>;
}

async function startStub(): Promise<Stub> {
  const calls: Stub["calls"] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      calls.push({ method, body });
      let answer: unknown = { ok: true };
      if (method === "auth.test") answer = (apiFixture("auth.test_ok") as Json) ?? { ok: true };
      else if (method === "views.open") answer = { ok: false, error: "expired_trigger_id" };
      // An answer that Slack refuses makes a real listener throw (see the "kaboom" edge case).
      else if (method === "chat.postMessage" && decodeURIComponent(body).includes("kaboom"))
        answer = { ok: false, error: "internal_error" };
      else if (method === "chat.postMessage")
        answer = { ok: true, channel: "C07QF9S3K2L", ts: "1732384700.000100" };
      else if (method === "conversations.open") answer = { ok: true, channel: { id: DM } };
      else if (method === "conversations.replies") answer = { ok: true, messages: [] };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api/`, calls };
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, "127.0.0.1");
  await once(s, "listening");
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

describe("as a real process: no input takes it down", () => {
  let stub: Stub;
  let child: ChildProcess;
  let base: string;
  const lines: Json[] = [];
  let stderr = "";

  beforeAll(async () => {
    stub = await startStub();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // A preload that can produce a stray unhandled rejection on demand (SIGUSR2), to exercise main.ts's handler.
    const probe = `data:text/javascript,process.on("SIGUSR2",()=>{Promise.reject(new Error("probe rejection"))})`;
    child = spawn(process.execPath, ["--import", "tsx", "--import", probe, "src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "xoxb-1-2-x",
        SLACK_SIGNING_SECRET: SECRET,
        PORT: String(port),
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        SLACK_API_URL: stub.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let buffered = "";
    child.stdout?.on("data", (chunk) => {
      buffered += String(chunk);
      const parts = buffered.split("\n");
      buffered = parts.pop() ?? "";
      for (const p of parts) {
        if (!p.trim()) continue;
        try {
          lines.push(JSON.parse(p) as Json);
        } catch {
          lines.push({ raw: p });
        }
      }
    });
    child.stderr?.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the app exited at start (${child.exitCode}): ${stderr}`);
      if (Date.now() > deadline) throw new Error(`the app did not start: ${stderr}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 20_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    await new Promise((r) => stub?.server.close(r));
  });

  /** POSTs to /slack/events; the HTTP status, or 0 when no answer came within `timeoutMs`. */
  async function post(body: string, contentType: string, signed = true, timeoutMs = 6000): Promise<number> {
    const headers: Record<string, string> = signed
      ? { ...signedHeaders(SECRET, body, contentType as typeof JSON_CONTENT_TYPE) }
      : { "content-type": contentType };
    try {
      const res = await fetch(`${base}/slack/events`, {
        method: "POST",
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.text();
      return res.status;
    } catch (err) {
      if ((err as Error).name === "TimeoutError") return 0;
      throw err;
    }
  }

  const strayRejections = () =>
    lines.filter(
      (l) =>
        (l.msg === "unhandled promise rejection" && !JSON.stringify(l.err).includes("probe rejection")) ||
        String(l.msg).startsWith("uncaught exception"),
    );

  async function healthy(): Promise<void> {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).ok).toBe(true);
  }

  const edgeCases: Array<[string, () => Promise<number>]> = [
    ["unsigned garbage", () => post("garbage", JSON_CONTENT_TYPE, false)],
    ["signed non-JSON event body", () => post("{not json", JSON_CONTENT_TYPE)],
    ["signed empty body", () => post("", JSON_CONTENT_TYPE)],
    ["signed JSON array", () => post("[1,2,3]", JSON_CONTENT_TYPE)],
    [
      "event: null",
      () => post(eventBody({ type: "event_callback", event: null, event_id: "EvP1" }), JSON_CONTENT_TYPE),
    ],
    [
      "event: 5",
      () => post(eventBody({ type: "event_callback", event: 5, event_id: "EvP2" }), JSON_CONTENT_TYPE),
    ],
    [
      "a question whose answer Slack refuses (a listener throws)",
      () => {
        const reply = loadFixture<Json & { event: Json }>("inbound/event_message_thread_reply.json");
        const event = { ...reply.event, channel_type: "im", text: "kaboom admin?" };
        const body = { ...reply, event_id: "EvP3", event };
        return post(eventBody(body), JSON_CONTENT_TYPE);
      },
    ],
    [
      "url_verification",
      () => post(eventBody(loadFixture("inbound/url_verification.json")), JSON_CONTENT_TYPE),
    ],
    [
      "ssl_check",
      () => post(new URLSearchParams({ ssl_check: "1", token: "x" }).toString(), FORM_CONTENT_TYPE),
    ],
    ["payload= not JSON", () => post("payload=%7Bnot%20json", FORM_CONTENT_TYPE)],
    [
      "payload with actions: null",
      () => post(interactionBody({ type: "block_actions", actions: null }), FORM_CONTENT_TYPE),
    ],
    [
      "payload: view_submission without view",
      () =>
        post(interactionBody({ type: "view_submission", user: { id: "U1" }, team: null }), FORM_CONTENT_TYPE),
    ],
    [
      "view_submission with garbage private_metadata",
      () => {
        const v = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
        const payload = {
          ...v,
          view: { ...v.view, callback_id: "questionnaire", private_metadata: "\ud800{<!channel>" },
        };
        return post(interactionBody(payload), FORM_CONTENT_TYPE);
      },
    ],
    [
      "slash command with 5,000 characters of odd text",
      () =>
        post(
          slashCommandBody({ text: "<!channel> \u202e👍🏽\u200b".repeat(500).slice(0, 5000) }),
          FORM_CONTENT_TYPE,
        ),
    ],
    [
      "slash command, empty text (views.open refused)",
      () => post(slashCommandBody({ text: "" }), FORM_CONTENT_TYPE),
    ],
    ["slash command without fields", () => post("command=%2Fflask-or-django", FORM_CONTENT_TYPE)],
    ["wrong content type", () => post("{}", "text/plain")],
  ];

  it.each(edgeCases)(
    "%s: answered, no stray rejection, and the app keeps serving /healthz",
    async (_name, request) => {
      const before = strayRejections().length;
      const status = await request();
      expect(status).toBeGreaterThanOrEqual(200);
      expect(status).toBeLessThan(600);
      await new Promise((r) => setTimeout(r, 50));
      expect(strayRejections().slice(before)).toEqual([]);
      expect(child.exitCode).toBeNull();
      await healthy();
    },
  );

  it("a signed JSON `null` body is answered 400 before it reaches Bolt (whose receiver would leave it unanswered)", async () => {
    const before = strayRejections().length;
    const status = await post("null", JSON_CONTENT_TYPE, true, 1500);
    expect(status).toBe(400);
    await new Promise((r) => setTimeout(r, 100));
    expect(strayRejections().slice(before)).toEqual([]);
    expect(child.exitCode).toBeNull();
    await healthy();
  });

  it("a listener error is logged with team, user and channel", async () => {
    const deadline = Date.now() + 3000;
    while (
      !lines.some((l) => l.msg === "listener failed" && l.type === "event_callback") &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const line = lines.find((l) => l.msg === "listener failed" && l.type === "event_callback");
    expect(line, `log lines: ${JSON.stringify(lines).slice(0, 2000)}`).toBeDefined();
    expect(line?.team).toBe("T07QDKX2N5M");
    expect(line?.user).toBe("U05HV6XQ1AB");
    expect(line?.channel).toBe("C07QF9S3K2L");
  });

  it("a stray unhandled rejection is logged by main.ts's handler and the process keeps running", async () => {
    child.kill("SIGUSR2");
    const deadline = Date.now() + 3000;
    while (
      !lines.some((l) => JSON.stringify(l.err ?? "").includes("probe rejection")) &&
      Date.now() < deadline
    ) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const line = lines.find(
      (l) => l.msg === "unhandled promise rejection" && JSON.stringify(l.err).includes("probe rejection"),
    );
    expect(line?.level).toBe(50);
    expect(JSON.stringify(line?.err)).toContain("probe rejection");
    await new Promise((r) => setTimeout(r, 100));
    expect(child.exitCode).toBeNull();
    await healthy();
  });

  it("nothing went unhandled, and SIGTERM exits 0", async () => {
    expect(strayRejections()).toEqual([]);
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code, stderr).toBe(0);
  });
});
