import { describe, expect, it } from "vitest";
import { compareViews, getKnowledge, type ProjectProfile } from "../../src/engine/index.js";
import type { TeamModel } from "../../src/slack/blocks/team-section.js";
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

function profiles(count: number, seed = 0x900): ProjectProfile[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => ({
    answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, rng.pick(q.options).value])),
    needs: rng.subset(k.needFeatures.map((f) => f.id)),
    notes: rng.pick(NOTES),
  }));
}

// Generous timeout: long notes are read by the understanding layer for every profile.
describe("the recommendation message fits in a channel", { timeout: 120_000 }, () => {
  const all = profiles(200);

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

  // The fullest team part there can be: a decision that supersedes another, with a reminder, six
  // teammates' own answers and ten votes each way (the lines name a few and count the rest).
  function fullTeam(profile: ProjectProfile, seed: number): TeamModel {
    const teammates = profiles(6, seed).map((p, i) => ({
      userId: `U0MATE00${i}`,
      label: `<@U0MATE00${i}>`,
      profile: p,
    }));
    const ids = (p: string) => Array.from({ length: 10 }, (_, i) => `${p}${String(i).padStart(4, "0")}`);
    return {
      status: {
        status: "decided",
        framework: "flask",
        by: "U05HV6XQ1AB",
        at: Date.UTC(2026, 10, 28),
        recommended: "django",
        against: true,
        supersedes: {
          at: Date.UTC(2026, 10, 20),
          url: "https://acme-eng.slack.com/archives/C07QF9S3K2L/p1732384472318669",
        },
        revisitAt: Date.UTC(2027, 4, 28),
      },
      views: compareViews(k, { userId: "U05HV6XQ1AB", label: "<@U05HV6XQ1AB>", profile }, teammates),
      votes: { agree: ids("U0AGREE"), pickOther: ids("U0OTHER") },
      actions: { open: true, decidable: false, reminderValue: '{"c":"C07QF9S3K2L","id":"Q1"}' },
    };
  }

  it("with the team's part at its fullest (status, views, votes, buttons), still at most 900 characters", () => {
    let longest = 0;
    for (const [i, profile] of all.entries()) {
      const { message, rec } = recommendationMessage(
        k,
        profile,
        "U05HV6XQ1AB",
        "U05HV6XQ1AB",
        fullTeam(profile, i),
      );
      const text = visibleText(message.blocks);
      longest = Math.max(longest, text.length);
      expect(text.length, text).toBeLessThanOrEqual(900);
      expect(text).toContain("Decided: Flask");
      // A toss-up has no side to agree with: no votes.
      if (rec.verdict !== "either") expect(text).toContain("10 agree");
      expect(messageViolations(message)).toEqual([]);
    }
    expect(longest).toBeGreaterThan(700);
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
