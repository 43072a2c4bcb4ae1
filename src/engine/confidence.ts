import type { Knowledge } from "./knowledge.js";
import { type CompiledModel, type Verdict, verdictOf } from "./scoring.js";

/** How firm the verdict is, in plain words. A verdict of "either" is always a close call. */
export type ConfidenceLabel = "clear" | "leaning" | "close call";

export interface Confidence {
  label: ConfidenceLabel;
  /** Share of re-weightings (0..1) under which the verdict stays the same. */
  share: number;
  /** How many re-weightings were tried. */
  samples: number;
  /** How many of them kept the verdict. */
  held: number;
  /** What each re-weighting gave: the verdict's count is `held`. */
  outcomes: Record<Verdict, number>;
  /**
   * The same in words, never as "100%", with what the others gave: "held in all 200 re-weightings
   * tried", "held in 120 of 200 re-weightings tried; Flask in 50, a toss-up in 30".
   */
  phrase: string;
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

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * One row per re-weighting, drawn once per knowledge base so every call is perturbed the same way.
 * A row holds, per criterion, weightFactor × (fit.django' − fit.flask'): the weight is multiplied by
 * a factor in [1 − spread, 1 + spread] and each fit moves by up to ±fitSpread (kept within 0..1),
 * so the figure reflects how unsure the knowledge base is of both its weights and its fits.
 */
export function perturbations(knowledge: Knowledge): Float64Array[] {
  const { samples, spread, fitSpread, seed } = knowledge.scoring.confidence;
  const random = seededRandom(seed);
  const draw = (width: number) => width * (2 * random() - 1);
  return Array.from({ length: samples }, () =>
    Float64Array.from(knowledge.criteria, (c) => {
      const weightFactor = 1 + draw(spread);
      const flask = clamp01(c.fit.flask + draw(fitSpread));
      const django = clamp01(c.fit.django + draw(fitSpread));
      return weightFactor * (django - flask);
    }),
  );
}

function phraseOf(
  knowledge: Knowledge,
  outcomes: Record<Verdict, number>,
  samples: number,
  verdict: Verdict,
): string {
  const held = outcomes[verdict];
  const tried = `${samples} re-weightings tried`;
  const count =
    held === samples ? `all ${tried}` : held === 0 ? `none of the ${tried}` : `${held} of ${tried}`;
  const kept = verdict === "either" ? `stayed a toss-up in ${count}` : `held in ${count}`;
  // What the rest gave, largest first: "held in 90 of 200" alone leaves the other 110 to guess.
  const name = (v: Verdict) => (v === "either" ? "a toss-up" : knowledge.meta.frameworks[v].name);
  const others = (["flask", "django", "either"] as const)
    .filter((v) => v !== verdict && outcomes[v] > 0)
    .sort((x, y) => outcomes[y] - outcomes[x])
    .map((v) => `${name(v)} in ${outcomes[v]}`);
  return others.length === 0 ? kept : `${kept}; ${others.join(", ")}`;
}

/**
 * Re-scores the profile under every re-weighting. `imp` is the profile's importance per criterion;
 * a criterion on which the fits are equal still counts here, since its fits may differ in a sample.
 */
export function confidenceOf(
  knowledge: Knowledge,
  model: CompiledModel,
  rows: Float64Array[],
  imp: Float64Array,
  verdict: Verdict,
): Confidence {
  const n = imp.length;
  const base = new Float64Array(n);
  for (let c = 0; c < n; c++) base[c] = (model.weights[c] as number) * (imp[c] as number);
  const outcomes: Record<Verdict, number> = { flask: 0, django: 0, either: 0 };
  const prior = model.prior;
  for (const row of rows) {
    // tally(), inlined: this loop runs once per re-weighting on every recommendation.
    let forDjango = 0;
    let forFlask = 0;
    for (let c = 0; c < n; c++) {
      const a = (base[c] as number) * (row[c] as number);
      if (a > 0) forDjango += a;
      else forFlask -= a;
    }
    const lead = (200 * (forDjango + prior)) / (forDjango + forFlask + 2 * prior) - 100;
    outcomes[verdictOf(model, lead)]++;
  }
  const held = outcomes[verdict];
  const samples = rows.length;
  const share = samples === 0 ? 1 : held / samples;
  const { clear, leaning } = knowledge.scoring.confidence;
  const label: ConfidenceLabel =
    verdict === "either"
      ? "close call"
      : share >= clear
        ? "clear"
        : share >= leaning
          ? "leaning"
          : "close call";
  return {
    label,
    share: Math.round(share * 1000) / 1000,
    samples,
    held,
    outcomes,
    phrase: phraseOf(knowledge, outcomes, samples, verdict),
  };
}
