import type { Analysed } from "./analyse.js";
import { aliasHits, analyseWith, featureProbabilities, isDomain, type Model } from "./model.js";
import { NEGATIONS } from "./negations.js";

/** Words that make a need a maybe: neither counted nor ruled out ("maybe later we'll need translations"). */
const HEDGES = new Set("maybe perhaps possibly someday eventually later unlike unsure".split(" "));
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
/** Longest notes read; the notes field is shorter. */
const MAX_NOTES = 4000;

/**
 * Whether the words before `at`, in its clause, hold one of `words`: a negation reaches back at most
 * NEGATION_REACH words, not past a consequence ("so"), nor past a joiner followed by words of its own
 * ("no admin and we need translations"); "no admin or auth" rules out both.
 */
function governedBy(analysed: Analysed, at: number, clause: number, words: ReadonlySet<string>): boolean {
  const all = analysed.words;
  const clauseOf = new Map(analysed.tokens.map((t) => [t.at, t.clause]));
  for (let j = at - 1; j >= Math.max(0, at - NEGATION_REACH); j--) {
    const c = clauseOf.get(j);
    if (c !== undefined && c !== clause) break;
    const w = all[j] as string;
    if (words.has(w)) return true;
    if (FRESH_START.has(w)) return false;
    if (JOINERS.has(w) && all.slice(j + 1, at).some((x) => !LIST_FILLER.has(x))) return false;
  }
  return false;
}

/** A negation right after the need, in its clause: "admin: not needed", "an admin isn't required", "i18n: no". */
function negatedAfter(analysed: Analysed, end: number, clause: number): boolean {
  const clauseOf = new Map(analysed.tokens.map((t) => [t.at, t.clause]));
  for (let j = end + 1; j <= end + AFTER_REACH && j < analysed.words.length; j++) {
    if (clauseOf.get(j) !== clause) return false;
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
