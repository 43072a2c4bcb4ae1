import { WORKSPACE } from "../workspace.js";
import { documentContent } from "./documents.js";
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

/**
 * canvases.create: a standalone canvas; with channel_id, tabbed in that channel (its members may edit it),
 * in the same call, as Slack does. canvases.access.set is not offered: the app never needs it.
 */
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

export const CANVAS_METHODS: Record<string, Method> = {
  "conversations.canvases.create": createChannelCanvas,
  "canvases.create": createCanvas,
};
