import { z } from "zod";
import type { ProjectProfile, Recommendation } from "../../engine/index.js";
import type { MessageMetadata } from "../blocks/kit.js";
import { LIMITS } from "../blocks/limits.js";
import { sliceWhole } from "../blocks/text.js";
import { IDS } from "../ids.js";

/**
 * What travels through Slack and comes back: the modal's private_metadata, the "Edit answers"
 * button's value and the recommendation's message metadata. Each is validated when it returns.
 */

const slackId = z.string().regex(/^[A-Z0-9]{2,30}$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,8}$/);
/** Only Slack's own hooks: a response_url is the one URL we ever post to outside the Web API. */
const responseUrl = z.url({ protocol: /^https$/, hostname: /(^|\.)slack(-gov)?\.com$/ }).max(500);

/** True for a response_url on Slack's own hosts, the only URLs we post to outside the Web API. */
export function isSlackResponseUrl(url: unknown): url is string {
  return responseUrl.safeParse(url).success;
}

export type ResponseUrlCheck = (url: unknown) => url is string;

/**
 * Slack's own response_urls; or, when an origin is given, those on that origin only: the playground's
 * loopback server, which hands out its own (it is never configured from the environment), so
 * nothing the playground does can post off the machine.
 */
export function trustedResponseUrls(onlyOrigin?: string): ResponseUrlCheck {
  if (!onlyOrigin) return isSlackResponseUrl;
  const origin = new URL(onlyOrigin).origin;
  return (url: unknown): url is string => {
    if (typeof url !== "string" || url.length > 500) return false;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
}

/** The modal's private_metadata on the wire: short keys, since it shares a 3,000-character limit. */
const ModalContextWire = z.object({
  c: slackId.optional(),
  u: slackId,
  /** Checked against the trusted hosts when decoded: an untrusted one is dropped, not fatal. */
  r: z.string().max(500).optional(),
  ts: ts.optional(),
  a: slackId.optional(),
  /** 1: the answers are the submitter's own view of the recommendation at `ts`, not an edit of it. */
  v: z.literal(1).optional(),
});

/** What a questionnaire modal carries from where it was opened to its submission. */
export interface ModalContext {
  /** Channel to post to; absent when the modal asks for a destination. */
  channel?: string;
  /** Who opened it. */
  user: string;
  /** The slash command's response_url, a fallback when the bot is not in the channel. */
  responseUrl?: string;
  /** The message to update (Edit answers). */
  messageTs?: string;
  /** Who asked originally, kept when someone else edits. */
  askedBy?: string;
  /** The answers are the submitter's own view of the recommendation at `messageTs` (never an edit of it). */
  ownView?: boolean;
}

export function encodeModalContext(
  modal: ModalContext,
  trusted: ResponseUrlCheck = isSlackResponseUrl,
): string {
  const wire: z.input<typeof ModalContextWire> = {
    ...(modal.channel ? { c: modal.channel } : {}),
    u: modal.user,
    ...(trusted(modal.responseUrl) ? { r: modal.responseUrl } : {}),
    ...(modal.messageTs ? { ts: modal.messageTs } : {}),
    ...(modal.askedBy ? { a: modal.askedBy } : {}),
    ...(modal.ownView ? { v: 1 as const } : {}),
  };
  const text = JSON.stringify(wire);
  if (text.length > LIMITS.privateMetadata) throw new Error("private_metadata would exceed Slack's limit");
  return text;
}

/**
 * The context a modal carries, or undefined when it is not ours. A response_url that is not on a
 * trusted host is left out (the form still works; only that fallback route is lost).
 */
export function decodeModalContext(
  raw: unknown,
  trusted: ResponseUrlCheck = isSlackResponseUrl,
): ModalContext | undefined {
  if (typeof raw !== "string" || raw.length > LIMITS.privateMetadata) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = ModalContextWire.safeParse(json);
  if (!parsed.success) return undefined;
  const { c, u, r, ts: messageTs, a, v } = parsed.data;
  return {
    user: u,
    ...(c ? { channel: c } : {}),
    ...(trusted(r) ? { responseUrl: r } : {}),
    ...(messageTs ? { messageTs } : {}),
    ...(a ? { askedBy: a } : {}),
    ...(v === 1 ? { ownView: true } : {}),
  };
}

const AnswersSchema = z.object({
  a: z.record(z.string().max(40), z.string().max(40)),
  n: z.array(z.string().max(40)).max(40),
  t: z.string().max(3000),
  /** Who asked for the recommendation. */
  b: slackId.optional(),
});

/** Compact answers for a button value (at most 2000 characters: long notes are shortened to fit). */
export function encodeAnswers(profile: ProjectProfile, askedBy?: string): string {
  const encode = (notes: string) =>
    JSON.stringify({ a: profile.answers, n: profile.needs, t: notes, ...(askedBy ? { b: askedBy } : {}) });
  const full = encode(profile.notes);
  if (full.length <= LIMITS.buttonValue) return full;
  // JSON escapes make the encoded length uneven, so search for the longest prefix that fits.
  let lo = 0;
  let hi = profile.notes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (encode(sliceWhole(profile.notes, mid)).length <= LIMITS.buttonValue) lo = mid;
    else hi = mid - 1;
  }
  return encode(sliceWhole(profile.notes, lo));
}

/** The raw profile input from a button value, to validate with the engine's schema. */
export function decodeAnswers(
  raw: unknown,
):
  | { input: { answers: Record<string, string>; needs: string[]; notes: string }; askedBy?: string }
  | undefined {
  if (typeof raw !== "string" || raw.length > LIMITS.buttonValue) return undefined;
  try {
    const parsed = AnswersSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return undefined;
    const { a, n, t, b } = parsed.data;
    return { input: { answers: a, needs: n, notes: t }, ...(b ? { askedBy: b } : {}) };
  } catch {
    return undefined;
  }
}

/** Notes kept in message metadata: enough for context, small enough to never hit metadata_too_large. */
const METADATA_NOTES_MAX = 500;

export const RecommendationPayloadSchema = z.object({
  verdict: z.enum(["flask", "django", "either"]),
  scores: z.object({ flask: z.number(), django: z.number() }),
  answers: z.record(z.string().max(40), z.string().max(40)),
  needs: z.array(z.string().max(40)).max(40),
  notes: z.string().max(3000).default(""),
  asked_by: z.string().max(30).optional(),
  knowledge_version: z.string().max(40).optional(),
});
export type RecommendationPayload = z.infer<typeof RecommendationPayloadSchema>;

export function recommendationPayload(rec: Recommendation, askedBy: string): RecommendationPayload {
  return {
    verdict: rec.verdict,
    scores: rec.scores,
    answers: rec.profile.answers,
    needs: rec.profile.needs,
    notes: sliceWhole(rec.profile.notes, METADATA_NOTES_MAX),
    asked_by: askedBy,
    knowledge_version: rec.knowledgeVersion,
  };
}

export function recommendationMetadata(payload: RecommendationPayload): MessageMetadata {
  return {
    event_type: IDS.metadataEventType,
    event_payload: payload as unknown as MessageMetadata["event_payload"],
  };
}

/** Reads our metadata off a message, or undefined when the message is not one of our recommendations. */
export function readRecommendationMetadata(message: unknown): RecommendationPayload | undefined {
  const meta = (message as { metadata?: { event_type?: unknown; event_payload?: unknown } } | undefined)
    ?.metadata;
  if (!meta || meta.event_type !== IDS.metadataEventType) return undefined;
  const parsed = RecommendationPayloadSchema.safeParse(meta.event_payload);
  return parsed.success ? parsed.data : undefined;
}

/** The "Mark as decided" modal's private_metadata: the recommendation message it decides. */
const DecideContextSchema = z.object({ c: slackId, ts });

export function encodeDecideContext(place: { channel: string; messageTs: string }): string {
  return JSON.stringify({ c: place.channel, ts: place.messageTs });
}

export function decodeDecideContext(raw: unknown): { channel: string; messageTs: string } | undefined {
  if (typeof raw !== "string" || raw.length > LIMITS.privateMetadata) return undefined;
  try {
    const parsed = DecideContextSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { channel: parsed.data.c, messageTs: parsed.data.ts } : undefined;
  } catch {
    return undefined;
  }
}
