import { WORKSPACE } from "../workspace.js";
import { jsonArg } from "./documents.js";
import { str } from "./params.js";
import type { SlackState } from "./state.js";
import { type ApiResult, fail, type Json } from "./types.js";

type Method = (state: SlackState, args: Json) => ApiResult;

/** files.getUploadURLExternal: reserves a file id and a URL on the playground's own server to post it to. */
const getUploadUrl: Method = (state, args) => {
  const filename = str(args.filename);
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length <= 0) return fail("invalid_arguments");
  const id = state.documents.newId();
  state.documents.files.set(id, { id, filename, title: filename, length });
  return { ok: true, upload_url: `${state.documents.uploadBase}${id}`, file_id: id };
};

/**
 * The upload itself (POST to the upload_url, as @slack/web-api sends it: multipart with the bytes as a
 * file part). Answers as Slack's upload host does: 200 "OK - <length>", or an error status.
 */
export async function receiveUpload(
  state: SlackState,
  fileId: string,
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ status: number; body: string }> {
  const file = state.documents.files.get(fileId);
  if (!file) return { status: 404, body: "file not found" };
  let content: string;
  try {
    const form = await new Request("http://upload.invalid/", {
      method: "POST",
      headers: { "content-type": contentType ?? "" },
      body: new Uint8Array(raw),
    }).formData();
    const part = [...form.values()].find((v) => typeof v !== "string");
    if (part === undefined || typeof part === "string") return { status: 400, body: "no file part" };
    content = await part.text();
  } catch {
    return { status: 400, body: "not multipart" };
  }
  if (Buffer.byteLength(content) !== file.length) return { status: 400, body: "length mismatch" };
  file.content = content;
  return { status: 200, body: `OK - ${file.length}` };
}

/** files.completeUploadExternal: shares the uploaded files in a channel or thread, as a message of the bot's. */
const completeUpload: Method = (state, args) => {
  const listed = jsonArg(args.files);
  if (!Array.isArray(listed) || listed.length === 0) return fail("invalid_arguments");
  const files = listed.map((f: { id?: unknown; title?: unknown }) =>
    state.documents.files.get(String(f?.id)),
  );
  if (files.some((f) => !f?.content)) return fail("file_not_found");
  const channel = str(args.channel_id);
  if (channel && !state.channels.has(channel)) return fail("channel_not_found");
  const threadTs = str(args.thread_ts);
  if (channel && threadTs && !state.find(channel, threadTs)) return fail("thread_not_found");
  listed.forEach((f: { title?: unknown }, i) => {
    const file = files[i];
    if (file && typeof f?.title === "string") file.title = f.title;
  });
  if (channel) {
    for (const f of files) if (f) f.sharedIn = { channel, ...(threadTs ? { threadTs } : {}) };
    state.add({
      channel,
      user: WORKSPACE.bot.userId,
      bot_id: WORKSPACE.bot.id,
      app_id: WORKSPACE.apiAppId,
      text: str(args.initial_comment) ?? "",
      files: files.map((f) => ({ id: f?.id, name: f?.filename, title: f?.title, filetype: "markdown" })),
      ...(threadTs ? { thread_ts: threadTs } : {}),
    });
  }
  state.changed();
  return { ok: true, files: files.map((f) => ({ id: f?.id, title: f?.title })) };
};

export const FILE_METHODS: Record<string, Method> = {
  "files.getUploadURLExternal": getUploadUrl,
  "files.completeUploadExternal": completeUpload,
};
