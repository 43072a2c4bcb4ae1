/**
 * The team's lines on the recommendation message, checked against the engine itself over many random
 * pairs of profiles: each person's verdict, the questions they answered differently, and "changes the
 * outcome" exactly when the two verdicts differ. Then the bounded names lists and the status line.
 */
import { describe, expect, it } from "vitest";
import { compareViews, getKnowledge, type ProjectProfile, recommend } from "../../src/engine/index.js";
import { decisionStatusLine } from "../../src/slack/blocks/decision-status.js";
import { namesList, verdictWords, viewsLines, votesLine } from "../../src/slack/blocks/team-lines.js";
import { createRng } from "../fuzz/prng.js";
import { differingQuestions } from "../helpers/differing-questions.js";

const k = getKnowledge();
const rng = createRng(0x7ea5);
const NOTES = ["", "We need websockets.", "No admin, please."];

function randomProfile(): ProjectProfile {
  return {
    answers: Object.fromEntries(k.singleQuestions.map((q) => [q.id, rng.pick(q.options).value])),
    needs: rng.subset(k.needFeatures.map((f) => f.id)),
    notes: rng.pick(NOTES),
  };
}

/** A teammate's answers: the asker's with a few changed (sometimes none), so every case comes up. */
function teammateOf(base: ProjectProfile): ProjectProfile {
  const answers = { ...base.answers };
  for (const q of rng.subset(k.singleQuestions, 0.25)) answers[q.id] = rng.pick(q.options).value;
  const needs = rng.int(0, 3) === 0 ? rng.subset(k.needFeatures.map((f) => f.id)) : [...base.needs];
  const notes = rng.int(0, 5) === 0 ? rng.pick(NOTES) : base.notes;
  return { answers, needs, notes };
}

/** The questions two profiles answer differently, by short name, worked out here, not by compareViews. */
const differing = (a: ProjectProfile, b: ProjectProfile): string[] =>
  differingQuestions(k, a, b).map((q) => q.short);

const cap = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

describe("the views lines, over random pairs of profiles", { timeout: 120_000 }, () => {
  it("say each verdict, the questions that differ, and 'changes the outcome' exactly when the verdicts differ", () => {
    let changed = 0;
    let same = 0;
    let identical = 0;
    for (let i = 0; i < 150; i++) {
      const mine = randomProfile();
      const theirs = teammateOf(mine);
      const views = compareViews(k, { userId: "UASK", label: "<@UASK>", profile: mine }, [
        { userId: "UBOB", label: "<@UBOB>", profile: theirs },
      ]);
      const [verdicts, differences] = viewsLines(k, views);
      const a = recommend(mine, k).verdict;
      const b = recommend(theirs, k).verdict;
      const diff = differing(mine, theirs);
      const context = JSON.stringify({ mine, theirs, differences });

      // Each person's own verdict, under the engine's own verdict for their answers.
      if (a === b)
        expect(verdicts, context).toContain(`${cap(verdictWords(k, a))}: <@UASK> (asked), <@UBOB>`);
      else {
        expect(verdicts, context).toContain(`${cap(verdictWords(k, a))}: <@UASK> (asked)`);
        expect(verdicts, context).toContain(`${cap(verdictWords(k, b))}: <@UBOB>`);
      }
      expect(differences?.includes("changes the outcome"), context).toBe(a !== b);
      if (a !== b) {
        changed += 1;
        expect(differences, context).toContain(`changes the outcome (${verdictWords(k, b)})`);
      }
      if (diff.length === 0) {
        identical += 1;
        expect(differences, context).toBe("<@UBOB>: same answers");
      } else {
        const shown = diff.slice(0, 2).join(", ");
        const more = diff.length > 2 ? ` +${diff.length - 2}` : "";
        expect(differences, context).toContain(`<@UBOB> differs on ${shown}${more}:`);
        if (a === b) {
          same += 1;
          expect(differences, context).toContain("same outcome");
        }
      }
    }
    // Every case came up.
    expect(changed).toBeGreaterThan(5);
    expect(same).toBeGreaterThan(5);
    expect(identical).toBeGreaterThan(0);
  });

  it("stay bounded with many teammates: a few named, the rest counted", () => {
    const base = randomProfile();
    const others = Array.from({ length: 9 }, (_, i) => ({
      userId: `U0MATE${i}`,
      label: `<@U0MATE${i}>`,
      profile: teammateOf(base),
    }));
    const lines = viewsLines(k, compareViews(k, { userId: "UASK", label: "<@UASK>", profile: base }, others));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/ · \+[5-8] more in Details$/);
    for (const line of lines) expect((line.match(/<@/g) ?? []).length).toBeLessThanOrEqual(8);
  });

  it("say nothing while only the asker has answered", () => {
    const base = randomProfile();
    expect(viewsLines(k, compareViews(k, { userId: "UASK", label: "<@UASK>", profile: base }, []))).toEqual(
      [],
    );
    expect(viewsLines(k, undefined)).toEqual([]);
  });
});

describe("the votes line", () => {
  it("counts each side and names the first few", () => {
    const ids = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    expect(votesLine(k, { agree: ids(3, "UA"), pickOther: ["UB0"] }, "django")).toBe(
      ":ballot_box_with_check: 3 agree: <@UA0>, <@UA1> +1 · 1 would pick Flask: <@UB0>",
    );
    expect(votesLine(k, { agree: [], pickOther: [] }, "flask")).toBeUndefined();
    expect(votesLine(k, { agree: ["UA0"], pickOther: [] }, "either")).toBeUndefined();
    expect(namesList(["a", "b", "c", "d", "e"])).toBe("a, b +3");
  });
});

describe("the status line", () => {
  const at = Date.UTC(2026, 10, 28, 9);
  it("says proposed, decided (by whom, when, against the verdict, what it supersedes, the reminder) or superseded", () => {
    expect(decisionStatusLine(k, { status: "proposed" })).toBe("*Proposed:* not decided yet");
    expect(
      decisionStatusLine(k, {
        status: "decided",
        framework: "flask",
        by: "UANN",
        at,
        recommended: "django",
        against: true,
        supersedes: { at: Date.UTC(2026, 10, 20), url: "https://acme.slack.com/archives/C1/p1" },
        revisitAt: Date.UTC(2027, 4, 28),
      }),
    ).toBe(
      ":white_check_mark: *Decided: Flask* by <@UANN> on <!date^1795856400^{date_short}|2026-11-28>, against the verdict · supersedes the <!date^1795132800^{date_short}|2026-11-20> <https://acme.slack.com/archives/C1/p1|decision> · revisit <!date^1811462400^{date_short}|2027-05-28>",
    );
    expect(
      decisionStatusLine(k, {
        status: "superseded",
        framework: "django",
        by: "UANN",
        at,
        supersededBy: { at: Date.UTC(2026, 11, 1) },
      }),
    ).toBe(
      ":leftwards_arrow_with_hook: *Superseded* by the <!date^1796083200^{date_short}|2026-12-01> decision · was Django, by <@UANN> on <!date^1795856400^{date_short}|2026-11-28>",
    );
  });
});
