import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AdrInputError,
  compareViews,
  getKnowledge,
  type ProjectProfile,
  recommend,
  renderAdr,
  toProfile,
} from "../../src/engine/index.js";
import { createRng } from "../fuzz/prng.js";
import { GOLDEN_ADR, GOLDEN_SCENARIO } from "../helpers/golden-adr.js";

const k = getKnowledge();
const GOLDEN = GOLDEN_ADR;

/** The fixed scenario behind the golden file (test/helpers/golden-adr.ts), rendered by the engine. */
function goldenScenario(): string {
  const { answers, needs, notes } = GOLDEN_SCENARIO;
  const profile = toProfile({ answers, needs: [...needs], notes }, k);
  const teammate = toProfile(
    { ...profile, answers: { ...profile.answers, ...GOLDEN_SCENARIO.teammateAnswers } },
    k,
  );
  const recommendation = recommend(profile, k);
  const views = compareViews(k, { userId: "U1", label: "Ann Lee", profile, recommendation }, [
    { userId: "U2", label: "Bob Ng", profile: teammate },
  ]);
  return renderAdr(k, {
    recommendation,
    decision: {
      status: "decided",
      framework: "flask",
      date: GOLDEN_SCENARIO.decidedOn,
      deciders: ["Ann Lee"],
      consulted: ["Bob Ng", "Cy Park"],
      reason: GOLDEN_SCENARIO.reason,
      supersedes: "the decision of 2026-09-01 in #shop (Django)",
    },
    views,
    votes: { agree: ["Cy Park"], pickOther: ["Bob Ng"] },
  });
}

describe("the ADR (MADR)", () => {
  it("matches the checked-in golden file exactly (UPDATE_GOLDEN=1 rewrites it after a deliberate change)", () => {
    const rendered = goldenScenario();
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, rendered);
    expect(rendered).toBe(readFileSync(GOLDEN, "utf8"));
  });

  it("has MADR's sections in MADR's order, and front matter first", () => {
    const headings = goldenScenario()
      .split("\n")
      .filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      "# Use Flask for an online shop or marketplace",
      "## Context and Problem Statement",
      "## Decision Drivers",
      "## Considered Options",
      "## Decision Outcome",
      "### Consequences",
      "## Pros and Cons of the Options",
      "### Flask",
      "### Django",
      "## More Information",
      "### When to revisit",
      "### Worth knowing",
      "### The team's views",
      "### Related decisions",
      "### How this record was made",
      "### Sources",
    ]);
    expect(goldenScenario()).toMatch(
      /^---\nstatus: "accepted"\ndate: 2026-11-28\ndecision-makers: Ann Lee\nconsulted: Bob Ng, Cy Park\n---\n\n# /,
    );
  });

  it("says when the team went against the recommendation, and escapes what people typed", () => {
    const adr = goldenScenario();
    expect(adr).toContain('Chosen option: "Flask", because of the reasons the deciders give below.');
    expect(adr).toMatch(
      /This goes against the recommendation: our answers favoured Django, with Flask \d+% and Django \d+%/,
    );
    expect(adr).toContain(
      "> Staff edit orders in an admin; we deploy on \\*Kubernetes\\*.\n> Payments go through Stripe.",
    );
  });

  it("links every claim to official documentation, and lists each link once under Sources", () => {
    const adr = goldenScenario();
    const [body, sourcesPart] = adr.split("### Sources\n") as [string, string];
    const inline = [...body.matchAll(/\]\((https:\/\/[^)]+)\)/g)].map((m) => m[1] as string);
    const listed = [...sourcesPart.matchAll(/^\* <(https:\/\/[^>]+)>$/gm)].map((m) => m[1] as string);
    expect(new Set(listed).size).toBe(listed.length);
    const { flask, django } = k.meta.frameworks;
    for (const url of inline) {
      if (url.startsWith("https://fastapi.tiangolo.com/")) continue; // an alternative named by a caveat
      expect(listed).toContain(url);
      expect(
        url.startsWith(flask.docs) ||
          url.startsWith(django.docs) ||
          !/palletsprojects|djangoproject/.test(url),
      ).toBe(true);
    }
    for (const url of listed) expect(inline).toContain(url);
    // Every "Good, because" and "Bad, because" line ends with its link.
    for (const line of body.split("\n").filter((l) => /^\* (Good|Bad), because/.test(l)))
      expect(line).toMatch(/\(\[[^\]]+\]\(https:\/\/[^)]+\)\)$/);
  });

  it("renders every status: a proposal, an accepted decision that follows the verdict, a superseded one", () => {
    const profile = toProfile(
      { answers: { project_type: "internal_tool", size: "large" }, needs: ["admin"] },
      k,
    );
    const recommendation = recommend(profile, k);
    expect(recommendation.verdict).toBe("django");
    const proposed = renderAdr(k, { recommendation, decision: { status: "proposed", date: "2026-11-28" } });
    expect(proposed).toContain('status: "proposed"');
    expect(proposed).toContain("# Use Django for an internal tool or back office");
    expect(proposed).toContain('Chosen option: "Django", because it fits this project better');
    expect(proposed).toContain("This is a proposal: the team has not decided yet.");
    expect(proposed).not.toContain("decision-makers:");
    const accepted = renderAdr(k, {
      recommendation,
      decision: { status: "decided", framework: "django", date: "2026-11-29", deciders: ["Ann: lead"] },
    });
    expect(accepted).toContain('decision-makers: "Ann: lead"');
    expect(accepted).not.toContain("goes against");
    const superseded = renderAdr(k, {
      recommendation,
      decision: { status: "superseded", framework: "django", date: "2026-12-01", supersededBy: "ADR-0007" },
    });
    expect(superseded).toContain('status: "superseded by ADR-0007"');
    expect(superseded).toContain("* Superseded by ADR-0007.");
    expect(() =>
      renderAdr(k, { recommendation, decision: { status: "decided", date: "2026-11-28" } }),
    ).toThrow(AdrInputError);
    expect(() =>
      renderAdr(k, { recommendation, decision: { status: "proposed", date: "28/11/2026" } }),
    ).toThrow(/YYYY-MM-DD/);
  });

  it("proposes nothing for a toss-up until the team decides, over generated profiles", () => {
    const rng = createRng(0xad5);
    let tossUps = 0;
    for (let i = 0; i < 150; i++) {
      const answers: Record<string, string> = {};
      for (const q of k.singleQuestions) answers[q.id] = rng.pick(q.options).value;
      const profile: ProjectProfile = {
        answers,
        needs: rng.subset(k.needFeatures, 0.2).map((f) => f.id),
        notes: "",
      };
      const recommendation = recommend(profile, k);
      const proposed = renderAdr(k, { recommendation, decision: { status: "proposed", date: "2026-11-28" } });
      if (recommendation.verdict === "either") {
        tossUps++;
        expect(proposed).toContain("Chosen option: none yet, because the answers do not separate the two");
        expect(proposed).not.toContain("### Consequences");
      } else {
        expect(proposed).toContain(`Chosen option: "${k.meta.frameworks[recommendation.verdict].name}"`);
      }
      const decided = renderAdr(k, {
        recommendation,
        decision: { status: "decided", framework: "flask", date: "2026-11-28" },
      });
      expect(decided.includes("goes against the recommendation")).toBe(recommendation.verdict === "django");
      expect(decided).toContain("### When to revisit");
      expect(decided.endsWith("\n")).toBe(true);
    }
    expect(tossUps).toBeGreaterThan(0);
  });
});
