import { NEGATIONS } from "./negations.js";

/**
 * Whether a message says what it weighs is for us, this team and this project: "for us", "our api",
 * "here", "this project", "for this". One reading for every rule that asks.
 */

/** Words of ours: "we", "our api", "here", "the project". */
const OURS = new Set(["we", "us", "our", "ours", "here", "project"]);
/** What "this" may name: "this app", "this project". */
const THIS_THING = new Set(["app", "project", "service", "api", "one", "site", "product", "codebase"]);

/** @param words the message's words, or the part of it a rule reads. */
export function saysForUs(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      (OURS.has(w) || (w === "this" && (words[i - 1] === "for" || THIS_THING.has(words[i + 1] as string)))) &&
      !deniedAt(words, i),
  );
}

/** Words between a negation and a word of ours that it still denies: "not for this project", "not our call". */
const DENIED_WITH = new Set(["for", "this", "the", "our", "us"]);
/** Negations that deny what follows ("isnt for us", "never for this"); "no" opens answers ("no, for us…"). */
const DENYING = new Set([...NEGATIONS].filter((w) => w !== "no"));
/**
 * The word of ours at `i` is denied, so not ours: "asking for them, not us", "not for this project" (other
 * words of ours still are: "can rails do what we need, or is it not for us?").
 */
function deniedAt(words: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (DENYING.has(words[j] as string)) return true;
    if (!DENIED_WITH.has(words[j] as string)) return false;
  }
  return false;
}

/** Words that weigh a fit: "would hono work for us", "a reasonable choice", "make sense here". */
export const FIT: ReadonlySet<string> = new Set(
  "work works fit fits choice pick option sense overkill reasonable consider considered considering better simpler easier enough cover suit suits suited use using go rather instead viable right replace worth compare stack".split(
    " ",
  ),
);
/** A fit weighed for us: a word of fit and words of ours ("would fastapi fit us?", "does it make sense here?"). */
export const weighsAFit = (words: readonly string[]) => words.some((w) => FIT.has(w)) && saysForUs(words);
