import type { Knowledge } from "../knowledge.js";
import type { Analysed } from "./analyse.js";

type Token = Analysed["tokens"][number];

/** Words before another framework's name that make it where the asked thing lives: "sessions in express". */
const WHERE = new Set(["in", "with", "using", "for", "on"]);
/** Words before those that make it a comparison instead: "like in rails", "than with laravel". */
const COMPARING = new Set(["like", "than", "unlike", "as"]);
/** "how does rails handle …", "does laravel have …": the other framework is what is asked about. */
const ASKED_OF = new Set(["does", "do", "can", "is", "would"]);
const WH = new Set(["how", "what", "why", "where"]);

/** The one-word names people give the other frameworks (data/examples.json, alternatives): "express", "rails". */
export function alternativeNames(knowledge: Knowledge): Set<string> {
  return new Set(knowledge.examples.alternatives.flatMap((alt) => alt.words).filter((w) => !w.includes(" ")));
}

/**
 * A question about another framework's own feature, not about Flask's or Django's: its name is where
 * the asked thing lives ("how do i set up sessions in express", "jwt auth in spring boot"), what is
 * asked about ("how does rails handle rolling back a migration") or the message's first word ("laravel
 * eloquent: eager loading?"). Named as background or for comparison ("coming from rails, …", "like in
 * rails") it leaves the question ours; so does naming Flask or Django (the caller checks).
 */
export function askedOfAnotherFramework(names: ReadonlySet<string>, a: Analysed): boolean {
  return a.tokens.some((t, i) => {
    if (!names.has(t.word)) return false;
    // "ruby on rails" is one name: what comes before it is what counts.
    const start =
      t.word === "rails" && a.tokens[i - 1]?.word === "on" && a.tokens[i - 2]?.word === "ruby" ? i - 2 : i;
    if (start === 0) return true;
    const before = (a.tokens[start - 1] as Token).word;
    const twoBefore = a.tokens[start - 2]?.word ?? "";
    if (WHERE.has(before)) return !COMPARING.has(twoBefore);
    return ASKED_OF.has(before) && (twoBefore === "" || WH.has(twoBefore));
  });
}
