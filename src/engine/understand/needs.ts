import type { Analysed } from "./analyse.js";
import { aliasHits, analyseWith, featureProbabilities, isDomain, type Model } from "./model.js";

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
  const clauseOf = new Map(analysed.tokens.map((t) => [t.at, t.clause]));
  for (let j = at - 1; j >= Math.max(0, at - NEGATION_REACH); j--) {
    const c = clauseOf.get(j);
    if (c !== undefined && c !== clause) break;
    if (NEGATIONS.has(words[j] as string)) return true;
  }
  return false;
}

/**
 * Needs said in free text, in the questionnaire's order, each once. Each part of the text (split
 * at punctuation and "and", "but") is read on its own: an alias or code word names its feature; else
 * the feature classifier must read the part surely, from a word that carries domain meaning. A part
 * that a negation governs does not count. The text is read once.
 */
export function needsIn(model: Model, text: string, analysed?: Analysed): string[] {
  const knowledge = model.knowledge;
  const a = analysed ?? analyseWith(model, text, MAX_NOTES);
  const tuning = model.options.tuning;
  const needIds = new Set(knowledge.needFeatures.map((f) => f.id));
  const found = new Set<string>();
  const hits = aliasHits(model, a);
  for (const hit of hits) {
    if (!needIds.has(hit.featureId) || found.has(hit.featureId)) continue;
    const first = hit.at[0] as number;
    const clause = a.tokens.find((t) => t.at === first)?.clause ?? 0;
    if (!negated(a, first, clause)) found.add(hit.featureId);
  }
  const segments = [...new Set(a.terms.map((t) => t.segment))];
  for (const segment of segments) {
    if (hits.some((h) => h.segment === segment)) continue;
    const domainWords = a.terms.filter((t) => t.segment === segment && isDomain(model, t));
    const first = domainWords[0];
    if (!first) continue;
    const p = featureProbabilities(model, a, (t) => t.segment === segment);
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[best] as number)) best = i;
    const id = model.featureIds[best] as string;
    if (!needIds.has(id) || found.has(id) || (p[best] as number) < tuning.notes) continue;
    if (!negated(a, first.at, first.clause)) found.add(id);
  }
  return knowledge.needFeatures.map((f) => f.id).filter((id) => found.has(id));
}
