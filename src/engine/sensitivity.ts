import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type CompiledModel, leadOfImportance, type Verdict, verdictOf } from "./scoring.js";

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

interface Candidate {
  question: string;
  to: string;
  change: Flip["change"];
  verdict: Verdict;
  distance: number;
  condition: string;
  strength: number;
}

function sentence(knowledge: Knowledge, condition: string, verdict: Verdict): string {
  const outcome =
    verdict === "either" ? "it would be a toss-up" : `${knowledge.meta.frameworks[verdict].name} would win`;
  return `If ${condition}, ${outcome}.`;
}

function applyChange(knowledge: Knowledge, profile: ProjectProfile, c: Candidate): ProjectProfile {
  if (c.change === "answer") return { ...profile, answers: { ...profile.answers, [c.question]: c.to } };
  const needs = c.change === "add_need" ? [...profile.needs, c.to] : profile.needs.filter((n) => n !== c.to);
  return { ...profile, needs: knowledge.needFeatures.map((f) => f.id).filter((id) => needs.includes(id)) };
}

/**
 * The smallest single-answer changes that change the verdict. Changes that hand the win to the
 * other framework come first; then smaller steps; then the clearer result.
 *
 * Each change is scored incrementally from the profile's unscaled importance sums (see scoring.ts),
 * so trying every alternative answer costs one pass over the criteria each. `notesNeeds` are all
 * needs the notes mention: removing one of those from the needs answer would change nothing.
 */
export function findFlips(
  knowledge: Knowledge,
  model: CompiledModel,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  verdict: Verdict,
): Flip[] {
  const n = model.size;
  const sum = new Float64Array(n);
  const totalScale = new Float64Array(n).fill(1);
  for (const [questionId, byValue] of model.options) {
    const chosen = byValue.get(profile.answers[questionId] ?? "");
    if (!chosen) continue;
    for (let c = 0; c < n; c++) sum[c] = (sum[c] as number) + (chosen.effects[c] as number);
    if (chosen.scale)
      for (let c = 0; c < n; c++) totalScale[c] = (totalScale[c] as number) * (chosen.scale[c] as number);
  }
  const needed = new Set([...profile.needs, ...notesNeeds]);
  for (const need of needed) {
    const entry = model.needs.get(need);
    if (entry) sum[entry[0]] = (sum[entry[0]] as number) + entry[1];
  }

  const imp = new Float64Array(n);
  const candidates: Candidate[] = [];
  const consider = (lead: number, c: Omit<Candidate, "verdict" | "strength">) => {
    const v = verdictOf(model, lead);
    if (v !== verdict) candidates.push({ ...c, verdict: v, strength: Math.abs(lead) });
  };

  for (const q of knowledge.singleQuestions) {
    const byValue = model.options.get(q.id);
    const current = q.options.find((o) => o.value === profile.answers[q.id]);
    const cur = current ? byValue?.get(current.value) : undefined;
    if (!byValue || !current || !cur) continue;
    // The other answers' scales: the total, unless this answer scales too (then rebuild without it).
    let otherScale = totalScale;
    if (cur.scale) {
      otherScale = new Float64Array(n).fill(1);
      for (const [otherId, otherValues] of model.options) {
        const s = otherId === q.id ? null : otherValues.get(profile.answers[otherId] ?? "")?.scale;
        if (s) for (let c = 0; c < n; c++) otherScale[c] = (otherScale[c] as number) * (s[c] as number);
      }
    }
    for (const option of q.options) {
      if (option.value === current.value) continue;
      const next = byValue.get(option.value);
      if (!next) continue;
      for (let c = 0; c < n; c++) {
        const scale = (otherScale[c] as number) * (next.scale ? (next.scale[c] as number) : 1);
        imp[c] = ((sum[c] as number) - (cur.effects[c] as number) + (next.effects[c] as number)) * scale;
      }
      const distance =
        q.ordered && current.rank !== undefined && option.rank !== undefined
          ? Math.abs(option.rank - current.rank)
          : 1;
      consider(leadOfImportance(model, imp), {
        question: q.id,
        to: option.value,
        change: "answer",
        distance,
        condition: option.ifPhrase,
      });
    }
  }

  for (const feature of knowledge.needFeatures) {
    if (notesNeeds.includes(feature.id)) continue;
    const entry = model.needs.get(feature.id);
    if (!entry) continue;
    const has = profile.needs.includes(feature.id);
    for (let c = 0; c < n; c++) imp[c] = (sum[c] as number) * (totalScale[c] as number);
    imp[entry[0]] =
      ((sum[entry[0]] as number) + (has ? -entry[1] : entry[1])) * (totalScale[entry[0]] as number);
    consider(leadOfImportance(model, imp), {
      question: knowledge.needsQuestion.id,
      to: feature.id,
      change: has ? "remove_need" : "add_need",
      distance: 1,
      condition: has ? `you did not need ${feature.need.phrase}` : `you also needed ${feature.need.phrase}`,
    });
  }

  const opposite = (v: Verdict) => (verdict !== "either" && v !== "either" ? 0 : 1);
  candidates.sort(
    (a, b) => opposite(a.verdict) - opposite(b.verdict) || a.distance - b.distance || b.strength - a.strength,
  );
  return candidates.slice(0, knowledge.scoring.maxFlips).map((c) => ({
    question: c.question,
    to: c.to,
    change: c.change,
    verdict: c.verdict,
    text: sentence(knowledge, c.condition, c.verdict),
    distance: c.distance,
    profile: applyChange(knowledge, profile, c),
  }));
}
