// Canvas markdown → HTML for the playground page: the subset canvases read (headings # to ###, lists,
// quotes, bold, italic, code, links, mentions ![](@U…) and ![](#C…)). Everything is escaped first; only the
// tags this file writes ever reach the page, so no canvas (or anything in it) can inject HTML.
import { escapeHtml, safeHttpUrl } from "./mrkdwn.js";

const anchor = (href, text) =>
  `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>`;

/** One line's inline markup. `names` maps user and channel ids to names. */
function inline(text, names) {
  const held = [];
  const hold = (html) => `\uE000${held.push(html) - 1}\uE000`;
  let s = String(text).replace(/\uE000/g, "");
  s = s.replace(/\\([\\`*_[\]<>#|~(){}.!+-])/g, (_, c) => hold(escapeHtml(c)));
  s = s.replace(/`([^`]+)`/g, (_, code) => hold(`<code>${escapeHtml(code)}</code>`));
  s = s.replace(/!\[\]\(([@#])([A-Z0-9]+)\)/g, (_, kind, id) =>
    hold(`<span class="mention">${kind}${escapeHtml(names[id] ?? id)}</span>`),
  );
  s = s.replace(/\[([^\]]*)\]\(([^()\s]+)\)/g, (whole, label, url) => {
    const href = safeHttpUrl(url);
    return href ? hold(anchor(href, escapeHtml(label))) : whole;
  });
  s = s.replace(/<(https?:\/\/[^\s<>]+)>/g, (whole, url) => {
    const href = safeHttpUrl(url);
    return href ? hold(anchor(href, escapeHtml(url))) : whole;
  });
  s = escapeHtml(s);
  s = s
    .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
    .replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?!\w)/g, "$1<i>$2</i>");
  return s.replace(/\uE000(\d+)\uE000/g, (_, i) => held[Number(i)] ?? "");
}

/** Canvas markdown → HTML: blocks line by line, then each line's inline markup. */
export function renderMarkdown(markdown, names = {}) {
  const out = [];
  let list = null;
  let para = [];
  const flushPara = () => {
    if (para.length > 0) out.push(`<p>${para.map((l) => inline(l, names)).join("<br>")}</p>`);
    para = [];
  };
  const flushList = () => {
    if (list) out.push(`<ul>${list.map((l) => `<li>${inline(l, names)}</li>`).join("")}</ul>`);
    list = null;
  };
  for (const line of String(markdown ?? "").split("\n")) {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    const item = /^[*-] (.*)$/.exec(line);
    const quote = /^> ?(.*)$/.exec(line);
    if (heading) {
      flushPara();
      flushList();
      const level = heading[1].length + 1;
      out.push(`<h${level}>${inline(heading[2], names)}</h${level}>`);
    } else if (item) {
      flushPara();
      list ??= [];
      list.push(item[1]);
    } else if (quote) {
      flushPara();
      flushList();
      out.push(`<blockquote>${inline(quote[1], names)}</blockquote>`);
    } else if (line.trim() === "") {
      flushPara();
      flushList();
    } else {
      flushList();
      para.push(line);
    }
  }
  flushPara();
  flushList();
  return out.join("");
}
