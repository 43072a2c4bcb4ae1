import type { Understanding } from "../../src/engine/index.js";

/** What an evaluation item expects (the held-out format, test/eval/held-out.json). */
export type Expectation =
  | { intent: "feature"; features: string[] }
  | { intent: "decision"; topic: string }
  | { intent: "help" | "thanks" | "chatter" | "pushback" | "unknown" };

export interface EvalItem {
  text: string;
  persona?: string;
  where: "thread" | "mention";
  expect: Expectation;
}

/** One label per expectation or prediction, for tables: "feature:admin+auth", "decision:flip", "thanks". */
export function labelOf(e: Expectation | Understanding): string {
  if (e.intent === "feature") {
    const ids = "features" in e && Array.isArray(e.features) ? e.features : [];
    return `feature:${ids
      .map((f) => (typeof f === "string" ? f : f.featureId))
      .sort()
      .join("+")}`;
  }
  if (e.intent === "decision") return `decision:${e.topic}`;
  return e.intent;
}

/** Right when the intent matches; for features the set of features too; for decisions the topic. */
export function isRight(expect: Expectation, got: Understanding): boolean {
  return labelOf(expect) === labelOf(got);
}

/** A false answer: a feature or decision answer where nothing should be answered. */
export function isFalseAnswer(expect: Expectation, got: Understanding): boolean {
  return expect.intent === "unknown" && (got.intent === "feature" || got.intent === "decision");
}

export interface Outcome {
  item: EvalItem;
  got: Understanding;
  right: boolean;
}

export interface Report {
  total: number;
  right: number;
  accuracy: number;
  falseAnswersOnUnknown: number;
  unknownItems: number;
  /** By expected intent ("feature", "decision", ...): right / total. */
  perIntent: Map<string, { right: number; total: number }>;
  /** By expected label ("feature:admin", "decision:flip", ...). */
  perLabel: Map<string, { right: number; total: number }>;
  /** expected label → predicted label → count, wrong ones only. */
  confusions: Map<string, Map<string, number>>;
  misses: Outcome[];
}

function bump(map: Map<string, { right: number; total: number }>, key: string, right: boolean): void {
  const row = map.get(key) ?? { right: 0, total: 0 };
  row.total++;
  if (right) row.right++;
  map.set(key, row);
}

export function report(outcomes: Outcome[]): Report {
  const perIntent = new Map<string, { right: number; total: number }>();
  const perLabel = new Map<string, { right: number; total: number }>();
  const confusions = new Map<string, Map<string, number>>();
  let right = 0;
  let falseAnswers = 0;
  let unknownItems = 0;
  for (const o of outcomes) {
    if (o.right) right++;
    if (o.item.expect.intent === "unknown") unknownItems++;
    if (isFalseAnswer(o.item.expect, o.got)) falseAnswers++;
    bump(perIntent, o.item.expect.intent, o.right);
    bump(perLabel, labelOf(o.item.expect), o.right);
    if (!o.right) {
      const row = confusions.get(labelOf(o.item.expect)) ?? new Map<string, number>();
      const got = labelOf(o.got);
      row.set(got, (row.get(got) ?? 0) + 1);
      confusions.set(labelOf(o.item.expect), row);
    }
  }
  return {
    total: outcomes.length,
    right,
    accuracy: outcomes.length === 0 ? 0 : right / outcomes.length,
    falseAnswersOnUnknown: falseAnswers,
    unknownItems,
    perIntent,
    perLabel,
    confusions,
    misses: outcomes.filter((o) => !o.right),
  };
}
