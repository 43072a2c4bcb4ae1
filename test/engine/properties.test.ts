import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/engine/confidence.js";
import { getKnowledge, type ProjectProfile, type Recommendation, recommend } from "../../src/engine/index.js";

const k = getKnowledge();
const scoringFile = JSON.parse(readFileSync(new URL("../../data/scoring.json", import.meta.url), "utf8")) as {
  tieMargin: number;
};
const criteriaFile = JSON.parse(
  readFileSync(new URL("../../data/criteria.json", import.meta.url), "utf8"),
) as Array<{
  id: string;
  fit: { flask: number; django: number };
}>;

const NOTES = [
  "",
  "",
  "",
  "Staff must edit records in an admin dashboard",
  "we don't need an admin",
  "We need logins and translations into French",
  "A celery worker sends emails in the background",
  "We deploy on Kubernetes behind nginx.",
  "caching with redis please",
  "No websockets, no i18n.",
  "The mobile app calls a JSON API",
];

function generateProfiles(seed: number): ProjectProfile[] {
  // The engine's seeded mulberry32: every run tests the same profiles.
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const one = (fixed?: [string, string]): ProjectProfile => {
    const answers: Record<string, string> = {};
    for (const q of k.singleQuestions) answers[q.id] = pick(q.options).value;
    if (fixed) answers[fixed[0]] = fixed[1];
    const notes = pick(NOTES);
    // Needs may also be named in the notes: flips must still hold then (a need the notes name
    // cannot be "removed" by the needs answer alone, so no such flip may be offered).
    const needs = k.needFeatures.filter(() => random() < 0.25).map((f) => f.id);
    return { answers, needs, notes };
  };
  const profiles: ProjectProfile[] = [];
  for (const q of k.singleQuestions) {
    for (const o of q.options) for (let i = 0; i < 5; i++) profiles.push(one([q.id, o.value]));
  }
  while (profiles.length < 320) profiles.push(one());
  return profiles;
}

const PROFILES = generateProfiles(0x5eed);
const RESULTS = new Map<ProjectProfile, Recommendation>(PROFILES.map((p) => [p, recommend(p, k)]));
const result = (p: ProjectProfile) => RESULTS.get(p) as Recommendation;

const fitOf = new Map(criteriaFile.map((c) => [c.id, c.fit]));
const favours = (needId: string): "django" | "flask" | "neither" => {
  const need = k.needFeatures.find((f) => f.id === needId)?.need;
  const fit = fitOf.get(need?.criterion ?? "");
  if (!fit) throw new Error(`no criterion for need ${needId}`);
  return fit.django > fit.flask ? "django" : fit.django < fit.flask ? "flask" : "neither";
};

describe("generated profiles", () => {
  it("are a few hundred, deterministic, and valid", () => {
    expect(PROFILES.length).toBeGreaterThanOrEqual(300);
    expect(generateProfiles(0x5eed)).toEqual(PROFILES);
    expect(generateProfiles(0x5eee)).not.toEqual(PROFILES);
  });

  it("cover every option of every question", () => {
    for (const q of k.singleQuestions) {
      const seen = new Set(PROFILES.map((p) => p.answers[q.id]));
      expect([...seen].sort(), q.id).toEqual(q.options.map((o) => o.value).sort());
    }
  });

  it("cover every need, empty needs and several needs at once", () => {
    const seen = new Set(PROFILES.flatMap((p) => p.needs));
    expect([...seen].sort()).toEqual(k.needFeatures.map((f) => f.id).sort());
    expect(PROFILES.some((p) => p.needs.length === 0)).toBe(true);
    expect(PROFILES.some((p) => p.needs.length >= 5)).toBe(true);
  });

  it("produce all three verdicts", () => {
    const verdicts = new Set(PROFILES.map((p) => result(p).verdict));
    expect([...verdicts].sort()).toEqual(["django", "either", "flask"]);
  });

  it("needs favour each side (the monotonicity checks below test both directions)", () => {
    const sides = k.needFeatures.map((f) => favours(f.id));
    expect(sides).toContain("django");
    expect(sides).toContain("flask");
  });
});

describe("recommend properties", () => {
  it("is deterministic", () => {
    for (const p of PROFILES) expect(recommend(structuredClone(p), k)).toEqual(result(p));
  });

  it("does not change the profile it is given", () => {
    for (const p of PROFILES.slice(0, 50)) {
      const copy = structuredClone(p);
      recommend(p, k);
      expect(p).toEqual(copy);
    }
  });

  it("adding a need that favours Django never lowers Django's lead", () => {
    let checked = 0;
    for (const p of PROFILES) {
      const before = result(p).lead;
      for (const f of k.needFeatures) {
        if (p.needs.includes(f.id) || favours(f.id) !== "django") continue;
        const after = recommend({ ...p, needs: [...p.needs, f.id] }, k).lead;
        expect(after, `${JSON.stringify(p)} + ${f.id}`).toBeGreaterThanOrEqual(before - 1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("adding a need that favours Flask never raises Django's lead", () => {
    let checked = 0;
    for (const p of PROFILES) {
      const before = result(p).lead;
      for (const f of k.needFeatures) {
        if (p.needs.includes(f.id) || favours(f.id) !== "flask") continue;
        const after = recommend({ ...p, needs: [...p.needs, f.id] }, k).lead;
        expect(after, `${JSON.stringify(p)} + ${f.id}`).toBeLessThanOrEqual(before + 1e-9);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it("every flip, applied, gives exactly the flip's verdict, which differs from the original", () => {
    let checked = 0;
    for (const p of PROFILES) {
      const r = result(p);
      for (const flip of r.flips) {
        expect(flip.verdict, flip.text).not.toBe(r.verdict);
        expect(flip.text).toMatch(/^If /);
        expect(recommend(flip.profile, k).verdict, `${JSON.stringify(p)}: ${flip.text}`).toBe(flip.verdict);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it("a flip changes exactly one answer or one need", () => {
    for (const p of PROFILES) {
      const r = result(p);
      for (const flip of r.flips) {
        const changedAnswers = Object.keys(r.profile.answers).filter(
          (q) => flip.profile.answers[q] !== r.profile.answers[q],
        );
        const added = flip.profile.needs.filter((n) => !r.profile.needs.includes(n));
        const removed = r.profile.needs.filter((n) => !flip.profile.needs.includes(n));
        expect(changedAnswers.length + added.length + removed.length, flip.text).toBe(1);
        expect(flip.profile.notes).toBe(r.profile.notes);
        if (flip.change === "answer") expect(changedAnswers).toEqual([flip.question]);
        if (flip.change === "add_need") expect(added).toEqual([flip.to]);
        if (flip.change === "remove_need") expect(removed).toEqual([flip.to]);
      }
    }
  });

  it("confidence.share is in [0, 1], the label follows it, and the words never say 100%", () => {
    const { clear, leaning } = k.scoring.confidence;
    for (const p of PROFILES) {
      const r = result(p);
      const { share, label, samples, held, phrase } = r.confidence;
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
      expect(samples).toBe(k.scoring.confidence.samples);
      expect(held / samples).toBeCloseTo(share, 3);
      if (r.verdict === "either") expect(label).toBe("close call");
      else expect(label).toBe(share >= clear ? "clear" : share >= leaning ? "leaning" : "close call");
      expect(phrase).toMatch(/re-weightings tried(; .+)?$/);
      // What every re-weighting gave: the verdict's count is `held`, and the phrase names each other one.
      const { outcomes } = r.confidence;
      expect(outcomes.flask + outcomes.django + outcomes.either).toBe(samples);
      expect(outcomes[r.verdict]).toBe(held);
      for (const v of ["flask", "django", "either"] as const) {
        if (v === r.verdict || outcomes[v] === 0) continue;
        const name = v === "either" ? "a toss-up" : k.meta.frameworks[v].name;
        expect(phrase).toContain(`${name} in ${outcomes[v]}`);
      }
      expect(`${phrase} ${r.summary}`).not.toMatch(/100 ?%|out of 100/);
      expect(r.summary).toContain(phrase);
    }
  });

  // Decided on the shares people see: the same split is never a toss-up for one project and a win for another.
  it('the verdict is "either" exactly when the shown shares are closer than the tie margin in data/scoring.json', () => {
    expect(scoringFile.tieMargin).toBeGreaterThan(0);
    const verdictBySplit = new Map<number, string>();
    for (const p of PROFILES) {
      const r = result(p);
      const shown = r.shares.django - r.shares.flask;
      expect(r.verdict === "either", `shares ${JSON.stringify(r.shares)}`).toBe(
        Math.abs(shown) < scoringFile.tieMargin,
      );
      if (r.verdict !== "either") expect(r.verdict).toBe(shown > 0 ? "django" : "flask");
      expect(verdictBySplit.get(shown) ?? r.verdict).toBe(r.verdict);
      verdictBySplit.set(shown, r.verdict);
    }
  });

  it("shares of the evidence are integers summing to 100 and agree with the lead", () => {
    for (const p of PROFILES) {
      const r = result(p);
      expect(r.shares.flask + r.shares.django).toBe(100);
      expect(r.scores).toEqual(r.shares);
      expect(Number.isInteger(r.scores.django)).toBe(true);
      expect(r.scores.flask + r.scores.django).toBe(100);
      expect(r.margin).toBe(Math.abs(r.scores.django - r.scores.flask));
      expect(Math.abs(r.scores.django - r.scores.flask - r.lead)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it("a decisive verdict leads with a factor favouring it", () => {
    for (const p of PROFILES) {
      const r = result(p);
      if (r.verdict === "either") continue;
      expect(r.factors.length).toBeGreaterThan(0);
      expect(r.factors[0]?.favours).toBe(r.verdict);
    }
  });
});
