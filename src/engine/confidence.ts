import type { Knowledge } from "./knowledge.js";
import { type CompiledModel, tally, type Verdict, verdictOf } from "./scoring.js";

export type ConfidenceLabel = "high" | "medium" | "low";

export interface Confidence {
  label: ConfidenceLabel;
  /** Share of plausible weightings (0..1) under which the verdict stays the same. */
  share: number;
  samples: number;
}

/** mulberry32: a small seeded generator, so the confidence figure is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One row of weight factors per sample, drawn once: every call perturbs the same way. */
export function perturbations(knowledge: Knowledge): Float64Array[] {
  const { samples, spread, seed } = knowledge.scoring.confidence;
  const random = seededRandom(seed);
  return Array.from({ length: samples }, () =>
    Float64Array.from(knowledge.criteria, () => 1 - spread + 2 * spread * random()),
  );
}

export function confidenceOf(
  knowledge: Knowledge,
  model: CompiledModel,
  rows: Float64Array[],
  adv: Float64Array,
  verdict: Verdict,
): Confidence {
  const scaled = new Float64Array(adv.length);
  let same = 0;
  for (const row of rows) {
    for (let c = 0; c < adv.length; c++) scaled[c] = (adv[c] as number) * (row[c] as number);
    if (verdictOf(model, tally(model, scaled).lead) === verdict) same++;
  }
  const share = rows.length === 0 ? 1 : same / rows.length;
  const { high, medium } = knowledge.scoring.confidence;
  const label: ConfidenceLabel = share >= high ? "high" : share >= medium ? "medium" : "low";
  return { label, share: Math.round(share * 1000) / 1000, samples: rows.length };
}
