/**
 * The team's surfaces stay within Block Kit's limits at their largest: the decide form, Details with
 * many teammates' views and votes, the revisit reminder, and messages with every status.
 */
import { describe, expect, it } from "vitest";
import { compareViews, getKnowledge, type ProjectProfile, recommend } from "../../src/engine/index.js";
import { decideModal } from "../../src/slack/blocks/decide-modal.js";
import { recommendationDetailsView } from "../../src/slack/blocks/recommendation-details.js";
import { revisitReminderMessage } from "../../src/slack/blocks/revisit-reminder.js";
import { viewsComparisonBlocks } from "../../src/slack/blocks/views-comparison.js";
import { encodeDecideContext } from "../../src/slack/services/codecs.js";
import { recommendationMessage } from "../../src/slack/services/compose-recommendation.js";
import { REVISIT_MONTHS } from "../../src/slack/services/revisit-reminders.js";
import { MAX_REASON_LENGTH } from "../../src/storage/index.js";
import { createRng } from "../fuzz/prng.js";
import { messageViolations, viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";

const k = getKnowledge();
const rng = createRng(0xb10c);
const profile = (): ProjectProfile => ({
  answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, rng.pick(q.options).value])),
  needs: rng.subset(k.needFeatures.map((f) => f.id)),
  notes: rng.pick(["", "<!here> ".repeat(120), "😀".repeat(490)]),
});

describe("the team's surfaces within Block Kit's limits", () => {
  it("the decide form, for each verdict", () => {
    for (const verdict of ["flask", "django", "either"] as const) {
      const view = decideModal({
        knowledge: k,
        verdict,
        askedBy: "U05HV6XQ1AB",
        revisitMonths: REVISIT_MONTHS,
        maxReason: MAX_REASON_LENGTH,
        privateMetadata: encodeDecideContext({ channel: "C07QF9S3K2L", messageTs: "1732384472.318669" }),
      });
      expect(viewViolations(view as unknown as Json)).toEqual([]);
    }
  });

  it("Details with forty teammates' views, long notes included, and a hundred votes", () => {
    for (let round = 0; round < 5; round++) {
      const base = profile();
      const rec = recommend(base, k);
      const mates = Array.from({ length: 40 }, (_, i) => ({
        userId: `U0MATE${String(i).padStart(4, "0")}`,
        label: `<@U0MATE${String(i).padStart(4, "0")}>`,
        profile: profile(),
      }));
      const views = compareViews(k, { userId: "U05HV6XQ1AB", label: "<@U05HV6XQ1AB>", profile: base }, mates);
      const ids = (p: string) => Array.from({ length: 50 }, (_, i) => `${p}${String(i).padStart(4, "0")}`);
      const team = viewsComparisonBlocks(k, rec.verdict, views, {
        agree: ids("U0AGR"),
        pickOther: ids("U0OTH"),
      });
      const view = recommendationDetailsView(k, rec, team);
      expect(viewViolations(view as unknown as Json)).toEqual([]);
      expect(JSON.stringify(view)).not.toContain("<!here>");
    }
  });

  it("the revisit reminder, and messages with every status", () => {
    for (let round = 0; round < 20; round++) {
      const p = profile();
      const rec = recommend(p, k);
      const reminder = revisitReminderMessage({
        knowledge: k,
        rec,
        framework: "flask",
        decidedBy: "U05HV6XQ1AB",
        decidedAt: Date.UTC(2026, 10, 28),
        against: rec.verdict === "django",
      });
      expect(messageViolations(reminder)).toEqual([]);
      for (const status of [
        { status: "proposed" as const },
        {
          status: "superseded" as const,
          framework: "django" as const,
          by: "U05HV6XQ1AB",
          at: Date.UTC(2026, 10, 28),
          supersededBy: { at: Date.UTC(2026, 11, 2), url: "https://acme-eng.slack.com/archives/C1/p1" },
        },
      ]) {
        const { message } = recommendationMessage(k, p, "U05HV6XQ1AB", undefined, {
          status,
          votes: { agree: [], pickOther: [] },
          actions: { open: status.status !== "superseded", decidable: status.status === "proposed" },
        });
        expect(messageViolations(message)).toEqual([]);
      }
    }
  });
});
