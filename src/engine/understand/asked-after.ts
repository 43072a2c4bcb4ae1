import { endsWithQuestionMark } from "../text.js";
import type { Analysed } from "./analyse.js";
import { opensAsQuestion } from "./question.js";

/**
 * The question a message asks after a thanks or a remark ("thanks! how about async?", "nice, that
 * helps. does it do i18n?"), as text to read on its own: the first later sentence that opens as a
 * question, or the last one when the message ends with a question mark, and what follows it.
 * Undefined when no later sentence asks.
 */
export function askedAfter(a: Analysed, text: string): string | undefined {
  const last = a.tokens[a.tokens.length - 1]?.sentence ?? 0;
  for (let s = 1; s <= last; s++) {
    const words = a.tokens.filter((t) => t.sentence === s).map((t) => t.typed);
    if (words.length === 0) continue;
    if (opensAsQuestion(words) || (s === last && endsWithQuestionMark(text))) {
      return rewritten(
        a.tokens.filter((t) => t.sentence >= s),
        endsWithQuestionMark(text),
      );
    }
  }
  return undefined;
}

/** Words back into text with their breaks: a comma between clauses, a full stop between sentences. */
function rewritten(tokens: Analysed["tokens"], asks: boolean): string {
  let out = "";
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Analysed["tokens"][number];
    const before = tokens[i - 1];
    if (before && before.at === t.at) continue;
    if (before) out += before.sentence !== t.sentence ? ". " : before.clause !== t.clause ? ", " : " ";
    out += t.typed;
  }
  return asks ? `${out}?` : out;
}
