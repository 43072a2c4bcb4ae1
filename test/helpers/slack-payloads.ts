/**
 * Inbound payloads built from test/fixtures/inbound, changing only what a test is about (the text, the
 * time, the thread, the action), so every test sends the envelope Slack really sends.
 */
import type { Json } from "./json.js";
import { loadFixture } from "./slack-request.js";

export type EventEnvelope = Json & { event: Json };

/** The channel every inbound fixture happens in. */
export const FIXTURE_CHANNEL = "C07QF9S3K2L";

/** The thread the inbound thread fixtures are in: the ts chat.postMessage_ok answers with. */
export const FIXTURE_PARENT_TS = "1732384472.318669";

/** Inbound event fixtures that happen in a thread. */
export type ThreadEventFixture = "event_message_thread_reply" | "event_app_mention_in_thread";

/** An Events API envelope from `inbound/<fixture>.json` with some of the event's fields replaced. */
export function fixtureEvent(fixture: string, event: Json = {}, envelope: Json = {}): EventEnvelope {
  const base = loadFixture<Json>(`inbound/${fixture}.json`);
  return { ...base, ...envelope, event: { ...(base.event as Json), ...event } };
}

/**
 * A message (or mention) posted at `ts` in the thread under `threadTs`: a new event_id and ts each time,
 * so the app's dedupe treats it as a new question. `extra` overrides further event fields.
 */
export function threadEvent(
  fixture: ThreadEventFixture,
  text: string,
  at: { ts: string; eventId: string; threadTs?: string },
  extra: Json = {},
): EventEnvelope {
  const { ts, eventId, threadTs = FIXTURE_PARENT_TS } = at;
  return fixtureEvent(
    fixture,
    { text, ts, event_ts: ts, thread_ts: threadTs, ...extra },
    { event_id: eventId },
  );
}

/** The event as if posted at the top level: without the thread fields. */
export function outsideThread(event: Json): Json {
  const { thread_ts: _t, parent_user_id: _p, ...rest } = event;
  return rest;
}

/** Like `fixtureEvent`, but posted at the top level (a channel or a DM) rather than in the fixture's thread. */
export function topLevelEvent(
  fixture: ThreadEventFixture,
  event: Json = {},
  envelope: Json = {},
): EventEnvelope {
  const base = fixtureEvent(fixture, {}, envelope);
  return { ...base, event: { ...outsideThread(base.event), ...event } };
}

let channelMessages = 0;

/**
 * Someone's top-level message in `channel` (the thread-reply fixture outside its thread), with Slack's
 * `channel_type`: "channel" for a public channel, "group" for a private one. The app answers nothing, but
 * learns the channel's kind from it.
 */
export function channelMessage(channel: string, channelType: "channel" | "group"): EventEnvelope {
  channelMessages += 1;
  const ts = `1732390000.${String(channelMessages).padStart(6, "0")}`;
  return topLevelEvent(
    "event_message_thread_reply",
    { channel, channel_type: channelType, ts, event_ts: ts, text: "Morning all" },
    { event_id: `Ev0CHANMSG${channelMessages}` },
  );
}

/** "Ask about a feature" chosen on a recommendation (block_actions_static_select.json), without its message. */
export function askFeatureSelect(option: { text: string; value: string }): Json {
  const select = loadFixture<Json>("inbound/block_actions_static_select.json");
  return {
    ...select,
    actions: [
      {
        type: "static_select",
        action_id: "ask_feature",
        block_id: "recommendation_actions",
        selected_option: { text: { type: "plain_text", text: option.text }, value: option.value },
        action_ts: "1732384538.112907",
      },
    ],
  };
}

/** The global "compare_frameworks" shortcut, as Slack sends it. */
export function compareShortcut(
  user: { id: string; username: string },
  triggerId: string,
  actionTs: string,
): Json {
  return {
    type: "shortcut",
    token: "kXq3ZpT9wR2mLb7VnJ4sYc8e",
    action_ts: actionTs,
    team: { id: "T07QDKX2N5M", domain: "acme-eng" },
    user: { ...user, team_id: "T07QDKX2N5M" },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: "compare_frameworks",
    trigger_id: triggerId,
  };
}

/** A button of a posted message clicked (block_actions_button.json), with the message it is on. */
export function buttonClick(message: { blocks?: unknown; ts?: string }, actionId: string): Json {
  const base = loadFixture<Json & { container: Json; message: Json }>("inbound/block_actions_button.json");
  const blocks = (message.blocks ?? []) as Array<{ block_id?: string; elements?: Json[] }>;
  const holder = blocks.find((b) => b.elements?.some((e) => e.action_id === actionId));
  const button = holder?.elements?.find((e) => e.action_id === actionId);
  if (!holder || !button) throw new Error(`no ${actionId} button on the message`);
  return {
    ...base,
    message: { ...base.message, blocks, ...(message.ts ? { ts: message.ts } : {}) },
    actions: [{ ...button, block_id: holder.block_id, action_ts: "1732384538.112907" }],
  };
}

/** The App Home tab the app published (views.publish's `view`), as the tests read it. */
export interface PublishedHome {
  type: string;
  blocks: Array<Json & { block_id?: string; accessory?: Json; elements?: Json[]; text?: Json }>;
}

/**
 * Something clicked or chosen on App Home (block_actions_button.json without its message): the container
 * is the view, the view itself comes along with its state, and there is no response_url. `value` picks
 * one of several buttons with the same action id (App Home's rows); `selected`, a select's option.
 */
export function homeAction(
  home: PublishedHome,
  actionId: string,
  pick: { selected?: string; value?: string; user?: { id: string; username: string } } = {},
): Json {
  const base = loadFixture<Json & { user: Json }>("inbound/block_actions_button.json");
  const { channel: _c, message: _m, container: _ct, response_url: _r, state: _s, ...rest } = base;
  const matches = (e: Json | undefined) =>
    e?.action_id === actionId && (pick.value === undefined || e.value === pick.value);
  const holder = home.blocks.find((b) => matches(b.accessory) || b.elements?.some(matches));
  const element = [holder?.accessory, ...(holder?.elements ?? [])].find(matches);
  if (!holder || !element) throw new Error(`no ${actionId} ${pick.value ?? ""} on the Home tab`);
  const option = (element.options as Array<{ value: string }> | undefined)?.find(
    (o) => o.value === pick.selected,
  );
  if (pick.selected !== undefined && !option) throw new Error(`no option ${pick.selected} on ${actionId}`);
  const blockId = holder.block_id ?? "Xrow1";
  const action: Json = {
    ...element,
    block_id: blockId,
    action_ts: "1732385001.000001",
    ...(option ? { selected_option: option } : {}),
  };
  const user = pick.user ?? { id: "U05HV6XQ1AB", username: "alice.nguyen" };
  return {
    ...rest,
    user: { ...base.user, id: user.id, username: user.username, name: user.username },
    container: { type: "view", view_id: "V081M7Q2R3S" },
    view: {
      id: "V081M7Q2R3S",
      type: "home",
      blocks: home.blocks,
      state: { values: option ? { [blockId]: { [actionId]: action } } : {} },
    },
    actions: [action],
  };
}
