/** Text helpers for Block Kit: escaping and length limits. */

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

/** Cuts to `max` characters (counting UTF-16 units as Slack does), ending with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never leave half an escape (&amp;) at the end either.
  const cut = sliceWhole(text, max - 1).replace(/&[a-z]{0,4}$/, "");
  return `${cut}…`;
}

/** A link in mrkdwn. URLs come from our own data; the label is escaped. */
export function link(url: string, label: string): string {
  return `<${url}|${label.replace(/[<>|]/g, "")}>`;
}

export function bullets(lines: string[]): string {
  return lines.map((l) => `• ${l}`).join("\n");
}
