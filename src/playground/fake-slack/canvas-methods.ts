import { WORKSPACE } from "../workspace.js";
import { documentContent, jsonArg } from "./documents.js";
import { str } from "./params.js";
import type { SlackState } from "./state.js";
import { type ApiResult, fail, type Json } from "./types.js";

type Method = (state: SlackState, args: Json) => ApiResult;

/** conversations.canvases.create: a channel's own canvas; Slack allows one per channel. */
const createChannelCanvas: Method = (state, args) => {
  const channel = str(args.channel_id);
  if (!channel || !state.channels.has(channel) || channel === WORKSPACE.dm.id)
    return fail("channel_not_found");
  if (state.documents.channelCanvas(channel)) return fail("channel_canvas_already_exists");
  const content = documentContent(args);
  if ("ok" in content) return content;
  const id = state.documents.newId();
  state.documents.canvases.set(id, {
    id,
    title: str(args.title) ?? "Untitled",
    markdown: content.markdown,
    channelCanvasOf: channel,
    channels: [channel],
  });
  state.changed();
  return { ok: true, canvas_id: id };
};

/** canvases.create: a standalone canvas, opened to nobody until canvases.access.set. */
const createCanvas: Method = (state, args) => {
  const content = documentContent(args);
  if ("ok" in content) return content;
  const channel = str(args.channel_id);
  if (channel && !state.channels.has(channel)) return fail("channel_not_found");
  const id = state.documents.newId();
  state.documents.canvases.set(id, {
    id,
    title: str(args.title) ?? "Untitled",
    markdown: content.markdown,
    channels: channel ? [channel] : [],
  });
  state.changed();
  return { ok: true, canvas_id: id };
};

/** canvases.access.set: opens a canvas to channels (the only kind of access the app gives). */
const setAccess: Method = (state, args) => {
  const canvas = state.documents.canvases.get(str(args.canvas_id) ?? "");
  if (!canvas) return fail("canvas_not_found");
  if (args.access_level !== "read" && args.access_level !== "write") return fail("invalid_arguments");
  const channels = jsonArg(args.channel_ids);
  if (!Array.isArray(channels) || channels.some((c) => typeof c !== "string" || !state.channels.has(c)))
    return fail("channel_not_found");
  for (const c of channels as string[]) if (!canvas.channels.includes(c)) canvas.channels.push(c);
  state.changed();
  return { ok: true };
};

export const CANVAS_METHODS: Record<string, Method> = {
  "conversations.canvases.create": createChannelCanvas,
  "canvases.create": createCanvas,
  "canvases.access.set": setAccess,
};
