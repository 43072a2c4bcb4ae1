/**
 * The agent side pane in the playground, without a browser: opening it sends assistant_thread_started
 * (beside #playground) to the real app; the stand-in for Slack keeps what the app sets with
 * assistant.threads.* (prompts, title, status); a message there reaches the app as a `message.im` event
 * in the pane thread, and its answer draws on the channel's latest recommendation.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackState } from "../../src/playground/fake-slack/state.js";
import { callMethod } from "../../src/playground/fake-slack/web-api.js";
import { type RunningPlayground, startPlayground } from "../../src/playground/index.js";
import { WORKSPACE } from "../../src/playground/workspace.js";
import { defaultAnswer } from "../helpers/default-answers.js";

interface Msg {
  ts: string;
  user: string;
  text: string;
  blocks: Array<Record<string, unknown>> | null;
  thread_ts: string | null;
}
interface Snapshot {
  messages: Msg[];
  dm: Msg[];
  modal: { view: { id: string; blocks: Array<{ type: string; block_id: string }> } } | null;
  pane: {
    threadTs: string;
    title: string;
    status: string;
    prompts: Array<{ title: string; message: string }>;
    messages: Msg[];
  } | null;
}

let pg: RunningPlayground;
let base: string;

beforeAll(async () => {
  pg = await startPlayground({ port: 0, logger: pino({ level: "silent" }) });
  base = `http://127.0.0.1:${pg.port}`;
});
afterAll(() => pg.close());

async function post(path: string, body: unknown = {}): Promise<Record<string, unknown>> {
  const res = await fetch(`${base}/playground/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
const snapshot = async () => (await (await fetch(`${base}/playground/state`)).json()) as Snapshot;

async function until<T>(what: string, pick: (s: Snapshot) => T | undefined | null | false): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const found = pick(await snapshot());
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const text = (m: Msg | undefined) => JSON.stringify(m?.blocks ?? m?.text ?? "");
const answers = (s: Snapshot) => (s.pane?.messages ?? []).filter((m) => m.user === WORKSPACE.bot.userId);

describe("the agent side pane in the playground", () => {
  it("asking before the pane is open is refused", async () => {
    expect(await post("ask", { text: "What about async?" })).toEqual({ ok: false, error: "no_pane" });
  });

  it("opens with the app's greeting and prompts, answers in the thread, names it and clears the status", async () => {
    expect(await post("pane")).toEqual({ ok: true });
    const opened = await until(
      "the greeting and prompts",
      (s) => answers(s).length === 1 && (s.pane?.prompts.length ?? 0) > 0 && s.pane,
    );
    expect(opened.prompts.map((p) => p.title)).toContain("What about async?");
    expect(text(opened.messages[0])).toContain("I compare Flask and Django");

    expect(await post("ask", { text: "What about async?" })).toEqual({ ok: true });
    const answered = await until("the answer", (s) => answers(s).length === 2 && s.pane);
    expect(text(answers({ pane: answered } as Snapshot)[1])).toContain("Async");
    expect(answered.title).toBe("Async and websockets: Flask or Django");
    expect(answered.status).toBe("");
    // The pane's thread stays out of the app's Messages tab.
    expect((await snapshot()).dm).toEqual([]);
  });

  it("answers a decision question about the recommendation posted in #playground", async () => {
    await post("compose", { text: "/flask-or-django" });
    const modal = await until("the modal", (s) => s.modal);
    const values: Record<string, string | string[] | null> = {};
    for (const b of modal.view.blocks) {
      if (b.type === "input") values[b.block_id] = defaultAnswer(b.block_id.replace(/^q_/, "")) ?? null;
    }
    await post("submit", {
      viewId: modal.view.id,
      values: { ...values, q_size: "large", q_needs: ["admin"] },
    });
    await until(
      "the recommendation",
      (s) => !s.modal && s.messages.find((m) => m.blocks?.[0]?.type === "header"),
    );

    await post("pane");
    const greeted = await until("a new thread's greeting", (s) => answers(s).length === 1 && s.pane);
    expect(text(greeted.messages[0])).toContain("latest recommendation in <#C0PLAYGRND> says *Django*");
    await post("ask", { text: "why not flask?" });
    const answered = await until("the answer", (s) => answers(s).length === 2 && s.pane);
    expect(text(answers({ pane: answered } as Snapshot)[1])).toContain("What counts against Flask");
    expect(answered.title).toBe("Why not Flask?");
  });
});

describe("the stand-in's assistant.threads methods", () => {
  it("set a pane thread's status, title and prompts, and refuse what Slack refuses", () => {
    const state = new SlackState();
    const pane = state.startPane(WORKSPACE.user.id);
    const where = { channel_id: WORKSPACE.dm.id, thread_ts: pane.threadTs };
    expect(callMethod(state, "assistant.threads.setStatus", { ...where, status: "is thinking…" })).toEqual({
      ok: true,
    });
    expect(pane.status).toBe("is thinking…");
    expect(callMethod(state, "assistant.threads.setTitle", { ...where, title: "Admin" })).toEqual({
      ok: true,
    });
    expect(pane.title).toBe("Admin");
    const prompts = [{ title: "A", message: "a" }];
    expect(callMethod(state, "assistant.threads.setSuggestedPrompts", { ...where, prompts })).toEqual({
      ok: true,
    });
    expect(pane.prompts).toEqual(prompts);
    const five = Array.from({ length: 5 }, () => prompts[0]);
    expect(
      callMethod(state, "assistant.threads.setSuggestedPrompts", { ...where, prompts: five }),
    ).toMatchObject({
      ok: false,
      error: "invalid_arguments",
    });
    expect(callMethod(state, "assistant.threads.setTitle", { ...where, thread_ts: "1.2" })).toMatchObject({
      ok: false,
    });
    expect(
      callMethod(state, "assistant.threads.setStatus", { ...where, channel_id: "C0PLAYGRND", status: "x" }),
    ).toMatchObject({
      ok: false,
      error: "channel_not_found",
    });
    // The app's reply in the thread clears the status.
    callMethod(state, "chat.postMessage", { channel: WORKSPACE.dm.id, thread_ts: pane.threadTs, text: "hi" });
    expect(pane.status).toBe("");
  });
});
