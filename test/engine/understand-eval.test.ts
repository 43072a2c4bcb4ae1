import { describe, expect, it } from "vitest";
import { DEV_SET, loadHeldOut, runHeldOut } from "../../scripts/eval/held-out.js";
import { report } from "../../scripts/eval/scoring.js";
import { getKnowledge } from "../../src/engine/index.js";

const knowledge = getKnowledge();
const result = report(runHeldOut(knowledge, loadHeldOut()));

/**
 * The held-out set (test/eval/held-out.json) was written by someone who never saw
 * data/examples.json, and nothing in data/ is taken from it. `npm run eval` prints the details.
 */
describe("understanding the held-out set", () => {
  // The lines the issue asks for. NOT MET YET: 79.9% and 1 false answer when the layer was finished;
  // 78.2% and 2 once merged with the late-2026 knowledge base (new aliases and wording in
  // data/features.json); 66.1% and 12 before the classifiers (README, "How questions are understood").
  // `it.fails` keeps the target visible in every run: when the layer reaches it, this test fails and
  // the marker must go.
  it.fails("is right on at least 90% of the questions", () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it.fails("gives no feature or decision answer to a question it should not answer", () => {
    expect(result.falseAnswersOnUnknown).toBe(0);
  });

  // Until then, no change may make it worse than the figures measured.
  it("does no worse than last measured: 78% right, at most 2 false answers", () => {
    expect(result.accuracy).toBeGreaterThanOrEqual(0.78);
    expect(result.falseAnswersOnUnknown).toBeLessThanOrEqual(2);
  });

  it("covers every intent", () => {
    for (const intent of ["feature", "decision", "help", "thanks", "chatter", "pushback", "unknown"]) {
      expect(result.perIntent.get(intent)?.total ?? 0, intent).toBeGreaterThan(0);
    }
  });
});

/** Our own development set (test/eval/dev.json): read and tuned against, so its figures are optimistic. */
describe("understanding the development set", () => {
  const dev = report(runHeldOut(knowledge, loadHeldOut(DEV_SET)));

  it("has at least 150 questions, 25 of them about nothing the app knows", () => {
    expect(dev.total).toBeGreaterThanOrEqual(150);
    expect(dev.unknownItems).toBeGreaterThanOrEqual(25);
  });

  it("does no worse than last measured: 86% right, no false answer", () => {
    expect(dev.accuracy).toBeGreaterThanOrEqual(0.86);
    expect(dev.falseAnswersOnUnknown).toBe(0);
  });
});
