import type { Knowledge } from "./knowledge.js";
import type { FrameworkId } from "./knowledge-schema.js";
import type { ProjectProfile } from "./profile.js";
import type { Verdict } from "./scoring.js";

export interface Factor {
  criterion: string;
  label: string;
  favours: FrameworkId;
  /**
   * Percentage points of the evidence this criterion gave `favours`: the shares are each side's
   * points plus the prior's, so the points for Django minus those for Flask make up the lead.
   */
  points: number;
  /** The same in words: "+12 points of the evidence toward Django". */
  pointsText: string;
  /** Why it matters for this project: the reason, then the answers that made it count. */
  why: string;
  /** The answers that made this criterion count, as the person chose them. */
  because: string[];
  source: string;
}

export interface ProConItem {
  id: string;
  text: string;
  source: string;
}

export interface ProsCons {
  flask: { pros: ProConItem[]; cons: ProConItem[] };
  django: { pros: ProConItem[]; cons: ProConItem[] };
}

export interface CaveatItem {
  id: string;
  text: string;
  alternative?: { name: string; url: string };
  source: string;
}

/** Which answers raised each criterion, in the words of the questionnaire. */
export function answerSources(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  const add = (criterion: string, text: string) => {
    const list = sources.get(criterion) ?? [];
    if (!list.includes(text)) list.push(text);
    sources.set(criterion, list);
  };
  for (const q of knowledge.singleQuestions) {
    const option = q.options.find((o) => o.value === profile.answers[q.id]);
    if (!option) continue;
    for (const [criterion, value] of Object.entries(option.effects)) {
      if (value > 0) add(criterion, `${q.short}: ${option.label}`);
    }
  }
  for (const f of knowledge.needFeatures) {
    if (profile.needs.includes(f.id)) add(f.need.criterion, `you need ${f.need.phrase}`);
    else if (notesNeeds.includes(f.id)) add(f.need.criterion, `your notes mention ${f.need.phrase}`);
  }
  return sources;
}

export function decisiveFactors(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  adv: Float64Array,
  pointsPerUnit: number,
  verdict: Verdict,
): Factor[] {
  const sources = answerSources(knowledge, profile, notesNeeds);
  const all: Factor[] = [];
  knowledge.criteria.forEach((criterion, c) => {
    const a = adv[c] as number;
    const points = Math.abs(a) * pointsPerUnit;
    if (points < 0.5) return;
    const favours: FrameworkId = a > 0 ? "django" : "flask";
    const because = sources.get(criterion.id) ?? [];
    const why =
      because.length > 0 ? `${criterion.reason[favours]} (${because.join("; ")})` : criterion.reason[favours];
    const rounded = Math.round(points);
    all.push({
      criterion: criterion.id,
      label: criterion.label,
      favours,
      points: Math.round(points * 10) / 10,
      pointsText: `${rounded >= 1 ? `+${rounded} point${rounded === 1 ? "" : "s"}` : "under 1 point"} of the evidence toward ${knowledge.meta.frameworks[favours].name}`,
      why,
      because,
      source: criterion.source[favours],
    });
  });
  // The winner's reasons first, then the strongest pull the other way, so the trade-off shows.
  all.sort((x, y) => y.points - x.points);
  if (verdict === "either") return all.slice(0, knowledge.scoring.maxFactors);
  const forWinner = all.filter((f) => f.favours === verdict);
  const against = all.filter((f) => f.favours !== verdict);
  const picked = forWinner.slice(0, Math.max(1, knowledge.scoring.maxFactors - (against.length > 0 ? 1 : 0)));
  return [...picked, ...against.slice(0, knowledge.scoring.maxFactors - picked.length)];
}

/** Pros and cons ordered by how much their criteria matter for this project. */
export function relevantProsCons(knowledge: Knowledge, imp: Float64Array): ProsCons {
  const relevance = (criteria: string[]) =>
    criteria.reduce((sum, id) => {
      const c = knowledge.criterionIndex.get(id) as number;
      return sum + (imp[c] as number) * (knowledge.criteria[c]?.weight ?? 0);
    }, 0);
  const pick = (framework: FrameworkId, kind: "pro" | "con"): ProConItem[] =>
    knowledge.prosCons
      .map((p, order) => ({ p, order, r: relevance(p.criteria) }))
      .filter(({ p }) => p.framework === framework && p.kind === kind)
      .sort((a, b) => b.r - a.r || a.order - b.order)
      .slice(0, knowledge.scoring.maxProsCons)
      .map(({ p }) => ({ id: p.id, text: p.text, source: p.source }));
  return {
    flask: { pros: pick("flask", "pro"), cons: pick("flask", "con") },
    django: { pros: pick("django", "pro"), cons: pick("django", "con") },
  };
}

export function applicableCaveats(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
): CaveatItem[] {
  const has = (question: string, values: string[]) => {
    if (question === knowledge.needsQuestion.id) {
      return values.some((v) => profile.needs.includes(v) || notesNeeds.includes(v));
    }
    return values.includes(profile.answers[question] ?? "");
  };
  return knowledge.caveats
    .filter((c) => c.whenAny.some((cond) => Object.entries(cond).every(([q, values]) => has(q, values))))
    .map((c) => ({
      id: c.id,
      text: c.text,
      source: c.source,
      ...(c.alternative ? { alternative: c.alternative } : {}),
    }));
}
