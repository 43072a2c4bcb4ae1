/** What the stand-in for Slack keeps. Blocks and views stay loosely typed: they are whatever the app sent. */
export type Json = Record<string, unknown>;

export interface MessageMetadata {
  event_type: string;
  event_payload: Json;
}

/** A message as Slack stores it (the fields the Web API returns), plus who may see it. */
export interface StoredMessage {
  type: "message";
  channel: string;
  ts: string;
  user: string;
  text: string;
  team: string;
  blocks?: Json[];
  bot_id?: string;
  app_id?: string;
  thread_ts?: string;
  metadata?: MessageMetadata;
  edited?: { user: string; ts: string };
  /** Files shared with the message (files.completeUploadExternal): id, name, title, filetype. */
  files?: Json[];
  /** Set on ephemeral messages: only this user sees them, and the Web API never returns them. */
  ephemeralFor?: string;
}

/** A suggested prompt in the agent side pane: Slack shows the title and sends the message as the person's. */
export interface PanePrompt {
  title: string;
  message: string;
}

/** An agent side pane thread (in the app's DM): what the app set on it with assistant.threads.*. */
export interface PaneThread {
  threadTs: string;
  /** "" when none: Slack clears it when the app replies in the thread. */
  status: string;
  title: string;
  prompts: PanePrompt[];
  promptsTitle: string;
}

/** A modal or Home tab as Slack stores it after views.open/update/push/publish. */
export interface StoredView {
  id: string;
  user: string;
  view: Json;
  /** Inline errors from a `response_action: "errors"` answer, by block_id. */
  errors?: Record<string, string>;
}

/** A Web API answer: `{ ok: true, … }` or `{ ok: false, error }`, always HTTP 200 like Slack. */
export type ApiResult = Json & { ok: boolean };

export const fail = (error: string, extra: Json = {}): ApiResult => ({ ok: false, error, ...extra });

/** A message the app scheduled: Slack posts it at `post_at` (epoch seconds), in its thread if it has one. */
export interface ScheduledMessage {
  id: string;
  channel: string;
  post_at: number;
  text: string;
  blocks?: Json[];
  thread_ts?: string;
}
