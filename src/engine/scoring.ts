import type { Knowledge } from "./knowledge.js";
import type { FrameworkId } from "./knowledge-schema.js";
import type { ProjectProfile } from "./profile.js";

/**
 * The scoring model, in one place:
 *   importance[c] = sum of the effects of every answer on criterion c, times any scale an answer sets
 *   advantage[c]  = weight[c] * importance[c] * (fit.django[c] - fit.flask[c])
 *   evidence      = sum of the positive advantages (Django) and of the negative ones (Flask)
 *   score         = 100 * (evidence + prior) / (both evidences + 2 * prior)
 * Advantages add up, so a need that favours a framework can only raise its score.
 */

export type Verdict = FrameworkId | "either";

export interface CompiledModel {
  size: number;
  weights: Float64Array;
  /** fit.django - fit.flask per criterion. */
  delta: Float64Array;
  prior: number;
  tieMargin: number;
  /** question id → option value → effect and scale vectors. */
  options: Map<string, Map<string, { effects: Float64Array; scale: Float64Array | null }>>;
  /** need feature id → [criterion index, importance]. */
  needs: Map<string, [number, number]>;
}

export function compileModel(knowledge: Knowledge): CompiledModel {
  const size = knowledge.criteria.length;
  const index = (id: string) => knowledge.criterionIndex.get(id) as number;
  const options = new Map<string, Map<string, { effects: Float64Array; scale: Float64Array | null }>>();
  for (const q of knowledge.singleQuestions) {
    const byValue = new Map<string, { effects: Float64Array; scale: Float64Array | null }>();
    for (const o of q.options) {
      const effects = new Float64Array(size);
      for (const [c, v] of Object.entries(o.effects)) effects[index(c)] = v;
      let scale: Float64Array | null = null;
      if (Object.keys(o.scale).length > 0) {
        scale = new Float64Array(size).fill(1);
        for (const [c, v] of Object.entries(o.scale)) scale[index(c)] = v;
      }
      byValue.set(o.value, { effects, scale });
    }
    options.set(q.id, byValue);
  }
  return {
    size,
    weights: Float64Array.from(knowledge.criteria, (c) => c.weight),
    delta: Float64Array.from(knowledge.criteria, (c) => c.fit.django - c.fit.flask),
    prior: knowledge.scoring.prior,
    tieMargin: knowledge.scoring.tieMargin,
    options,
    needs: new Map(knowledge.needFeatures.map((f) => [f.id, [index(f.need.criterion), f.need.importance]])),
  };
}

/**
 * How much each criterion matters for this profile. `extraNeeds` are needs read from the notes;
 * `ruledOut`, needs the notes rule out: their criteria count for nothing ("we don't need an admin").
 */
export function importance(
  model: CompiledModel,
  profile: ProjectProfile,
  extraNeeds: readonly string[] = [],
  ruledOut: readonly string[] = [],
) {
  const imp = new Float64Array(model.size);
  const scales: Float64Array[] = [];
  for (const [questionId, byValue] of model.options) {
    const chosen = byValue.get(profile.answers[questionId] ?? "");
    if (!chosen) continue;
    for (let c = 0; c < model.size; c++) imp[c] = (imp[c] as number) + (chosen.effects[c] as number);
    if (chosen.scale) scales.push(chosen.scale);
  }
  const seen = new Set<string>();
  for (const need of [...profile.needs, ...extraNeeds]) {
    if (seen.has(need)) continue;
    seen.add(need);
    const entry = model.needs.get(need);
    if (entry) imp[entry[0]] = (imp[entry[0]] as number) + entry[1];
  }
  for (const scale of scales)
    for (let c = 0; c < model.size; c++) imp[c] = (imp[c] as number) * (scale[c] as number);
  for (const c of ruledOutCriteria(model, ruledOut)) imp[c] = 0;
  return imp;
}

/** The criteria behind needs the notes rule out. */
export function ruledOutCriteria(model: CompiledModel, ruledOut: readonly string[]): number[] {
  return ruledOut.flatMap((need) => {
    const entry = model.needs.get(need);
    return entry ? [entry[0]] : [];
  });
}

/** Signed advantage per criterion: positive favours Django, negative Flask. */
export function advantages(
  model: CompiledModel,
  imp: Float64Array,
  weightFactors?: Float64Array,
): Float64Array {
  const adv = new Float64Array(model.size);
  for (let c = 0; c < model.size; c++) {
    const w = (model.weights[c] as number) * (weightFactors ? (weightFactors[c] as number) : 1);
    adv[c] = w * (imp[c] as number) * (model.delta[c] as number);
  }
  return adv;
}

export interface Tally {
  /** Django's score minus Flask's, on the 0-100 scale, unrounded. */
  lead: number;
  djangoScore: number;
  /** The denominator that turns an advantage into score points. */
  pointsPerUnit: number;
}

export function tally(model: CompiledModel, adv: Float64Array): Tally {
  let forDjango = 0;
  let forFlask = 0;
  for (const a of adv) {
    if (a > 0) forDjango += a;
    else forFlask -= a;
  }
  const total = forDjango + forFlask + 2 * model.prior;
  const djangoScore = (100 * (forDjango + model.prior)) / total;
  return { lead: 2 * djangoScore - 100, djangoScore, pointsPerUnit: 100 / total };
}

export function verdictOf(model: CompiledModel, lead: number): Verdict {
  // Decided on the shares people see (Django's rounded, Flask's the rest), so that "Flask 54 · Django
  // 46" is never a toss-up for one project and a win for another.
  const shown = 2 * Math.round((lead + 100) / 2) - 100;
  if (Math.abs(shown) < model.tieMargin) return "either";
  return shown > 0 ? "django" : "flask";
}

/** Lead straight from an importance vector, without allocating: the hot loop of flip search. */
export function leadOfImportance(model: CompiledModel, imp: ArrayLike<number>): number {
  let forDjango = 0;
  let forFlask = 0;
  for (let c = 0; c < model.size; c++) {
    const a = (model.weights[c] as number) * (imp[c] as number) * (model.delta[c] as number);
    if (a > 0) forDjango += a;
    else forFlask -= a;
  }
  return (200 * (forDjango + model.prior)) / (forDjango + forFlask + 2 * model.prior) - 100;
}
