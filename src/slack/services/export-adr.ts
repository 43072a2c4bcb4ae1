/**
 * "Export as ADR": puts a decision record in Slack, by the best route the workspace allows.
 *
 * 1. The channel's own canvas (conversations.canvases.create): it shows as the channel's Canvas tab.
 * 2. The channel has one already (channel_canvas_already_exists): a standalone canvas tabbed in the channel
 *    (canvases.create with channel_id: made and shared with the channel's members in one call, so there is
 *    never a canvas made but not shared), linked in the recommendation's thread.
 * 3. Canvases are not available (a free plan, turned off or restricted, the scope missing…; an explicit
 *    list, see isCanvasUnavailable): the record as a Markdown file in the recommendation's thread
 *    (files.uploadV2: three calls, see SlackCalls.uploadFile).
 *
 * Each creating call is made once: a retry after a lost answer would make a second canvas or file. So a
 * call Slack did not answer in time stops the chain, and the person is told to look for it before trying
 * again. Any other failure (Slack down, rate limits, a channel the bot is not in) stops it too: the next
 * route would fail the same way. The result says where the record went, or why nothing worked.
 */
import type { Logger } from "pino";
import {
  isCanvasUnavailable,
  isChannelCanvasTaken,
  isNoAccess,
  isTimeout,
  reasonWords,
  slackErrorCode,
} from "../slack-errors.js";
import { adrAsCanvas } from "./canvas-markdown.js";
import type { SlackCalls } from "./slack-api.js";
import { canvasLink } from "./workspace-links.js";

export interface ExportTarget {
  teamId: string;
  /** The recommendation's channel and message: the canvas goes to the channel, the file to the thread. */
  channel: string;
  threadTs: string;
  /** Who asked for it: named in what the channel sees. */
  user: string;
  /** The workspace's address, for the canvas's link (see WorkspaceLinks); unknown when undefined. */
  base?: string | undefined;
}

/** Where a canvas went: the channel's own, or a standalone one tabbed in the channel. */
interface CanvasExport {
  ok: true;
  title: string;
  canvasId: string;
  url?: string;
}

export type Exported =
  | (CanvasExport & { via: "channel_canvas" })
  /** `linkError`: the canvas is in the channel, but its link could not be posted in the thread. */
  | (CanvasExport & { via: "canvas"; linkError?: string })
  | { ok: true; via: "file"; title: string; fileName: string; canvasError: string }
  | {
      ok: false;
      error: string;
      words: string;
      noAccess: boolean;
      /** Slack did not answer the call that makes it in time: it may have been made all the same. */
      unanswered?: "canvas" | "file";
    };

/** "Use Flask for an online shop" → "use-flask-for-an-online-shop.md". */
export function adrFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${slug || "decision"}.md`;
}

const failed = (err: unknown, making?: "canvas" | "file"): Exported => ({
  ok: false,
  error: slackErrorCode(err),
  words: reasonWords(err),
  noAccess: isNoAccess(err),
  ...(making && isTimeout(err) ? { unanswered: making } : {}),
});

export async function exportAdr(
  api: SlackCalls,
  log: Logger,
  target: ExportTarget,
  adr: string,
): Promise<Exported> {
  const canvas = adrAsCanvas(adr);
  const content = { type: "markdown" as const, markdown: canvas.markdown };
  const title = canvas.title;
  const link = (id: string) => (target.base ? { url: canvasLink(target.base, target.teamId, id) } : {});
  let canvasError: unknown;
  try {
    const res = await api.createChannelCanvas({
      channel_id: target.channel,
      title,
      document_content: content,
    });
    if (!res.canvas_id) throw new Error("conversations.canvases.create returned no canvas_id");
    return { ok: true, via: "channel_canvas", title, canvasId: res.canvas_id, ...link(res.canvas_id) };
  } catch (err) {
    if (!isChannelCanvasTaken(err) && !isCanvasUnavailable(err)) return failed(err, "canvas");
    canvasError = err;
  }
  if (isChannelCanvasTaken(canvasError)) {
    try {
      const res = await api.createCanvas({ title, document_content: content, channel_id: target.channel });
      const id = res.canvas_id;
      if (!id) throw new Error("canvases.create returned no canvas_id");
      const at = link(id);
      const named = at.url ? `<${at.url}|${title}>` : `“${title}” (in the channel's tabs)`;
      const linkError = await api
        .postMessage({
          channel: target.channel,
          thread_ts: target.threadTs,
          text: `<@${target.user}> exported this decision as a canvas: ${named}`,
        })
        .then(
          () => undefined,
          (e: unknown) => {
            log.warn({ code: slackErrorCode(e) }, "could not link the canvas in the thread");
            return reasonWords(e);
          },
        );
      return { ok: true, via: "canvas", title, canvasId: id, ...at, ...(linkError ? { linkError } : {}) };
    } catch (err) {
      // A free plan's tab is taken too, or standalone canvases are refused: the file.
      if (!isCanvasUnavailable(err) && !isChannelCanvasTaken(err)) return failed(err, "canvas");
      canvasError = err;
    }
  }
  log.info({ code: slackErrorCode(canvasError) }, "canvases unavailable; exporting the ADR as a file");
  const fileName = adrFileName(title);
  try {
    await api.uploadFile({
      channel_id: target.channel,
      thread_ts: target.threadTs,
      filename: fileName,
      title,
      content: adr,
      initial_comment: `<@${target.user}> exported this decision as a Markdown record (MADR), ready to commit under \`docs/adr/\`.`,
    });
    return { ok: true, via: "file", title, fileName, canvasError: slackErrorCode(canvasError) };
  } catch (err) {
    return failed(err, "file");
  }
}

/** What the person who clicked is told: where the record went, or what to do now. */
export function exportedWords(result: Exported, channel: string): string {
  if (!result.ok) return failureWords(result, channel);
  if (result.via === "channel_canvas") {
    const open = result.url ? `: <${result.url}|open it>` : "";
    return `I exported “${result.title}” as the canvas of <#${channel}> (its Canvas tab)${open}.`;
  }
  if (result.via === "canvas") {
    const named = result.url ? `<${result.url}|${result.title}>` : `“${result.title}”`;
    const made = `<#${channel}> already has a canvas, so I made a new one, ${named}, and added it to the channel's tabs`;
    return result.linkError
      ? `${made}, but I couldn't link it in the recommendation's thread (${result.linkError}).`
      : `${made} and linked it in the recommendation's thread.`;
  }
  return `Canvases aren't available here (Slack answered “${result.canvasError}”), so I posted the record as a Markdown file, \`${result.fileName}\`, in the recommendation's thread in <#${channel}>.`;
}

function failureWords(result: Extract<Exported, { ok: false }>, channel: string): string {
  if (result.unanswered === "canvas")
    return `Slack didn't answer in time while I was making the canvas, so it may have been made all the same: look at <#${channel}>'s canvases (its Canvas tab and its tabs) before clicking *Export as ADR* again.`;
  if (result.unanswered === "file")
    return `Slack didn't answer in time while I was sharing the record as a file, so it may be there all the same: look in the recommendation's thread in <#${channel}> before clicking *Export as ADR* again.`;
  if (result.noAccess)
    return `I couldn't export the decision record to <#${channel}>: I'm not a member of it (or it is archived). Add me with \`/invite @flask-or-django\` there, then click *Export as ADR* again.`;
  if (result.error === "missing_scope")
    return "I couldn't export the decision record: this install of the app may not create canvases or upload files yet. Ask whoever manages the app in your workspace to reinstall it (its settings page → Install App), then click *Export as ADR* again.";
  return `I couldn't export the decision record: ${result.words}. Please click *Export as ADR* again in a moment.`;
}
