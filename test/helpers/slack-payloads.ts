/**
 * Inbound payloads built from test/fixtures/inbound, changing only what a test is about (the text, the
 * time, the thread, the action), so every test sends the envelope Slack really sends.
 */
import { loadFixture } from "./slack-request.js";

type Json = Record<string, unknown>;
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
