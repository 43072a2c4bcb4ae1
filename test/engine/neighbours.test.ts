import { describe, expect, it } from "vitest";
import { buildUnderstander, getKnowledge, understand } from "../../src/engine/index.js";
import { analyseWith, kindProbabilities, kindReadings } from "../../src/engine/understand/model.js";
import { Neighbours } from "../../src/engine/understand/neighbours.js";
import { DEFAULT_OPTIONS } from "../../src/engine/understand/options.js";

/**
 * 60 examples over 3 labels (example i has label i % 3). Rows 0 and 1 are in every example and row 2
 * in every label's examples (function words: too common to tell anything); row 100 + i is example
 * i's own word.
 */
function small(): Neighbours {
  const examples = Array.from({ length: 60 }, (_, i) => ({ label: i % 3, rows: [0, 1, 2, 100 + i] }));
  return Neighbours.fromExamples(examples, 200, 3);
}

describe("Neighbours: the training examples nearest a message", () => {
  it("votes for the label of the examples that share the message's telling rows", () => {
    // Examples 1, 4 and 7 are of label 1.
    const vote = small().vote([0, 1, 2, 101, 104, 107], 6, 5) as Float64Array;
    expect(vote).toBeDefined();
    expect(vote[1]).toBeGreaterThan(0.95);
    expect(vote.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 10);
  });

  it("finds one example by a row only it has", () => {
    const vote = small().vote([129], 1, 3) as Float64Array;
    expect(vote[2]).toBeGreaterThan(0.95);
  });

  it("lets the k nearest vote, each by how near it is", () => {
    // Two examples of label 0 against one of label 2: with k = 1, one of the three decides.
    const n = small();
    const all = n.vote([100, 103, 102], 3, 3) as Float64Array;
    expect(all[0]).toBeGreaterThan(all[2] as number);
    expect(all[2]).toBeGreaterThan(all[1] as number);
    const one = n.vote([100, 103, 102], 3, 1) as Float64Array;
    expect(Math.max(...one)).toBeGreaterThan(0.95);
  });

  it("says nothing when the message shares no telling row with any example", () => {
    const n = small();
    // Rows 0, 1 and 2 are in 1 example in 20 or more: they tell nothing. Row 5 is in none.
    expect(n.vote([0, 1, 2, 5, -1], 5, 5)).toBeUndefined();
    expect(n.vote([], 0, 5)).toBeUndefined();
  });

  it("gives every label a little, so that no reading is ruled out", () => {
    const vote = small().vote([100], 1, 3) as Float64Array;
    expect(Math.min(...vote)).toBeGreaterThan(0);
    expect(vote[0]).toBeGreaterThan(0.95);
  });

  it("counts a row given twice once, and reads the same after many messages", () => {
    const n = small();
    const once = n.vote([112, 122], 2, 5) as Float64Array;
    const twice = n.vote([112, 112, 122, 122], 4, 5) as Float64Array;
    expect([...twice]).toEqual([...once]);
    for (let i = 0; i < 1000; i++) n.vote([110, 121, 129], 3, 5);
    expect([...(n.vote([112, 122], 2, 5) as Float64Array)]).toEqual([...once]);
  });

  it("reads the same when its count of messages wraps around", () => {
    const n = small();
    const before = n.vote([112, 122], 2, 5) as Float64Array;
    (n as unknown as { stamp: number }).stamp = 0xfffffffd;
    for (let i = 0; i < 4; i++) expect([...(n.vote([112, 122], 2, 5) as Float64Array)]).toEqual([...before]);
  });

  it("ignores a row it does not have", () => {
    const n = small();
    expect([...(n.vote([112, 500, 122], 3, 5) as Float64Array)]).toEqual([
      ...(n.vote([112, 122], 2, 5) as Float64Array),
    ]);
  });

  it("is rebuilt the same from what it ships", () => {
    const n = small();
    const again = new Neighbours(n.toParts(), 200, 3);
    expect([...(again.vote([111, 120, 129], 3, 7) as Float64Array)]).toEqual([
      ...(n.vote([111, 120, 129], 3, 7) as Float64Array),
    ]);
  });
});

describe("the nearest examples in the understanding model", () => {
  const k = getKnowledge();
  const u = buildUnderstander(k);

  it("moves the kind reading toward the examples like the message, and only by their share", () => {
    // Near the examples about what hosting costs, which the classifier alone reads as unknown.
    const a = analyseWith(u, "is hosting pricier for either");
    const { alone, voted } = kindReadings(u, a);
    expect([...alone]).toEqual([...kindProbabilities(u, analyseWith(u, "is hosting pricier for either"))]);
    const deployment = u.kinds.labels.indexOf("feature:deployment");
    expect(voted[deployment]).toBeGreaterThan(alone[deployment] as number);
    expect([...voted].reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
    const off = buildUnderstander(k, { ...DEFAULT_OPTIONS, neighbours: { share: 0, k: 11 } });
    const unvoted = kindReadings(off, analyseWith(off, "is hosting pricier for either"));
    expect(unvoted.voted).toBe(unvoted.alone);
  });

  it("reads the feature without the vote: a question about nothing we know offers no feature it leans to", () => {
    const a = analyseWith(u, "what is the meaning of life?");
    const { alone, voted } = kindReadings(u, a);
    expect(voted).not.toEqual(alone);
    const reading = understand(k, "what is the meaning of life?", { hasRecommendation: true });
    expect(reading.intent).toBe("unknown");
    // Below the 0.3 at which Slack offers a runner-up as "did you mean" after an unknown question.
    for (const r of reading.runnersUp) expect(r.score).toBeLessThan(0.3);
  });
});
