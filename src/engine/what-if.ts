import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type Recommendation, recommendProfile } from "./recommend.js";
import type { Verdict } from "./scoring.js";
import { type AnswerChange, applyChanges, outcome } from "./sensitivity.js";
import { inWords } from "./text.js";

/** Answers a message supposes ("what if it stays tiny?" → size tiny), read as the questionnaire's. */
export interface Hypothesis {
  answers: Record<string, string>;
  needs: readonly string[];
  /** Needs supposed away: "what if we didn't need auth?". */
  dropped?: readonly string[];
}

/** The project re-scored with what a message supposes. */
export interface WhatIf {
  /** Each supposed change in words, to follow "If": "the project stayed tiny", "you also needed an admin". */
  conditions: string[];
  /** The recommendation with them; undefined when the answers already say all of it. */
  after?: Recommendation;
  /** "If the project stayed tiny, it would be a toss-up.", or that the answers already say so. */
  text: string;
  /** The verdict it would then be, in words: "it would be a toss-up"; undefined when nothing changes. */
  outcome?: string;
}

/** The verdict after the change, beside the one before it: "Django would still be the better fit". */
function outcomeBeside(knowledge: Knowledge, before: Verdict, after: Verdict): string {
  if (after !== before) return outcome(knowledge, after);
  return after === "either"
    ? "it would still be a toss-up"
    : `${knowledge.meta.frameworks[after].name} would still be the better fit`;
}

/**
 * "what if we only had two weeks?": the verdict with the supposed answers in place of the project's.
 * Only what differs counts; a supposed answer that is already the project's ("what if it stays small?"
 * for a small project) changes nothing, and says so by leaving `after` unset. Pure.
 */
export function whatIf(
  knowledge: Knowledge,
  profile: ProjectProfile,
  verdict: Verdict,
  hypothesis: Hypothesis,
): WhatIf {
  const changes: AnswerChange[] = [];
  for (const q of knowledge.singleQuestions) {
    const to = hypothesis.answers[q.id];
    if (to === undefined || to === profile.answers[q.id]) continue;
    const option = q.options.find((o) => o.value === to);
    if (option) changes.push({ question: q.id, to, change: "answer", condition: option.ifPhrase });
  }
  // A need the notes already name counts already ("we need an admin panel" in the notes); only a
  // need the project has can be supposed away.
  const noted = findNeedsInText(profile.notes.slice(0, knowledge.notesQuestion.maxLength), knowledge);
  const needChange = (id: string, change: "add_need" | "remove_need"): AnswerChange | undefined => {
    const phrase = knowledge.needFeatures.find((f) => f.id === id)?.need.phrase;
    return phrase ? { question: knowledge.needsQuestion.id, to: id, change, condition: phrase } : undefined;
  };
  const added = [...new Set(hypothesis.needs)]
    .filter((id) => !profile.needs.includes(id) && !noted.includes(id))
    .flatMap((id) => needChange(id, "add_need") ?? []);
  const dropped = [...new Set(hypothesis.dropped ?? [])]
    .filter((id) => profile.needs.includes(id))
    .flatMap((id) => needChange(id, "remove_need") ?? []);
  // Needs said together: "you also needed an admin panel and user accounts".
  const conditions = [
    ...changes.map((c) => c.condition),
    ...(added.length > 0 ? [`you also needed ${inWords(added.map((c) => c.condition))}`] : []),
    ...(dropped.length > 0 ? [`you did not need ${inWords(dropped.map((c) => c.condition))}`] : []),
  ];
  if (conditions.length === 0)
    return { conditions, text: "Your answers already say that, so the verdict stands." };
  const after = recommendProfile(
    applyChanges(knowledge, profile, [...changes, ...added, ...dropped]),
    knowledge,
  );
  const then = outcomeBeside(knowledge, verdict, after.verdict);
  return { conditions, after, outcome: then, text: `If ${conditions.join(" and ")}, ${then}.` };
}
