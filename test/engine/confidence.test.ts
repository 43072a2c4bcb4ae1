import { describe, expect, it } from "vitest";
import { getKnowledge, type Knowledge, type ProjectProfile, recommend } from "../../src/engine/index.js";
import { ScoringSchema } from "../../src/engine/knowledge-schema.js";
import { createRng } from "../fuzz/prng.js";

const knowledge = getKnowledge();

/** A copy of the knowledge base with different confidence settings or fits (a fresh object: fresh caches). */
function variant(change: (k: Knowledge) => void): Knowledge {
  const copy = structuredClone(knowledge);
  change(copy);
  return copy;
}
const withFitSpread = (fitSpread: number) =>
  variant((k) => {
    k.scoring.confidence.fitSpread = fitSpread;
  });

function profiles(count: number, seed: number): ProjectProfile[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const answers: Record<string, string> = {};
    for (const q of knowledge.singleQuestions) answers[q.id] = rng.pick(q.options).value;
    return {
      answers,
      needs: rng.subset(
        knowledge.needFeatures.map((f) => f.id),
        0.25,
      ),
      notes: "",
    };
  });
}
const PROFILES = profiles(300, 0xc0f1);

describe("confidence re-samples the fits as well as the weights", () => {
  const fixedFits = withFitSpread(0);

  it("the fit range is in data/scoring.json and validated", () => {
    expect(knowledge.scoring.confidence.fitSpread).toBeGreaterThan(0);
    const base = knowledge.scoring;
    expect(ScoringSchema.safeParse(base).success).toBe(true);
    expect(
      ScoringSchema.safeParse({ ...base, confidence: { ...base.confidence, fitSpread: 0.9 } }).success,
    ).toBe(false);
    expect(
      ScoringSchema.safeParse({ ...base, confidence: { ...base.confidence, fitSpread: -0.1 } }).success,
    ).toBe(false);
    expect(
      ScoringSchema.safeParse({ ...base, confidence: { ...base.confidence, leaning: 0.95, clear: 0.9 } })
        .success,
    ).toBe(false);
  });

  it("moves when the fits are uncertain: over generated profiles, some figures change", () => {
    let changed = 0;
    let lower = 0;
    for (const p of PROFILES) {
      const uncertain = recommend(p, knowledge).confidence.share;
      const fixed = recommend(p, fixedFits).confidence.share;
      if (uncertain !== fixed) changed++;
      if (uncertain < fixed) lower++;
    }
    expect(changed).toBeGreaterThan(PROFILES.length / 10);
    expect(lower).toBeGreaterThan(0);
  });

  it("a verdict resting on fits the knowledge base is unsure of is no longer called certain", () => {
    // Two criteria left: one whose fits are equal (so weights alone can never move it) that this
    // project cares about a lot, and a small edge for Django. Only re-sampling the fits shows the doubt.
    const tight = (fitSpread: number) =>
      variant((k) => {
        k.scoring.confidence.fitSpread = fitSpread;
        k.scoring.tieMargin = 0;
        for (const c of k.criteria) {
          if (c.id === "rest_api") c.fit = { flask: 0.8, django: 0.8 };
          else if (c.id === "security_defaults") c.fit = { flask: 0.75, django: 0.8 };
          else c.fit = { flask: 0.5, django: 0.5 };
        }
      });
    const profile = {
      answers: { project_type: "rest_api", priority: "security" },
      needs: ["rest_api"],
      notes: "",
    };
    const weightsOnly = recommend(profile, tight(0));
    const withFits = recommend(profile, tight(0.2));
    expect(weightsOnly.verdict).toBe("django");
    expect(weightsOnly.confidence.share).toBe(1);
    expect(weightsOnly.confidence.phrase).toBe("held in all 200 re-weightings tried");
    expect(withFits.verdict).toBe("django");
    expect(withFits.confidence.share).toBeLessThan(0.9);
    expect(withFits.confidence.label).not.toBe("clear");
  });

  it("stays deterministic: the same figure on every call and for a fresh copy of the knowledge base", () => {
    const copy = variant(() => {});
    for (const p of PROFILES.slice(0, 40)) {
      const a = recommend(p, knowledge).confidence;
      expect(recommend(p, knowledge).confidence).toEqual(a);
      expect(recommend(p, copy).confidence).toEqual(a);
    }
  });

  it("says a judgement call in words, never as 100%", () => {
    const r = recommend(
      { answers: { project_type: "internal_tool", size: "large" }, needs: ["admin"] },
      knowledge,
    );
    expect(r.confidence.label).toBe("clear");
    expect(r.confidence.phrase).toMatch(/^held in (all \d+|\d+ of \d+) re-weightings tried$/);
    expect(r.summary).not.toMatch(/100 ?%/);
    expect(r.summary).toMatch(/% of the evidence to \d+%\. A clear call: it held in/);
  });

  it("an either verdict is a close call, said as a toss-up", () => {
    const r = recommend({ answers: { project_type: "realtime" } }, knowledge);
    expect(r.verdict).toBe("either");
    expect(r.confidence.label).toBe("close call");
    expect(r.confidence.phrase).toMatch(/^stayed a toss-up in /);
    // …and says what the other re-weightings gave, the larger first.
    expect(r.confidence.phrase).toMatch(/re-weightings tried; (Django|Flask) in \d+, (Django|Flask) in \d+$/);
  });
});

describe("shares of the evidence", () => {
  it("add up to 100 and are never called marks out of 100", () => {
    for (const p of PROFILES) {
      const r = recommend(p, knowledge);
      expect(r.shares.flask + r.shares.django).toBe(100);
      expect(Number.isInteger(r.shares.flask)).toBe(true);
      expect(r.summary).not.toContain("out of 100");
    }
  });

  it("reasons' points say what they are: points of the evidence toward a framework", () => {
    const r = recommend({ answers: { project_type: "internal_tool" }, needs: ["admin"] }, knowledge);
    for (const f of r.factors) {
      expect(f.pointsText).toMatch(/^(\+\d+ points?|under 1 point) of the evidence toward (Flask|Django)$/);
      expect(f.pointsText).toContain(knowledge.meta.frameworks[f.favours].name);
    }
    // The points for Django minus those for Flask are the lead (up to rounding of each factor).
    const all = recommend(
      { answers: { project_type: "internal_tool", size: "large" }, needs: ["admin"] },
      variant((k) => {
        k.scoring.maxFactors = 10;
        k.scoring.minFactorPoints = 0;
      }),
    );
    const signed = all.factors.reduce((sum, f) => sum + (f.favours === "django" ? f.points : -f.points), 0);
    expect(Math.abs(signed - all.lead)).toBeLessThan(1.5);
  });
});
