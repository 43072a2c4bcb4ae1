/**
 * The question is echoed back, so whatever a person typed must come back inert (issue 4): no
 * <!channel> ping, no <@user> mention, no crafted <https://…|label> link, on every surface.
 */
import { describe, expect, it } from "vitest";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  type ApiCall,
  apiFixture,
  BOT_USER_ID,
  buildTestApp,
  mockApi,
  send,
  shown,
  type TestApp,
} from "../helpers/slack-app.js";
import { type QuestionsModal, questionnaireValues } from "../helpers/slack-flows.js";
import {
  FIXTURE_CHANNEL as CHANNEL,
  fixtureEvent,
  FIXTURE_PARENT_TS as PARENT_TS,
  topLevelEvent,
} from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

const HOSTILE = "<!channel> <@U0BADBAD1> <https://evil.example|click> admin?";
const HOSTILE_UNKNOWN =
  "<!channel> <!here> <!subteam^S0BADBAD1|@devs> <@U0BADBAD1> <https://evil.example|click> what?";

isolateNetwork();

function expectInert(message: { text?: unknown; blocks?: unknown } | undefined): void {
  const out = shown(message);
  expect(out).not.toContain("<!channel>");
  expect(out).not.toContain("<!here>");
  expect(out).not.toContain("<!subteam");
  expect(out).not.toContain("<@U0BADBAD1");
  expect(out).not.toContain("<https://evil");
  expect(out).not.toContain("https://evil");
}

interface Setup {
  t: TestApp;
  posts: ApiCall[];
}

async function setup(): Promise<Setup> {
  const t = await buildTestApp();
  t.deps.threads.remember(CHANNEL, PARENT_TS, {
    verdict: "django",
    scores: { flask: 20, django: 80 },
    answers: {},
    needs: ["admin"],
    notes: "",
  });
  const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
  mockApi("conversations.replies", apiFixture("conversations.replies_include_all_metadata"));
  return { t, posts };
}

function threadReply(text: string): Json {
  return fixtureEvent("event_message_thread_reply", { text });
}

describe("hostile markup in a question", () => {
  it("is inert in a thread answer, which still answers about the admin", async () => {
    const s = await setup();
    await send(s.t.app, threadReply(HOSTILE));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(shown(s.posts[0])).toContain("Admin panel");
    expectInert(s.posts[0]);
    // The question is still shown, escaped.
    expect(shown(s.posts[0])).toContain("&lt;!channel&gt;");
  });

  it("is inert in an unknown-question answer in a thread", async () => {
    const s = await setup();
    await send(s.t.app, threadReply(HOSTILE_UNKNOWN));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("I don't know that one");
    expectInert(s.posts[0]);
  });

  it("is inert in the answer to a mention", async () => {
    const s = await setup();
    await send(
      s.t.app,
      topLevelEvent("event_app_mention_in_thread", { text: `<@${BOT_USER_ID}> ${HOSTILE}` }),
    );
    await send(
      s.t.app,
      topLevelEvent(
        "event_app_mention_in_thread",
        { ts: "1732384650.771840", text: `<@${BOT_USER_ID}> ${HOSTILE_UNKNOWN}` },
        { event_id: "Ev0ASKESC2" },
      ),
    );
    expect(s.posts).toHaveLength(2);
    for (const p of s.posts) expectInert(p);
  });

  it("is inert in the answer to a direct message", async () => {
    const s = await setup();
    await send(
      s.t.app,
      topLevelEvent("event_message_thread_reply", {
        channel: "D07R3N8K2LP",
        channel_type: "im",
        text: HOSTILE,
      }),
    );
    expect(s.posts).toHaveLength(1);
    expectInert(s.posts[0]);
  });

  it("is inert in the slash command's answers", async () => {
    const s = await setup();
    const command = loadFixture<Record<string, string>>("inbound/slash_command.json");
    for (const text of [HOSTILE, HOSTILE_UNKNOWN]) {
      const acked = (await send(s.t.app, { ...command, text })) as Json;
      expect(acked.response_type).toBe("ephemeral");
      expectInert(acked);
    }
    expect(s.posts).toHaveLength(0);
  });

  it("echoes text Slack already escaped (& < >) once, not twice", async () => {
    // A person types `admin & auth <fast>?`; Slack delivers `&`, `<` and `>` as entities.
    const s = await setup();
    await send(s.t.app, threadReply("admin &amp; auth &lt;fast&gt;?"));
    expect(s.posts).toHaveLength(1);
    const out = shown(s.posts[0]);
    expect(out).toContain("admin &amp; auth &lt;fast&gt;?");
    expect(out).not.toContain("&amp;amp;");
    expect(out).not.toContain("&amp;lt;");
  });

  it("stays inert when the hostile part is long enough to be cut", async () => {
    const s = await setup();
    const long = `${"<!channel> ".repeat(30)}<https://evil.example|click> admin?`;
    await send(s.t.app, threadReply(long));
    expect(s.posts).toHaveLength(1);
    expectInert(s.posts[0]);
  });
});

/** Bidi overrides and isolates, zero-width spaces and joiners, the BOM: characters that hide what text says. */
const INVISIBLE = /[\u061c\u180e\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|\u200b(?!\/\/)/;
/** Bare words Slack would turn live in mrkdwn that is not verbatim. */
const SNEAKY = "@here \u202eesrever\u202c ze\u200bro\u2066wid\u2069th #general admin?";
const SNEAKY_UNKNOWN = "@here \u202ekcilc\u202c \ufeffzorblax\u200d?";

/** Every mrkdwn text object in some blocks that echoes what the person typed. */
function echoing(blocks: unknown, marker: string): Array<{ text: string; verbatim?: boolean }> {
  const out: Array<{ text: string; verbatim?: boolean }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as { type?: unknown; text?: unknown; verbatim?: boolean };
      if (o.type === "mrkdwn" && typeof o.text === "string" && o.text.includes(marker))
        out.push({ text: o.text, ...(o.verbatim !== undefined ? { verbatim: o.verbatim } : {}) });
      else for (const x of Object.values(o)) walk(x);
    }
  };
  walk(blocks);
  return out;
}

function expectVerbatimAndVisible(blocks: unknown, marker: string): void {
  const echoes = echoing(blocks, marker);
  expect(echoes.length).toBeGreaterThan(0);
  for (const e of echoes) {
    expect(e.verbatim, e.text).toBe(true);
    expect(e.text).not.toMatch(INVISIBLE);
  }
}

describe("bare @here, bidi overrides and zero-width characters in echoed text", () => {
  it("the thread answer's echo of the question is verbatim, with the invisible characters removed", async () => {
    const s = await setup();
    await send(s.t.app, threadReply(SNEAKY));
    expect(s.posts).toHaveLength(1);
    expectVerbatimAndVisible(s.posts[0]?.blocks, "esrever");
    expect(shown(s.posts[0])).toContain("@here esrever zerowidth #general admin?");
  });

  it("the command's 'I don't know that one' is verbatim, with the invisible characters removed", async () => {
    const s = await setup();
    const command = loadFixture<Record<string, string>>("inbound/slash_command.json");
    const acked = (await send(s.t.app, { ...command, text: SNEAKY_UNKNOWN })) as Json;
    expectVerbatimAndVisible(acked.blocks, "I don't know that one");
    expect(shown(acked)).toContain("@here kcilc zorblax?");
  });

  it("the recommendation's notes (in its Details) are verbatim, with the invisible characters removed", async () => {
    const s = await setup();
    const view = await openModalFor(s.t);
    const values = questionnaireValues(view, ["admin"]);
    (values.q_notes as Json).value = {
      type: "plain_text_input",
      value: `Ping @here \u202eevil\u202c team\u200b`,
    };
    const submission = loadFixture<Json & { view: Json }>("inbound/view_submission.json");
    await send(s.t.app, {
      ...submission,
      view: {
        ...submission.view,
        callback_id: "questionnaire",
        private_metadata: view.private_metadata,
        state: { values },
      },
    });
    expect(s.posts).toHaveLength(1);
    const blocks = (s.posts[0]?.blocks ?? []) as Array<{
      elements?: Array<{ action_id?: string; value?: string }>;
    }>;
    const details = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === "show_details");
    expect(details?.value).toBeTruthy();
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    const button = loadFixture<Json>("inbound/block_actions_button.json");
    await send(s.t.app, {
      ...button,
      actions: [
        {
          type: "button",
          action_id: "show_details",
          block_id: "recommendation_actions",
          value: details?.value,
        },
      ],
    });
    const detailsView = opens[0]?.view as Json;
    expectVerbatimAndVisible(detailsView.blocks, "Notes:");
    expect(JSON.stringify(detailsView.blocks)).toContain("Ping @here evil team");
  });
});

async function openModalFor(t: TestApp): Promise<QuestionsModal> {
  const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
  await send(t.app, { ...loadFixture<Record<string, string>>("inbound/slash_command.json"), text: "" });
  return opens[0]?.view as QuestionsModal;
}

describe("every surface that echoes what was typed", () => {
  it.each([
    ["two features at once", "admin and auth? @here \u202eesrever\u202c\u200b"],
    [
      "a described project (quick take)",
      "a small internal tool with an admin and login, @here \u202eesrever\u202c\u200b",
    ],
    ["a guess (did you mean)", "adminn panelz \u202eesrever\u202c\u200b @here"],
  ])("%s: the echo is verbatim, without invisible characters", async (_name, text) => {
    const s = await setup();
    const command = loadFixture<Record<string, string>>("inbound/slash_command.json");
    const acked = (await send(s.t.app, { ...command, text })) as Json;
    await send(s.t.app, threadReply(text));
    const surfaces = [acked.blocks, ...s.posts.map((p) => p.blocks)];
    const echoes = surfaces.flatMap((b) => echoing(b, "esrever"));
    expect(echoes.length).toBeGreaterThan(0);
    for (const e of echoes) {
      expect(e.verbatim, e.text).toBe(true);
      expect(e.text).not.toMatch(INVISIBLE);
    }
  });
});
