import type { Knowledge } from "../knowledge.js";
import type { Analysed } from "./analyse.js";
import { analyseFor, type Retrieval, rankLabels } from "./retrieval.js";

/** Words that turn a need around: "no admin", "we don't need translations", "without caching". */
const NEGATIONS = new Set(
  "no not dont doesnt didnt isnt arent wont never nor none without neither cant skip nope".split(" "),
);
/** How many words back a negation reaches: "we don't think we need an admin". */
const NEGATION_REACH = 6;
/** Longest notes read; the notes field is shorter. */
const MAX_NOTES = 4000;

function negated(analysed: Analysed, at: number, clause: number): boolean {
  const words = analysed.words;
  const clauseOf = new Map(analysed.terms.map((t) => [t.at, t.clause]));
  for (let j = at - 1; j >= Math.max(0, at - NEGATION_REACH); j--) {
    const c = clauseOf.get(j);
    if (c !== undefined && c !== clause) break;
    if (NEGATIONS.has(words[j] as string)) return true;
  }
  return false;
}

/**
 * Needs said in free text, in the questionnaire's order, each once. Each part of the text (split
 * at punctuation and "and", "but") is read on its own; a part that a negation governs does not count.
 */
export function needsIn(
  knowledge: Knowledge,
  retrieval: Retrieval,
  text: string,
  analysed?: Analysed,
): string[] {
  const a = analysed ?? analyseFor(retrieval, text, MAX_NOTES);
  const tuning = retrieval.options.tuning;
  const needIds = new Set(knowledge.needFeatures.map((f) => f.id));
  const found = new Set<string>();
  const segments = [...new Set(a.terms.map((t) => t.segment))];
  for (const segment of segments) {
    const [best] = rankLabels(retrieval, a, (t) => t.segment === segment);
    if (!best?.label.startsWith("feature:")) continue;
    const id = best.label.slice("feature:".length);
    if (!needIds.has(id) || found.has(id)) continue;
    if (best.coverage < tuning.notes || best.evidence < tuning.minEvidence) continue;
    // The first word that named the need, not a negation the index happened to match.
    const first = Math.min(...best.matchedAt.filter((at) => !NEGATIONS.has(a.words[at] as string)));
    const clause = a.terms.find((t) => t.at === first)?.clause ?? 0;
    if (Number.isFinite(first) && !negated(a, first, clause)) found.add(id);
  }
  return knowledge.needFeatures.map((f) => f.id).filter((id) => found.has(id));
}
