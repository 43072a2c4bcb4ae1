import type { Knowledge } from "../knowledge.js";
import type { Analysed } from "./analyse.js";
import { analyseFor, type Retrieval } from "./retrieval.js";

/** A question about one of the seed article's myths: the feature and the myth's index in it. */
export interface MythHit {
  featureId: string;
  index: number;
}

interface MythPhrasing extends MythHit {
  stems: string[];
}

const phrasingsCache = new WeakMap<Retrieval, MythPhrasing[]>();

function phrasingsOf(knowledge: Knowledge, retrieval: Retrieval): MythPhrasing[] {
  let list = phrasingsCache.get(retrieval);
  if (!list) {
    list = [];
    for (const f of knowledge.features) {
      f.myths.forEach((myth, index) => {
        for (const text of [myth.claim, ...myth.phrasings]) {
          const stems = [...new Set(analyseFor(retrieval, text).terms.map((t) => t.stem))];
          // One word ("flask") says nothing about a myth.
          if (stems.length >= 2) list?.push({ featureId: f.id, index, stems });
        }
      });
    }
    phrasingsCache.set(retrieval, list);
  }
  return list;
}

/**
 * The myth a question asks about: one of whose phrasings has every meaningful word in the question
 * ("was flask created in 2011?"), the fullest such phrasing winning. Only for the feature understood.
 */
export function findMyth(
  knowledge: Knowledge,
  retrieval: Retrieval,
  analysed: Analysed,
  featureId: string,
): MythHit | undefined {
  const present = new Set(analysed.terms.map((t) => t.stem));
  let best: MythHit | undefined;
  let bestSize = 0;
  for (const p of phrasingsOf(knowledge, retrieval)) {
    if (p.featureId !== featureId || p.stems.length <= bestSize) continue;
    if (p.stems.every((s) => present.has(s))) {
      best = { featureId: p.featureId, index: p.index };
      bestSize = p.stems.length;
    }
  }
  return best;
}
