import {
  buildUnderstander,
  type Knowledge,
  type PipelineOptions,
  understandWith,
} from "../../src/engine/index.js";
import { labelledExamples } from "../../src/engine/understand/check-examples.js";
import { type EvalItem, type Expectation, isRight, type Outcome } from "./scoring.js";

function expectationOf(label: string): Expectation {
  if (label.startsWith("feature:")) return { intent: "feature", features: [label.slice(8)] };
  if (label.startsWith("decision:")) return { intent: "decision", topic: label.slice(9) };
  return { intent: label as "help" | "thanks" | "chatter" | "pushback" | "unknown" };
}

/** Every example in data/examples.json as an evaluation item (read as a thread reply). */
export function exampleItems(knowledge: Knowledge): EvalItem[] {
  return labelledExamples(knowledge.examples).map(({ label, text }) => ({
    text,
    where: "thread",
    expect: expectationOf(label),
  }));
}

/** Which of `folds` folds an item falls in: every k-th item, so each fold spans every label. */
export const foldOf = (index: number, folds: number) => index % folds;

/**
 * k-fold cross-validation: each fold's examples are left out of the index and then understood.
 * `predict` defaults to the understanding layer built with `options`.
 */
export function crossValidate(
  knowledge: Knowledge,
  options: PipelineOptions,
  folds = 10,
  items: EvalItem[] = exampleItems(knowledge),
): Outcome[] {
  const outcomes: Outcome[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const held = items.filter((_, i) => foldOf(i, folds) === fold);
    const u = buildUnderstander(knowledge, options, new Set(held.map((h) => h.text)));
    for (const item of held) {
      const got = understandWith(u, item.text, { hasRecommendation: item.where === "thread" });
      outcomes.push({ item, got, right: isRight(item.expect, got) });
    }
  }
  return outcomes;
}
