import type { Analysed } from "./analyse.js";

/** Words that turn around what follows them: "no admin", "we don't need translations", "without caching". */
export const NEGATIONS: ReadonlySet<string> = new Set(
  "no not dont doesnt didnt isnt arent wont never nor none without neither cant skip nope".split(" "),
);

/** Words that make a need a maybe: neither counted nor ruled out ("maybe later we'll need translations"). */
export const HEDGES: ReadonlySet<string> = new Set(
  "maybe perhaps possibly someday eventually later unlike unsure".split(" "),
);
/** How many words back a negation reaches: "we don't think we need an admin". */
const NEGATION_REACH = 6;
/** How many words after a need a negation turns it around: "admin: not needed", "i18n: no". */
const AFTER_REACH = 3;
/** Words that join two asks: a negation before one reaches past them only to a bare list ("no admin or auth"). */
const JOINERS = new Set("and or plus also nor".split(" "));
/** Words a list may have between the joiner and the need: "no admin or the auth". */
const LIST_FILLER = new Set("a an the any our".split(" "));
/** A consequence starts afresh: "we have no budget so we need caching". */
const FRESH_START = new Set("so then therefore".split(" "));
/** The clause of the word at `at` (every word is a token, in order: tokens[at].at === at). */
const clauseAt = (analysed: Analysed, at: number) => analysed.tokens[at]?.clause;

/**
 * Whether the words before `at`, in its clause, hold one of `words`: a negation reaches back at most
 * NEGATION_REACH words, not past a consequence ("so"), nor past a joiner followed by words of its own
 * ("no admin and we need translations"); "no admin or auth" rules out both.
 */
function governedBy(analysed: Analysed, at: number, clause: number, words: ReadonlySet<string>): boolean {
  const all = analysed.words;
  for (let j = at - 1; j >= Math.max(0, at - NEGATION_REACH); j--) {
    if (clauseAt(analysed, j) !== clause) break;
    const w = all[j] as string;
    if (words.has(w)) return true;
    if (FRESH_START.has(w)) return false;
    if (JOINERS.has(w) && all.slice(j + 1, at).some((x) => !LIST_FILLER.has(x))) return false;
  }
  return false;
}

/**
 * The words a bare no may have: "websockets? nope", "i18n? not really", "admin - not for now", "celery? no
 * thanks". Any other word makes it something else: another need ruled out ("auth, no admin"), or an idiom
 * that says yes ("admin, no matter what", "websockets, no doubt").
 */
const BARE_NO = new Set("no nope nah not needed required really thanks for now yet at all either".split(" "));

/** The clause starting at `from` answers the one before it with a bare no. */
function answersNo(analysed: Analysed, from: number): boolean {
  const clause = clauseAt(analysed, from);
  const first = analysed.words[from] as string;
  if (!NEGATIONS.has(first) && first !== "nah") return false;
  for (let j = from; j < analysed.words.length && clauseAt(analysed, j) === clause; j++)
    if (!BARE_NO.has(analysed.words[j] as string)) return false;
  return true;
}

/**
 * A negation right after the need, in its clause ("admin: not needed", "an admin isn't required",
 * "i18n: no"), or a bare no as the next clause when the need ends its own: "websockets? nope".
 */
function negatedAfter(analysed: Analysed, end: number, clause: number): boolean {
  for (let j = end + 1; j <= end + AFTER_REACH && j < analysed.words.length; j++) {
    if (clauseAt(analysed, j) !== clause) return j === end + 1 && answersNo(analysed, j);
    if (NEGATIONS.has(analysed.words[j] as string)) return true;
  }
  return false;
}

/**
 * What the words around a phrase say of it: counted, or not (negated before or after it, or only a
 * maybe). `first` and `last` are the phrase's first and last word positions.
 */
export function counts(analysed: Analysed, first: number, last: number, clause: number): boolean {
  return (
    !governedBy(analysed, first, clause, NEGATIONS) &&
    !governedBy(analysed, first, clause, HEDGES) &&
    !negatedAfter(analysed, last, clause)
  );
}
