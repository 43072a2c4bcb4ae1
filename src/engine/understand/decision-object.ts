import type { Analysed } from "./analyse.js";
import { isDomain, type Label, type Model } from "./model.js";

type Token = Analysed["tokens"][number];

/** Words after which a question about a decision names what it is about: "the verdict on …", "sure that …". */
const ABOUT = new Set("on about in over against regarding that".split(" "));
/** Words before a noun phrase's own words, or that stand for the decision itself: "in that", "on the …". */
const LEADING = new Set(
  "the a an my their this that these those which what whether it its we you they i".split(" "),
);
/** Whose: the app's ("your assumptions") or the team's own ("our constraints") is this decision's. */
const OURS = new Set(["your", "our"]);
/** Words that end a noun phrase and start another circumstance: "the pick regarding our legacy codebase". */
const NEXT_CIRCUMSTANCE = new Set([...ABOUT, "given", "considering", "including", "concerning"]);
/** When, not what: "given our deadline in november". */
const WHEN = new Set(
  (
    "january february march april may june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow week weeks month months " +
    "quarter year years"
  ).split(" "),
);

/**
 * A question worded about a decision that names another one as its object: "what's the verdict on the
 * pricing page redesign?", "what would change your mind about moving standup to 10am", "how confident
 * is finance in the q4 revenue forecast". The noun phrase after the decision's own word (an anchor)
 * and "on", "about", "in"…, in the same clause, uses a word that no question about our decision uses
 * (its examples, the quick take's cues) and that names no feature. "how confident are you in that",
 * "the call for a b2b portal", "sure about the admin?", "your assumptions" and "our constraints" stay
 * ours.
 */
export function aboutAnotherDecision(model: Model, a: Analysed, label: Label): boolean {
  const anchors = model.anchors.get(label);
  if (!anchors) return false;
  const at = a.tokens.findIndex((t) => anchors.has(t.stem));
  if (at < 0) return false;
  const clause = (a.tokens[at] as Token).clause;
  const i = a.tokens.findIndex((t, j) => j > at && t.clause === clause && ABOUT.has(t.word));
  if (i < 0) return false;
  let j = i + 1;
  if (OURS.has(a.tokens[j]?.word ?? "")) return false;
  while (j < a.tokens.length && LEADING.has((a.tokens[j] as Token).word)) j++;
  for (; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Token;
    if (t.stop || t.clause !== clause || NEXT_CIRCUMSTANCE.has(t.word)) return false;
    // Numbers and dates are the project's sizes and deadlines ("in 3 weeks"), not another subject.
    if (/\d/.test(t.word) || WHEN.has(t.word)) continue;
    if (!model.decisionStems.has(t.stem) && !isDomain(model, t)) return true;
  }
  return false;
}
