/**
 * A MADR record (src/engine/adr.ts) as a Slack canvas shows it. Canvases read a subset of Markdown
 * (headings # to ###, bulleted and numbered lists, bold, italic, links, quotes, code; people and channels
 * as `![](@U…)` and `![](#C…)`), and have a title of their own. So: the title line becomes the canvas's
 * title, the YAML front matter (which a canvas would show as a divider and raw text) becomes a short list,
 * `<https://…>` autolinks become `[https://…](https://…)`, and the `@U…` / `#C…` the record names people
 * and channels by become canvas mentions. Everything else is the record as written. Pure.
 */

export interface CanvasDocument {
  /** The canvas's title: the record's, in plain text. */
  title: string;
  markdown: string;
}

const FRONT_MATTER_LABELS: Record<string, string> = {
  status: "Status",
  date: "Date",
  "decision-makers": "Decision-makers",
  consulted: "Consulted",
};

/** A front matter value as written: JSON-quoted (see adr.ts's yamlScalar) or plain. */
function yamlValue(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "string" ? value : raw;
  } catch {
    return raw;
  }
}

/** Markdown's backslash escapes removed: the title is plain text. */
const unescapeMarkdown = (text: string) => text.replace(/\\(.)/g, "$1");

/** `@U…` and `#C…` (escaped `\#C…` too) as canvas mentions; not inside a word, a URL or an address. */
function mentions(text: string): string {
  return text
    .replace(/(?<![\w/.@])@([UW][A-Z0-9]{6,})\b/g, "![](@$1)")
    .replace(/(?<![\w/])\\?#([CGD][A-Z0-9]{6,})\b/g, "![](#$1)");
}

/** The record's lines with autolinks spelled out (canvases show `<…>` as text). */
function autolinks(line: string): string {
  return line.replace(/<(https?:\/\/[^\s<>]+)>/g, "[$1]($1)");
}

export function adrAsCanvas(adr: string): CanvasDocument {
  let rest = adr;
  const facts: string[] = [];
  const front = /^---\n([\s\S]*?)\n---\n/.exec(rest);
  if (front) {
    for (const line of (front[1] ?? "").split("\n")) {
      const field = /^([\w-]+):\s*(.*)$/.exec(line);
      if (!field) continue;
      const label = FRONT_MATTER_LABELS[field[1] as string] ?? field[1];
      facts.push(`* **${label}:** ${yamlValue(field[2] ?? "")}`);
    }
    rest = rest.slice(front[0].length);
  }
  rest = rest.replace(/^\n+/, "");
  let title = "Architecture decision record";
  const heading = /^# (.+)\n+/.exec(rest);
  if (heading) {
    title = unescapeMarkdown(heading[1] as string);
    rest = rest.slice(heading[0].length);
  }
  const body = [...(facts.length > 0 ? [...facts, ""] : []), ...rest.split("\n").map(autolinks)];
  return { title, markdown: mentions(body.join("\n")) };
}
