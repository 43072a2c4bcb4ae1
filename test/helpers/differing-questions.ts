import type { Knowledge, ProjectProfile, Question } from "../../src/engine/index.js";

/**
 * The questions two profiles answer differently, worked out by the test itself (independent of
 * `compareViews`, which the tests check against it), in the questionnaire's order.
 */
export function differingQuestions(knowledge: Knowledge, a: ProjectProfile, b: ProjectProfile): Question[] {
  return knowledge.questions.filter((q) => {
    if (q.kind === "single") return a.answers[q.id] !== b.answers[q.id];
    if (q.kind === "multi") return [...a.needs].sort().join() !== [...b.needs].sort().join();
    return a.notes.trim() !== b.notes.trim();
  });
}
