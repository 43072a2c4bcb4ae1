/**
 * Questions asked in the thread of one of our recommendations (issue 4): one answer, in the thread,
 * about the feature asked, with the project's context; chatter, bots, edits, deletions and threads
 * that are not ours get nothing.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { send, shown } from "../helpers/slack-app.js";
import {
  FIXTURE_CHANNEL as CHANNEL,
  outsideThread,
  FIXTURE_PARENT_TS as PARENT_TS,
} from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";
import { answers, postRecommendation, reply, type Setup, setup } from "../helpers/thread-setup.js";

const k = getKnowledge();

isolateNetwork();

function feature(id: string) {
  const f = k.featureById.get(id);
  if (!f) throw new Error(`no feature ${id}`);
  return f;
}

/** Seeds the thread directly, as the app does after posting (for tests about what is not answered). */
function rememberThread(s: Setup, needs: string[] = ["admin"]): void {
  s.t.deps.threads.remember(CHANNEL, PARENT_TS, {
    verdict: "django",
    scores: { flask: 20, django: 80 },
    answers: {},
    needs,
    notes: "",
  });
}

describe("a question in our recommendation's thread", () => {
  it("answers 'what about the admin?' once, in the thread, with the project's context", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin", "auth"]);
    await send(s.t.app, reply("what about the admin?"));

    const got = answers(s);
    expect(got).toHaveLength(1);
    const answer = got[0];
    expect(answer?.channel).toBe(CHANNEL);
    expect(answer?.thread_ts).toBe(PARENT_TS);
    const admin = feature("admin");
    expect(String(answer?.text)).toContain(admin.title);
    const text = shown(answer);
    expect(text).toContain("Django");
    expect(text).toContain("django.contrib.admin");
    expect(text).toContain(admin.flask.docs);
    expect(text).toContain(admin.django.docs);
    expect(text).toContain("You said you need an admin panel");
    // It is our thread: no need to look it up, and no "type /flask-or-django" advice.
    expect(s.replies).toHaveLength(0);
    expect(text).not.toContain("For a recommendation tailored to your project");
  });

  it("finds the feature through a typo ('admn panel?'): answered, or offered first as 'did you mean'", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    await send(s.t.app, reply("admn panel?"));
    const got = answers(s);
    expect(got).toHaveLength(1);
    expect(got[0]?.thread_ts).toBe(PARENT_TS);
    const text = shown(got[0]);
    if (text.includes("did_you_mean_")) {
      // Unsure readings are offered, never passed off as answers; the right one comes first.
      expect(text.indexOf("did_you_mean_admin")).toBe(text.indexOf("did_you_mean_"));
    } else {
      expect(text).toContain(feature("admin").django.docs);
      expect(text).toContain("You said you need an admin panel");
    }
  });

  it("adds no project line when the project did not list the feature and nothing made it matter", async () => {
    const s = await setup();
    await postRecommendation(s, ["auth"]);
    await send(s.t.app, reply("what about the admin?"));
    const got = answers(s);
    expect(got).toHaveLength(1);
    expect(shown(got[0])).not.toContain("You said you need an admin panel");
    expect(shown(got[0])).not.toContain("For your project");
  });

  it("answers two features asked at once ('admin and auth?') in one brief reply, each with its sources", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin", "auth"]);
    await send(s.t.app, reply("admin and auth?"));

    const got = answers(s);
    expect(got).toHaveLength(1);
    expect(got[0]?.thread_ts).toBe(PARENT_TS);
    for (const id of ["admin", "auth"]) {
      expect(shown(got[0])).toContain(feature(id).title);
      expect(shown(got[0])).toContain(feature(id).django.docs);
      expect(shown(got[0])).toContain(feature(id).flask.docs);
    }
  });

  it("answers a myth ('does flask support oracle?') with the checked fact", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin"]);
    await send(s.t.app, reply("does flask support oracle?"));
    const got = answers(s);
    expect(got).toHaveLength(1);
    expect(got[0]?.thread_ts).toBe(PARENT_TS);
    const databases = feature("databases");
    const myth = databases.myths.find((m) => m.phrasings.includes("does flask support oracle"));
    expect(myth).toBeDefined();
    expect(shown(got[0])).toContain(myth?.correction);
    expect(shown(got[0])).toContain(myth?.source);
    expect(String(got[0]?.text)).toContain(databases.title);
  });
});

describe("a reply also sent to the channel (thread_broadcast)", () => {
  it("is answered once, in the thread", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("what about the admin?", { subtype: "thread_broadcast" }));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(String(s.posts[0]?.text)).toContain(feature("admin").title);
  });
});

describe("what is not a question in our thread", () => {
  it.each([
    ["chatter", "sounds good to me"],
    ["chatter", "+1"],
    ["chatter", "lol nice"],
    ["chatter", "ok thanks"],
    // The layer half reads these as a feature (unsure): a guess is offered in a thread only to a plain question.
    ["a remark read only as a guess", "celery gave us headaches in prod"],
    ["a remark read only as a guess", "the admin was slow for us"],
    ["a remark read only as a guess, of two features", "loved the admin. also the orm"],
    // An opinion of a feature, told: read surely as that feature once, answered with its sheet.
    ["an opinion told", "jinja is fine"],
    ["an opinion told", "migrations in django are a lifesaver"],
    ["experience told", "websockets were the whole reason we left last time"],
    ["a need negated", "we don't need the admin"],
    ["a plan told", "we're planning to deploy on friday"],
    ["a question for a colleague", "<@U0999OTHER> what do you think about caching?"],
    ["a question for a colleague", "<@U0999OTHER|sam> can you help with this?"],
    [
      "a link's address is no question",
      "this talk on the django orm is good <https://www.youtube.com/watch?v=abc123>",
    ],
    // "help" with courtesy around it is the command word, but offered, not asked, it asks nothing.
    ["help offered", "i can help with this"],
    ["help offered", "can i help?"],
    ["help offered", "we can help you"],
  ])("stays quiet on %s: %j", async (_why, text) => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply(text));
    expect(s.posts).toHaveLength(0);
    expect(s.replies).toHaveLength(0);
  });

  it("answers an unknown plain question with a short 'I don't know that one' and where the topics are", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("what is the meaning of life?"));
    expect(s.posts).toHaveLength(1);
    const answer = s.posts[0];
    expect(answer?.thread_ts).toBe(PARENT_TS);
    expect(shown(answer)).toContain("I don't know that one");
    // Nobody addressed it: a pointer to the topics, not all 26 under a colleague's question.
    expect(shown(answer)).toContain("`/flask-or-django topics` lists what I can answer.");
    expect(shown(answer)).not.toContain(k.features[5]?.title ?? "no title");
    // Under a recommendation, the decision can be asked about too.
    expect(shown(answer)).toContain("or about the decision: “why not Flask?”");
  });

  // A weak guess is named nowhere: "what about htmx?" had been asked whether it meant database support.
  it("names no weak guess in 'I don't know that one'", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("what about htmx?"));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("I don't know that one");
    expect(shown(s.posts[0])).not.toContain("Did you mean");
  });

  // The features' probabilities always name one: weighed by how much the message reads as a feature
  // question at all, they offer no button to "the expense report" ("can someone approve my expense
  // report?" is now a request to colleagues, left to them).
  it.each([
    "is the expense report form still on the intranet?",
    "anyone up for lunch?",
    "when is the release?",
  ])("answers %j with 'I don't know that one', offering no feature as a guess", async (text) => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply(text));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("I don't know that one");
    expect(shown(s.posts[0])).not.toContain("did_you_mean_");
  });

  it("answers the question that follows a thanks", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("thanks! how about async?"));
    expect(s.posts).toHaveLength(1);
    expect(s.posts[0]?.thread_ts).toBe(PARENT_TS);
    expect(shown(s.posts[0])).toContain("Async");
  });

  it("offers 'did you mean' when the same guess is asked plainly", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("the admin was slow for us?"));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("Did you mean");
  });

  it("answers 'i need help' in the thread with the usage", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("i need help"));
    expect(s.posts).toHaveLength(1);
    expect(shown(s.posts[0])).toContain("/flask-or-django");
  });

  it("stays quiet on an unknown text that is neither a question nor a mention", async () => {
    const s = await setup();
    rememberThread(s);
    await send(s.t.app, reply("gibberish qwerty"));
    expect(s.posts).toHaveLength(0);
  });
});

describe("messages that are never answered", () => {
  it("ignores the app's own message in the thread", async () => {
    const s = await setup();
    rememberThread(s);
    const own = loadFixture<Json>("inbound/event_message_from_own_bot_in_thread.json");
    await send(s.t.app, { ...own, event: { ...(own.event as Json), text: "what about the admin?" } });
    expect(s.posts).toHaveLength(0);
  });

  it("ignores another bot's bot_message", async () => {
    const s = await setup();
    rememberThread(s);
    const bot = loadFixture<Json>("inbound/event_message_subtype_bot_message.json");
    await send(s.t.app, bot);
    await send(s.t.app, {
      ...bot,
      event_id: "Ev0ASKBOT2",
      event: { ...(bot.event as Json), ts: "1732384611.620440", text: "what about the admin?" },
    });
    expect(s.posts).toHaveLength(0);
  });

  it("ignores a message with a bot_id and no subtype (another app posting as its bot user)", async () => {
    const s = await setup();
    rememberThread(s);
    await send(
      s.t.app,
      reply("what about the admin?", { bot_id: "B05LQ2W8ZTY", app_id: "A05LQ1N7RMX", user: "U05LQ2W9BOT" }),
    );
    expect(s.posts).toHaveLength(0);
  });

  it("ignores an edit (message_changed), even one that names a feature", async () => {
    const s = await setup();
    rememberThread(s);
    const changed = loadFixture<Json>("inbound/event_message_changed.json");
    const event = changed.event as Json;
    await send(s.t.app, changed);
    await send(s.t.app, {
      ...changed,
      event_id: "Ev0ASKEDIT2",
      event: { ...event, message: { ...(event.message as Json), text: "what about the admin?" } },
    });
    expect(s.posts).toHaveLength(0);
  });

  it("ignores a deletion (message_deleted)", async () => {
    const s = await setup();
    rememberThread(s);
    const changed = loadFixture<Json>("inbound/event_message_changed.json");
    const event = changed.event as Json;
    const { message: _message, ...rest } = event;
    await send(s.t.app, {
      ...changed,
      event_id: "Ev0ASKDEL1",
      event: {
        ...rest,
        subtype: "message_deleted",
        deleted_ts: "1732384603.559129",
        previous_message: { ...(event.previous_message as Json), text: "what about the admin?" },
      },
    });
    expect(s.posts).toHaveLength(0);
  });

  it("ignores a thread that is not ours, and looks that thread up only once", async () => {
    const s = await setup();
    await send(s.t.app, reply("what about the admin?"));
    expect(s.replies).toHaveLength(1);
    expect(s.replies[0]?.channel).toBe(CHANNEL);
    expect(s.replies[0]?.ts).toBe(PARENT_TS);
    expect(s.replies[0]?.include_all_metadata).toBe("true");
    await send(s.t.app, reply("and auth?"));
    expect(s.replies).toHaveLength(1);
    expect(s.posts).toHaveLength(0);
  });

  it("ignores top-level channel messages (not in a thread, not a DM)", async () => {
    const s = await setup();
    const base = reply("what about the admin?");
    await send(s.t.app, { ...base, event: outsideThread(base.event as Json) });
    expect(s.posts).toHaveLength(0);
    expect(s.replies).toHaveLength(0);
  });
});
