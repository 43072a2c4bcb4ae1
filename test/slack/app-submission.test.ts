/**
 * The questionnaire comes back: one recommendation message in the command's channel (text, blocks,
 * metadata matching the engine), an empty ack, escaped notes; or inline errors keyed by input block_id.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge, recommend } from "../../src/engine/index.js";
import { viewViolations } from "../helpers/block-kit-limits.js";
import { defaultAnswer } from "../helpers/default-answers.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { apiFixture, buildTestApp, mockApi, send, type TestApp } from "../helpers/slack-app.js";
import { buttonClick } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

interface Element {
  type: string;
  action_id?: string;
  value?: string;
  accessibility_label?: string;
  text?: { text: string };
  initial_option?: { value: string };
  initial_options?: Array<{ value: string }>;
}
interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  fields?: Array<{ type: string; text: string }>;
  elements?: Element[];
  element?: Element;
}
interface View {
  callback_id: string;
  private_metadata: string;
  blocks: Block[];
}

const k = getKnowledge();
const COMMAND: Record<string, string> = {
  ...loadFixture<Record<string, string>>("inbound/slash_command.json"),
  text: "",
};
const NOTES_MAX = k.notesQuestion.maxLength;

isolateNetwork();

/** Runs the slash command and returns the modal the app opened. */
async function openModal(app: TestApp["app"]): Promise<View> {
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(app, COMMAND);
  expect(opens).toHaveLength(1);
  return opens[0]?.view as View;
}

interface Answers {
  answers?: Record<string, string | null>;
  needs?: string[];
  notes?: string | null;
}

/** state.values as Slack sends them for the modal: defaults unless overridden; null = unanswered. */
function stateValues(view: View, input: Answers): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id?.startsWith("q_") || !b.element) continue;
    const id = b.block_id.slice(2);
    const el = b.element;
    if (el.type === "multi_static_select") {
      const needs = input.needs ?? (el.initial_options ?? []).map((o) => o.value);
      values[b.block_id] = {
        value: {
          type: el.type,
          selected_options: needs.map((v) => ({ text: { type: "plain_text", text: v }, value: v })),
        },
      };
    } else if (el.type === "plain_text_input") {
      values[b.block_id] = {
        value: { type: el.type, value: input.notes === undefined ? null : input.notes },
      };
    } else {
      const chosen =
        input.answers && id in input.answers
          ? input.answers[id]
          : (el.initial_option?.value ?? defaultAnswer(id));
      values[b.block_id] = {
        value: {
          type: el.type,
          selected_option:
            chosen == null ? null : { text: { type: "plain_text", text: chosen }, value: chosen },
        },
      };
    }
  }
  return values;
}

/** A view_submission payload (fixture envelope) for the app's own modal. */
function submission(view: View, input: Answers, privateMetadata = view.private_metadata): Json {
  const base = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
  return {
    ...base,
    view: {
      ...base.view,
      callback_id: view.callback_id,
      private_metadata: privateMetadata,
      blocks: view.blocks,
      state: { values: stateValues(view, input) },
    },
  };
}

/** Every text the message shows: the top-level text and every text object in the blocks. */
function shownTexts(post: Json): string[] {
  const out: string[] = [String(post.text ?? "")];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") out.push(o.text);
      else for (const x of Object.values(o)) walk(x);
    }
  };
  walk(post.blocks);
  return out;
}

const PROFILE = {
  answers: {
    project_type: "internal_tool",
    size: "large",
    timeline: "months",
    experience: "python",
    flexibility: "conventions",
    database: "postgresql",
    priority: "maintainability",
  },
  needs: ["admin", "auth", "permissions"],
  notes: "Staff will edit customer records.",
};

describe("a valid submission", () => {
  it("acks empty and posts one recommendation to the command's channel", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const acked = await send(app, submission(view, PROFILE));

    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    const post = posts[0] as Json;
    expect(post.channel).toBe(COMMAND.channel_id);

    const rec = recommend(PROFILE, k);
    // The top-level text is a complete sentence naming the verdict.
    const text = String(post.text);
    expect(text).toMatch(/^[A-Z].*[.!]$/s);
    const verdictName = { flask: "Flask", django: "Django", either: "Either" }[rec.verdict];
    expect(text).toContain(verdictName);
    expect(text).toContain(`Django ${rec.scores.django}, Flask ${rec.scores.flask}`);
    expect(text).toContain(`<@${COMMAND.user_id}>`);
  });

  it("keeps the channel message short: verdict, shares and how sure, three reasons, what would change it, buttons", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await send(app, submission(view, PROFILE));
    const blocks = posts[0]?.blocks as Block[];
    const rec = recommend(PROFILE, k);

    expect(blocks[0]?.type).toBe("header");
    expect(blocks[0]?.text?.type).toBe("plain_text");
    const all = shownTexts(posts[0] as Json).join("\n");
    // Shares of the evidence, never "out of 100"; confidence in words with an honest figure.
    expect(all).toContain(`Django ${rec.scores.django}`);
    expect(all).toContain(`Flask ${rec.scores.flask}`);
    expect(all).toContain("shares of the evidence");
    expect(all).not.toContain("out of 100");
    expect(all).not.toMatch(/\b100%/);
    expect(all).toMatch(/re-weightings/);

    expect(rec.factors.length).toBeGreaterThan(0);
    const why = blocks.find((b) => b.type === "section" && b.text?.text.startsWith("• "));
    expect(why?.text?.text.split("\n").length).toBe(Math.min(3, rec.factors.length));
    expect(all).toContain("*What would change it:*");
    // Pros and cons live behind Details, not in the channel.
    expect(all).not.toContain("for this project*");

    // The recommendation's own buttons, then the team's (its own view, votes, deciding).
    const actions = blocks.filter((b) => b.type === "actions");
    expect(actions).toHaveLength(2);
    expect((actions[1]?.elements ?? []).map((e) => e.action_id)).toEqual([
      "add_view",
      "vote_agree",
      "vote_pick_other",
      "mark_decided",
    ]);
    expect(all).toContain("*Proposed:* not decided yet");
    const elements = actions[0]?.elements ?? [];
    expect(elements.map((e) => e.action_id)).toEqual(
      expect.arrayContaining([
        "show_details",
        "edit_answers",
        "ask_feature",
        "feedback_helpful",
        "feedback_not_helpful",
      ]),
    );
    for (const button of elements.filter((e) => e.type === "button")) {
      expect(button.accessibility_label, `${button.action_id} has an accessibility_label`).toBeTruthy();
      expect(button.accessibility_label?.length).toBeLessThanOrEqual(75);
    }
    const select = elements.find((e) => e.action_id === "ask_feature");
    expect(select?.type).toBe("static_select");
  });

  it("Details opens a view with the pros and cons for this project, caveats, the answers and sources", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await send(app, submission(view, PROFILE));
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(app, buttonClick(posts[0] as Json, "show_details"));
    const details = opens[0]?.view as { type: string; blocks: Block[] };
    expect(details.type).toBe("modal");
    const text = JSON.stringify(details.blocks);
    expect(text).toContain("*Django for this project*");
    expect(text).toContain("*Flask for this project*");
    expect(text).toContain("*Your answers*");
    expect(text).toContain("Sources:");
    expect(viewViolations(details as unknown as Json)).toEqual([]);
  });

  it("carries metadata that matches recommend() for the same answers", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await send(app, submission(view, PROFILE));
    const rec = recommend(PROFILE, k);
    const metadata = posts[0]?.metadata as { event_type: string; event_payload: Json };

    expect(metadata.event_type).toBe("flask_or_django_recommendation");
    expect(metadata.event_payload).toMatchObject({
      verdict: rec.verdict,
      scores: rec.scores,
      answers: rec.profile.answers,
      needs: rec.profile.needs,
    });
    expect(metadata.event_payload.answers).toEqual(PROFILE.answers);
    expect([...(metadata.event_payload.needs as string[])].sort()).toEqual([...PROFILE.needs].sort());
  });

  it("a form sent untouched is refused: every required question asks for a choice, nothing is posted", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const untouched = submission(view, {});
    for (const block of Object.values(
      ((untouched.view as Json).state as { values: Record<string, { value: Json }> }).values,
    )) {
      if ("selected_option" in block.value) block.value.selected_option = null;
    }
    const acked = (await send(app, untouched)) as {
      response_action?: string;
      errors?: Record<string, string>;
    };
    expect(acked?.response_action).toBe("errors");
    for (const q of k.singleQuestions) expect(acked.errors?.[`q_${q.id}`], q.id).toBe("Please choose one.");
    expect(posts).toHaveLength(0);
  });

  it("submitting each question's usual choice works", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const acked = await send(app, submission(view, {}));
    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    const payload = (posts[0]?.metadata as { event_payload?: Json } | undefined)?.event_payload ?? {};
    expect(payload.verdict).toBe(recommend({ answers: {}, needs: [], notes: "" }, k).verdict);
  });

  it("never shows the notes' mentions or links unescaped (message and Details)", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const notes = "<!channel> <@U123> <https://evil.example|click> <!here> <#C999> & more";
    await send(app, submission(view, { ...PROFILE, notes }));
    expect(posts).toHaveLength(1);
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(app, buttonClick(posts[0] as Json, "show_details"));
    const texts = [
      ...shownTexts(posts[0] as Json),
      ...shownTexts({ blocks: (opens[0]?.view as Json | undefined)?.blocks }),
    ];
    const all = texts.join("\n");
    for (const bad of ["<!channel>", "<@U123>", "<https://evil", "<!here>", "<#C999>", "https://evil"]) {
      expect(all, `no ${bad} in the shown text`).not.toContain(bad);
    }
    // The notes are still shown (in Details), escaped.
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("&lt;@U123&gt;");
    // And nothing can ping a channel: no special mention anywhere in the shown text.
    expect(texts.some((t) => /<!(channel|here|everyone)/.test(t))).toBe(false);
  });
});

describe("a modal opened from the global shortcut (no channel to assume)", () => {
  async function openFromShortcut(app: TestApp["app"]): Promise<View> {
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    const base = loadFixture<Json>("inbound/view_submission.json");
    const acked = await send(app, {
      type: "shortcut",
      token: base.token,
      action_ts: "1732384490.120000",
      team: base.team,
      user: base.user,
      is_enterprise_install: false,
      enterprise: null,
      callback_id: "compare_frameworks",
      trigger_id: "8034599912345.7830312345678.aa11bb22cc33dd44ee55ff6677889900",
    });
    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe("8034599912345.7830312345678.aa11bb22cc33dd44ee55ff6677889900");
    return opens[0]?.view as View;
  }

  function withDestination(sub: Json, conversation: string | null): Json {
    const view = sub.view as { state: { values: Record<string, Json> } };
    view.state.values.q_destination = {
      value: { type: "conversations_select", selected_conversation: conversation },
    };
    return sub;
  }

  it("asks where to post, then posts there", async () => {
    const { app } = await buildTestApp();
    const view = await openFromShortcut(app);
    expect(view.blocks.some((b) => b.type === "input" && b.block_id === "q_destination")).toBe(true);
    expect(JSON.parse(view.private_metadata)).toEqual({ u: "U05HV6XQ1AB" });
    const posts = mockApi("chat.postMessage", {
      ...(apiFixture("chat.postMessage_ok") as Json),
      channel: "C0DEST1234",
    });
    const acked = await send(app, withDestination(submission(view, PROFILE), "C0DEST1234"));
    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe("C0DEST1234");
  });

  it("no destination chosen → error on q_destination", async () => {
    const { app } = await buildTestApp();
    const view = await openFromShortcut(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const acked = (await send(app, withDestination(submission(view, PROFILE), null))) as Json;
    expect(acked.response_action).toBe("errors");
    expect(Object.keys(acked.errors as Json)).toEqual(["q_destination"]);
    expect(posts).toHaveLength(0);
  });
});

describe("inline errors", () => {
  /** Submits, expects an errors ack (no post), and checks every key is an input block of the view. */
  async function expectErrors(input: Answers, privateMetadata?: string): Promise<Record<string, string>> {
    const { app, logs } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const acked = (await send(app, submission(view, input, privateMetadata))) as {
      response_action?: string;
      errors?: Record<string, string>;
    };
    expect(acked?.response_action).toBe("errors");
    const errors = acked.errors ?? {};
    const inputIds = new Set(view.blocks.filter((b) => b.type === "input").map((b) => b.block_id));
    expect(Object.keys(errors).length).toBeGreaterThan(0);
    for (const [key, message] of Object.entries(errors)) {
      expect(inputIds.has(key), `errors key ${key} is an input block_id`).toBe(true);
      expect(typeof message).toBe("string");
      expect(message.length).toBeGreaterThan(0);
    }
    expect(posts).toHaveLength(0);
    expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
    return errors;
  }

  it("notes longer than the maximum → error on q_notes", async () => {
    const errors = await expectErrors({ ...PROFILE, notes: "x".repeat(NOTES_MAX + 1) });
    expect(Object.keys(errors)).toEqual(["q_notes"]);
    expect(errors.q_notes).toContain(String(NOTES_MAX));
  });

  it("notes of exactly the maximum length are accepted", async () => {
    const { app } = await buildTestApp();
    const view = await openModal(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const acked = await send(app, submission(view, { ...PROFILE, notes: "y".repeat(NOTES_MAX) }));
    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
  });

  it.each(k.singleQuestions.map((q) => q.id))("a missing answer to %s → error on its block", async (id) => {
    const errors = await expectErrors({ ...PROFILE, answers: { ...PROFILE.answers, [id]: null } });
    expect(Object.keys(errors)).toEqual([`q_${id}`]);
  });

  it("size large + timeline days → error on q_timeline", async () => {
    const errors = await expectErrors({
      ...PROFILE,
      answers: { ...PROFILE.answers, size: "large", timeline: "days" },
    });
    expect(Object.keys(errors)).toEqual(["q_timeline"]);
  });

  it("an unknown option value → error on that block", async () => {
    const errors = await expectErrors({ ...PROFILE, answers: { ...PROFILE.answers, database: "cassandra" } });
    expect(Object.keys(errors)).toEqual(["q_database"]);
  });

  it("an unknown need → error on q_needs", async () => {
    const errors = await expectErrors({ ...PROFILE, needs: ["admin", "teleportation"] });
    expect(Object.keys(errors)).toEqual(["q_needs"]);
  });

  it.each([
    ["not JSON", "}{garbage"],
    ["empty", ""],
    ["JSON of the wrong shape", JSON.stringify({ channel_id: "C07QF9S3K2L" })],
    ["far too long", "x".repeat(5000)],
  ])("private_metadata that is %s → an errors response, not a crash", async (_name, meta) => {
    const errors = await expectErrors(PROFILE, meta);
    expect(Object.keys(errors)).toHaveLength(1);
  });
});
