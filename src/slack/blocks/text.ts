/** Text helpers for Block Kit: escaping, length limits, dates. */
import { isoDate } from "../../decisions/index.js";

/**
 * Escapes text a person typed so it can never ping anyone (`<!channel>`, `<@U…>`) or carry a link
 * someone crafted (`<https://evil|click>`), and bare URLs are not turned into links.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/:\/\//g, ":\u200b//");
}

/**
 * Invisible characters that change how text reads without showing: bidirectional overrides and
 * isolates (U+202A–U+202E, U+2066–U+2069, the marks U+200E, U+200F, U+061C), zero-width spaces and
 * joiners (U+200B–U+200D, U+2060–U+2064, U+FEFF) and the Mongolian vowel separator (U+180E).
 */
const INVISIBLE = /[\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** Text a person typed, without the invisible characters that could disguise it. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/**
 * Text a person typed, ready to echo in mrkdwn: invisible controls removed, then escaped. Put it in a
 * `verbatim` text object (kit.ts `mrkdwnVerbatim`), so Slack does not turn bare `@here`, channel
 * names or URLs into mentions and links either.
 */
export function inertText(text: string): string {
  return escapeMrkdwn(stripInvisible(text));
}

/**
 * Slack sends typed text with `&`, `<` and `>` as entities (and real mentions and links as
 * `<…>` markup). Decoding the entities gives what the person typed; echo it only through escapeMrkdwn.
 */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The first `max` UTF-16 units, never ending in half a surrogate pair (half an emoji). */
export function sliceWhole(text: string, max: number): string {
  const cut = text.slice(0, Math.max(0, max));
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Slack markup (`<!date…`, `<@U…>`, `<#C…>`, `<https://…|…>`, or just its `<`) left open at the end.
 * Escaped text has no raw `<`; in raw text (cut before escaping) a trailing `<…` goes too, harmlessly.
 */
const OPEN_MARKUP = /<(?:$|[!@#]|[a-z]+(?::|$))[^<>]*$/;

/** Cuts to `max` characters (counting UTF-16 units as Slack does), ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never leave half a mention, link or date (Slack would show the raw `<!date^…`), nor half an
  // escape (&amp;): drop the broken piece whole.
  const cut = sliceWhole(text, max - 1)
    .replace(OPEN_MARKUP, "")
    .replace(/&[a-z]{0,4}$/, "");
  return `${cut}…`;
}

/**
 * A day in mrkdwn that Slack shows in each reader's own time zone ("Nov 27, 2026"): written in UTC,
 * the day is wrong near midnight for readers elsewhere. The UTC ISO date after `|` is the fallback
 * where Slack can't format dates. Only for mrkdwn: plain_text, metadata and files keep isoDate.
 */
export function slackDate(epochMs: number): string {
  return `<!date^${Math.floor(epochMs / 1000)}^{date_short}|${isoDate(epochMs)}>`;
}

/** A link in mrkdwn. URLs come from our own data; the label is escaped. */
export function link(url: string, label: string): string {
  return `<${url}|${label.replace(/[<>|]/g, "")}>`;
}

export function bullets(lines: string[]): string {
  return lines.map((l) => `• ${l}`).join("\n");
}
