/**
 * The recommendation message's actions: "Edit answers" (prefilled modal → chat.update of the same
 * message), "Ask about a feature" (an answer in the thread) and the feedback buttons.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { defaultAnswer } from "../helpers/default-answers.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { apiFixture, buildTestApp, mockApi, send, type TestApp } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";

interface Element {
  type: string;
  action_id?: string;
  value?: string;
  text?: { type: string; text: string };
  options?: Array<{ text: { type: string; text: string }; value: string }>;
  initial_option?: { value: string };
  initial_options?: Array<{ value: string }>;
  initial_value?: string;
}
interface Block {
  type: string;
  block_id?: string;
  text?: { type: string; text: string };
  elements?: Array<Element & { text?: unknown }>;
  element?: Element;
}
interface View {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: Block[];
}

const k = getKnowledge();
const COMMAND: Record<string, string> = {
  ...loadFixture<Record<string, string>>("inbound/slash_command.json"),
  text: "",
};
const POSTED = apiFixture("chat.postMessage_ok") as { channel: string; ts: string };
const BOB = "U06JK2P7RCD";
/** The person who asked (the slash command's user): only they edit the recommendation's answers. */
const ASKER: Json = {
  id: COMMAND.user_id,
  username: "alice.nguyen",
  name: "alice.nguyen",
  team_id: "T07QDKX2N5M",
};

const PROFILE = {
  answers: {
    project_type: "content_site",
    size: "medium",
    timeline: "months",
    experience: "flask",
    flexibility: "balanced",
    database: "mysql",
    priority: "security",
  },
  needs: ["admin", "i18n", "caching"],
  notes: "Editors publish in three languages.",
};

isolateNetwork();

function stateFor(view: View, input: typeof PROFILE): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  for (const b of view.blocks) {
    if (b.type !== "input" || !b.block_id?.startsWith("q_") || !b.element) continue;
    const id = b.block_id.slice(2);
    const el = b.element;
    const opt = (v: string) => ({ text: { type: "plain_text", text: v }, value: v });
    if (el.type === "multi_static_select") {
      values[b.block_id] = { value: { type: el.type, selected_options: input.needs.map(opt) } };
    } else if (el.type === "plain_text_input") {
      values[b.block_id] = { value: { type: el.type, value: input.notes } };
    } else {
      const chosen =
        (input.answers as Record<string, string>)[id] ?? el.initial_option?.value ?? defaultAnswer(id);
      values[b.block_id] = { value: { type: el.type, selected_option: chosen ? opt(chosen) : null } };
    }
  }
  return values;
}

/** Each opened modal is its own view, with its own id (the app handles a view's submission once). */
let viewSeq = 0;

function submission(view: View, input: typeof PROFILE, user?: Json): Json {
  const base = loadFixture<Json & { view: Json; user: Json }>("inbound/view_submission.json");
  return {
    ...base,
    ...(user ? { user } : {}),
    view: {
      ...base.view,
      id: `V0ACTIONS${++viewSeq}`,
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      blocks: view.blocks,
      state: { values: stateFor(view, input) },
    },
  };
}

/** Command → modal → submission: returns the message the app posted (as chat.postMessage got it). */
async function postRecommendation(app: TestApp["app"], input = PROFILE): Promise<Json> {
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(app, COMMAND);
  const view = opens[0]?.view as View;
  const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"), 1);
  await send(app, submission(view, input));
  expect(posts).toHaveLength(1);
  return posts[0] as Json;
}

/** The message as Slack echoes it in a block_actions payload. */
function echoedMessage(fixture: Json, post: Json): Json {
  return {
    ...(fixture.message as Json),
    ts: POSTED.ts,
    text: post.text,
    blocks: post.blocks,
  };
}

function findElement(blocks: Block[], actionId: string): { block: Block; element: Element } {
  for (const block of blocks) {
    const element = block.elements?.find((e) => e.action_id === actionId);
    if (element) return { block, element };
  }
  throw new Error(`no ${actionId} in the posted blocks`);
}

/** A block_actions payload (button fixture) clicking one of the posted message's buttons. */
function buttonClick(post: Json, actionId: string, user?: Json): Json {
  const base = loadFixture<Json>("inbound/block_actions_button.json");
  const { block, element } = findElement(post.blocks as Block[], actionId);
  return {
    ...base,
    ...(user ? { user } : {}),
    container: { ...(base.container as Json), message_ts: POSTED.ts, channel_id: POSTED.channel },
    message: echoedMessage(base, post),
    actions: [
      {
        action_id: element.action_id,
        block_id: block.block_id,
        text: element.text,
        value: element.value,
        type: "button",
        action_ts: "1732384520.447211",
      },
    ],
  };
}

describe("Edit answers", () => {
  it("opens the modal prefilled with the message's answers, carrying the message ts", async () => {
    const { app } = await buildTestApp();
    const post = await postRecommendation(app);
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const click = buttonClick(post, "edit_answers", ASKER);
    const acked = await send(app, click);

    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe(click.trigger_id);
    const view = opens[0]?.view as View;
    expect(view.callback_id).toBe("questionnaire");
    expect(view.title.text).toMatch(/edit/i);
    const inputs = new Map(view.blocks.filter((b) => b.type === "input").map((b) => [b.block_id, b]));
    for (const q of k.singleQuestions) {
      expect(inputs.get(`q_${q.id}`)?.element?.initial_option?.value, q.id).toBe(
        (PROFILE.answers as Record<string, string>)[q.id],
      );
    }
    expect((inputs.get("q_needs")?.element?.initial_options ?? []).map((o) => o.value).sort()).toEqual(
      [...PROFILE.needs].sort(),
    );
    expect(inputs.get("q_notes")?.element?.initial_value).toBe(PROFILE.notes);

    const ctx = JSON.parse(view.private_metadata) as Json;
    expect(ctx.ts).toBe(POSTED.ts);
    expect(ctx.c).toBe(POSTED.channel);
    expect(ctx.u).toBe(COMMAND.user_id);
    expect(ctx.a).toBe(COMMAND.user_id);
    expect(ctx.v).toBeUndefined();
  });

  it("clicked by someone else, opens their own view instead: the asker's answers stay theirs", async () => {
    const { app } = await buildTestApp();
    const post = await postRecommendation(app);
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    await send(app, buttonClick(post, "edit_answers"));
    const view = opens[0]?.view as View;
    expect(view.title.text).toBe("Your view");
    expect(JSON.stringify(view.blocks)).toContain(`<@${COMMAND.user_id}>'s recommendation`);
    const ctx = JSON.parse(view.private_metadata) as Json;
    expect(ctx).toMatchObject({ u: BOB, a: COMMAND.user_id, ts: POSTED.ts, v: 1 });
  });

  it("submitting the edit modal updates the same message (chat.update, not postMessage)", async () => {
    const { app } = await buildTestApp();
    const post = await postRecommendation(app);
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    const click = buttonClick(post, "edit_answers", ASKER);
    await send(app, click);
    const editView = opens[0]?.view as View;

    const updates = mockApi("chat.update", { ok: true, channel: POSTED.channel, ts: POSTED.ts, text: "x" });
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const edited = { ...PROFILE, answers: { ...PROFILE.answers, size: "large" }, needs: ["admin", "auth"] };
    const acked = await send(app, submission(editView, edited, click.user as Json));

    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(0);
    expect(updates).toHaveLength(1);
    const update = updates[0] as Json;
    expect(update.channel).toBe(POSTED.channel);
    expect(update.ts).toBe(POSTED.ts);
    const blocks = update.blocks as Block[];
    const context = blocks
      .filter((b) => b.type === "context")
      .flatMap((b) => b.elements ?? [])
      // Context elements are mrkdwn text objects: { type: "mrkdwn", text: string }.
      .map((e) => String((e as { text?: unknown }).text ?? ""));
    expect(context.join("\n")).toContain("answers edited");
    // The original asker is kept, and the decision's status is shown.
    expect(context.join("\n")).toContain(`Asked by <@${COMMAND.user_id}>`);
    expect(context.join("\n")).toContain("*Proposed:*");
    const payload = (update.metadata as { event_payload: Json }).event_payload;
    expect(payload.answers).toEqual(edited.answers);
    expect([...(payload.needs as string[])].sort()).toEqual(["admin", "auth"]);
    // The new message's own edit button carries the edited answers.
    const value = JSON.parse(findElement(blocks, "edit_answers").element.value ?? "{}") as Json;
    expect(value.a).toEqual(edited.answers);
  });

  it("when views.open fails, the person is told (no throw)", async () => {
    const { app, logs } = await buildTestApp();
    const post = await postRecommendation(app);
    mockApi("views.open", apiFixture("error_views.open_expired_trigger_id"));
    const ephemerals = mockApi("chat.postEphemeral", { ok: true, message_ts: "1732384530.000200" });
    await expect(send(app, buttonClick(post, "edit_answers"))).resolves.toBeUndefined();
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.user).toBe(BOB);
    expect(ephemerals[0]?.channel).toBe(POSTED.channel);
    expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
  });
});

describe("Ask about a feature", () => {
  function featureSelect(post: Json | undefined, value: string): Json {
    const base = loadFixture<Json>("inbound/block_actions_static_select.json");
    const { block, element } = post
      ? findElement(post.blocks as Block[], "ask_feature")
      : {
          block: { type: "actions", block_id: "recommendation_actions" },
          element: { type: "static_select" },
        };
    const option = element.options?.find((o) => o.value === value) ?? {
      text: { type: "plain_text", text: value },
      value,
    };
    return {
      ...base,
      ...(post ? { message: echoedMessage(base, post) } : {}),
      actions: [
        {
          type: "static_select",
          action_id: "ask_feature",
          block_id: block.block_id,
          selected_option: option,
          placeholder: { type: "plain_text", text: "Ask about a feature", emoji: true },
          action_ts: "1732384538.112907",
        },
      ],
    };
  }

  it("answers in the message's thread with both docs links and the project's need", async () => {
    const { app } = await buildTestApp();
    const post = await postRecommendation(app);
    const posts = mockApi("chat.postMessage", {
      ...(apiFixture("chat.postMessage_ok") as Json),
      ts: "1732384540.000300",
    });
    const acked = await send(app, featureSelect(post, "admin"));

    expect(acked).toBeUndefined();
    expect(posts).toHaveLength(1);
    const reply = posts[0] as Json;
    expect(reply.channel).toBe(POSTED.channel);
    expect(reply.thread_ts).toBe(POSTED.ts);
    expect(typeof reply.text).toBe("string");
    const json = JSON.stringify(reply.blocks);
    expect(json).toContain("flask-admin.readthedocs.io"); // Flask has no admin: the Flask side links Flask-Admin's docs
    expect(json).toContain("docs.djangoproject.com");
    expect(json).toContain("You said you need");
  });

  it("does not claim a need the answers did not list", async () => {
    const { app } = await buildTestApp();
    const post = await postRecommendation(app, { ...PROFILE, needs: ["i18n"] });
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await send(app, featureSelect(post, "admin"));
    expect(posts).toHaveLength(1);
    const json = JSON.stringify(posts[0]?.blocks);
    expect(json).not.toContain("You said you need");
    expect(json).toContain("flask-admin.readthedocs.io"); // Flask has no admin: the Flask side links Flask-Admin's docs
    expect(json).toContain("docs.djangoproject.com");
  });

  it("still answers when the message carries no answers (no edit button)", async () => {
    const { app } = await buildTestApp();
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await send(app, featureSelect(undefined, "admin"));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(POSTED.ts);
    const json = JSON.stringify(posts[0]?.blocks);
    expect(json).toContain("flask-admin.readthedocs.io"); // Flask has no admin: the Flask side links Flask-Admin's docs
    expect(json).not.toContain("You said you need");
  });

  it("an unknown feature value posts nothing and does not crash", async () => {
    const { app, logs } = await buildTestApp();
    const post = await postRecommendation(app);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    await expect(send(app, featureSelect(post, "teleportation"))).resolves.toBeUndefined();
    expect(posts).toHaveLength(0);
    expect(logs.some((l) => l.msg === "listener failed")).toBe(false);
  });
});

describe("feedback buttons", () => {
  it.each([
    ["feedback_helpful", "helpful"],
    ["feedback_not_helpful", "not_helpful"],
  ])("%s → acked, an ephemeral reply on the response_url and a log line", async (actionId, word) => {
    const { app, logs } = await buildTestApp();
    const post = await postRecommendation(app);
    const click = buttonClick(post, actionId);
    const hook = mockResponseUrl(click.response_url as string);
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));

    const acked = await send(app, click);

    expect(acked).toBeUndefined();
    expect(hook).toHaveLength(1);
    expect(hook[0]?.response_type).toBe("ephemeral");
    expect(hook[0]?.replace_original).toBe(false);
    expect(String(hook[0]?.text).length).toBeGreaterThan(0);
    expect(posts).toHaveLength(0);
    const line = logs.find((l) => l.feedback === word);
    expect(line, `a log line with feedback ${word}`).toBeDefined();
    expect(line?.user).toBe(BOB);
    expect(line?.team).toBe("T07QDKX2N5M");
  });
});
