/**
 * The agent side pane through the real app (Bolt's Assistant): a thread starts (greeting, suggested
 * prompts), questions in it are answered through the same understanding layer as threads (features,
 * decisions about the latest recommendation in the channel beside the pane, quick takes), with the status
 * shown while working and the thread named after the topic. Web API mocked with nock.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge, recommend } from "../../src/engine/index.js";
import { PANE_PROMPTS } from "../../src/slack/blocks/assistant.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { ChannelRecommendations } from "../../src/slack/services/latest-recommendations.js";
import { type Database, openDatabase } from "../../src/storage/index.js";
import { messageViolations } from "../helpers/block-kit-limits.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  mockApi,
  send,
  shown,
  type TestApp,
} from "../helpers/slack-app.js";
import { withFallbackDates } from "../helpers/slack-dates.js";
import { submitQuestionnaire } from "../helpers/slack-flows.js";
import {
  buttonClick,
  channelMessage,
  FIXTURE_CHANNEL,
  FIXTURE_PARENT_TS,
} from "../helpers/slack-payloads.js";
import {
  BESIDE_CHANNEL,
  OTHER_CHANNEL,
  PANE_DM,
  PANE_THREAD_TS,
  paneContextChanged,
  paneMessage,
  paneStarted,
} from "../helpers/surfaces.js";

type Json = Record<string, unknown>;
const k = getKnowledge();

isolateNetwork();

interface Pane {
  t: TestApp;
  /** Every Web API call of interest, in order, by method. */
  order: string[];
  posts: ApiCall[];
  prompts: ApiCall[];
  statuses: ApiCall[];
  titles: ApiCall[];
  history: ApiCall[];
  replies: ApiCall[];
}

/**
 * A fresh app with the pane's Web API answered: chat.postMessage (top-level posts get the fixture's
 * parent ts), the three assistant.threads methods, conversations.history (a channel with no
 * recommendation of ours) and conversations.replies (a thread with nothing of ours).
 */
async function pane(opts: { history?: Json[]; database?: Database } = {}): Promise<Pane> {
  const t = await buildTestApp(undefined, opts.database ? { database: opts.database } : {});
  const order: string[] = [];
  const tracked = (method: string, answer: (c: ApiCall) => unknown = () => ({ ok: true })) =>
    mockApi(method, (c: ApiCall) => {
      order.push(method);
      return answer(c);
    });
  let n = 0;
  const posts = tracked("chat.postMessage", (c) => {
    n += 1;
    const ts = c.thread_ts ? `1732385200.${String(n).padStart(6, "0")}` : FIXTURE_PARENT_TS;
    return { ok: true, channel: c.channel, ts, message: { type: "message", ts, text: c.text } };
  });
  return {
    t,
    order,
    posts,
    prompts: tracked("assistant.threads.setSuggestedPrompts"),
    statuses: tracked("assistant.threads.setStatus"),
    titles: tracked("assistant.threads.setTitle"),
    history: tracked("conversations.history", () => ({
      ok: true,
      messages: opts.history ?? [],
      has_more: false,
    })),
    replies: tracked("conversations.replies", () => apiFixture("conversations.replies_include_all_metadata")),
  };
}

const inPane = (p: Pane) => p.posts.filter((c) => c.channel === PANE_DM && c.thread_ts === PANE_THREAD_TS);

/** Asks in the pane thread (already started) and returns the answer posted. */
async function ask(p: Pane, text: string): Promise<ApiCall> {
  const before = inPane(p).length;
  await send(p.t.app, paneMessage(text));
  const answers = inPane(p);
  expect(answers, `one answer to "${text}"`).toHaveLength(before + 1);
  return answers.at(-1) as ApiCall;
}

/** A recommendation posted in the fixture channel through the real flow (/flask-or-django, then submit). */
async function recommendationBeside(p: Pane, needs: string[]) {
  await submitQuestionnaire(p.t.app, needs);
  const posted = p.posts.find((c) => c.channel === FIXTURE_CHANNEL && c.thread_ts === undefined);
  expect(posted?.metadata).toBeDefined();
  const answers = Object.fromEntries(k.singleQuestions.map((q) => [q.id, q.default]));
  return recommend({ answers, needs, notes: "" }, k);
}

const promptTitles = (call: ApiCall | undefined) =>
  (JSON.parse(String(call?.prompts ?? "[]")) as Array<{ title: string; message: string }>).map(
    (x) => x.title,
  );

describe("a pane thread starts", () => {
  it("greets in the thread, offers the suggested prompts, and keeps the context Slack sent", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    expect(p.prompts).toHaveLength(1);
    expect(p.prompts[0]?.channel_id).toBe(PANE_DM);
    expect(p.prompts[0]?.thread_ts).toBe(PANE_THREAD_TS);
    expect(promptTitles(p.prompts[0])).toEqual([
      "Compare Flask and Django for my project",
      "What about async?",
      "Show our team's decisions",
      "What can you answer?",
    ]);
    const greeting = inPane(p);
    expect(greeting).toHaveLength(1);
    expect(shown(greeting[0])).toContain("I compare Flask and Django");
    // Bolt's say() attaches the thread's context, which is how a restarted app finds it again.
    expect(greeting[0]?.metadata).toEqual({
      event_type: "assistant_thread_context",
      event_payload: { channel_id: BESIDE_CHANNEL, team_id: "T07QDKX2N5M", enterprise_id: null },
    });
    const button = JSON.stringify(greeting[0]?.blocks);
    expect(button).toContain('"action_id":"open_questionnaire"');
    expect(messageViolations(greeting[0] as Json)).toEqual([]);
    // No recommendation of ours in the channel beside: its history was read once, and nothing named.
    expect(p.history).toHaveLength(1);
    expect(p.history[0]?.channel).toBe(BESIDE_CHANNEL);
    expect(p.history[0]?.include_all_metadata).toBe("true");
    expect(shown(greeting[0])).not.toContain("latest recommendation");
  });

  it("names the latest recommendation in the channel beside it, known without reading the channel", async () => {
    const p = await pane();
    await recommendationBeside(p, ["admin", "auth"]);
    await send(p.t.app, paneStarted());
    expect(shown(inPane(p)[0])).toContain(`The latest recommendation in <#${BESIDE_CHANNEL}> says *Django*`);
    expect(p.history).toHaveLength(0);
  });

  it("offers 'Show our team's decisions' only when there is a decision log", async () => {
    const p = await pane();
    delete p.t.deps.decisionLog;
    await send(p.t.app, paneStarted());
    expect(promptTitles(p.prompts[0])).toEqual([
      "Compare Flask and Django for my project",
      "What about async?",
      "What can you answer?",
    ]);
  });

  it("opened outside a channel: greets without reading any history", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted({ channel: null }));
    expect(inPane(p)).toHaveLength(1);
    expect(p.history).toHaveLength(0);
  });
});

describe("questions in the pane", () => {
  it("a feature question: status while working, the thread named after the topic, then the answer", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    p.order.length = 0;
    const answer = await ask(p, "What about async?");
    expect(p.order).toEqual([
      "assistant.threads.setStatus",
      "assistant.threads.setTitle",
      "chat.postMessage",
    ]);
    expect(p.statuses[0]).toMatchObject({
      channel_id: PANE_DM,
      thread_ts: PANE_THREAD_TS,
      status: "is thinking…",
    });
    expect(p.titles[0]).toMatchObject({
      channel_id: PANE_DM,
      thread_ts: PANE_THREAD_TS,
      title: "Async and websockets: Flask or Django",
    });
    const title = k.featureById.get("async")?.title ?? "none";
    expect(shown(answer)).toContain(title);
    expect(shown(answer)).toContain("docs");
    // No recommendation beside: a way to the questions is offered.
    expect(JSON.stringify(answer.blocks)).toContain('"action_id":"open_questionnaire"');
    expect(messageViolations(answer as Json)).toEqual([]);
    // The thread's context came from the store: the thread was never read back.
    expect(p.replies).toHaveLength(0);
  });

  it("a decision question answers from the latest recommendation in the channel beside the pane", async () => {
    const p = await pane();
    const rec = await recommendationBeside(p, ["admin", "auth"]);
    expect(rec.verdict).toBe("django");
    await send(p.t.app, paneStarted());
    const answer = await ask(p, "why not flask?");
    expect(shown(answer)).toContain("What counts against Flask");
    expect(shown(answer)).toContain(`About the latest recommendation in <#${BESIDE_CHANNEL}>`);
    expect(p.titles.at(-1)?.title).toBe("Why not Flask?");
    expect(messageViolations(answer as Json)).toEqual([]);

    const sure = await ask(p, "how confident is that?");
    expect(shown(sure)).toContain(String(rec.confidence.samples));
    expect(p.history).toHaveLength(0);
  });

  it("a decision question with no recommendation beside says so, offers the questions, and reads the channel once", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    const answer = await ask(p, "why not flask?");
    expect(shown(answer)).toContain(`I haven't seen a recommendation in <#${BESIDE_CHANNEL}>`);
    expect(JSON.stringify(answer.blocks)).toContain('"action_id":"open_questionnaire"');
    await ask(p, "how sure are you?");
    // Read at the greeting; not again for each question.
    expect(p.history).toHaveLength(1);
  });

  it("finds a recommendation another instance posted from the channel's metadata", async () => {
    // The channel's history as Slack returns it with include_all_metadata: the newest first, and a
    // recommendation another instance posted (the message it posts, with our metadata).
    const profile = {
      answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, q.default])),
      needs: ["admin", "auth"],
      notes: "",
    };
    const { message } = recommendationMessage(k, profile, "U05HV6XQ1AB");
    const p = await pane({
      history: [
        { type: "message", ts: "1732385000.000100", user: "U05HV6XQ1AB", text: "unrelated" },
        { type: "message", ts: FIXTURE_PARENT_TS, user: "U07R3MZ1B4K", bot_id: "B07R8FJ2Q1X", ...message },
      ],
    });
    await send(p.t.app, paneStarted({ channel: OTHER_CHANNEL }));
    expect(shown(inPane(p)[0])).toContain(`The latest recommendation in <#${OTHER_CHANNEL}> says *Django*`);
    const answer = await ask(p, "why not flask?");
    expect(shown(answer)).toContain("What counts against Flask");
    expect(p.history).toHaveLength(1);
  });

  it("a store that fails (a database, later) is logged, and the channel's history still answers", async () => {
    const profile = {
      answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, q.default])),
      needs: ["admin", "auth"],
      notes: "",
    };
    const { message } = recommendationMessage(k, profile, "U05HV6XQ1AB");
    const p = await pane({
      history: [{ type: "message", ts: FIXTURE_PARENT_TS, user: "U07R3MZ1B4K", ...message }],
    });
    const down = async () => {
      throw new Error("database unavailable");
    };
    p.t.deps.recommendations = new ChannelRecommendations({ record: down, latest: down }, k);
    await send(p.t.app, paneStarted());
    const answer = await ask(p, "why not flask?");
    expect(shown(answer)).toContain("What counts against Flask");
    expect(
      p.t.logs.some((l) => l.msg === "could not look up the channel's latest recommendation; reading Slack"),
    ).toBe(true);
    expect(p.t.logs.some((l) => l.msg === "could not record the channel's latest recommendation")).toBe(true);
  });

  it("follows the context when the person moves to another channel with the pane open", async () => {
    const p = await pane();
    await recommendationBeside(p, ["admin", "auth"]);
    await send(p.t.app, paneStarted({ channel: OTHER_CHANNEL }));
    const before = await ask(p, "why not flask?");
    expect(shown(before)).toContain(`I haven't seen a recommendation in <#${OTHER_CHANNEL}>`);
    await send(p.t.app, paneContextChanged(BESIDE_CHANNEL));
    const after = await ask(p, "why not flask?");
    expect(shown(after)).toContain("What counts against Flask");
    expect(after.metadata).toMatchObject({ event_payload: { channel_id: BESIDE_CHANNEL } });
  });

  it("a quick take from one sentence, with a button that opens the questions prefilled", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted({ channel: null }));
    const answer = await ask(p, "flask or django for a small online shop?");
    expect(shown(answer)).toContain("Quick take from one sentence");
    expect(p.titles.at(-1)?.title).toMatch(/^Quick take: /);
    expect(messageViolations(answer as Json)).toEqual([]);
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(
      p.t.app,
      buttonClick({ blocks: answer.blocks, ts: "1732385200.000002" }, "pane_prefill_questionnaire"),
    );
    expect(opens).toHaveLength(1);
    // From the pane the form asks where to post: the pane's DM is no place for a recommendation.
    expect(JSON.stringify(opens[0]?.view)).toContain("Where should I post the recommendation?");
    const view = opens[0]?.view as {
      blocks: Array<{ block_id?: string; element?: { initial_option?: { value: string } } }>;
    };
    const type = view.blocks.find((b) => b.block_id === "q_project_type");
    expect(type?.element?.initial_option?.value).toBe("ecommerce");
  });

  it("beside a recommendation, a sentence describing another project still gets a quick take; 'so django?' gets the verdict", async () => {
    const p = await pane();
    await recommendationBeside(p, ["admin", "auth"]);
    await send(p.t.app, paneStarted());
    const take = await ask(p, "flask or django for a small online shop?");
    expect(shown(take)).toContain("Quick take from one sentence");
    const verdict = await ask(p, "so what's the call?");
    expect(shown(verdict)).not.toContain("Quick take");
    expect(shown(verdict)).toContain(`About the latest recommendation in <#${BESIDE_CHANNEL}>`);
    expect(shown(verdict)).toContain("Django is the better fit");
  });

  it("'Compare Flask and Django for my project' offers the questions; the button opens them", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    const answer = await ask(p, PANE_PROMPTS.compare.message);
    expect(shown(answer)).toContain("Answer a few questions");
    expect(p.titles.at(-1)?.title).toBe("Compare Flask and Django for my project");
    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(
      p.t.app,
      buttonClick({ blocks: answer.blocks, ts: "1732385200.000002" }, "open_questionnaire"),
    );
    expect(opens).toHaveLength(1);
    // From the pane there is no channel to assume: the form asks where to post.
    expect(JSON.stringify(opens[0]?.view)).toContain("Where should I post the recommendation?");
  });

  it("'What can you answer?' gets the help, named as such", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    const answer = await ask(p, PANE_PROMPTS.help.message);
    expect(shown(answer)).toContain("Here is what I can do");
    expect(p.titles.at(-1)?.title).toBe("What I can answer");
  });

  it("'Show our team's decisions' lists the team's decisions the person may see, newest first", async () => {
    // The database's clock is fixed, so the date it records is known (no midnight between two clocks).
    const DECIDED_AT = Date.UTC(2026, 10, 28, 9);
    const p = await pane({ database: await openDatabase("sqlite::memory:", { now: () => DECIDED_AT }) });
    const team = "T07QDKX2N5M";
    const decided = { teamId: team, channelId: BESIDE_CHANNEL, messageTs: "1795000000.000100" };
    await p.t.database.decisions.propose({ ...decided, askedBy: "U05HV6XQ1AB", recommended: "django" });
    await p.t.database.decisions.decide({ ...decided, userId: "U05HV6XQ1AB", framework: "flask" });
    await p.t.database.decisions.propose({
      teamId: team,
      channelId: OTHER_CHANNEL,
      messageTs: "1795600000.000100",
      askedBy: "U06JK2P7RCD",
      recommended: "flask",
    });
    await p.t.database.decisions.propose({
      teamId: "T0OTHERTEAM",
      channelId: OTHER_CHANNEL,
      messageTs: "1795700000.000100",
      askedBy: "U06JK2P7RCD",
      recommended: "django",
    });
    // Someone else's, in a private channel the person took no part in: not listed.
    await p.t.database.decisions.propose({
      teamId: team,
      channelId: "C0PRIVATEC",
      messageTs: "1795650000.000100",
      askedBy: "U06JK2P7RCD",
      recommended: "django",
    });
    // The other channel is public: a message there says so.
    await send(p.t.app, channelMessage(OTHER_CHANNEL, "channel"));
    await send(p.t.app, paneStarted());
    const answer = await ask(p, PANE_PROMPTS.decisions.message);
    const lines = withFallbackDates(shown(answer));
    expect(lines).toContain("Your team's latest 2 decisions.");
    expect(lines).toContain(
      `2026-11-28 in <#${BESIDE_CHANNEL}>: *Decided: Flask*, against the recommendation (Django), asked by <@U05HV6XQ1AB>`,
    );
    expect(lines).not.toContain("C0PRIVATEC");
    expect(lines).toContain(`2026-11-25 in <#${OTHER_CHANNEL}>: *Proposed*: Flask recommended`);
    expect(lines.indexOf(`<#${OTHER_CHANNEL}>: *Proposed*`)).toBeLessThan(
      lines.indexOf(`<#${BESIDE_CHANNEL}>: *Decided`),
    );
  });

  it("'Show our team's decisions' asks the log for this team's ten latest that the person may see", async () => {
    const p = await pane();
    const asked: Array<[string, string, number]> = [];
    p.t.deps.decisionLog = {
      recent: async (team, viewer, limit) => {
        asked.push([team, viewer, limit]);
        return [];
      },
    };
    await send(p.t.app, paneStarted());
    const answer = await ask(p, PANE_PROMPTS.decisions.message);
    expect(asked).toEqual([["T07QDKX2N5M", "U05HV6XQ1AB", 10]]);
    expect(shown(answer)).toContain("Your team has no recommendations yet");
  });

  it("when posting the answer fails, the person gets a short apology in the thread and the error is logged", async () => {
    const p = await buildTestApp();
    mockApi("assistant.threads.setSuggestedPrompts");
    mockApi("assistant.threads.setStatus");
    mockApi("assistant.threads.setTitle");
    mockApi("conversations.history", { ok: true, messages: [] });
    let n = 0;
    const posts = mockApi("chat.postMessage", () => {
      n += 1;
      return n === 2
        ? apiFixture("error_chat.postMessage_msg_blocks_too_long")
        : { ok: true, ts: `1732385200.00000${n}` };
    });
    await send(p.app, paneStarted());
    await send(p.app, paneMessage("What about async?"));
    expect(posts).toHaveLength(3);
    expect(shown(posts[2])).toContain("Sorry, something went wrong on my side");
    const failed = p.logs.find((l) => l.msg === "pane answer failed");
    expect(failed?.code).toBe("msg_blocks_too_long");
    expect(failed?.user).toBe("U05HV6XQ1AB");
  });

  it("the answer still comes when Slack refuses the status and the title", async () => {
    const t = await buildTestApp();
    mockApi("assistant.threads.setSuggestedPrompts", { ok: false, error: "missing_scope" });
    const statuses = mockApi("assistant.threads.setStatus", { ok: false, error: "missing_scope" });
    mockApi("assistant.threads.setTitle", { ok: false, error: "missing_scope" });
    mockApi("conversations.history", { ok: true, messages: [] });
    const posts = mockApi("chat.postMessage", { ok: true, ts: "1732385200.000001" });
    await send(t.app, paneStarted());
    await send(t.app, paneMessage("What about async?"));
    expect(statuses).toHaveLength(1);
    expect(posts).toHaveLength(2);
    expect(shown(posts[1])).toContain(k.featureById.get("async")?.title ?? "none");
    expect(t.logs.some((l) => l.msg === "could not set the pane's status")).toBe(true);
  });

  it("a retried delivery of the same message is answered once", async () => {
    const p = await pane();
    await send(p.t.app, paneStarted());
    const message = paneMessage("What about async?");
    await send(p.t.app, message);
    await send(p.t.app, message);
    expect(inPane(p)).toHaveLength(2);
  });
});

describe("threads in the app's DM that are not the pane's", () => {
  it("after a restart, a pane thread is recognised from our message's context, read back once", async () => {
    const t = await buildTestApp();
    const replies = mockApi("conversations.replies", {
      ok: true,
      messages: [
        { type: "message", ts: PANE_THREAD_TS, user: "U05HV6XQ1AB", text: "hi", thread_ts: PANE_THREAD_TS },
        {
          type: "message",
          ts: "1732385101.000100",
          user: "U07R3MZ1B4K",
          bot_id: "B07R8FJ2Q1X",
          text: "Hi!",
          thread_ts: PANE_THREAD_TS,
          metadata: {
            event_type: "assistant_thread_context",
            event_payload: { channel_id: OTHER_CHANNEL, team_id: "T07QDKX2N5M" },
          },
        },
      ],
      has_more: false,
    });
    const statuses = mockApi("assistant.threads.setStatus");
    mockApi("assistant.threads.setTitle");
    const history = mockApi("conversations.history", { ok: true, messages: [] });
    const posts = mockApi("chat.postMessage", { ok: true, ts: "1732385200.000001" });
    await send(t.app, paneMessage("why not flask?"));
    await send(t.app, paneMessage("What about async?"));
    expect(replies).toHaveLength(1);
    expect(statuses).toHaveLength(2);
    expect(history[0]?.channel).toBe(OTHER_CHANNEL);
    expect(shown(posts[0])).toContain(`I haven't seen a recommendation in <#${OTHER_CHANNEL}>`);
    expect(posts[1]?.metadata).toMatchObject({ event_payload: { channel_id: OTHER_CHANNEL } });
  });

  it("a reply under a recommendation sent by DM is answered with that project, as before the pane", async () => {
    const t = await buildTestApp();
    const parent = apiFixture("conversations.replies_include_all_metadata") as { messages: Json[] };
    // The parent is one of our recommendations: our metadata, as the app posts it.
    const s = await buildTestApp();
    const recPosts = mockApi("chat.postMessage", { ok: true, channel: PANE_DM, ts: FIXTURE_PARENT_TS }, 1);
    await submitQuestionnaire(s.app, ["admin", "auth"]);
    const recommendation = recPosts[0] as Json;
    const replies = mockApi("conversations.replies", {
      ...parent,
      messages: [{ ...parent.messages[0], ts: FIXTURE_PARENT_TS, metadata: recommendation.metadata }],
    });
    const statuses = mockApi("assistant.threads.setStatus");
    const posts = mockApi("chat.postMessage", { ok: true, ts: "1732385200.000001" });
    await send(t.app, paneMessage("what about the admin?", FIXTURE_PARENT_TS));
    expect(posts).toHaveLength(1);
    expect(posts[0]?.thread_ts).toBe(FIXTURE_PARENT_TS);
    expect(shown(posts[0])).toContain("For your project");
    expect(statuses).toHaveLength(0);
    // Known now, on both counts: the next reply reads nothing back.
    await send(t.app, paneMessage("and caching?", FIXTURE_PARENT_TS));
    expect(posts).toHaveLength(2);
    expect(replies).toHaveLength(2);
  });
});
