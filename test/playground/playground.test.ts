/**
 * The playground without a browser: its JSON API drives the real app (signed requests to Bolt's
 * HTTP receiver), and the stand-in for Slack ends up holding what Slack would.
 */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPlayground, startPlayground } from "../../src/playground/index.js";
import { defaultAnswer } from "../helpers/default-answers.js";

interface Msg {
  ts: string;
  user: string;
  text: string;
  blocks: Array<Record<string, unknown>> | null;
  thread_ts: string | null;
  ephemeral: boolean;
}
interface InputBlock {
  type: string;
  block_id: string;
  element: {
    initial_option?: { value: string };
    initial_options?: Array<{ value: string }>;
    initial_value?: string;
  };
}
interface Snapshot {
  version: number;
  messages: Msg[];
  modal: {
    view: { id: string; blocks: InputBlock[] };
    errors: Record<string, string>;
  } | null;
  home: { blocks: unknown[] } | null;
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

/** The modal's inputs as the page sends them: what the view prefilled, else each question's usual choice. */
function prefilled(view: NonNullable<Snapshot["modal"]>["view"]): Record<string, string | string[] | null> {
  const values: Record<string, string | string[] | null> = {};
  for (const b of view.blocks) {
    if (b.type !== "input") continue;
    const e = b.element;
    values[b.block_id] =
      e.initial_option?.value ??
      defaultAnswer(b.block_id.replace(/^q_/, "")) ??
      e.initial_options?.map((o: { value: string }) => o.value) ??
      e.initial_value ??
      null;
  }
  return values;
}

const blockText = (m: Msg) => JSON.stringify(m.blocks ?? m.text);

describe("the playground drives the real app", () => {
  it("shows a command's answer from the HTTP response, only to the person", async () => {
    expect(await post("compose", { text: "/flask-or-django admin" })).toEqual({ ok: true });
    const answer = await until("the ephemeral answer", (s) =>
      s.messages.find((m) => m.ephemeral && m.text.includes("Admin")),
    );
    expect(answer.blocks?.length).toBeGreaterThan(0);
  });

  it("answers an unknown command like Slack", async () => {
    await post("compose", { text: "/nope" });
    await until("slackbot's note", (s) =>
      s.messages.find((m) => m.user === "USLACKBOT" && m.text.includes("/nope")),
    );
  });

  it("runs the whole flow: modal, errors, recommendation, thread, edit, feedback", async () => {
    await post("compose", { text: "/flask-or-django" });
    const modal = await until("the modal", (s) => s.modal);
    const values = prefilled(modal.view);

    // The app's own validation comes back as response_action errors, shown inline.
    const rejected = await post("submit", {
      viewId: modal.view.id,
      values: { ...values, q_size: "large", q_timeline: "days" },
    });
    expect(rejected).toMatchObject({
      ok: false,
      errors: { q_timeline: expect.stringContaining("large project") },
    });
    expect((await snapshot()).modal?.errors.q_timeline).toBeDefined();

    const ok = await post("submit", {
      viewId: modal.view.id,
      values: { ...values, q_size: "large", q_needs: ["admin"] },
    });
    expect(ok).toEqual({ ok: true });
    const rec = await until(
      "the recommendation",
      (s) => !s.modal && s.messages.find((m) => m.blocks?.[0]?.type === "header"),
    );
    expect(rec.ephemeral).toBe(false);
    expect(blockText(rec)).toContain("Django is the better fit");

    // A question in its thread: the app reads the parent's metadata and answers for this project.
    await post("compose", { text: "what about the admin?", threadTs: rec.ts });
    const answer = await until("the thread answer", (s) =>
      s.messages.find((m) => m.thread_ts === rec.ts && m.user !== "U0PLAYER01"),
    );
    expect(blockText(answer)).toContain("For your project");

    // Chatter in the thread is left alone.
    await post("compose", { text: "nice", threadTs: rec.ts });
    await new Promise((r) => setTimeout(r, 300));
    expect((await snapshot()).messages.filter((m) => m.thread_ts === rec.ts)).toHaveLength(3);

    // Edit answers: the form comes back prefilled and the same message is updated.
    const edit = (rec.blocks ?? []).find((b) => b.type === "actions") as { block_id: string };
    await post("action", {
      surface: "message",
      channel: "C0PLAYGRND",
      ts: rec.ts,
      blockId: edit.block_id,
      actionId: "edit_answers",
    });
    const editing = await until("the edit modal", (s) => s.modal);
    expect(prefilled(editing.view).q_size).toBe("large");
    await post("submit", {
      viewId: editing.view.id,
      values: { ...prefilled(editing.view), q_project_type: "microservice", q_size: "tiny", q_needs: [] },
    });
    const updated = await until("the updated message", (s) =>
      s.messages.find((m) => m.ts === rec.ts && blockText(m).includes("answers edited")),
    );
    expect(blockText(updated)).toContain("Flask is the better fit");

    // Feedback is acknowledged through the response_url, only to the person.
    await post("action", {
      surface: "message",
      channel: "C0PLAYGRND",
      ts: rec.ts,
      blockId: edit.block_id,
      actionId: "feedback_helpful",
    });
    await until("the thanks", (s) =>
      s.messages.find((m) => m.ephemeral && m.text.includes("Glad it helped")),
    );

    // Ask about a feature from the select: answered in the thread.
    await post("action", {
      surface: "message",
      channel: "C0PLAYGRND",
      ts: rec.ts,
      blockId: edit.block_id,
      actionId: "ask_feature",
      value: "caching",
    });
    await until("the select's answer", (s) =>
      s.messages.find((m) => m.thread_ts === rec.ts && blockText(m).includes("Caching")),
    );
  });

  it("answers a mention in a thread under it, once", async () => {
    await post("compose", { text: "@flask-or-django what about async?" });
    const mention = await until("the mention", (s) =>
      s.messages.find((m) => m.text.startsWith("<@U0FLASKDJ1>")),
    );
    await until("the answer", (s) =>
      s.messages.find((m) => m.thread_ts === mention.ts && m.user !== "U0PLAYER01"),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect((await snapshot()).messages.filter((m) => m.thread_ts === mention.ts)).toHaveLength(1);
  });

  it("publishes App Home, whose button opens the form asking where to post", async () => {
    await post("home");
    const home = await until("App Home", (s) => s.home);
    const actions = home.blocks.find((b) => (b as { type: string }).type === "actions") as {
      block_id: string;
    };
    await post("action", { surface: "home", blockId: actions.block_id, actionId: "open_questionnaire" });
    const modal = await until("the modal", (s) => s.modal);
    expect(JSON.stringify(modal.view.blocks)).toContain("conversations_select");
    await post("close", { viewId: modal.view.id });
    expect((await snapshot()).modal).toBeNull();
  });

  it("refuses requests that are not JSON (another site's form cannot drive it)", async () => {
    const res = await fetch(`${base}/playground/compose`, { method: "POST", body: "text=/flask-or-django" });
    expect(res.status).toBe(400);
  });
});
