import { describe, expect, it } from "vitest";
import {
  type AnswerChange,
  getKnowledge,
  type ProjectProfile,
  type Recommendation,
  recommend,
  type Verdict,
} from "../../src/engine/index.js";
import { createRng } from "../fuzz/prng.js";

const knowledge = getKnowledge();
const NOTES = [
  "",
  "",
  "",
  "staff edit records in an admin dashboard",
  "we don't need an admin",
  "celery jobs and redis caching",
];

function generate(count: number, seed: number): ProjectProfile[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const answers: Record<string, string> = {};
    for (const q of knowledge.singleQuestions) answers[q.id] = rng.pick(q.options).value;
    return {
      answers,
      needs: rng.subset(
        knowledge.needFeatures.map((f) => f.id),
        rng.pick([0.1, 0.3, 0.5]),
      ),
      notes: rng.pick(NOTES),
    };
  });
}
const PROFILES = generate(400, 0xf11b);
const RESULTS = PROFILES.map((p) => recommend(p, knowledge));

/** Every change of one answer or one need that the needs answer can make (notes needs excluded). */
function singleChanges(r: Recommendation): AnswerChange[] {
  const out: AnswerChange[] = [];
  for (const q of knowledge.singleQuestions) {
    for (const o of q.options) {
      if (o.value !== r.profile.answers[q.id])
        out.push({ question: q.id, to: o.value, change: "answer", condition: o.ifPhrase });
    }
  }
  const inNotes = recommend({ ...r.profile, needs: [] }, knowledge).notes.needs;
  for (const f of knowledge.needFeatures) {
    if (inNotes.includes(f.id)) continue;
    const has = r.profile.needs.includes(f.id);
    out.push({ question: "needs", to: f.id, change: has ? "remove_need" : "add_need", condition: "" });
  }
  return out;
}
function apply(profile: ProjectProfile, changes: AnswerChange[]): ProjectProfile {
  let answers = profile.answers;
  let needs = profile.needs;
  for (const c of changes) {
    if (c.change === "answer") answers = { ...answers, [c.question]: c.to };
    else if (c.change === "add_need") needs = [...needs, c.to];
    else needs = needs.filter((n) => n !== c.to);
  }
  return { ...profile, answers, needs };
}
const verdictOf = (p: ProjectProfile): Verdict => recommend(p, knowledge).verdict;

describe("what would change the verdict", () => {
  it("is in every recommendation, over hundreds of generated profiles, as one sentence", () => {
    expect(RESULTS.length).toBeGreaterThanOrEqual(300);
    for (const r of RESULTS) {
      expect(r.whatWouldChange, JSON.stringify(r.profile)).toBeDefined();
      expect(r.whatWouldChange.text).toMatch(
        /^(If .+, (Flask|Django) would win\.|If .+, it would be a toss-up\.|No single answer, and no two answers together, would .+\.)$/,
      );
    }
  });

  it("covers all three kinds over the generated profiles", () => {
    const kinds = new Set(RESULTS.map((r) => r.whatWouldChange.kind));
    expect([...kinds].sort()).toEqual(["none", "pair", "single"]);
  });

  it("a single change is the first flip, and applying it gives its verdict", () => {
    for (const r of RESULTS) {
      const w = r.whatWouldChange;
      if (w.kind !== "single") continue;
      expect(r.flips.length).toBeGreaterThan(0);
      expect(w.text).toBe(r.flips[0]?.text);
      expect(w.changes).toHaveLength(1);
      expect(w.verdict).not.toBe(r.verdict);
      expect(verdictOf(w.profile as ProjectProfile)).toBe(w.verdict);
    }
  });

  it("a pair is offered only when no single answer does it, and applying both gives its verdict", () => {
    let pairs = 0;
    for (const r of RESULTS) {
      const w = r.whatWouldChange;
      if (w.kind !== "pair") continue;
      pairs++;
      expect(r.flips).toEqual([]);
      expect(w.changes).toHaveLength(2);
      expect(new Set(w.changes.map((c) => `${c.question}:${c.to}`)).size).toBe(2);
      if (w.changes[0]?.change === "answer" && w.changes[1]?.change === "answer")
        expect(w.changes[0].question).not.toBe(w.changes[1].question);
      expect(w.verdict).not.toBe(r.verdict);
      expect(verdictOf(w.profile as ProjectProfile)).toBe(w.verdict);
      expect(w.text).toBe(
        `If ${w.changes[0]?.condition} and ${w.changes[1]?.condition}, ${
          w.verdict === "either"
            ? "it would be a toss-up"
            : `${knowledge.meta.frameworks[w.verdict as "flask"].name} would win`
        }.`,
      );
    }
    expect(pairs).toBeGreaterThan(10);
  });

  it('"none" is true: checked by brute force, no single change and no pair changes the verdict', () => {
    const none = RESULTS.filter((r) => r.whatWouldChange.kind === "none").slice(0, 6);
    expect(none.length).toBeGreaterThan(0);
    for (const r of none) {
      expect(r.flips).toEqual([]);
      expect(r.whatWouldChange.changes).toEqual([]);
      const changes = singleChanges(r);
      for (const a of changes) expect(verdictOf(apply(r.profile, [a]))).toBe(r.verdict);
      for (let i = 0; i < changes.length; i++) {
        for (let j = i + 1; j < changes.length; j++) {
          const a = changes[i] as AnswerChange;
          const b = changes[j] as AnswerChange;
          if (a.change === "answer" && b.change === "answer" && a.question === b.question) continue;
          expect(verdictOf(apply(r.profile, [a, b])), `${a.to} + ${b.to}`).toBe(r.verdict);
        }
      }
    }
  }, 60_000);

  it("a pair is the smallest: no pair handing the win to the other side is smaller (brute force)", () => {
    const pairs = RESULTS.filter((r) => r.whatWouldChange.kind === "pair").slice(0, 4);
    const rank = (q: string, v: string) =>
      knowledge.singleQuestions.find((x) => x.id === q)?.options.find((o) => o.value === v)?.rank;
    const distance = (r: Recommendation, c: AnswerChange) => {
      if (c.change !== "answer") return 1;
      const q = knowledge.singleQuestions.find((x) => x.id === c.question);
      const from = rank(c.question, r.profile.answers[c.question] ?? "");
      const to = rank(c.question, c.to);
      return q?.ordered && from !== undefined && to !== undefined ? Math.abs(to - from) : 1;
    };
    for (const r of pairs) {
      const w = r.whatWouldChange;
      const chosen = w.changes.reduce((s, c) => s + distance(r, c), 0);
      const opposite = (v: Verdict) => r.verdict !== "either" && v !== "either";
      const changes = singleChanges(r);
      for (let i = 0; i < changes.length; i++) {
        for (let j = i + 1; j < changes.length; j++) {
          const a = changes[i] as AnswerChange;
          const b = changes[j] as AnswerChange;
          if (a.change === "answer" && b.change === "answer" && a.question === b.question) continue;
          const v = verdictOf(apply(r.profile, [a, b]));
          if (v === r.verdict) continue;
          const d = distance(r, a) + distance(r, b);
          // Nothing flips to the other side when the chosen pair only reaches a toss-up...
          if (opposite(v)) expect(opposite(w.verdict as Verdict), `${a.to} + ${b.to}`).toBe(true);
          // ...and among pairs of the same kind of result, none is smaller.
          if (opposite(v) === opposite(w.verdict as Verdict)) expect(d).toBeGreaterThanOrEqual(chosen);
        }
      }
    }
  }, 60_000);

  it("the pair search is what makes a none-single recommendation useful (an example)", () => {
    const r = RESULTS.find((x) => x.whatWouldChange.kind === "pair");
    expect(r?.whatWouldChange.text).toMatch(/^If .+ and .+, /);
  });

  // On a toss-up the nearest changes toward one side can outnumber the slots: each side's nearest is kept.
  it("lists the nearest change toward each framework on a toss-up", () => {
    const r = recommend(
      { answers: { project_type: "rest_api", size: "medium" }, notes: "no admin needed, no auth either" },
      knowledge,
    );
    expect(r.verdict).toBe("either");
    expect(new Set(r.flips.map((f) => f.verdict))).toEqual(new Set(["flask", "django"]));
  });
});

describe("what would change it: the changes a team can make come first", () => {
  // A reviewer's find: a tiny internal tool heard first that a small service, or a model endpoint,
  // would make Flask win: building something else, not a change the team can make.
  it("ranks another kind of project after a change of how it is built", () => {
    const rec = recommend({ answers: { project_type: "internal_tool", size: "tiny" } }, knowledge);
    expect(rec.flips.length).toBeGreaterThan(1);
    expect(rec.flips[0]?.question).not.toBe("project_type");
    // Toward the same verdict, no change of how it is built follows a change of what is built.
    for (const [i, f] of rec.flips.entries()) {
      if (f.question !== "project_type") continue;
      const later = rec.flips.slice(i + 1).filter((g) => g.verdict === f.verdict);
      expect(later.every((g) => g.question === "project_type")).toBe(true);
    }
  });

  it("still names another kind of project when it is the only change that would do it", () => {
    const all = knowledge.singleQuestions.find((q) => q.id === "project_type")?.options ?? [];
    const somewhere = all.some((o) =>
      recommend({ answers: { project_type: o.value } }, knowledge).flips.some(
        (f) => f.question === "project_type",
      ),
    );
    expect(somewhere).toBe(true);
  });
});
