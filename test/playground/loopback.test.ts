/**
 * The playground never reaches off this machine: a command's response_url is the playground's own
 * endpoint (what the app posts there shows in the channel), a burst of commands sends nothing
 * elsewhere, and requests naming another host are refused (DNS rebinding).
 */
import { request } from "node:http";
import nock from "nock";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type RunningPlayground, startPlayground } from "../../src/playground/index.js";

interface Msg {
  text: string;
  ephemeral: boolean;
}

const LOOPBACK = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
let offMachine: string[] = [];
const recordOffMachine = (req: { hostname?: string; host?: string; href?: string }) => {
  const host = req.host ?? req.hostname ?? "";
  if (!LOOPBACK.test(host)) offMachine.push(req.href ?? host);
};

let pg: RunningPlayground | undefined;

beforeEach(() => {
  offMachine = [];
  nock.disableNetConnect();
  nock.enableNetConnect(LOOPBACK);
  nock.emitter.on("no match", recordOffMachine);
});
afterEach(async () => {
  nock.emitter.off("no match", recordOffMachine);
  nock.enableNetConnect();
  await pg?.close();
  pg = undefined;
});

async function compose(base: string, text: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/playground/compose`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function messages(base: string): Promise<Msg[]> {
  return ((await (await fetch(`${base}/playground/state`)).json()) as { messages: Msg[] }).messages;
}

describe("the playground's response_urls", () => {
  it("a command's response_url is the playground's own: when the form cannot open, the app's note shows in the channel", async () => {
    // A clock that jumps 4 s at each reading: every trigger_id has expired by the time it is used.
    let t = Date.now();
    pg = await startPlayground({ port: 0, logger: pino({ level: "silent" }), now: () => (t += 4000) });
    const base = `http://127.0.0.1:${pg.port}`;
    expect(await compose(base, "/flask-or-django")).toEqual({ ok: true });
    const deadline = Date.now() + 5000;
    let notes: Msg[] = [];
    while (notes.length === 0 && Date.now() < deadline) {
      notes = (await messages(base)).filter((m) => m.text.includes("Slack took too long to open the form"));
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(notes).toHaveLength(1);
    expect(notes[0]?.ephemeral).toBe(true);
    expect(offMachine).toEqual([]);
  });

  it("a burst of 1,000 commands sends nothing off this machine, and the playground keeps serving", async () => {
    pg = await startPlayground({ port: 0, logger: pino({ level: "silent" }) });
    const base = `http://127.0.0.1:${pg.port}`;
    const results = await Promise.all(Array.from({ length: 1000 }, () => compose(base, "/flask-or-django")));
    expect(results.filter((r) => r.ok !== true && r.error !== "dispatch_failed")).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));
    expect(offMachine).toEqual([]);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  }, 30_000);
});

describe("the Host header", () => {
  function get(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/healthz", headers: { host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
  }

  it("another site's name pointed at the playground is refused; its own names are served", async () => {
    pg = await startPlayground({ port: 0, logger: pino({ level: "silent" }) });
    expect(await get(pg.port, `evil.example:${pg.port}`)).toBe(421);
    expect(await get(pg.port, "localhost")).toBe(421); // the right name on another port
    expect(await get(pg.port, `localhost:${pg.port}`)).toBe(200);
    expect(await get(pg.port, `127.0.0.1:${pg.port}`)).toBe(200);
  });
});
