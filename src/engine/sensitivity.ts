import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type CompiledModel, leadFor, type Verdict, verdictOf } from "./scoring.js";

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

function outcome(k: Knowledge, verdict: Verdict): string {
  return verdict === "either" ? "it would be a toss-up" : `${k.meta.frameworks[verdict].name} would win`;
}

function sentence(condition: string, k: Knowledge, verdict: Verdict): string {
  return `If ${condition}, ${outcome(k, verdict)}.`;
}

/**
 * The smallest single-answer changes that change the verdict. Changes that hand the win to the
 * other framework come first; then smaller steps; then the clearer result.
 */
export function findFlips(
  k: Knowledge,
  model: CompiledModel,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  verdict: Verdict,
): Flip[] {
  const candidates: Array<Flip & { strength: number }> = [];
  const consider = (
    changed: ProjectProfile,
    base: Omit<Flip, "verdict" | "text" | "profile">,
    condition: string,
  ) => {
    const lead = leadFor(model, changed, notesNeeds);
    const v = verdictOf(model, lead);
    if (v === verdict) return;
    candidates.push({
      ...base,
      verdict: v,
      text: sentence(condition, k, v),
      profile: changed,
      strength: Math.abs(lead),
    });
  };

  for (const q of k.singleQuestions) {
    const current = q.options.find((o) => o.value === profile.answers[q.id]);
    for (const option of q.options) {
      if (option.value === current?.value) continue;
      const distance =
        q.ordered && current?.rank !== undefined && option.rank !== undefined
          ? Math.abs(option.rank - current.rank)
          : 1;
      const changed = { ...profile, answers: { ...profile.answers, [q.id]: option.value } };
      consider(changed, { question: q.id, to: option.value, change: "answer", distance }, option.ifPhrase);
    }
  }
  for (const feature of k.needFeatures) {
    if (notesNeeds.includes(feature.id)) continue;
    const has = profile.needs.includes(feature.id);
    const needs = has ? profile.needs.filter((n) => n !== feature.id) : [...profile.needs, feature.id];
    const condition = has
      ? `you did not need ${feature.need.phrase}`
      : `you also needed ${feature.need.phrase}`;
    consider(
      { ...profile, needs },
      { question: k.needsQuestion.id, to: feature.id, change: has ? "remove_need" : "add_need", distance: 1 },
      condition,
    );
  }

  const opposite = (v: Verdict) => (verdict !== "either" && v !== "either" ? 0 : 1);
  candidates.sort(
    (a, b) => opposite(a.verdict) - opposite(b.verdict) || a.distance - b.distance || b.strength - a.strength,
  );
  return candidates.slice(0, k.scoring.maxFlips).map(({ strength: _s, ...flip }) => flip);
}
