import { randomBytes } from "node:crypto";
import type { SlackState } from "../fake-slack/state.js";
import type { Json } from "../fake-slack/types.js";
import { WORKSPACE } from "../workspace.js";

/** Slack's rules for a response_url: 5 uses within 30 minutes. */
const MAX_USES = 5;
const TTL_MS = 30 * 60_000;

interface Target {
  channel: string;
  /** Who the interaction came from: an ephemeral answer is theirs alone. */
  user: string;
  /** The message the interaction came from (replace_original / delete_original act on it). */
  messageTs?: string;
  threadTs?: string;
  uses: number;
  createdAt: number;
}

/**
 * response_urls the playground hands out with block actions, pointing back at its own server, and
 * what a POST to one does: an ephemeral note, a message in the channel, or a change to the original.
 */
export class ResponseUrls {
  private readonly targets = new Map<string, Target>();

  constructor(
    private readonly state: SlackState,
    private readonly baseUrl: string,
  ) {}

  create(target: Omit<Target, "uses" | "createdAt">): string {
    const id = randomBytes(12).toString("hex");
    this.targets.set(id, { ...target, uses: 0, createdAt: Date.now() });
    return `${this.baseUrl}/playground/response/${id}`;
  }

  /** Applies one POST; returns the HTTP status and body Slack would answer with. */
  post(id: string, body: Json): { status: number; body: string } {
    const t = this.targets.get(id);
    if (!t || Date.now() - t.createdAt > TTL_MS) return { status: 404, body: "expired_url" };
    if (t.uses >= MAX_USES) return { status: 404, body: "used_url" };
    t.uses += 1;
    const text = typeof body.text === "string" ? body.text : "";
    const blocks = Array.isArray(body.blocks) ? (body.blocks as Json[]) : undefined;
    if (text === "" && !blocks && body.delete_original !== true) return { status: 400, body: "no_text" };
    const original = t.messageTs ? this.state.find(t.channel, t.messageTs) : undefined;
    if (body.delete_original === true) {
      if (original) this.state.remove(t.channel, original.ts);
      return { status: 200, body: "ok" };
    }
    if (body.replace_original === true && original) {
      original.text = text;
      if (blocks) original.blocks = blocks;
      else delete original.blocks;
      this.state.changed();
      return { status: 200, body: "ok" };
    }
    this.state.add({
      channel: t.channel,
      user: WORKSPACE.bot.userId,
      bot_id: WORKSPACE.bot.id,
      app_id: WORKSPACE.apiAppId,
      text,
      ...(blocks ? { blocks } : {}),
      ...(t.threadTs ? { thread_ts: t.threadTs } : {}),
      ...(body.response_type === "in_channel" ? {} : { ephemeralFor: t.user }),
    });
    return { status: 200, body: "ok" };
  }
}
