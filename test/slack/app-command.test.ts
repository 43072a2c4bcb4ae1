/**
 * /flask-or-django with no text: ack at once, then open the questions modal with the command's
 * trigger_id; when Slack refuses the modal, the person is told instead of being left waiting.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";

interface QuestionData {
  id: string;
  kind: "single" | "multi" | "text";
  default?: string | string[];
  options?: Array<{ value: string }>;
  maxLength?: number;
}
interface InputBlock {
  type: string;
  block_id?: string;
  optional?: boolean;
  element?: {
    type: string;
    action_id?: string;
    options?: Array<{ value: string }>;
    initial_option?: { value: string };
    initial_options?: Array<{ value: string }>;
    initial_value?: string;
    max_length?: number;
  };
}
interface View {
  type: string;
  callback_id: string;
  private_metadata: string;
  submit?: unknown;
  blocks: InputBlock[];
}

const QUESTIONS = JSON.parse(
  readFileSync(new URL("../../data/questions.json", import.meta.url), "utf8"),
) as QuestionData[];

function slashCommand(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...loadFixture<Record<string, string>>("inbound/slash_command.json"), text: "", ...overrides };
}

isolateNetwork();

describe("/flask-or-django with no text", () => {
  it("acks with an empty body and opens the questionnaire once, with the command's trigger_id", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const command = slashCommand();
    const acked = await send(app, command);

    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe(command.trigger_id);
    const view = opens[0]?.view as View;
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("questionnaire");
    expect(view.submit).toBeDefined();
  });

  it("has an input block q_<id> for every question in data/questions.json, defaults preselected", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    await send(app, slashCommand());
    const view = opens[0]?.view as View;
    const inputs = new Map(view.blocks.filter((b) => b.type === "input").map((b) => [b.block_id, b]));

    expect(QUESTIONS.length).toBeGreaterThan(0);
    for (const q of QUESTIONS) {
      const block = inputs.get(`q_${q.id}`);
      expect(block, `input block for question ${q.id}`).toBeDefined();
      expect(block?.element?.action_id).toBe("value");
      if (q.kind === "single") {
        expect(block?.optional ?? false, `${q.id} is required`).toBe(false);
        expect(block?.element?.options?.map((o) => o.value)).toEqual(q.options?.map((o) => o.value));
        // Nothing preselected: an untouched form must not stand for answers nobody gave.
        expect(block?.element?.initial_option, `${q.id} starts empty`).toBeUndefined();
      } else if (q.kind === "multi") {
        expect(block?.optional).toBe(true);
        expect(block?.element?.initial_options, "needs start empty").toBeUndefined();
      } else {
        expect(block?.optional, "the notes input is optional").toBe(true);
        expect(block?.element?.type).toBe("plain_text_input");
        expect(block?.element?.max_length).toBe(q.maxLength);
        expect(block?.element?.initial_value).toBeUndefined();
      }
    }
    // Nothing but the questions (the command knows its channel: no destination picker).
    expect(inputs.has("q_destination")).toBe(false);
    expect([...inputs.keys()].sort()).toEqual(QUESTIONS.map((q) => `q_${q.id}`).sort());
  });

  it("carries the channel, the user and the response_url in private_metadata", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const command = slashCommand();
    await send(app, command);
    const view = opens[0]?.view as View;
    expect(JSON.parse(view.private_metadata)).toEqual({
      c: command.channel_id,
      u: command.user_id,
      r: command.response_url,
    });
    expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
  });

  it("tells the person through the response_url when views.open answers expired_trigger_id", async () => {
    const { app, logs } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const command = slashCommand();
    const hook = mockResponseUrl(command.response_url as string);

    const acked = await send(app, command);

    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(hook[0]?.replace_original).toBe(false);
    expect(String(hook[0]?.text)).toMatch(/again/i);
    expect(String(hook[0]?.text)).toContain("/flask-or-django");
    expect(logs.some((l) => l.code === "expired_trigger_id")).toBe(true);
    // Handled in the listener: the global error handler did not have to step in.
    expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
  });

  it.each(["exchanged_trigger_id", "invalid_trigger_id"])(
    "tells the person when views.open answers %s",
    async (name) => {
      const { app } = await buildTestApp();
      mockApi("views.open", apiFixture(`error_views.open_${name}`));
      const command = slashCommand();
      const hook = mockResponseUrl(command.response_url as string);
      await send(app, command);
      expect(hook).toHaveLength(1);
      expect(hook[0]?.response_type).toBe("ephemeral");
      expect(String(hook[0]?.text)).toContain("/flask-or-django");
    },
  );

  it("falls back to chat.postEphemeral when the response_url is refused too", async () => {
    const { app } = await buildTestApp();
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384480.000100" });
    const command = slashCommand();
    const hook = mockResponseUrl(command.response_url as string, 404);

    await expect(send(app, command)).resolves.toBeUndefined();

    expect(hook).toHaveLength(1);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.channel).toBe(command.channel_id);
    expect(ephemerals[0]?.user).toBe(command.user_id);
    expect(String(ephemerals[0]?.text)).toMatch(/again/i);
  });
});

describe("/flask-or-django with text", () => {
  it("help answers ephemerally in the ack and opens no modal", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const acked = (await send(app, slashCommand({ text: "help" }))) as Json;
    expect(acked.response_type).toBe("ephemeral");
    expect(typeof acked.text).toBe("string");
    expect(Array.isArray(acked.blocks)).toBe(true);
    expect(opens).toHaveLength(0);
  });

  it("a feature name answers ephemerally with both frameworks' docs", async () => {
    const { app } = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const acked = (await send(app, slashCommand({ text: "admin" }))) as Json;
    expect(acked.response_type).toBe("ephemeral");
    const json = JSON.stringify(acked.blocks);
    expect(json).toContain("flask-admin.readthedocs.io"); // Flask has no admin: the Flask side links Flask-Admin's docs
    expect(json).toContain("docs.djangoproject.com");
    expect(opens).toHaveLength(0);
  });
});
