// Slack mrkdwn → HTML for the playground page. Everything is escaped first; only the tags this file
// writes itself ever reach the page, so no text the app (or a person) sends can inject HTML.

/** The shortcodes the app uses, and a few common ones. Unknown shortcodes stay as text. */
export const EMOJI = {
  white_check_mark: "\u2705",
  heavy_check_mark: "\u2714\ufe0f",
  warning: "\u26a0\ufe0f",
  thumbsup: "\ud83d\udc4d",
  "+1": "\ud83d\udc4d",
  thumbsdown: "\ud83d\udc4e",
  "-1": "\ud83d\udc4e",
  speech_balloon: "\ud83d\udcac",
  mag: "\ud83d\udd0d",
  snake: "\ud83d\udc0d",
  x: "\u274c",
  bulb: "\ud83d\udca1",
  tada: "\ud83c\udf89",
  wave: "\ud83d\udc4b",
  information_source: "\u2139\ufe0f",
  busts_in_silhouette: "\ud83d\udc65",
  ballot_box_with_check: "\u2611\ufe0f",
  leftwards_arrow_with_hook: "\u21a9\ufe0f",
  calendar: "\ud83d\udcc6",
};

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Slack escapes &, < and > in message text; undo that before escaping for HTML. */
function decodeSlackEntities(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

export function emojify(html) {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name) => EMOJI[name] ?? whole);
}

/** A plain_text object's text: escaped, with emoji when the object allows them. */
export function plainText(text, emoji = true) {
  const html = escapeHtml(text ?? "");
  return emoji ? emojify(html) : html;
}

/** The URL when it is a web link (http or https), else undefined: never javascript: or data:. */
export function safeHttpUrl(raw) {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A `<!date^seconds^{token}|fallback>` as Slack shows it, in the reader's (the browser's) time zone:
 * the day tokens the app uses; undefined for anything else, which shows the fallback.
 */
function slackDate(seconds, format) {
  if (!Number.isFinite(seconds)) return undefined;
  const day = new Date(seconds * 1000);
  if (format === "{date_short}")
    return day.toLocaleDateString("en-US", { month: "short", day: "numeric", year: "numeric" });
  if (format === "{date_num}")
    return [day.getFullYear(), day.getMonth() + 1, day.getDate()]
      .map((n) => String(n).padStart(2, "0"))
      .join("-");
  return undefined;
}

/** One `<…>` control sequence: a link, a mention, a channel, a special mention or a date. */
function controlSequence(inner, names) {
  const bar = inner.indexOf("|");
  const target = decodeSlackEntities(bar >= 0 ? inner.slice(0, bar) : inner);
  const label = bar >= 0 ? decodeSlackEntities(inner.slice(bar + 1)) : undefined;
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(names[id] ?? label ?? id)}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(label ?? names[id] ?? id)}</span>`;
  }
  if (target.startsWith("!")) {
    const [special, seconds, format] = target.slice(1).split("^");
    if (["here", "channel", "everyone"].includes(special)) return `<span class="mention">@${special}</span>`;
    if (special === "date") return escapeHtml(slackDate(Number(seconds), format) ?? label ?? target);
    return escapeHtml(label ?? target);
  }
  const href = safeHttpUrl(target);
  const text = emojify(escapeHtml(label ?? target));
  // Not a web link (javascript:, a bare word…): the label, or the sequence itself as plain text.
  if (!href) return label !== undefined ? text : escapeHtml(`<${target}>`);
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

/** *bold*, _italic_ and ~strike~: the markers must hug the text, and not sit inside a word. */
function formatting(html) {
  const style = (marker) =>
    new RegExp(
      `(^|[^\\w${marker}])\\${marker}([^\\s${marker}](?:[^${marker}\\n]*?[^\\s${marker}])?)\\${marker}(?![\\w${marker}])`,
      "g",
    );
  return html
    .replace(style("*"), "$1<b>$2</b>")
    .replace(style("_"), "$1<i>$2</i>")
    .replace(style("~"), "$1<s>$2</s>");
}

/** Slack mrkdwn text → safe HTML. `names` maps user ids to display names for <@U…> mentions. */
export function mrkdwn(text, names = {}) {
  const held = [];
  // Pieces already turned into HTML wait in `held`; \uE000 cannot come from the text (it is removed).
  const hold = (html) => `\uE000${held.push(html) - 1}\uE000`;
  let s = String(text ?? "").replace(/\uE000/g, "");
  s = s.replace(/```([\s\S]*?)```/g, (_, code) =>
    hold(`<pre>${escapeHtml(decodeSlackEntities(code))}</pre>`),
  );
  s = s.replace(/`([^`\n]+)`/g, (_, code) => hold(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`));
  s = s.replace(/<([^<>\n]*)>/g, (_, inner) => hold(controlSequence(inner, names)));
  s = escapeHtml(decodeSlackEntities(s));
  s = formatting(s);
  s = emojify(s);
  s = s
    .split("\n")
    .map((line) => (line.startsWith("&gt; ") ? `<blockquote>${line.slice(5)}</blockquote>` : line))
    .join("\n")
    .replace(/\n/g, "<br>")
    .replace(/<\/blockquote><br>/g, "</blockquote>");
  return s.replace(/\uE000(\d+)\uE000/g, (_, i) => held[Number(i)] ?? "");
}
