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
