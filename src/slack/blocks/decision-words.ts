import {
  type DecisionStatus,
  decidedAgainstRecommendation,
  type FrameworkId,
  type Knowledge,
  type Verdict,
} from "../../engine/index.js";

/** What a decision's one-line summary needs (a stored decision has it all). */
export interface DecisionFacts {
  status: DecisionStatus;
  /** The recommendation's verdict. */
  recommended: Verdict;
  /** What the team chose; null while proposed. */
  framework: FrameworkId | null;
}

const nameOf = (knowledge: Knowledge, verdict: Verdict) =>
  verdict === "either" ? "a toss-up" : knowledge.meta.frameworks[verdict].name;

/**
 * A decision in a few words, status first: "*Decided: Flask*, against the recommendation (Django)",
 * "*Proposed*: Django recommended", "*Superseded*: was Flask (Django recommended)". App Home and the pane.
 */
export function decisionWords(knowledge: Knowledge, d: DecisionFacts): string {
  const recommended = nameOf(knowledge, d.recommended);
  if (d.status === "proposed" || d.framework === null)
    return d.recommended === "either"
      ? "*Proposed*: a toss-up, the team decides"
      : `*Proposed*: ${recommended} recommended`;
  const chosen = knowledge.meta.frameworks[d.framework].name;
  const against = decidedAgainstRecommendation(d);
  if (d.status === "superseded")
    return `*Superseded*: was ${chosen} (${d.recommended === "either" ? "a toss-up" : `${recommended} recommended`})`;
  if (against) return `*Decided: ${chosen}*, against the recommendation (${recommended})`;
  return d.recommended === "either"
    ? `*Decided: ${chosen}*, where the recommendation was a toss-up`
    : `*Decided: ${chosen}*, as recommended`;
}
