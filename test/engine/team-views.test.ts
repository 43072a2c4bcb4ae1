import { describe, expect, it } from "vitest";
import {
  compareViews,
  getKnowledge,
  type ProjectProfile,
  recommend,
  toProfile,
  type Verdict,
} from "../../src/engine/index.js";
import { createRng, type Rng } from "../fuzz/prng.js";
import { differingQuestions } from "../helpers/differing-questions.js";

const k = getKnowledge();
const NOTES = [
  "",
  "",
  "Staff must edit records in an admin dashboard",
  "we don't need an admin",
  "caching with redis",
];

function randomProfile(rng: Rng): ProjectProfile {
  const answers: Record<string, string> = {};
  for (const q of k.singleQuestions) answers[q.id] = rng.pick(q.options).value;
  const needs = rng.subset(k.needFeatures, 0.2).map((f) => f.id);
  return { answers, needs, notes: rng.pick(NOTES) };
}

/** A teammate's answers: the base with one to three questions answered otherwise. */
function nearby(rng: Rng, base: ProjectProfile): ProjectProfile {
  const next: ProjectProfile = { answers: { ...base.answers }, needs: [...base.needs], notes: base.notes };
  const changes = rng.int(1, 3);
  for (let i = 0; i < changes; i++) {
    const which = rng.int(0, k.singleQuestions.length + 1);
    const q = k.singleQuestions[which];
    if (q) next.answers[q.id] = rng.pick(q.options).value;
    else if (which === k.singleQuestions.length) {
      const need = rng.pick(k.needFeatures).id;
      next.needs = next.needs.includes(need) ? next.needs.filter((n) => n !== need) : [...next.needs, need];
    } else next.notes = rng.pick(NOTES);
  }
  return next;
}

/** What the test itself says differs, question by question (independent of the module under test). */
const differingIds = (a: ProjectProfile, b: ProjectProfile): string[] =>
  differingQuestions(k, a, b).map((q) => q.id);

/** The base with one question answered as `theirs` answered it. */
function adopt(base: ProjectProfile, theirs: ProjectProfile, question: string): ProjectProfile {
  if (question === k.needsQuestion.id) return { ...base, needs: [...theirs.needs] };
  if (question === k.notesQuestion.id) return { ...base, notes: theirs.notes };
  return { ...base, answers: { ...base.answers, [question]: theirs.answers[question] as string } };
}

interface Pair {
  base: ProjectProfile;
  theirs: ProjectProfile;
}

function generatePairs(seed: number, count: number): Pair[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, (_, i) => {
    const base = randomProfile(rng);
    return { base, theirs: i % 5 === 4 ? randomProfile(rng) : nearby(rng, base) };
  });
}

const PAIRS = generatePairs(0x7ea3, 300);

describe("several people's views, over generated pairs of profiles", () => {
  it("report no disagreement for identical answers (needs in any order, notes' outer spaces aside)", () => {
    for (const { base } of PAIRS.slice(0, 120)) {
      const copy: ProjectProfile = {
        answers: { ...base.answers },
        needs: [...base.needs].reverse(),
        notes: ` ${base.notes} `,
      };
      const views = compareViews(k, { userId: "U1", profile: base }, [{ userId: "U2", profile: copy }]);
      const [, them] = views.people;
      expect(them?.disagreements).toEqual([]);
      expect(them?.changesOutcome).toBe(false);
      expect(them?.verdict).toBe(views.verdict);
      expect(views.anyDisagreement).toBe(false);
      expect(views.outcomeContested).toBe(false);
      expect(views.lines).toEqual([
        `Everyone's own answers point the same way: ${verdictWords(views.verdict)} for U1 (asked) and U2.`,
        "Everyone answered the same.",
      ]);
    }
  });

  it("list exactly the questions answered differently, each checked against recommend", () => {
    let flips = 0;
    let holds = 0;
    for (const { base, theirs } of PAIRS) {
      const baseVerdict = recommend(base, k).verdict;
      const views = compareViews(k, { userId: "U1", profile: base }, [{ userId: "U2", profile: theirs }]);
      expect(views.verdict).toBe(baseVerdict);
      const them = views.people[1];
      if (!them) throw new Error("no teammate");
      expect(them.disagreements.map((d) => d.question)).toEqual(differingIds(base, theirs));
      expect(them.verdict).toBe(recommend(theirs, k).verdict);
      expect(them.changesOutcome).toBe(them.verdict !== baseVerdict);
      for (const d of them.disagreements) {
        const alone = recommend(adopt(base, theirs, d.question), k).verdict;
        expect(d.verdictIfAdopted, d.question).toBe(alone);
        expect(d.changesOutcome, d.question).toBe(alone !== baseVerdict);
        if (d.changesOutcome) flips++;
        else holds++;
        const q = k.questions.find((x) => x.id === d.question);
        expect(d.label).toBe(q?.label);
        expect(d.short).toBe(q?.short);
      }
    }
    // The generator must exercise both kinds, or the properties above prove little.
    expect(flips).toBeGreaterThan(20);
    expect(holds).toBeGreaterThan(100);
  });

  it("say in the message lines which differences change the outcome, and that the others do not", () => {
    for (const { base, theirs } of PAIRS) {
      const views = compareViews(k, { userId: "U1", label: "Ann", profile: base }, [
        { userId: "U2", label: "Bob", profile: theirs },
      ]);
      const them = views.people[1];
      if (!them) throw new Error("no teammate");
      expect(views.lines).toHaveLength(2);
      const [verdicts, differences] = views.lines as [string, string];
      expect(verdicts).toContain(`${verdictWords(them.verdict)} for `);
      expect(verdicts).toContain("Ann (asked)");
      if (them.disagreements.length === 0) {
        expect(differences).toBe("Everyone answered the same.");
        continue;
      }
      for (const d of them.disagreements) expect(differences).toContain(d.short);
      const flipping = them.disagreements.filter((d) => d.changesOutcome);
      for (const d of flipping)
        expect(differences).toContain(`${d.short} (Bob's answer gives ${verdictWords(d.verdictIfAdopted)})`);
      if (flipping.length > 0) expect(differences).toMatch(/alone changes the verdict/);
      if (them.changesOutcome && flipping.length === 0)
        expect(differences).toContain(
          `Bob's (${verdictWords(them.verdict)}) answers change it only taken together.`,
        );
      if (!them.changesOutcome && flipping.length === 0)
        expect(differences).toContain(`None of it changes the verdict (${verdictWords(views.verdict)}).`);
      expect(views.outcomeContested).toBe(them.changesOutcome || flipping.length > 0);
    }
  });

  it("give a full comparison: every question once, everyone's answer in the form's words", () => {
    const rng = createRng(0xc0ffee);
    for (let i = 0; i < 40; i++) {
      const base = randomProfile(rng);
      const others = [nearby(rng, base), nearby(rng, base), base];
      const views = compareViews(
        k,
        { userId: "U0", profile: base },
        others.map((profile, j) => ({ userId: `U${j + 1}`, profile })),
      );
      const { people, rows } = views.comparison;
      expect(people.map((p) => p.userId)).toEqual(["U0", "U1", "U2", "U3"]);
      expect(people.map((p) => p.isBase)).toEqual([true, false, false, false]);
      expect(rows.map((r) => r.question)).toEqual(k.questions.map((q) => q.id));
      for (const row of rows) {
        expect(row.cells.map((c) => c.userId)).toEqual(["U0", "U1", "U2", "U3"]);
        expect(row.cells[0]?.differs).toBe(false);
        expect(row.cells[3]?.differs).toBe(false);
        expect(row.differs).toBe(row.cells.some((c) => c.differs));
        const q = k.questions.find((x) => x.id === row.question);
        if (q?.kind === "single")
          row.cells.forEach((cell, j) => {
            const profile = j === 0 ? base : (others[j - 1] as ProjectProfile);
            expect(cell.answer).toBe(q.options.find((o) => o.value === profile.answers[q.id])?.label);
          });
        for (const [j, cell] of row.cells.entries()) {
          const d = views.people[j]?.disagreements.find((x) => x.question === row.question);
          expect(cell.differs).toBe(d !== undefined);
          expect(cell.changesOutcome).toBe(d?.changesOutcome ?? false);
        }
      }
    }
  });
});

describe("several people's views, in words", () => {
  const base = toProfile({ answers: { project_type: "full_stack", size: "small", experience: "python" } }, k);
  const flaskHand = toProfile(
    { answers: { project_type: "full_stack", size: "small", experience: "flask" } },
    k,
  );
  const bigger = toProfile(
    { answers: { project_type: "full_stack", size: "large", experience: "python" }, needs: ["admin"] },
    k,
  );

  it("names each person's verdict, the questions, and the one answer that changes it", () => {
    const views = compareViews(k, { userId: "U1", label: "<@U1>", profile: base }, [
      { userId: "U2", label: "<@U2>", profile: flaskHand },
      { userId: "U3", label: "<@U3>", profile: bigger },
      { userId: "U2", label: "<@U2>", profile: bigger }, // a second view from U2 counts once
      { userId: "U1", label: "<@U1>", profile: flaskHand }, // so does the asker's
    ]);
    expect(views.people.map((p) => p.userId)).toEqual(["U1", "U2", "U3"]);
    expect(views.lines).toEqual([
      "Each person's own answers: Django for <@U1> (asked) and <@U3>; Flask for <@U2>.",
      "Answers differ on Size, Team knows and Needs. Team knows (<@U2>'s answer gives Flask) alone changes the verdict.",
    ]);
    expect(views.people[1]?.line).toBe(
      "<@U2>'s answers give Flask (57% of the evidence). They differ on Team knows (Flask, not Python, but neither framework), which alone makes it Flask.",
    );
    expect(views.people[2]?.line).toBe(
      "<@U3>'s answers give Django (79% of the evidence). They differ on Size (Large: many teams or years of growth, not Small: a handful of models and screens) and Needs (adds Admin panel for staff). None of it changes the verdict.",
    );
    expect(views.people[2]?.disagreements.find((d) => d.question === "needs")).toMatchObject({
      ours: "none",
      theirs: "Admin panel for staff",
      added: ["Admin panel for staff"],
      removed: [],
    });
  });

  it("says so when nobody else has answered yet", () => {
    const views = compareViews(k, { userId: "U1", label: "Ann", profile: base }, []);
    expect(views.lines).toEqual([
      "Only Ann's answers so far: Django.",
      "No one else has given their answers yet.",
    ]);
  });
});

function verdictWords(v: Verdict): string {
  return v === "either" ? "a toss-up" : k.meta.frameworks[v].name;
}
