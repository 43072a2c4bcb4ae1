/** The decision answers as blocks, from recommendations chosen to reach their edge cases. */
import { describe, expect, it } from "vitest";
import { getKnowledge, recommend } from "../../src/engine/index.js";
import { whyNotAnswer } from "../../src/slack/blocks/decision-answer.js";

const k = getKnowledge();

describe("why not the framework that won", () => {
  it("says once that nothing counts against it, when nothing does", () => {
    // A large, long-lived shop whose team knows Django: nothing in the answers counts against Django.
    const rec = recommend(
      {
        answers: { project_type: "ecommerce", size: "large", timeline: "long_term", experience: "django" },
        needs: ["admin", "auth"],
      },
      k,
    );
    expect(rec.verdict).toBe("django");
    expect(rec.factors.filter((f) => f.favours === "flask")).toEqual([]);
    const blocks = whyNotAnswer(k, rec, "django");
    const text = JSON.stringify(blocks);
    expect(blocks).toHaveLength(1);
    expect(text).toContain("Nothing in your answers counts much against Django, the recommendation");
  });
});
