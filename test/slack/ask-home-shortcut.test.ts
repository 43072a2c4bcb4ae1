/**
 * App Home and the global shortcut (issue 4): the Home tab offers "Start a comparison" and the
 * topics; the shortcut opens the questions with a destination picker, and submitting posts the
 * recommendation where the person chose, whose thread then takes questions.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { messageViolations, viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { type ApiCall, apiFixture, buildTestApp, mockApi, send } from "../helpers/slack-app.js";
import { questionnaireValues } from "../helpers/slack-flows.js";
import { compareShortcut } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

const k = getKnowledge();
const USER = "U05HV6XQ1AB";
const DESTINATION = "C0DEST12345";
const TRIGGER_ID = "8034600012345.7830312345678.0123456789abcdef0123456789abcdef";

isolateNetwork();

function homeOpened(tab: string): Json {
  const base = loadFixture<Json>("inbound/event_app_home_opened.json");
  return { ...base, event: { ...(base.event as Json), tab } };
}

function shortcut(): Json {
  return compareShortcut({ id: USER, username: "alice.nguyen" }, TRIGGER_ID, "1732384999.123456");
}

type View = {
  type: string;
  callback_id?: string;
  private_metadata?: string;
  blocks: Array<Json & { block_id?: string; element?: Json & { type: string; initial_option?: unknown } }>;
};

function elementsOf(view: View): Json[] {
  return view.blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : []));
}

/** The modal's state with every question at the value it shows, admin needed, and the destination chosen. */
function stateFor(view: View, destination: string | null): Json {
  return { values: questionnaireValues(view, ["admin"], destination) };
}

describe("App Home", () => {
  it("publishes the home view for the person, with a start button and the topics", async () => {
    const { app } = await buildTestApp();
    const publishes = mockApi("views.publish", { ok: true });
    await send(app, homeOpened("home"));
    expect(publishes).toHaveLength(1);
    expect(publishes[0]?.user_id).toBe(USER);
    const view = publishes[0]?.view as View;
    expect(view.type).toBe("home");
    expect(elementsOf(view).some((e) => e.action_id === "open_questionnaire")).toBe(true);
    const text = JSON.stringify(view.blocks);
    for (const f of k.features) expect(text).toContain(f.title);
    expect(viewViolations(view as unknown as Json)).toEqual([]);
  });

  it("publishes nothing when the Messages tab opens", async () => {
    const { app } = await buildTestApp();
    const publishes = mockApi("views.publish", { ok: true });
    await send(app, homeOpened("messages"));
    expect(publishes).toHaveLength(0);
  });

  it("opens the questions with a destination picker from the Home tab's button", async () => {
    const { app } = await buildTestApp();
    const publishes = mockApi("views.publish", { ok: true });
    await send(app, homeOpened("home"));
    const button = elementsOf(publishes[0]?.view as View).find((e) => e.action_id === "open_questionnaire");
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const base = loadFixture<Json>("inbound/block_actions_button.json");
    const { channel: _c, message: _m, container: _ct, ...rest } = base;
    await send(app, {
      ...rest,
      trigger_id: TRIGGER_ID,
      container: { type: "view", view_id: "V081M7Q2R3S" },
      view: { id: "V081M7Q2R3S", type: "home" },
      actions: [{ ...button, block_id: "home_actions", type: "button", action_ts: "1732385001.000001" }],
    });
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe(TRIGGER_ID);
    const view = opens[0]?.view as View;
    const destination = view.blocks.find((b) => b.block_id === "q_destination");
    expect(destination?.element?.type).toBe("conversations_select");
    expect(viewViolations(view as unknown as Json)).toEqual([]);
  });
});

describe("the global shortcut", () => {
  it("opens the questions with a destination picker, then posts the recommendation where chosen", async () => {
    const t = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const acked = await send(t.app, shortcut());
    expect(acked).toBeUndefined();
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe(TRIGGER_ID);
    const view = opens[0]?.view as View;
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("questionnaire");
    const destination = view.blocks.find((b) => b.block_id === "q_destination");
    expect(destination?.element?.type).toBe("conversations_select");
    expect(viewViolations(view as unknown as Json)).toEqual([]);

    const posts: ApiCall[] = mockApi("chat.postMessage", (c: ApiCall) => ({
      ok: true,
      channel: c.channel,
      ts: c.thread_ts ? "1732385100.000002" : "1732385100.000001",
    }));
    const submission = loadFixture<Json>("inbound/view_submission.json");
    const submitted = await send(t.app, {
      ...submission,
      view: {
        ...(submission.view as Json),
        callback_id: "questionnaire",
        private_metadata: view.private_metadata,
        state: stateFor(view, DESTINATION),
      },
    });
    expect(submitted).toBeUndefined();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.channel).toBe(DESTINATION);
    expect(posts[0]?.thread_ts).toBeUndefined();
    expect((posts[0]?.metadata as Json | undefined)?.event_type).toBe("flask_or_django_recommendation");
    expect(messageViolations(posts[0] as Json)).toEqual([]);

    // Its thread is one of ours now: a question there is answered with the project's context.
    const reply = loadFixture<Json>("inbound/event_message_thread_reply.json");
    await send(t.app, {
      ...reply,
      event: {
        ...(reply.event as Json),
        channel: DESTINATION,
        thread_ts: "1732385100.000001",
        text: "what about the admin?",
      },
    });
    expect(posts).toHaveLength(2);
    expect(posts[1]?.channel).toBe(DESTINATION);
    expect(posts[1]?.thread_ts).toBe("1732385100.000001");
    expect(JSON.stringify(posts[1]?.blocks)).toContain("You said you need an admin panel");
  });

  it("asks for a destination when none was chosen", async () => {
    const t = await buildTestApp();
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    await send(t.app, shortcut());
    const view = opens[0]?.view as View;
    const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
    const submission = loadFixture<Json>("inbound/view_submission.json");
    const acked = (await send(t.app, {
      ...submission,
      view: {
        ...(submission.view as Json),
        callback_id: "questionnaire",
        private_metadata: view.private_metadata,
        state: stateFor(view, null),
      },
    })) as Json;
    expect(acked.response_action).toBe("errors");
    expect(Object.keys(acked.errors as Json)).toContain("q_destination");
    expect(posts).toHaveLength(0);
  });
});
