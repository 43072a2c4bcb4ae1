/**
 * Block Kit limits for everything the agent pane says: its greeting, its own replies, and its answer to
 * every example in data/examples.json (one in three, to keep it quick) and odd input, with and without a
 * recommendation beside the pane. Every answer also leaves a way to the questions when there is no
 * recommendation, and its title fits.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge, toProfile } from "../../src/engine/index.js";
import {
  compareReply,
  decisionsReply,
  noDecisionLogReply,
  noRecommendationReply,
  paneApology,
  paneGreeting,
} from "../../src/slack/blocks/assistant.js";
import { paneReply } from "../../src/slack/services/compose-pane-reply.js";
import type { LatestRecommendation } from "../../src/slack/services/latest-recommendations.js";
import { messageViolations } from "../helpers/block-kit-limits.js";

const k = getKnowledge();
const CHANNEL = "C07QF9S3K2L";

const examples: string[] = [
  ...Object.values(k.examples.features).flat(),
  ...Object.values(k.examples.decisions).flat(),
  ...Object.values(k.examples.intents).flat(),
].filter((_, i) => i % 3 === 0);

const ODD = [
  "",
  " ",
  "?",
  "<!channel> what about the admin?",
  "&lt;script&gt;alert(1)&lt;/script&gt; async?",
  "👍🏽".repeat(500),
  `${"why not flask? ".repeat(300)}`,
  "flask or django for a small online shop with an admin for staff, payments, i18n and a REST API?",
];

const beside: LatestRecommendation = {
  channel: CHANNEL,
  ts: "1732384472.318669",
  verdict: "django",
  profile: toProfile({ answers: { size: "large" }, needs: ["admin", "auth"], notes: "" }, k),
};

describe("the pane's messages fit Block Kit", () => {
  it("its greeting and its own replies", () => {
    for (const m of [
      paneGreeting(k),
      paneGreeting(k, { channel: CHANNEL, verdict: "either" }),
      compareReply(),
      noRecommendationReply(CHANNEL),
      noRecommendationReply(undefined),
      noDecisionLogReply(),
      paneApology(),
      decisionsReply(k, []),
      decisionsReply(
        k,
        Array.from({ length: 200 }, (_, i) => ({
          channel: CHANNEL,
          ts: `1732384472.${String(i).padStart(6, "0")}`,
          status: "decided" as const,
          recommended: "django" as const,
          framework: "flask" as const,
          askedBy: "U05HV6XQ1AB",
          at: Date.UTC(2026, 10, 1),
        })),
      ),
    ]) {
      expect(m.text.length).toBeGreaterThan(0);
      expect(messageViolations(m)).toEqual([]);
    }
  });

  it(`answers to ${examples.length} examples and odd input, beside a recommendation or not`, () => {
    let titled = 0;
    for (const text of [...examples, ...ODD]) {
      for (const recommendation of [undefined, beside]) {
        const reply = paneReply(k, {
          text,
          viewing: CHANNEL,
          ...(recommendation ? { recommendation } : {}),
        });
        expect(messageViolations(reply), text).toEqual([]);
        expect(reply.text.length, text).toBeGreaterThan(0);
        if (reply.title !== undefined) {
          titled += 1;
          expect(reply.title.length, text).toBeLessThanOrEqual(80);
        }
        if (!recommendation) {
          const actions = JSON.stringify(reply.blocks);
          expect(actions, `a way to the questions for "${text}"`).toMatch(
            /"action_id":"(open_questionnaire|pane_prefill_questionnaire)"/,
          );
        }
      }
    }
    // Most answers name a topic (the rest: thanks, unknowns, did-you-mean).
    expect(titled).toBeGreaterThan(examples.length);
  });
});
