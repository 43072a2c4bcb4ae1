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
  /** The framework it counts against, when one. */
  against?: FrameworkId;
  source: string;
}

/** A condition on the answers, as caveats and pros/cons state them; needs also count when the notes name them. */
export function conditionHolds(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  condition: Record<string, string[]>,
): boolean {
  return Object.entries(condition).every(([question, values]) => {
    if (question === knowledge.needsQuestion.id)
      return values.some((v) => profile.needs.includes(v) || notesNeeds.includes(v));
    return values.includes(profile.answers[question] ?? "");
  });
}

/** Which answers raised each criterion, in the words of the questionnaire, with how much each added. */
export function answerContributions(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
): Map<string, Array<{ text: string; amount: number }>> {
  const sources = new Map<string, Array<{ text: string; amount: number }>>();
  const add = (criterion: string, text: string, amount: number) => {
    const list = sources.get(criterion) ?? [];
    if (!list.some((x) => x.text === text)) list.push({ text, amount });
    sources.set(criterion, list);
  };
  for (const q of knowledge.singleQuestions) {
    const option = q.options.find((o) => o.value === profile.answers[q.id]);
    if (!option) continue;
    for (const [criterion, value] of Object.entries(option.effects)) {
      if (value > 0) add(criterion, `${q.short}: ${option.label}`, value);
    }
  }
  for (const f of knowledge.needFeatures) {
    if (profile.needs.includes(f.id)) add(f.need.criterion, `you need ${f.need.phrase}`, f.need.importance);
    else if (notesNeeds.includes(f.id))
      add(f.need.criterion, `your notes mention ${f.need.phrase}`, f.need.importance);
  }
  return sources;
}

/** Which answers raised each criterion, in the words of the questionnaire. */
export function answerSources(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [criterion, list] of answerContributions(knowledge, profile, notesNeeds))
    out.set(
      criterion,
      list.map((x) => x.text),
    );
  return out;
}

/**
 * The answers that drove a criterion: largest share first, leaving out any that added under a
 * fifth of its importance (a small nudge did not drive it).
 */
function drivers(list: Array<{ text: string; amount: number }> | undefined): string[] {
  if (!list || list.length === 0) return [];
  const total = list.reduce((sum, x) => sum + x.amount, 0);
  return [...list]
    .sort((a, b) => b.amount - a.amount)
    .filter((x, i) => i === 0 || x.amount >= 0.2 * total)
    .map((x) => x.text);
}

export function decisiveFactors(
  knowledge: Knowledge,
  profile: ProjectProfile,
  notesNeeds: readonly string[],
  adv: Float64Array,
  pointsPerUnit: number,
  verdict: Verdict,
): Factor[] {
  const sources = answerContributions(knowledge, profile, notesNeeds);
  const { minFactorPoints } = knowledge.scoring;
  const all: Factor[] = [];
  knowledge.criteria.forEach((criterion, c) => {
    const a = adv[c] as number;
    const points = Math.abs(a) * pointsPerUnit;
    if (points < 0.5) return;
    const favours: FrameworkId = a > 0 ? "django" : "flask";
    const because = drivers(sources.get(criterion.id));
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
  // Only reasons that really moved the verdict, though a decisive verdict always keeps its first reason.
  all.sort((x, y) => y.points - x.points);
  const strong = all.filter((f, i) => f.points >= minFactorPoints || (i === 0 && verdict !== "either"));
  // The winner's reasons first, then the strongest pull the other way, so the trade-off shows.
  if (verdict === "either") return strong.slice(0, knowledge.scoring.maxFactors);
  const forWinner = strong.filter((f) => f.favours === verdict);
  const against = strong.filter((f) => f.favours !== verdict);
  const picked = forWinner.slice(0, Math.max(1, knowledge.scoring.maxFactors - (against.length > 0 ? 1 : 0)));
  return [...picked, ...against.slice(0, knowledge.scoring.maxFactors - picked.length)];
}

/**
 * Pros and cons that fit this project, ordered by how much their criteria matter for it. A point is
 * shown only when its main criterion carries weight for the project (weight × importance of at least
 * minProConWeight), its condition (if any) holds, and the notes rule out no need behind its criteria.
 */
export function relevantProsCons(
  knowledge: Knowledge,
  imp: Float64Array,
  context: { profile: ProjectProfile; notesNeeds: readonly string[]; excludedNeeds: readonly string[] },
): ProsCons {
  const weightOf = (id: string) => {
    const c = knowledge.criterionIndex.get(id) as number;
    return (imp[c] as number) * (knowledge.criteria[c]?.weight ?? 0);
  };
  const excluded = new Set(
    context.excludedNeeds.flatMap((id) => {
      const need = knowledge.featureById.get(id)?.need;
      return need ? [need.criterion] : [];
    }),
  );
  const { minProConWeight, maxProsCons } = knowledge.scoring;
  const fits = knowledge.prosCons
    .map((p, order) => ({ p, order, r: p.criteria.reduce((sum, id) => sum + weightOf(id), 0) }))
    .filter(
      ({ p }) =>
        weightOf(p.criteria[0] as string) >= minProConWeight &&
        !p.criteria.some((c) => excluded.has(c)) &&
        (!p.whenAny ||
          p.whenAny.some((cond) => conditionHolds(knowledge, context.profile, context.notesNeeds, cond))),
    )
    .sort((a, b) => b.r - a.r || a.order - b.order);
  const pick = (framework: FrameworkId, kind: "pro" | "con"): ProConItem[] =>
    fits
      .filter(({ p }) => p.framework === framework && p.kind === kind)
      .slice(0, maxProsCons)
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
  return knowledge.caveats
    .filter((c) => c.whenAny.some((cond) => conditionHolds(knowledge, profile, notesNeeds, cond)))
    .map((c) => ({
      id: c.id,
      text: c.text,
      source: c.source,
      ...(c.alternative ? { alternative: c.alternative } : {}),
      ...(c.against ? { against: c.against } : {}),
    }));
}
