import { personByDm, personById, WORKSPACE } from "../workspace.js";
import { CANVAS_METHODS } from "./canvas-methods.js";
import { FILE_METHODS } from "./file-methods.js";
import { str, truthy } from "./params.js";
import type { SlackState } from "./state.js";
import {
  type ApiResult,
  fail,
  type Json,
  type MessageMetadata,
  type PaneThread,
  type StoredMessage,
} from "./types.js";

/** Slack's limits that the stand-in enforces, so the playground fails where Slack would. */
const MAX_MESSAGE_BLOCKS = 50;
const MAX_VIEW_BLOCKS = 100;
const MAX_PROMPTS = 4;
/** chat.scheduleMessage takes a post_at at most 120 days ahead. */
const MAX_SCHEDULE_AHEAD_S = 120 * 24 * 60 * 60;
const EVENT_TYPE = /^[A-Za-z0-9_-]+$/;

type Method = (state: SlackState, args: Json) => ApiResult;

/** A message as the Web API returns it: no viewer bookkeeping, metadata only when asked for. */
export function publicMessage(m: StoredMessage, withMetadata: boolean, state?: SlackState): Json {
  const { ephemeralFor: _hidden, channel: _channel, metadata, ...rest } = m;
  const out: Json = { ...rest };
  if (withMetadata && metadata) out.metadata = metadata;
  if (state && (m.thread_ts === undefined || m.thread_ts === m.ts)) {
    const replies = state.replies(m.channel, m.ts).filter((r) => !r.ephemeralFor);
    if (replies.length > 0) {
      out.thread_ts = m.ts;
      out.reply_count = replies.length;
      out.reply_users = [...new Set(replies.map((r) => r.user))];
      out.latest_reply = replies[replies.length - 1]?.ts;
    }
  }
  return out;
}

function readMessage(args: Json): { text: string; blocks?: Json[] } | { error: string } {
  const text = typeof args.text === "string" ? args.text : "";
  const blocks = args.blocks;
  if (blocks !== undefined && !Array.isArray(blocks)) return { error: "invalid_blocks_format" };
  if (Array.isArray(blocks) && blocks.length > MAX_MESSAGE_BLOCKS) return { error: "invalid_blocks" };
  if (text === "" && (!Array.isArray(blocks) || blocks.length === 0)) return { error: "no_text" };
  return { text, ...(Array.isArray(blocks) ? { blocks: blocks as Json[] } : {}) };
}

function readMetadata(args: Json): MessageMetadata | undefined | { error: string } {
  const m = args.metadata as Partial<MessageMetadata> | undefined;
  if (m === undefined) return undefined;
  if (typeof m !== "object" || typeof m.event_type !== "string" || !EVENT_TYPE.test(m.event_type)) {
    return { error: "invalid_metadata_format" };
  }
  const payload = m.event_payload && typeof m.event_payload === "object" ? m.event_payload : {};
  return { event_type: m.event_type, event_payload: payload };
}

const botFields = () => ({
  user: WORKSPACE.bot.userId,
  bot_id: WORKSPACE.bot.id,
  app_id: WORKSPACE.apiAppId,
});

const postMessage: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const body = readMessage(args);
  if ("error" in body) return fail(body.error);
  const metadata = readMetadata(args);
  if (metadata && "error" in metadata) return fail(metadata.error);
  const threadTs = str(args.thread_ts);
  if (threadTs && !state.find(channel, threadTs)) return fail("thread_not_found");
  const stored = state.add({
    channel,
    ...botFields(),
    ...body,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(metadata ? { metadata } : {}),
  });
  // The app's reply in a pane thread clears the status it set there, as Slack does.
  const pane = state.paneOf(stored);
  if (pane && pane.status !== "") {
    pane.status = "";
    state.changed();
  }
  return { ok: true, channel, ts: stored.ts, message: publicMessage(stored, true) };
};

const postEphemeral: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const person = personById(str(args.user));
  if (!person) return fail("user_not_in_channel");
  const body = readMessage(args);
  if ("error" in body) return fail(body.error);
  const threadTs = str(args.thread_ts);
  const stored = state.add({
    channel,
    ...botFields(),
    ...body,
    ephemeralFor: person.id,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return { ok: true, message_ts: stored.ts };
};

const update: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const message = state.find(channel, str(args.ts) ?? "");
  if (!message || message.ephemeralFor) return fail("message_not_found");
  if (message.bot_id !== WORKSPACE.bot.id) return fail("cant_update_message");
  const body = readMessage(args);
  if ("error" in body) return fail(body.error);
  const metadata = readMetadata(args);
  if (metadata && "error" in metadata) return fail(metadata.error);
  message.text = body.text;
  if (body.blocks) message.blocks = body.blocks;
  if (metadata) message.metadata = metadata;
  state.changed();
  return { ok: true, channel, ts: message.ts, text: message.text, message: publicMessage(message, true) };
};

const replies: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const ts = str(args.ts) ?? "";
  const parent = state.find(channel, ts);
  if (!parent || parent.ephemeralFor) return fail("thread_not_found");
  const withMetadata = truthy(args.include_all_metadata);
  const all = [parent, ...state.replies(channel, ts).filter((m) => !m.ephemeralFor)];
  const limit = Number(args.limit) > 0 ? Number(args.limit) : 1000;
  return {
    ok: true,
    messages: all.slice(0, limit).map((m) => publicMessage(m, withMetadata, state)),
    has_more: all.length > limit,
    response_metadata: { next_cursor: "" },
  };
};

const history: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const withMetadata = truthy(args.include_all_metadata);
  const top = state
    .messagesIn(channel)
    .filter((m) => !m.ephemeralFor && (m.thread_ts === undefined || m.thread_ts === m.ts))
    .reverse();
  const limit = Number(args.limit) > 0 ? Number(args.limit) : 100;
  return {
    ok: true,
    messages: top.slice(0, limit).map((m) => publicMessage(m, withMetadata, state)),
    has_more: top.length > limit,
    response_metadata: { next_cursor: "" },
  };
};

const open: Method = (_state, args) => {
  const users = String(args.users ?? "").split(",");
  const person = users.length === 1 ? personById(users[0]) : undefined;
  if (!person) return fail("user_not_found");
  return { ok: true, channel: { id: person.dm } };
};

const authTest: Method = () => ({
  ok: true,
  url: `https://${WORKSPACE.team.domain}.slack.com/`,
  team: "Playground",
  user: WORKSPACE.bot.name,
  team_id: WORKSPACE.team.id,
  user_id: WORKSPACE.bot.userId,
  bot_id: WORKSPACE.bot.id,
  is_enterprise_install: false,
});

/** The view argument, or undefined when Slack would answer invalid_arguments. */
function readView(args: Json, type: "modal" | "home"): Json | undefined {
  const view = args.view as Json | undefined;
  if (!view || typeof view !== "object" || view.type !== type) return undefined;
  if (!Array.isArray(view.blocks) || view.blocks.length > MAX_VIEW_BLOCKS) return undefined;
  return view;
}

const viewsOpen: Method = (state, args) => {
  const trigger = state.useTrigger(str(args.trigger_id) ?? "");
  if ("error" in trigger) return fail(trigger.error);
  const view = readView(args, "modal");
  if (!view) return fail("invalid_arguments");
  const stored = state.materializeView(view, trigger.user);
  // A new modal from outside a modal replaces whatever was open.
  state.modals.set(trigger.user, [stored]);
  state.changed();
  return { ok: true, view: stored.view };
};

const viewsPush: Method = (state, args) => {
  const trigger = state.useTrigger(str(args.trigger_id) ?? "");
  if ("error" in trigger) return fail(trigger.error);
  const view = readView(args, "modal");
  if (!view) return fail("invalid_arguments");
  const stack = state.modals.get(trigger.user);
  if (!stack || stack.length === 0) return fail("not_found");
  if (stack.length >= 3) return fail("push_limit_reached");
  const stored = state.materializeView(view, trigger.user);
  stack.push(stored);
  state.changed();
  return { ok: true, view: stored.view };
};

const viewsUpdate: Method = (state, args) => {
  const current = state.findModal(str(args.view_id), str(args.external_id));
  if (!current) return fail("not_found");
  const hash = str(args.hash);
  if (hash && hash !== current.view.hash) return fail("hash_conflict");
  const view = readView(args, "modal");
  if (!view) return fail("invalid_arguments");
  const next = state.materializeView(view, current.user, current.id);
  current.view = next.view;
  delete current.errors;
  state.changed();
  return { ok: true, view: current.view };
};

const viewsPublish: Method = (state, args) => {
  const user = str(args.user_id);
  if (!user || !personById(user)) return fail("user_not_found");
  const view = readView(args, "home");
  if (!view) return fail("invalid_arguments");
  const previous = state.homes.get(user);
  // As Slack: a hash that is not the published tab's means the tab changed since the caller saw it.
  const hash = str(args.hash);
  if (hash && previous && previous.view.hash !== hash) return fail("hash_conflict");
  const stored = state.materializeView(view, user, previous?.id);
  state.homes.set(user, stored);
  state.changed();
  return { ok: true, view: stored.view };
};

/** The pane thread named by channel_id and thread_ts, or the error Slack gives. */
function paneArg(state: SlackState, args: Json): PaneThread | ApiResult {
  if (!personByDm(str(args.channel_id))) return fail("channel_not_found");
  return state.panes.get(str(args.thread_ts) ?? "") ?? fail("invalid_thread_ts");
}
const isPane = (v: PaneThread | ApiResult): v is PaneThread => "threadTs" in v;

const setStatus: Method = (state, args) => {
  const pane = paneArg(state, args);
  if (!isPane(pane)) return pane;
  if (typeof args.status !== "string") return fail("invalid_arguments");
  pane.status = args.status;
  state.changed();
  return { ok: true };
};

const setTitle: Method = (state, args) => {
  const pane = paneArg(state, args);
  if (!isPane(pane)) return pane;
  const title = str(args.title);
  if (!title) return fail("invalid_arguments");
  pane.title = title;
  state.changed();
  return { ok: true };
};

const setSuggestedPrompts: Method = (state, args) => {
  const pane = paneArg(state, args);
  if (!isPane(pane)) return pane;
  const prompts = args.prompts;
  const valid =
    Array.isArray(prompts) &&
    prompts.length >= 1 &&
    prompts.length <= MAX_PROMPTS &&
    prompts.every((p: Json) => typeof p?.title === "string" && typeof p?.message === "string");
  if (!valid) return fail("invalid_arguments");
  pane.prompts = (prompts as Json[]).map((p) => ({ title: String(p.title), message: String(p.message) }));
  pane.promptsTitle = str(args.title) ?? "Try these prompts:";
  state.changed();
  return { ok: true };
};

const getPermalink: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const message = state.find(channel, str(args.message_ts) ?? "");
  if (!message || message.ephemeralFor) return fail("message_not_found");
  return { ok: true, channel, permalink: state.permalink(channel, message.ts) };
};

const scheduleMessage: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const body = readMessage(args);
  if ("error" in body) return fail(body.error);
  const postAt = Number(args.post_at);
  const now = state.nowSeconds();
  if (!Number.isInteger(postAt)) return fail("invalid_time");
  if (postAt <= now) return fail("time_in_past");
  if (postAt > now + MAX_SCHEDULE_AHEAD_S) return fail("time_too_far");
  const threadTs = str(args.thread_ts);
  if (threadTs && !state.find(channel, threadTs)) return fail("thread_not_found");
  const scheduled = state.schedule({
    channel,
    post_at: postAt,
    ...body,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
  return {
    ok: true,
    channel,
    scheduled_message_id: scheduled.id,
    post_at: postAt,
    message: {
      type: "message",
      ...botFields(),
      text: body.text,
      ...(body.blocks ? { blocks: body.blocks } : {}),
    },
  };
};

const deleteScheduledMessage: Method = (state, args) => {
  const channel = state.resolveChannel(str(args.channel) ?? "");
  if (!channel) return fail("channel_not_found");
  const id = str(args.scheduled_message_id) ?? "";
  const scheduled = state.scheduled.get(id);
  if (!scheduled || scheduled.channel !== channel) return fail("invalid_scheduled_message_id");
  state.scheduled.delete(id);
  state.changed();
  return { ok: true };
};

/** The Web API methods the app calls. Anything else answers `unknown_method`, like Slack. */
const METHODS: Record<string, Method> = {
  "auth.test": authTest,
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.getPermalink": getPermalink,
  "chat.scheduleMessage": scheduleMessage,
  "chat.deleteScheduledMessage": deleteScheduledMessage,
  "conversations.replies": replies,
  "conversations.history": history,
  "conversations.open": open,
  "views.open": viewsOpen,
  "views.push": viewsPush,
  "views.update": viewsUpdate,
  "views.publish": viewsPublish,
  "assistant.threads.setStatus": setStatus,
  "assistant.threads.setTitle": setTitle,
  "assistant.threads.setSuggestedPrompts": setSuggestedPrompts,
  ...CANVAS_METHODS,
  ...FILE_METHODS,
};

export function callMethod(state: SlackState, method: string, args: Json): ApiResult {
  const handler = METHODS[method];
  return handler ? handler(state, args) : fail("unknown_method");
}
