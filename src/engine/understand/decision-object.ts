import type { Analysed } from "./analyse.js";
import { isDomain, type Label, type Model } from "./model.js";

/** Words after which a question about a decision names what it is about: "the verdict on …", "sure that …". */
const ABOUT = new Set("on about in over against regarding that".split(" "));
/** Words before a noun phrase's own words, or that stand for the decision itself: "in that", "on the …". */
const LEADING = new Set(
  "the a an our my your their this that these those which what whether it its we you they i".split(" "),
);

/**
 * A question worded about a decision that names another one as its object: "what's the verdict on the
 * pricing page redesign?", "what would change your mind about moving standup to 10am", "how confident
 * is finance in the q4 revenue forecast". The noun phrase after the decision's own word (an anchor)
 * and "on", "about", "in"… uses a word that no question about our decision uses (its examples, the
 * quick take's cues) and that names no feature. "how confident are you in that", "the call for a b2b
 * portal" and "sure about django?" stay ours.
 */
export function aboutAnotherDecision(model: Model, a: Analysed, label: Label): boolean {
  const anchors = model.anchors.get(label);
  if (!anchors) return false;
  const at = a.tokens.findIndex((t) => anchors.has(t.stem));
  if (at < 0) return false;
  const i = a.tokens.findIndex((t, j) => j > at && ABOUT.has(t.word));
  if (i < 0) return false;
  const clause = (a.tokens[i] as Analysed["tokens"][number]).clause;
  let j = i + 1;
  while (j < a.tokens.length && LEADING.has((a.tokens[j] as Analysed["tokens"][number]).word)) j++;
  for (; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Analysed["tokens"][number];
    if (t.stop || t.clause !== clause) return false;
    // Numbers are the project's sizes and dates ("in 3 weeks"), not another subject.
    if (!/\d/.test(t.word) && !model.decisionStems.has(t.stem) && !isDomain(model, t)) return true;
  }
  return false;
}
