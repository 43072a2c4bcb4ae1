/**
 * The playground without a browser: its JSON API drives the real app (signed requests to Bolt's
 * HTTP receiver), and the stand-in for Slack ends up holding what Slack would.
 */
import { webApi } from "@slack/bolt";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningPlayground, startPlayground } from "../../src/playground/index.js";
import { WORKSPACE } from "../../src/playground/workspace.js";
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
  messages: Array<Msg & { files: string[] }>;
  canvases: Array<{ id: string; title: string; markdown: string; channelCanvas: boolean }>;
  files: Record<string, { name: string; title: string; content: string }>;
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

describe("the team's decisions in the playground", () => {
  type Block = { type: string; block_id: string; accessory?: { action_id?: string; value?: string } };
  const homeBlocks = (s: Snapshot) => (s.home?.blocks ?? []) as Block[];

  it("App Home lists a decision; Export as ADR makes the channel's canvas, then a shared one; who may decide changes", async () => {
    await post("compose", { text: "/flask-or-django" });
    const modal = await until("the modal", (s) => s.modal);
    await post("submit", { viewId: modal.view.id, values: { ...prefilled(modal.view), q_needs: ["admin"] } });
    const rec = await until("a recommendation", (s) =>
      [...s.messages].reverse().find((m) => !s.modal && m.blocks?.[0]?.type === "header"),
    );
    // The decision the recommendation starts (another part of the app proposes it when posting).
    await pg.database.decisions.propose({
      teamId: WORKSPACE.team.id,
      channelId: WORKSPACE.channel.id,
      messageTs: rec.ts,
      askedBy: WORKSPACE.user.id,
      recommended: "django",
    });

    await post("home");
    const ref = `${WORKSPACE.channel.id}/${rec.ts}`;
    const row = await until("the row on App Home", (s) =>
      homeBlocks(s).find((b) => b.accessory?.value === ref),
    );
    expect(JSON.stringify(row)).toContain("*Proposed*: Django recommended");
    await post("action", { surface: "home", blockId: row.block_id, actionId: "export_adr" });
    const canvas = await until("the channel's canvas", (s) => s.canvases.find((c) => c.channelCanvas));
    expect(canvas.title).toMatch(/^Use Django for /);
    expect(canvas.markdown).toMatch(/^\* \*\*Status:\*\* proposed\n/);
    expect(canvas.markdown).toContain("## Decision Outcome");
    await until("the notice on App Home", (s) =>
      JSON.stringify(homeBlocks(s)).includes(`/docs/${WORKSPACE.team.id}/${canvas.id}|open it`),
    );

    // Again, from the message: the channel has its canvas now, so a standalone one, linked in the thread.
    const actions = (rec.blocks ?? []).find((b) => b.type === "actions") as { block_id: string };
    await post("action", {
      surface: "message",
      channel: WORKSPACE.channel.id,
      ts: rec.ts,
      blockId: actions.block_id,
      actionId: "export_adr",
    });
    const shared = await until("the shared canvas", (s) => s.canvases.find((c) => !c.channelCanvas));
    expect(shared.markdown).toBe(canvas.markdown);
    await until("its link in the thread", (s) =>
      s.messages.find(
        (m) => m.thread_ts === rec.ts && m.text.includes(`/docs/${WORKSPACE.team.id}/${shared.id}|`),
      ),
    );
    await until("the person told", (s) =>
      s.messages.find((m) => m.ephemeral && m.text.includes("already has a canvas")),
    );

    // The person at the keyboard stands for whoever installed the app: they may change who decides.
    const setting = await until("the setting", (s) =>
      homeBlocks(s).find((b) => b.accessory?.action_id === "home_who_may_decide"),
    );
    await post("action", {
      surface: "home",
      blockId: setting.block_id,
      actionId: "home_who_may_decide",
      value: "anyone",
    });
    await until("the saved notice", (s) => JSON.stringify(homeBlocks(s)).includes("Saved: anyone"));
    expect((await pg.database.teamSettings.get(WORKSPACE.team.id)).whoMayDecide).toBe("anyone");
  });

  it("takes a file upload the way Slack does (three calls) and shows the file in the thread", async () => {
    const client = new webApi.WebClient(WORKSPACE.botToken, { slackApiUrl: `${base}/api/` });
    const parent = await client.chat.postMessage({ channel: WORKSPACE.channel.id, text: "a parent" });
    const content = "---\nstatus: proposed\n---\n\n# Use Django ✓\n";
    const done = await client.filesUploadV2({
      channel_id: WORKSPACE.channel.id,
      thread_ts: parent.ts as string,
      filename: "use-django.md",
      title: "Use Django",
      content,
      initial_comment: "The record",
    });
    expect(done.ok).toBe(true);
    const shared = await until("the file's message", (s) =>
      s.messages.find((m) => m.thread_ts === parent.ts && m.files.length === 1),
    );
    expect(shared.text).toBe("The record");
    expect((await snapshot()).files[shared.files[0] as string]).toEqual({
      name: "use-django.md",
      title: "Use Django",
      content,
    });
  });
});
