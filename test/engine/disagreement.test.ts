import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { BETTER, disagreementOpened, judged } from "../../src/engine/understand/disagreement.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
/** What a message opened with disagreement is about, under a Django verdict, "django" as the only word about the frameworks. */
const opened = (text: string) => {
  const a = analyseWith(model, text);
  return disagreementOpened(a, "django", (from) => a.words.slice(from).includes("django"));
};

describe("disagreementOpened", () => {
  it.each([
    ["disagree — we'll end up ripping out half of django", "verdict"],
    ["not sold on the pick", "verdict"],
    ["not convinced django is right for us", "verdict"],
    ["i'd push back on this, django is a lot", "verdict"],
    ["i'd push back on that deadline", "another"],
    ["not sold on the choice of caterer", "another"],
    ["disagree with you on the standup time", "another"],
    ["disagree, django's the right call here", "another"],
    ["not convinced.", undefined],
    ["hmm not convinced tbh", undefined],
    ["flask suits us better", undefined],
  ] as const)("%j: %s", (text, expected) => {
    expect(opened(text)).toBe(expected);
  });
});

describe("judged", () => {
  const words = (text: string) => text.split(" ");
  it.each([
    ["flask feels like the better fit", true],
    ["django the right call here", true],
    ["flask is not the better fit", false],
    ["flask feels lighter but the admin matters", false],
    ["flask is a microframework", false],
  ])("%j: %s", (text, expected) => {
    expect(judged(words(text), 0, BETTER)).toBe(expected);
  });
});
