import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import type { ProjectProfile } from "./profile.js";
import { type Recommendation, recommendProfile } from "./recommend.js";
import type { Verdict } from "./scoring.js";
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

function outcome(knowledge: Knowledge, before: Verdict, after: Verdict): string {
  const name = (v: "flask" | "django") => knowledge.meta.frameworks[v].name;
  if (after === before)
    return after === "either"
      ? "it would still be a toss-up"
      : `${name(after)} would still be the better fit`;
  return after === "either" ? "it would be a toss-up" : `${name(after)} would win`;
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
  const conditions: string[] = [];
  const answers = { ...profile.answers };
  for (const q of knowledge.singleQuestions) {
    const to = hypothesis.answers[q.id];
    if (to === undefined || to === profile.answers[q.id]) continue;
    const option = q.options.find((o) => o.value === to);
    if (!option) continue;
    answers[q.id] = to;
    conditions.push(option.ifPhrase);
  }
  // A need the notes already name counts already ("we need an admin panel" in the notes).
  const noted = findNeedsInText(profile.notes.slice(0, knowledge.notesQuestion.maxLength), knowledge);
  const phrases: string[] = [];
  const added: string[] = [];
  for (const id of hypothesis.needs) {
    const feature = knowledge.needFeatures.find((f) => f.id === id);
    if (!feature || profile.needs.includes(id) || noted.includes(id) || added.includes(id)) continue;
    added.push(id);
    phrases.push(feature.need.phrase);
  }
  if (phrases.length > 0) conditions.push(`you also needed ${inWords(phrases)}`);
  // Only a need the project has can be supposed away.
  const dropped = (hypothesis.dropped ?? []).filter((id) => profile.needs.includes(id));
  const droppedPhrases = dropped.map(
    (id) => knowledge.needFeatures.find((f) => f.id === id)?.need.phrase ?? id,
  );
  if (droppedPhrases.length > 0) conditions.push(`you did not need ${inWords(droppedPhrases)}`);
  if (conditions.length === 0)
    return { conditions, text: "Your answers already say that, so the verdict stands." };
  const order = knowledge.needFeatures.map((f) => f.id);
  const needs = order.filter(
    (id) => (profile.needs.includes(id) || added.includes(id)) && !dropped.includes(id),
  );
  const after = recommendProfile({ ...profile, answers, needs }, knowledge);
  const then = outcome(knowledge, verdict, after.verdict);
  return { conditions, after, outcome: then, text: `If ${conditions.join(" and ")}, ${then}.` };
}
