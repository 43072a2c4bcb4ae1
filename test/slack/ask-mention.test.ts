/**
 * @mentions outside a recommendation's thread, and direct messages (issue 4): answered in a thread
 * under the message, saying how to get a recommendation; a bare mention gets help with a button
 * that opens the questions with a destination picker.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
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
  FIXTURE_PARENT_TS as PARENT_TS,
  topLevelEvent,
} from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

const k = getKnowledge();
const DM_CHANNEL = "D07R3N8K2LP";

isolateNetwork();

interface Setup {
  t: TestApp;
  posts: ApiCall[];
  replies: ApiCall[];
}

async function setup(): Promise<Setup> {
  const t = await buildTestApp();
  const posts = mockApi("chat.postMessage", apiFixture("chat.postMessage_ok"));
  const replies = mockApi("conversations.replies", apiFixture("conversations.replies_include_all_metadata"));
  return { t, posts, replies };
}

let seq = 0;
/** An app_mention at the top level of a channel (event_app_mention_in_thread.json without the thread). */
function channelMention(text: string): Json & { event: Json } {
  seq += 1;
  const ts = `1732384900.${String(300000 + seq)}`;
  return topLevelEvent(
    "event_app_mention_in_thread",
    { text, ts, event_ts: ts },
    { event_id: `Ev0ASKMEN${seq}` },
  );
}

/** A direct message to the app (event_message_thread_reply.json moved into the DM). */
function directMessage(text: string, event: Json = {}): Json & { event: Json } {
  seq += 1;
  const ts = `1732384900.${String(300000 + seq)}`;
  return topLevelEvent(
    "event_message_thread_reply",
    { text, ts, event_ts: ts, channel: DM_CHANNEL, channel_type: "im", ...event },
    { event_id: `Ev0ASKDM${seq}` },
  );
}

function buttonsOf(call: ApiCall | undefined): Json[] {
  const blocks = (call?.blocks as Json[] | undefined) ?? [];
  return blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Json[]) : []));
}

describe("an @mention in a channel", () => {
  it("answers 'what about caching?' in a thread under the mention, saying how to get a recommendation", async () => {
    const s = await setup();
    const mention = channelMention(`<@${BOT_USER_ID}> what about caching?`);
    await send(s.t.app, mention);
    expect(s.posts).toHaveLength(1);
    const answer = s.posts[0];
    expect(answer?.channel).toBe(CHANNEL);
    expect(answer?.thread_ts).toBe(mention.event.ts);
    const caching = k.featureById.get("caching");
    expect(String(answer?.text)).toContain(caching?.title);
    expect(shown(answer)).toContain(caching?.flask.docs);
    expect(shown(answer)).toContain(caching?.django.docs);
    expect(shown(answer)).toContain("/flask-or-django");
    // Not in a thread: nothing to look up, and no project to speak for.
    expect(s.replies).toHaveLength(0);
    expect(shown(answer)).not.toContain("For your project");
    // The mention is not echoed back.
    expect(shown(answer)).not.toContain(`<@${BOT_USER_ID}>`);
  });

  it("answers the mention once even though the same message also arrives as a message event", async () => {
    const s = await setup();
    const mention = channelMention(`<@${BOT_USER_ID}> what about caching?`);
    await send(s.t.app, mention);
    await send(
      s.t.app,
      topLevelEvent(
        "event_message_thread_reply",
        { text: mention.event.text, ts: mention.event.ts, event_ts: mention.event.ts },
        { event_id: "Ev0ASKMENMSG" },
      ),
    );
    expect(s.posts).toHaveLength(1);
  });

  it("answers a bare mention with help and a button that opens the questions", async () => {
    const s = await setup();
    const mention = channelMention(`<@${BOT_USER_ID}>`);
    await send(s.t.app, mention);
    expect(s.posts).toHaveLength(1);
    const help = s.posts[0];
    expect(help?.thread_ts).toBe(mention.event.ts);
    expect(shown(help)).toContain("/flask-or-django");
    const button = buttonsOf(help).find((b) => b.action_id === "open_questionnaire");
    expect(button).toBeDefined();

    // Clicking it opens the modal, which asks where to post.
    const opens = mockApi("views.open", apiFixture("views.open_ok"));
    const base = loadFixture<Json>("inbound/block_actions_button.json");
    const triggerId = "8034599912345.7830312345678.aaaabbbbccccddddeeeeffff00001111";
    await send(s.t.app, {
      ...base,
      trigger_id: triggerId,
      container: {
        type: "message",
        message_ts: "1732384901.000001",
        channel_id: CHANNEL,
        is_ephemeral: false,
      },
      message: { ...(base.message as Json), ts: "1732384901.000001", text: help?.text, blocks: help?.blocks },
      actions: [{ ...button, block_id: "help_actions", type: "button", action_ts: "1732384902.000001" }],
    });
    expect(opens).toHaveLength(1);
    expect(opens[0]?.trigger_id).toBe(triggerId);
    const view = opens[0]?.view as { type: string; callback_id: string; blocks: Json[] };
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("questionnaire");
    const destination = view.blocks.find((b) => b.block_id === "q_destination");
    expect(destination).toBeDefined();
    expect((destination?.element as Json | undefined)?.type).toBe("conversations_select");
    // Nothing was posted for the click itself.
    expect(s.posts).toHaveLength(1);
  });

  // "help" alone is the app's command word: few examples say it, so a rule reads it, not the classifier.
  it.each(["help", "help me pls", "usage?"])("answers a mention that says %j with help", async (text) => {
    const s = await setup();
    await send(s.t.app, channelMention(`<@${BOT_USER_ID}> ${text}`));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("/flask-or-django");
    expect(shown(s.posts[0])).not.toContain("I don't know that one");
  });

  it("answers an unknown question in a mention with the topics", async () => {
    const s = await setup();
    await send(s.t.app, channelMention(`<@${BOT_USER_ID}> what is the meaning of life?`));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("I don't know that one");
    for (const f of k.features) expect(shown(s.posts[0])).toContain(f.title);
  });

  it("answers an unknown text in a mention even when it is not phrased as a question", async () => {
    const s = await setup();
    await send(s.t.app, channelMention(`<@${BOT_USER_ID}> gibberish qwerty`));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("I don't know that one");
  });

  it("ignores a mention posted by a bot", async () => {
    const s = await setup();
    const mention = channelMention(`<@${BOT_USER_ID}> what about caching?`);
    await send(s.t.app, { ...mention, event: { ...mention.event, bot_id: "B05LQ2W8ZTY" } });
    expect(s.posts).toHaveLength(0);
  });

  it("answers a mention in a thread that is not ours without a project, saying how to get one", async () => {
    const s = await setup();
    const base = loadFixture<Json>("inbound/event_app_mention_in_thread.json");
    await send(s.t.app, {
      ...base,
      event: { ...(base.event as Json), text: `<@${BOT_USER_ID}> what about caching?` },
    });
    expect(s.replies).toHaveLength(1);
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(shown(s.posts[0])).toContain("/flask-or-django");
    expect(shown(s.posts[0])).not.toContain("For your project");
  });
});

describe("a direct message", () => {
  it("answers 'what about async?' in the DM", async () => {
    const s = await setup();
    const dm = directMessage("what about async?");
    await send(s.t.app, dm);
    expect(s.posts).toHaveLength(1);
    const answer = s.posts[0];
    expect(answer?.channel).toBe(DM_CHANNEL);
    expect(answer?.thread_ts).toBe(dm.event.ts);
    const async = k.featureById.get("async");
    expect(String(answer?.text)).toContain(async?.title);
    expect(shown(answer)).toContain(async?.flask.docs);
    expect(shown(answer)).toContain(async?.django.docs);
    expect(s.replies).toHaveLength(0);
  });

  it("answers an unknown text in a DM with the topics", async () => {
    const s = await setup();
    await send(s.t.app, directMessage("hello there"));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.channel).toBe(DM_CHANNEL);
    expect(shown(s.posts[0])).toContain("I don't know that one");
  });

  it("does not answer the app's own message in the DM", async () => {
    const s = await setup();
    await send(s.t.app, directMessage("what about async?", { user: BOT_USER_ID, bot_id: "B07R8FJ2Q1X" }));
    expect(s.posts).toHaveLength(0);
  });
});
