import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { THREAD_PARENT_TS, triggerIssuedAt } from "./payloads.js";

/**
 * A local stand-in for Slack's Web API on loopback: every method answers `ok: true` at once, so the
 * benchmark measures the apps, not Slack. The first chat.postMessage (a recommendation, in the warm-up)
 * gets THREAD_PARENT_TS, the thread the benchmark's questions are asked in, so our app finds that
 * recommendation in its database; conversations.replies returns a parent carrying our recommendation
 * metadata, should an app ask.
 */
export interface StubSlack {
  url: string;
  calls: Map<string, number>;
  /** For each views.open with a timed trigger_id: how old the trigger was when the call arrived. */
  triggerAgesMs: number[];
  close(): Promise<void>;
}

export interface StubOptions {
  /** Answer these methods only after this long, like a busy Slack. */
  delayMs?: Record<string, number>;
}

export function startStubSlack(
  threadPayload: Record<string, unknown>,
  options: StubOptions = {},
): Promise<StubSlack> {
  const calls = new Map<string, number>();
  const triggerAgesMs: number[] = [];
  let seq = 0;
  let posted = false;
  const server: Server = createServer((req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "");
    const chunks: Buffer[] = [];
    if (method === "views.open") req.on("data", (c: Buffer) => chunks.push(c));
    else req.resume();
    req.on("end", () => {
      if (method === "views.open") {
        const issued = triggerIssuedAt(
          new URLSearchParams(Buffer.concat(chunks).toString()).get("trigger_id"),
        );
        if (issued !== undefined) triggerAgesMs.push(Date.now() - issued);
      }
      const delay = options.delayMs?.[method] ?? 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
    const answer = () => {
      calls.set(method, (calls.get(method) ?? 0) + 1);
      seq++;
      const ts = `1732384472.${String(seq).padStart(6, "0")}`;
      let body: Record<string, unknown> = { ok: true };
      if (method === "auth.test")
        body = { ok: true, user_id: "U07R3MZ1B4K", bot_id: "B07R8FJ2Q1X", team_id: "T07QDKX2N5M" };
      else if (method.startsWith("chat.")) {
        const first = method === "chat.postMessage" && !posted;
        if (first) posted = true;
        body = { ok: true, channel: "C07QF9S3K2L", ts: first ? THREAD_PARENT_TS : ts };
      } else if (method === "views.open") body = { ok: true, view: { id: "V0BENCH" } };
      else if (method === "conversations.replies") {
        body = {
          ok: true,
          messages: [
            {
              ts: "1732384000.000100",
              bot_id: "B07R8FJ2Q1X",
              metadata: { event_type: "flask_or_django_recommendation", event_payload: threadPayload },
            },
          ],
          has_more: false,
        };
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/api/`,
        calls,
        triggerAgesMs,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    }),
  );
}
