import type { Analysed, Term } from "./analyse.js";
import { isFrameworkName } from "./frameworks.js";

/**
 * What a framework is weighed for, when a message names it after "for", and whether that is a thing
 * not ours: "would phoenix work for our next team trip?", "is koa a good pick for our office plant's
 * name?", "would fastapi suit the data team's java stuff?". A thing of ours ("for us", "for this", "for
 * our ingestion service") leaves the framework weighed for this project.
 */

/** Words that give a reason for what was said before them. */
export const REASON_WORDS: ReadonlySet<string> = new Set(["because", "since", "cause", "cuz", "coz", "bc"]);
/** Words that end what a framework is weighed for and start why or when: "for our api since…", "if…". */
export const FOR_WHAT_ENDS: ReadonlySet<string> = new Set([
  ...REASON_WORDS,
  "given",
  "as",
  "if",
  "when",
  "considering",
]);
/** Words before what a thing is weighed for: "for our offsite", "would it suit my hobby app". */
const WEIGHED_FOR = new Set(["for", "suit", "suits"]);
/** Words that start a clause of their own inside the object: "for the edge api we're planning". */
const CLAUSE_OPENERS = new Set(["we", "i", "they", "you", "he", "she", "it", "that", "which", "who"]);

/** Words that make the thing someone else's or another one: "my", "their", "the other", "a side gig". */
const ANOTHERS_MARKS = new Set([
  "my",
  "his",
  "her",
  "their",
  "other",
  "another",
  "personal",
  "side",
  "pet",
  "hobby",
]);
/** What "my" may name that is ours, or an idiom: "for my team", "for my part", "for my money". */
export const OURS_OR_IDIOM: ReadonlySet<string> = new Set(
  "team project company org app api service product part money two".split(" "),
);
/** A mark of someone else's or another thing ("my thesis", "a side gig"), not "my team". */
const anothers = (w: Term, next: Term | undefined) =>
  ANOTHERS_MARKS.has(w.typed) && !(w.typed === "my" && OURS_OR_IDIOM.has(next?.word ?? ""));
/** Things no product of ours is: an offsite, a name, a mascot, a thesis. */
const NO_PRODUCT = new Set(
  "name names topic theme mascot logo trip retreat offsite party lunch dinner learn table fridge hackathon thesis homework assignment class league gig raffle quiz trivia costume".split(
    " ",
  ),
);
/** Words before "'s" that own nothing: "it's", "that's", "what's". */
const NO_OWNER = new Set(["it", "that", "what", "who", "there", "here", "let", "he", "she", "where", "how"]);

/** How a message's words read to the model. */
export interface PurposeReading {
  /** A word only questions about other matters use ("retro", "payroll"). */
  offTopic(term: Term): boolean;
}

/** The words a "for" at `at` names: the rest of its clause, up to a reason or a clause of its own. */
function objectOf(a: Analysed, at: number): Term[] {
  const start = a.tokens[at];
  const object: Term[] = [];
  for (let i = at + 1; i < a.tokens.length; i++) {
    const t = a.tokens[i] as Term;
    if (t.clause !== start?.clause || FOR_WHAT_ENDS.has(t.word) || CLAUSE_OPENERS.has(t.word)) break;
    object.push(t);
  }
  return object;
}

/** Who owns a thing in the text: "the data team's", "our intern's" (as the words read them, "team" or "teams"). */
function ownersIn(text: string): string[] {
  return [...text.toLowerCase().matchAll(/([a-z][\w]*)['’]s\b/g)]
    .map((m) => m[1] as string)
    .filter((o) => !NO_OWNER.has(o) && !isFrameworkName(o));
}

/**
 * Some "for" after word `from` names a thing not ours, and none names us: someone else's ("for my
 * thesis", "for the data team's java stuff"), another one ("for our other team's billing app"), a thing
 * no product is ("for our team retreat", "a good name for our ping pong table"), or a word only other
 * matters use.
 */
export function forAnotherPurpose(a: Analysed, text: string, reading: PurposeReading, from = 0): boolean {
  const owners = ownersIn(text);
  // "the data team's", not "our team's": the owner, unless it is ours.
  const owned = (t: Term) =>
    a.words[t.at - 1] !== "our" && owners.some((o) => t.typed === o || t.typed === `${o}s` || t.word === o);
  let another = false;
  for (const t of a.tokens) {
    if (!WEIGHED_FOR.has(t.word) || t.at < from) continue;
    const object = objectOf(a, t.at);
    const head = object[object.length - 1];
    if (!head) continue;
    // "for us", "for this": weighed for this project, whatever else the message names.
    if (object[0]?.word === "us" || object[0]?.word === "this") return false;
    if (
      object.some((w, i) => anothers(w, object[i + 1]) || owned(w) || reading.offTopic(w)) ||
      // As typed: "theme" is no typo of "there".
      NO_PRODUCT.has(head.typed)
    )
      another = true;
  }
  return another;
}
