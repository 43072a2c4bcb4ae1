import type { Analysed } from "./analyse.js";
import { aliasHits, analyseWith, featureProbabilities, isDomain, type Model } from "./model.js";
import { counts, HEDGES, NEGATIONS } from "./negations.js";

/** Longest notes read; the notes field is shorter. */
const MAX_NOTES = 4000;

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
    if (counts(a, first, hit.at[hit.at.length - 1] as number, clause)) found.add(hit.featureId);
  }
  const segments = [...new Set(a.terms.map((t) => t.segment))];
  for (const segment of segments) {
    if (hits.some((h) => h.segment === segment)) continue;
    // A negation is never the need itself ("no live updates" is not async).
    const domainWords = a.terms.filter(
      (t) => t.segment === segment && isDomain(model, t) && !NEGATIONS.has(t.word) && !HEDGES.has(t.word),
    );
    const first = domainWords[0];
    if (!first) continue;
    const p = featureProbabilities(model, a, (t) => t.segment === segment);
    let best = 0;
    for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[best] as number)) best = i;
    const id = model.featureIds[best] as string;
    if (!needIds.has(id) || found.has(id) || (p[best] as number) < tuning.notes) continue;
    const last = domainWords[domainWords.length - 1] as Analysed["terms"][number];
    if (counts(a, first.at, last.at, first.clause)) found.add(id);
  }
  return knowledge.needFeatures.map((f) => f.id).filter((id) => found.has(id));
}
