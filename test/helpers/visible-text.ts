/**
 * What a person reads in a message, as Slack renders it: header, section and context text, button
 * labels and select placeholders; links show their label, mentions a short name, and mrkdwn markers
 * (`*bold*`, `_italic_`) take no room.
 */
import type { Json } from "./json.js";

/** A date token shows in the reader's zone ("Nov 28, 2026"); its ISO fallback is about as long. */
function rendered(text: string): string {
  return text
    .replace(/<(?:https?|mailto):[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<!date\^[^|>]*\|([^>]*)>/g, "$1")
    .replace(/<@[A-Z0-9]+>/g, "@someone")
    .replace(/:[a-z0-9_+-]+:/g, "☺")
    .replace(/[*_~]/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

export function visibleText(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Json;
      if ((o.type === "mrkdwn" || o.type === "plain_text") && typeof o.text === "string") {
        out.push(rendered(o.text));
        return;
      }
      // Options of a select are hidden until it is opened (its placeholder shows), and a button's
      // confirm dialog until it is clicked.
      for (const [key, value] of Object.entries(o)) if (key !== "options" && key !== "confirm") walk(value);
    }
  };
  walk(blocks);
  return out.join("\n");
}
