import { randomBytes } from "node:crypto";
import type { ApiResult, Json } from "./types.js";

/** A canvas as the stand-in keeps it: its markdown, and who may open it. */
export interface FakeCanvas {
  id: string;
  title: string;
  markdown: string;
  /** Set for a channel's own canvas (its Canvas tab). */
  channelCanvasOf?: string;
  /** Channels it is tabbed in (a channel canvas's own; canvases.create's channel_id), whose members may edit it. */
  channels: string[];
}

/** A file upload: reserved by files.getUploadURLExternal, its bytes posted, then shared. */
export interface FakeFile {
  id: string;
  filename: string;
  title: string;
  length: number;
  content?: string;
  /** Where files.completeUploadExternal shared it. */
  sharedIn?: { channel: string; threadTs?: string };
}

/** Canvases and files, in memory, as Slack would hold them for the playground's one workspace. */
export class Documents {
  readonly canvases = new Map<string, FakeCanvas>();
  readonly files = new Map<string, FakeFile>();
  /** Where uploads are posted: the playground's own origin (set once it listens) + /upload/. */
  uploadBase = "http://127.0.0.1/upload/";

  newId(): string {
    return `F${randomBytes(5).toString("hex").toUpperCase()}`;
  }

  /** The channel's own canvas, if it has one. */
  channelCanvas(channel: string): FakeCanvas | undefined {
    return [...this.canvases.values()].find((c) => c.channelCanvasOf === channel);
  }

  /** Every canvas a member of `channel` can open: its own first, then those opened to it. */
  openTo(channel: string): FakeCanvas[] {
    const all = [...this.canvases.values()];
    return [
      ...all.filter((c) => c.channelCanvasOf === channel),
      ...all.filter((c) => c.channelCanvasOf !== channel && c.channels.includes(channel)),
    ];
  }
}

/** An argument the Web API client sends as JSON text in a form (document_content, files, channel_ids). */
export function jsonArg(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** Canvas markdown, as Slack checks it: `{type: "markdown", markdown}`, at most 1 MiB. */
export function documentContent(args: Json): { markdown: string } | ApiResult {
  const content = jsonArg(args.document_content) as { type?: unknown; markdown?: unknown } | undefined;
  if (content === undefined) return { markdown: "" };
  if (content?.type !== "markdown" || typeof content.markdown !== "string")
    return { ok: false, error: "invalid_arguments" };
  if (content.markdown.length > 1_048_576) return { ok: false, error: "canvas_creation_failed" };
  return { markdown: content.markdown };
}
