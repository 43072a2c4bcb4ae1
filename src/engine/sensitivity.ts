import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type CompiledModel, ruledOutCriteria, type Verdict, verdictOf } from "./scoring.js";

/** One answer changed, and what the verdict would then be. */
export interface Flip {
  question: string;
  /** The new value; for needs, the feature id added or removed. */
  to: string;
  change: "answer" | "add_need" | "remove_need";
  verdict: Verdict;
  /** "If your team already knew Flask, Flask would win." */
  text: string;
  /** How big a change it is: 1 for most, more for answers several steps away on an ordered scale. */
  distance: number;
  /** The profile with this change applied, so anyone can check it. */
  profile: ProjectProfile;
}

/** One answer changed, as part of what would change the verdict. */
export interface AnswerChange {
  /** The question id ("needs" for a need added or removed). */
  question: string;
  /** The new value; for needs, the feature id added or removed. */
  to: string;
  change: "answer" | "add_need" | "remove_need";
  /** In words, to follow "If": "your team already knew Flask". */
  condition: string;
}

/** What would change the verdict: always present, always one sentence. */
export interface WhatWouldChange {
  /**
   * "single": one answer changes it (the first of `flips`); "pair": no single answer does, but two
   * together do; "none": no single answer and no two answers together change it.
   */
  kind: "single" | "pair" | "none";
  /** "If your team already knew Flask, Flask would win.", or why nothing small changes it. */
  text: string;
  /** The smallest change found, one or two answers; empty for "none". */
  changes: AnswerChange[];
  /** The verdict after the change; absent for "none". */
  verdict?: Verdict;
  /** The profile with the change applied, so anyone can check it; absent for "none". */
  profile?: ProjectProfile;
}

export interface Sensitivity {
  flips: Flip[];
  whatWouldChange: WhatWouldChange;
}

/** A single change, as the criteria it touches: everything else keeps the profile's values. */
interface Candidate extends AnswerChange {
  distance: number;
  /** Index of the question in the model's option order, or -1 for a need. */
  questionIndex: number;
  /** Criteria whose importance this change can move. */
  touched: Int32Array;
  /** Change to the unscaled importance sum, aligned with `touched`. */
  delta: Float64Array;
  /** The new answer's scale, or null (needs, and answers that scale nothing). */
  scale: Float64Array | null;
}

interface Found {
  changes: Candidate[];
  verdict: Verdict;
  distance: number;
  strength: number;
}

/** "it would be a toss-up", "Flask would win": a verdict that a change would bring. */
export function outcome(knowledge: Knowledge, verdict: Verdict): string {
  return verdict === "either"
    ? "it would be a toss-up"
    : `${knowledge.meta.frameworks[verdict].name} would win`;
}

/** The profile with the changes applied, needs kept in the knowledge base's order. */
export function applyChanges(
  knowledge: Knowledge,
  profile: ProjectProfile,
  changes: AnswerChange[],
): ProjectProfile {
  let answers = profile.answers;
  let needs = profile.needs;
  for (const c of changes) {
    if (c.change === "answer") answers = { ...answers, [c.question]: c.to };
    else if (c.change === "add_need") needs = [...needs, c.to];
    else needs = needs.filter((n) => n !== c.to);
  }
  const order = knowledge.needFeatures.map((f) => f.id);
  return { ...profile, answers, needs: order.filter((id) => needs.includes(id)) };
}

type CompiledOption = { effects: Float64Array; scale: Float64Array | null };
const changes = new WeakMap<
  CompiledOption,
  WeakMap<CompiledOption, { touched: Int32Array; delta: Float64Array }>
>();

/** The criteria moving from one answer to another touches, and the change to their sums: computed once. */
function changeBetween(model: CompiledModel, cur: CompiledOption, next: CompiledOption) {
  let byNext = changes.get(cur);
  if (!byNext) {
    byNext = new WeakMap();
    changes.set(cur, byNext);
  }
  let found = byNext.get(next);
  if (!found) {
    const touched: number[] = [];
    const delta: number[] = [];
    for (let c = 0; c < model.size; c++) {
      const d = (next.effects[c] as number) - (cur.effects[c] as number);
      if (d !== 0 || (cur.scale?.[c] ?? 1) !== (next.scale?.[c] ?? 1)) {
        touched.push(c);
        delta.push(d);
      }
    }
    found = { touched: Int32Array.from(touched), delta: Float64Array.from(delta) };
    byNext.set(next, found);
  }
  return found;
}

interface CandidateCache {
  /** "questionIndex:current value" → the changes to every other answer of that question. */
  answers: Map<string, Candidate[]>;
  /** need id → [adding it, removing it]. */
  needs: Map<string, [Candidate, Candidate]>;
}
const candidateCaches = new WeakMap<CompiledModel, CandidateCache>();

/** Every single change the questionnaire allows, built once: they depend only on the current answer. */
function candidateCache(knowledge: Knowledge, model: CompiledModel): CandidateCache {
  const known = candidateCaches.get(model);
  if (known) return known;
  const answers = new Map<string, Candidate[]>();
  [...model.options.entries()].forEach(([questionId, byValue], qi) => {
    const q = knowledge.singleQuestions.find((x) => x.id === questionId);
    if (!q) return;
    for (const current of q.options) {
      const cur = byValue.get(current.value);
      if (!cur) continue;
      const list: Candidate[] = [];
      for (const option of q.options) {
        if (option.value === current.value) continue;
        const next = byValue.get(option.value);
        if (!next) continue;
        const { touched, delta } = changeBetween(model, cur, next);
        if (touched.length === 0) continue;
        list.push({
          question: q.id,
          to: option.value,
          change: "answer",
          condition: option.ifPhrase,
          distance:
            q.changeSize *
            (q.ordered && current.rank !== undefined && option.rank !== undefined
              ? Math.abs(option.rank - current.rank)
              : 1),
          questionIndex: qi,
          touched,
          delta,
          scale: next.scale,
        });
      }
      answers.set(`${qi}:${current.value}`, list);
    }
  });
  const needs = new Map<string, [Candidate, Candidate]>();
  for (const feature of knowledge.needFeatures) {
    const entry = model.needs.get(feature.id);
    if (!entry) continue;
    const base = {
      question: knowledge.needsQuestion.id,
      to: feature.id,
      distance: 1,
      questionIndex: -1,
      touched: Int32Array.of(entry[0]),
      scale: null,
    };
    needs.set(feature.id, [
      {
        ...base,
        change: "add_need",
        condition: `you also needed ${feature.need.phrase}`,
        delta: Float64Array.of(entry[1]),
      },
      {
        ...base,
        change: "remove_need",
        condition: `you did not need ${feature.need.phrase}`,
        delta: Float64Array.of(-entry[1]),
      },
    ]);
  }
  const cache = { answers, needs };
  candidateCaches.set(model, cache);
  return cache;
}

/**
 * Which changes of the answers would change the verdict.
 *
 * `flips`: the smallest single-answer changes, those that hand the win to the other framework first,
 * then smaller steps, then the clearer result. `whatWouldChange`: the smallest single change, or, when
 * there is none, the smallest pair of changes (two different questions, or needs), or a plain
 * statement that neither exists.
 *
 * Each change is scored from the profile's unscaled importance sums, touching only the criteria the
 * change moves, so trying every single change and every pair costs a few operations each.
 * `notesNeeds` are all needs the notes mention: adding or removing one in the needs answer would
 * change nothing, so they are never offered.
 */
export function findFlips(
  knowledge: Knowledge,
  model: CompiledModel,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  verdict: Verdict,
  /** Needs the notes rule out: their criteria count for nothing, and no change adds them. */
  ruledOut: readonly string[] = [],
): Sensitivity {
  const n = model.size;
  const questions = [...model.options.entries()];
  // The profile's unscaled importance sums, and each answer's current scale.
  const sum = new Float64Array(n);
  const currentScale: Array<Float64Array | null> = [];
  for (const [questionId, byValue] of questions) {
    const chosen = byValue.get(profile.answers[questionId] ?? "");
    currentScale.push(chosen?.scale ?? null);
    if (!chosen) continue;
    for (let c = 0; c < n; c++) sum[c] = (sum[c] as number) + (chosen.effects[c] as number);
  }
  const needed = new Set([...profile.needs, ...notesNeeds]);
  for (const need of needed) {
    const entry = model.needs.get(need);
    if (entry) sum[entry[0]] = (sum[entry[0]] as number) + entry[1];
  }
  // The product of the current answers' scales, in all and leaving out one scaled question.
  const scaled = currentScale.flatMap((s, qi) => (s ? [qi] : []));
  const isScaled = new Uint8Array(questions.length);
  for (const qi of scaled) isScaled[qi] = 1;
  const productWithout = (skipA: number, skipB: number) => {
    const out = new Float64Array(n).fill(1);
    for (const qi of scaled) {
      if (qi === skipA || qi === skipB) continue;
      const s = currentScale[qi] as Float64Array;
      for (let c = 0; c < n; c++) out[c] = (out[c] as number) * (s[c] as number);
    }
    return out;
  };
  const allScales = productWithout(-1, -1);
  const scalesWithout = new Map(scaled.map((qi) => [qi, productWithout(qi, -1)]));
  /** The product of the current answers' scales at criterion c, leaving out up to two questions. */
  const scaleAt = (c: number, skipA: number, skipB: number): number => {
    const a = skipA >= 0 && isScaled[skipA] === 1;
    const b = skipB >= 0 && isScaled[skipB] === 1;
    if (a && b) {
      let s = 1;
      for (const qi of scaled)
        if (qi !== skipA && qi !== skipB) s *= (currentScale[qi] as Float64Array)[c] as number;
      return s;
    }
    if (a) return (scalesWithout.get(skipA) as Float64Array)[c] as number;
    if (b) return (scalesWithout.get(skipB) as Float64Array)[c] as number;
    return allScales[c] as number;
  };

  // The profile's advantage per criterion and its totals: changes adjust these.
  const weighted = new Float64Array(n);
  const base = new Float64Array(n);
  let forDjango = 0;
  let forFlask = 0;
  const silenced = new Set(ruledOutCriteria(model, ruledOut));
  for (let c = 0; c < n; c++) {
    weighted[c] = silenced.has(c) ? 0 : (model.weights[c] as number) * (model.delta[c] as number);
    const a = (weighted[c] as number) * (sum[c] as number) * (allScales[c] as number);
    base[c] = a;
    if (a > 0) forDjango += a;
    else forFlask -= a;
  }

  // Every single change, with the criteria it touches (each built once per knowledge base).
  const candidates: Candidate[] = [];
  const cache = candidateCache(knowledge, model);
  questions.forEach(([questionId], qi) => {
    for (const c of cache.answers.get(`${qi}:${profile.answers[questionId] ?? ""}`) ?? []) candidates.push(c);
  });
  for (const feature of knowledge.needFeatures) {
    if (notesNeeds.includes(feature.id) || ruledOut.includes(feature.id)) continue;
    const pair = cache.needs.get(feature.id);
    if (pair) candidates.push(pair[profile.needs.includes(feature.id) ? 1 : 0]);
  }

  // Scratch space for one evaluation: summed deltas, and which criteria are in it.
  const dSum = new Float64Array(n);
  const stamp = new Int32Array(n);
  let round = 0;
  const list = new Int32Array(n);
  /** Django's lead once `a` (and `b`) are applied. */
  const add = (x: Candidate) => {
    for (let i = 0; i < x.touched.length; i++) {
      const c = x.touched[i] as number;
      if (stamp[c] !== round) {
        stamp[c] = round;
        dSum[c] = 0;
        list[count++] = c;
      }
      dSum[c] = (dSum[c] as number) + (x.delta[i] as number);
    }
  };
  let count = 0;
  const leadWith = (a: Candidate, b: Candidate | null): number => {
    round++;
    count = 0;
    add(a);
    if (b) add(b);
    let dj = forDjango;
    let fl = forFlask;
    const skipB = b ? b.questionIndex : -1;
    for (let i = 0; i < count; i++) {
      const c = list[i] as number;
      const old = base[c] as number;
      if (old > 0) dj -= old;
      else fl += old;
      let s = scaleAt(c, a.questionIndex, skipB);
      if (a.scale) s *= a.scale[c] as number;
      if (b?.scale) s *= b.scale[c] as number;
      const now = (weighted[c] as number) * ((sum[c] as number) + (dSum[c] as number)) * s;
      if (now > 0) dj += now;
      else fl -= now;
    }
    return (200 * (dj + model.prior)) / (dj + fl + 2 * model.prior) - 100;
  };

  const opposite = (v: Verdict) => (verdict !== "either" && v !== "either" ? 0 : 1);
  const better = (x: Found, y: Found) =>
    opposite(x.verdict) - opposite(y.verdict) || x.distance - y.distance || y.strength - x.strength;

  const singles: Found[] = [];
  for (const a of candidates) {
    const lead = leadWith(a, null);
    const v = verdictOf(model, lead);
    if (v !== verdict)
      singles.push({ changes: [a], verdict: v, distance: a.distance, strength: Math.abs(lead) });
  }
  singles.sort(better);

  let best: Found | undefined = singles[0];
  if (!best) {
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i] as Candidate;
      for (let j = i + 1; j < candidates.length; j++) {
        const b = candidates[j] as Candidate;
        if (a.questionIndex !== -1 && a.questionIndex === b.questionIndex) continue;
        const distance = a.distance + b.distance;
        // Sorted search would be tidier; a cheap bound keeps the pair loop short instead.
        if (best && opposite(best.verdict) === 0 && distance > best.distance) continue;
        const lead = leadWith(a, b);
        const v = verdictOf(model, lead);
        if (v === verdict) continue;
        const found = { changes: [a, b], verdict: v, distance, strength: Math.abs(lead) };
        if (!best || better(found, best) < 0) best = found;
      }
    }
  }

  const toChange = (c: Candidate): AnswerChange => ({
    question: c.question,
    to: c.to,
    change: c.change,
    condition: c.condition,
  });
  // The nearest change toward each other verdict comes first, then the nearest of the rest: on a
  // toss-up the changes toward one side can fill every slot, and "why not Flask?" then finds none.
  const picked: Found[] = [];
  for (const f of singles) if (!picked.some((p) => p.verdict === f.verdict)) picked.push(f);
  for (const f of singles) if (!picked.includes(f)) picked.push(f);
  const shown = picked.slice(0, knowledge.scoring.maxFlips).sort(better);
  const flips = shown.map((f) => {
    const c = f.changes[0] as Candidate;
    return {
      question: c.question,
      to: c.to,
      change: c.change,
      verdict: f.verdict,
      text: `If ${c.condition}, ${outcome(knowledge, f.verdict)}.`,
      distance: f.distance,
      profile: applyChanges(knowledge, profile, [c]),
    };
  });

  let whatWouldChange: WhatWouldChange;
  if (best) {
    const changes = best.changes.map(toChange);
    whatWouldChange = {
      kind: changes.length === 1 ? "single" : "pair",
      text: `If ${changes.map((c) => c.condition).join(" and ")}, ${outcome(knowledge, best.verdict)}.`,
      changes,
      verdict: best.verdict,
      profile: applyChanges(knowledge, profile, changes),
    };
  } else {
    whatWouldChange = {
      kind: "none",
      text:
        verdict === "either"
          ? "No single answer, and no two answers together, would tip this toss-up either way."
          : "No single answer, and no two answers together, would change this verdict: it rests on several of your answers at once.",
      changes: [],
    };
  }
  return { flips, whatWouldChange };
}

/** Said before the changes when `onlyBuildingElseFlips` holds. */
export const ONLY_BUILDING_ELSE =
  "No other single change to your answers would change it; only building something else would:";

/**
 * Every change listed is to build something else (an answer whose question has a `changeSize` above 1):
 * nothing the team can change about how it builds this project would change the verdict.
 */
export function onlyBuildingElseFlips(knowledge: Knowledge, flips: readonly Flip[]): boolean {
  const bigger = new Set(
    knowledge.questions.filter((q) => q.kind === "single" && q.changeSize > 1).map((q) => q.id),
  );
  return flips.length > 0 && flips.every((f) => f.change === "answer" && bigger.has(f.question));
}
