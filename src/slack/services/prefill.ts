import type { Knowledge } from "../../engine/index.js";
import type { Prefill } from "../blocks/questionnaire.js";

/**
 * What came back in a button value, kept only where it is a choice the form offers: a partial reading
 * (a quick take) prefills what it understood and leaves the rest for the person to choose.
 */
export function prefillFrom(
  knowledge: Knowledge,
  input: { answers: Record<string, string>; needs: string[]; notes: string },
): Prefill {
  const answers: Record<string, string> = {};
  for (const q of knowledge.singleQuestions) {
    const value = input.answers[q.id];
    if (value !== undefined && q.options.some((o) => o.value === value)) answers[q.id] = value;
  }
  const needs = input.needs.filter((id) => knowledge.needFeatures.some((f) => f.id === id));
  return { answers, needs, notes: input.notes.slice(0, knowledge.notesQuestion.maxLength) };
}
