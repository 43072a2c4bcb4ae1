import { type Analysed, STOPWORDS, type Term } from "./analyse.js";
import { analyseWith, type Model } from "./model.js";

/** A question about one of the seed article's myths: the feature and the myth's index in it. */
export interface MythHit {
  featureId: string;
  index: number;
}

interface MythPhrasing extends MythHit {
  stems: string[];
}

/** The words a myth is recognised by: topic words and framework names. */
const keep = (t: Term) => !STOPWORDS.has(t.word);

const phrasingsCache = new WeakMap<Model, MythPhrasing[]>();

function phrasingsOf(model: Model): MythPhrasing[] {
  let list = phrasingsCache.get(model);
  if (!list) {
    list = [];
    for (const f of model.knowledge.features) {
      f.myths.forEach((myth, index) => {
        for (const text of [myth.claim, ...myth.phrasings]) {
          const stems = [
            ...new Set(
              analyseWith(model, text)
                .tokens.filter(keep)
                .map((t) => t.stem),
            ),
          ];
          // One word ("flask") says nothing about a myth.
          if (stems.length >= 2) list?.push({ featureId: f.id, index, stems });
        }
      });
    }
    phrasingsCache.set(model, list);
  }
  return list;
}

/**
 * The myth a question asks about: one of whose phrasings has every meaningful word in the question
 * ("was flask created in 2011?"), the fullest such phrasing winning. Only for the feature understood.
 */
export function findMyth(model: Model, analysed: Analysed, featureId: string): MythHit | undefined {
  const present = new Set(analysed.tokens.filter(keep).map((t) => t.stem));
  let best: MythHit | undefined;
  let bestSize = 0;
  for (const p of phrasingsOf(model)) {
    if (p.featureId !== featureId || p.stems.length <= bestSize) continue;
    if (p.stems.every((s) => present.has(s))) {
      best = { featureId: p.featureId, index: p.index };
      bestSize = p.stems.length;
    }
  }
  return best;
}
