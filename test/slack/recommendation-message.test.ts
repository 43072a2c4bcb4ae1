import { describe, expect, it } from "vitest";
import { getKnowledge, type ProjectProfile } from "../../src/engine/index.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { createRng } from "../fuzz/prng.js";
import { messageViolations } from "../helpers/block-kit-limits.js";
import { visibleText } from "../helpers/visible-text.js";

const k = getKnowledge();
const NOTES = [
  "",
  "No admin, please.",
  "We need websockets and a REST API for the mobile app.",
  "x".repeat(2900),
];

function profiles(count: number): ProjectProfile[] {
  const rng = createRng(0x900);
  return Array.from({ length: count }, () => ({
    answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, rng.pick(q.options).value])),
    needs: rng.subset(k.needFeatures.map((f) => f.id)),
    notes: rng.pick(NOTES),
  }));
}

describe("the recommendation message fits in a channel", () => {
  const all = profiles(400);

  it("shows at most 900 characters, whatever the answers", () => {
    let longest = 0;
    for (const profile of all) {
      const { message } = recommendationMessage(k, profile, "U05HV6XQ1AB", "U07EDITOR1");
      const length = visibleText(message.blocks).length;
      longest = Math.max(longest, length);
      expect(length, JSON.stringify(profile.answers)).toBeLessThanOrEqual(900);
    }
    expect(longest).toBeGreaterThan(300);
  });

  it("always says what would change the verdict, and stays within Block Kit's limits", () => {
    for (const profile of all) {
      const { message } = recommendationMessage(k, profile, "U05HV6XQ1AB");
      expect(visibleText(message.blocks)).toContain("What would change it:");
      expect(messageViolations(message)).toEqual([]);
    }
  });

  it("has a top-level text that is a complete sentence naming the verdict", () => {
    for (const profile of all.slice(0, 50)) {
      const { message, payload } = recommendationMessage(k, profile, "U05HV6XQ1AB");
      expect(message.text).toMatch(/^Recommendation for .*\.$/);
      const named = payload.verdict === "either" ? "either" : k.meta.frameworks[payload.verdict].name;
      expect(message.text.toLowerCase()).toContain(named.toLowerCase());
    }
  });
});
