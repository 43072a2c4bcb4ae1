/**
 * A recommendation's team part through the real app: post recommendations with the real flow, then
 * click their team buttons and submit their forms as different people, with every Web API call the team
 * part makes answered by nock and recorded.
 */
import nock from "nock";
import { expect } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import type { Json } from "./json.js";
import {
  type ApiCall,
  apiFixture,
  buildTestApp,
  mockApi,
  send,
  type TestApp,
  type TestAppOptions,
} from "./slack-app.js";
import { type QuestionsModal, questionnaireValues } from "./slack-flows.js";
import { FIXTURE_CHANNEL } from "./slack-payloads.js";
import { loadFixture } from "./slack-request.js";

export const TEAM = "T07QDKX2N5M";
export const CHANNEL = FIXTURE_CHANNEL;
/** The slash command's user: who asks for every recommendation here. */
export const ASKER = "U05HV6XQ1AB";
export const BOB = "U06JK2P7RCD";
export const CAROL = "U0CAROL001";

export const person = (id: string): Json => ({
  id,
  username: id.toLowerCase(),
  name: id.toLowerCase(),
  team_id: TEAM,
});

/** Slack's link for a message: the workspace's address (auth.test_ok's) and a top-level message's path. */
export const permalinkOf = (channel: string, ts: string) =>
  `https://acme-eng.slack.com/archives/${channel}/p${ts.replace(".", "")}`;

export interface TeamSetup {
  t: TestApp;
  posts: ApiCall[];
  updates: ApiCall[];
  ephemerals: ApiCall[];
  /** chat.getPermalink calls (the app should make none: links come from the workspace's address). */
  permalinks: ApiCall[];
  /** auth.test calls: the workspace's address, for links. */
  authTests: ApiCall[];
  scheduled: ApiCall[];
  deletedScheduled: ApiCall[];
  /** Every views.open, in order. */
  opened: ApiCall[];
  /** Every views.update (a form replaced with what the database says), in order. */
  updatedViews: ApiCall[];
  /** Everything told to one person (response_url or ephemeral message), in order. */
  told: Array<{ user: string; text: string }>;
  /** What the app posted to each click's response_url, by the clicker. */
  said: Array<{ user: string; body: Json }>;
  /** The ts the next top-level post gets. */
  nextTs(): string;
  /** Set: chat.scheduleMessage answers with this error (ok: false) until unset. */
  scheduleFails?: string;
  /** Set: views.update answers with this error (ok: false) until unset. */
  viewUpdateFails?: string;
  /** Set: chat.update answers with this error (ok: false) until unset, or `updateFailures` more calls. */
  updateFails?: string;
  updateFailures?: number;
}

let tsSeq = 0;
let hookSeq = 0;
const hookUsers = new Map<string, string>();

/** A fresh app with every Web API call of the team part answered and recorded. */
export async function teamSetup(options: TestAppOptions = {}): Promise<TeamSetup> {
  const t = await buildTestApp(undefined, { messageRefresh: { intervalMs: 0 }, ...options });
  const nextTs = () => `17323845${String(++tsSeq).padStart(2, "0")}.000100`;
  const posts = mockApi(
    "chat.postMessage",
    (c: ApiCall) => {
      const ts = c.thread_ts ? `1732389999.${String(++tsSeq).padStart(6, "0")}` : nextTs();
      postedTs.set(c, ts);
      return { ok: true, channel: c.channel, ts, message: { type: "message", ts, text: c.text } };
    },
    1000,
  );
  const updates = mockApi(
    "chat.update",
    (c: ApiCall) => {
      if (setup.updateFails && setup.updateFailures !== undefined && setup.updateFailures-- <= 0)
        setup.updateFails = undefined;
      return setup.updateFails
        ? { ok: false, error: setup.updateFails }
        : { ok: true, channel: c.channel, ts: c.ts, text: c.text };
    },
    1000,
  );
  const told: TeamSetup["told"] = [];
  const ephemerals = mockApi(
    "chat.postEphemeral",
    (c: ApiCall) => {
      told.push({ user: String(c.user), text: String(c.text) });
      return { ok: true, message_ts: "1732389999.000001" };
    },
    1000,
  );
  const permalinks = mockApi(
    "chat.getPermalink",
    (c: ApiCall) => ({
      ok: true,
      channel: c.channel,
      permalink: permalinkOf(String(c.channel), String(c.message_ts)),
    }),
    1000,
  );
  const authTests = mockApi("auth.test", apiFixture("auth.test_ok"), 1000);
  let scheduledSeq = 0;
  const scheduled = mockApi(
    "chat.scheduleMessage",
    (c: ApiCall) =>
      setup.scheduleFails
        ? { ok: false, error: setup.scheduleFails }
        : {
            ok: true,
            channel: c.channel,
            scheduled_message_id: `Q0SCHED${++scheduledSeq}`,
            post_at: Number(c.post_at),
            message: { type: "message", text: c.text },
          },
    1000,
  );
  const deletedScheduled = mockApi("chat.deleteScheduledMessage", { ok: true }, 1000);
  const opened = mockApi("views.open", apiFixture("views.open_ok"), 1000);
  const updatedViews = mockApi(
    "views.update",
    () => (setup.viewUpdateFails ? { ok: false, error: setup.viewUpdateFails } : apiFixture("views.open_ok")),
    1000,
  );
  const said: TeamSetup["said"] = [];
  nock("https://hooks.slack.com")
    .persist()
    .post(/\/actions\//)
    .reply(200, (uri, body) => {
      const user = hookUsers.get(uri) ?? "?";
      const parsed = (typeof body === "string" ? JSON.parse(body) : body) as Json;
      said.push({ user, body: parsed });
      told.push({ user, text: String(parsed.text) });
      return "ok";
    });
  const setup: TeamSetup = {
    t,
    posts,
    updates,
    ephemerals,
    permalinks,
    authTests,
    scheduled,
    deletedScheduled,
    opened,
    updatedViews,
    said,
    told,
    nextTs,
  };
  return setup;
}

/** Posts a recommendation in `channel` through the real flow (command, form, submit); returns its ts. */
export async function postRecommendation(
  s: TeamSetup,
  needs: string[] = ["admin"],
  channel = CHANNEL,
  answers: Record<string, string> = {},
): Promise<string> {
  const opening = s.opened.length;
  await send(s.t.app, {
    ...loadFixture<Record<string, string>>("inbound/slash_command.json"),
    text: "",
    channel_id: channel,
  });
  const view = s.opened[opening]?.view as QuestionsModal;
  const values = questionnaireValues(view, needs);
  for (const [q, value] of Object.entries(answers))
    values[`q_${q}`] = { value: { type: "radio_buttons", selected_option: { value } } };
  const before = s.posts.length;
  const submission = loadFixture<Json>("inbound/view_submission.json");
  await send(s.t.app, {
    ...submission,
    view: {
      ...(submission.view as Json),
      id: `V0TEAMPOST${++tsSeq}`,
      callback_id: "questionnaire",
      private_metadata: view.private_metadata,
      state: { values },
    },
  });
  const post = s.posts[before];
  expect(post?.channel).toBe(channel);
  const ts = post ? postedTs.get(post) : undefined;
  if (!ts) throw new Error("the recommendation was not posted");
  return ts;
}

/** The ts each chat.postMessage call was answered with. */
const postedTs = new WeakMap<ApiCall, string>();

/** The message at `ts` as the channel shows it now: its latest update, else as posted. */
export function messageAt(s: TeamSetup, ts: string): ApiCall {
  const update = [...s.updates].reverse().find((u) => u.ts === ts);
  const post = s.posts.find((p) => postedTs.get(p) === ts);
  const message = update ?? post;
  if (!message) throw new Error(`no message at ${ts}`);
  return message;
}

/** Everything a person reads on the message at `ts`, blocks' text joined. */
export function textAt(s: TeamSetup, ts: string): string {
  const texts: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") texts.push(o.text);
      else Object.values(o).forEach(walk);
    }
  };
  walk(messageAt(s, ts).blocks);
  return texts.join("\n");
}

interface Element {
  action_id?: string;
  value?: string;
  type?: string;
  text?: unknown;
}

/** The block_actions payload of `user` clicking `actionId` on the message at `ts` (as it shows now). */
export function clickOf(s: TeamSetup, ts: string, actionId: string, user: string): Json {
  const message = messageAt(s, ts);
  const blocks = (message.blocks ?? []) as Array<{ block_id?: string; elements?: Element[] }>;
  const holder = blocks.find((b) => b.elements?.some((e) => e.action_id === actionId));
  const button = holder?.elements?.find((e) => e.action_id === actionId);
  if (!holder || !button) throw new Error(`no ${actionId} on the message at ${ts}`);
  const base = loadFixture<Json & { message: Json }>("inbound/block_actions_button.json");
  const responseUrl = `https://hooks.slack.com/actions/${TEAM}/${++hookSeq}/team${hookSeq}`;
  hookUsers.set(new URL(responseUrl).pathname, user);
  const channel = String(message.channel);
  return {
    ...base,
    user: person(user),
    container: { type: "message", message_ts: ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: "dev-backend" },
    message: { ...base.message, ts, text: message.text, blocks },
    response_url: responseUrl,
    trigger_id: `8034588812345.7830312345678.${hookSeq}`,
    actions: [{ ...button, block_id: holder.block_id, action_ts: "1732384538.112907" }],
  };
}

/** `user` clicks `actionId` on the message at `ts`. */
export async function click(s: TeamSetup, ts: string, actionId: string, user: string): Promise<void> {
  await send(s.t.app, clickOf(s, ts, actionId, user));
}

/** What the app told `user` (response_url or ephemeral message), oldest first. */
export function toldTo(s: TeamSetup, user: string): string[] {
  return s.told.filter((x) => x.user === user).map((x) => x.text);
}

let viewSeq = 0;

/**
 * `user` opens their answers form from the message at `ts` (`button`: Add my view or Edit answers)
 * and submits it with `change` applied to what it was prefilled with. Returns the opened form.
 */
export async function submitOwnAnswers(
  s: TeamSetup,
  ts: string,
  user: string,
  change: { answers?: Record<string, string>; needs?: string[]; notes?: string },
  button: "add_view" | "edit_answers" = "add_view",
  viewer: string = user,
): Promise<QuestionsModal & { title?: { text: string } }> {
  const opening = s.opened.length;
  const updating = s.updatedViews.length;
  await click(s, ts, button, user);
  // The form as the person sees it: opened at once, then replaced with what the database says.
  const view = (s.updatedViews[updating]?.view ?? s.opened[opening]?.view) as QuestionsModal & {
    title?: { text: string };
  };
  expect(view, "the form opened").toBeDefined();
  const prefilled = (
    view.blocks as Array<{ block_id?: string; element?: { initial_options?: Array<{ value: string }> } }>
  )
    .find((b) => b.block_id === "q_needs")
    ?.element?.initial_options?.map((o) => o.value);
  const values = questionnaireValues(view, change.needs ?? prefilled ?? []);
  for (const [q, value] of Object.entries(change.answers ?? {}))
    values[`q_${q}`] = { value: { type: "radio_buttons", selected_option: { value } } };
  if (change.notes !== undefined)
    values.q_notes = { value: { type: "plain_text_input", value: change.notes } };
  const submission = loadFixture<Json>("inbound/view_submission.json");
  await send(s.t.app, {
    ...submission,
    user: person(viewer),
    view: {
      ...(submission.view as Json),
      id: `V0OWN${++viewSeq}`,
      callback_id: "questionnaire",
      private_metadata: view.private_metadata,
      state: { values },
    },
  });
  return view;
}

export interface DecideChoice {
  framework: "flask" | "django";
  reason?: string;
  months?: 3 | 6 | 12;
}

/** `user` clicks Mark as decided on the message at `ts`; returns the form, or undefined when it did not open. */
export async function openDecide(s: TeamSetup, ts: string, user: string): Promise<Json | undefined> {
  const opening = s.opened.length;
  await click(s, ts, "mark_decided", user);
  return s.opened[opening]?.view as Json | undefined;
}

/** Submits the decide form as `user`; returns what the submission was acked with (errors, or nothing). */
export async function submitDecide(
  s: TeamSetup,
  form: Json,
  user: string,
  choice: DecideChoice,
): Promise<unknown> {
  const submission = loadFixture<Json>("inbound/view_submission.json");
  const values: Record<string, Json> = {
    decide_framework: { value: { type: "radio_buttons", selected_option: { value: choice.framework } } },
    decide_reason: { value: { type: "plain_text_input", value: choice.reason ?? null } },
    decide_revisit: {
      value: {
        type: "static_select",
        selected_option: choice.months ? { value: String(choice.months) } : null,
      },
    },
  };
  return send(s.t.app, {
    ...submission,
    user: person(user),
    view: {
      ...(submission.view as Json),
      id: `V0DECIDE${++viewSeq}`,
      callback_id: "decide",
      private_metadata: form.private_metadata,
      state: { values },
    },
  });
}

/** Mark as decided, all the way: open the form as `user` and submit it. */
export async function decide(s: TeamSetup, ts: string, user: string, choice: DecideChoice): Promise<unknown> {
  const form = await openDecide(s, ts, user);
  if (!form) throw new Error(`${user} could not open the decide form: ${toldTo(s, user).join(" | ")}`);
  return submitDecide(s, form, user, choice);
}

export const knowledge = getKnowledge();

let answersSeq = 0;

/**
 * `user` submits the questions with `metadata` as the form's private_metadata (as Edit answers or an
 * older or tampered client would send it), every answer as the form offers it but `size`.
 */
export async function submitAnswersWith(
  s: TeamSetup,
  user: string,
  metadata: string,
  size: string,
): Promise<void> {
  if (s.opened.length === 0)
    await send(s.t.app, { ...loadFixture<Record<string, string>>("inbound/slash_command.json"), text: "" });
  const values = questionnaireValues(s.opened[0]?.view as QuestionsModal, ["admin"]);
  values.q_size = { value: { type: "radio_buttons", selected_option: { value: size } } };
  const submission = loadFixture<Json>("inbound/view_submission.json");
  await send(s.t.app, {
    ...submission,
    user: person(user),
    view: {
      ...(submission.view as Json),
      id: `V0ANSWERS${++answersSeq}`,
      callback_id: "questionnaire",
      private_metadata: metadata,
      state: { values },
    },
  });
}
