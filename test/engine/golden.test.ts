import { describe, expect, it } from "vitest";
import {
  type ConfidenceLabel,
  getKnowledge,
  type Recommendation,
  recommend,
  type Verdict,
} from "../../src/engine/index.js";

const k = getKnowledge();

interface Scenario {
  name: string;
  answers: Record<string, string>;
  needs?: string[];
  notes?: string;
  verdict: Verdict;
  /** The confidence must be at least this. */
  minConfidence?: ConfidenceLabel;
  /** A criterion that must appear among the factors, favouring the verdict. */
  factor?: string;
  /** A caveat id that must be shown. */
  caveat?: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: "large long-term full-stack app with an admin and user accounts",
    answers: { project_type: "full_stack", size: "large", timeline: "long_term" },
    needs: ["admin", "auth"],
    verdict: "django",
    minConfidence: "clear",
    factor: "admin",
  },
  {
    name: "large full-stack app with an admin and accounts, shipping fast",
    answers: { project_type: "full_stack", size: "large", priority: "ship_fast" },
    needs: ["admin", "auth"],
    verdict: "django",
    minConfidence: "clear",
    factor: "batteries_included",
  },
  {
    name: "small JSON API, team wants to pick every part",
    answers: { project_type: "rest_api", size: "small", flexibility: "full_control" },
    needs: ["rest_api"],
    verdict: "flask",
    minConfidence: "clear",
    factor: "flexibility",
  },
  {
    name: "small JSON API where architectural freedom matters most",
    answers: {
      project_type: "rest_api",
      size: "small",
      flexibility: "full_control",
      priority: "flexibility",
    },
    verdict: "flask",
    minConfidence: "clear",
    factor: "small_footprint",
  },
  {
    name: "tiny prototype due in days",
    answers: { project_type: "prototype", size: "tiny", timeline: "days" },
    verdict: "flask",
    minConfidence: "clear",
    factor: "learning_speed",
  },
  {
    name: "tiny prototype in days, team new to Python web development",
    answers: { project_type: "prototype", size: "tiny", timeline: "days", experience: "new" },
    verdict: "flask",
    minConfidence: "clear",
    factor: "learning_speed",
  },
  {
    name: "medium content site where editors use an admin",
    answers: { project_type: "content_site", size: "medium" },
    needs: ["admin"],
    verdict: "django",
    minConfidence: "clear",
    factor: "admin",
  },
  {
    name: "multilingual content site with editors",
    answers: { project_type: "content_site", size: "medium", timeline: "months" },
    needs: ["admin", "i18n"],
    verdict: "django",
    minConfidence: "clear",
    factor: "i18n",
  },
  {
    name: "content site whose editors are described only in the notes",
    answers: { project_type: "content_site", size: "small" },
    notes: "Editors publish articles and staff manage everything in an admin dashboard.",
    verdict: "django",
    minConfidence: "clear",
    factor: "admin",
  },
  {
    name: "internal tool needing an admin",
    answers: { project_type: "internal_tool" },
    needs: ["admin"],
    verdict: "django",
    minConfidence: "clear",
    factor: "admin",
  },
  {
    name: "machine-learning model service",
    answers: { project_type: "ml_service" },
    needs: ["ml"],
    verdict: "flask",
    minConfidence: "clear",
    factor: "small_footprint",
  },
  {
    name: "small JSON API on MongoDB",
    answers: { project_type: "rest_api", size: "small", database: "mongodb" },
    verdict: "flask",
    minConfidence: "clear",
    factor: "small_footprint",
    caveat: "document_store",
  },
  {
    name: "large e-commerce shop with user accounts",
    answers: { project_type: "ecommerce", size: "large" },
    needs: ["auth"],
    verdict: "django",
    minConfidence: "clear",
    factor: "batteries_included",
  },
  {
    name: "large e-commerce shop, no needs listed",
    answers: { project_type: "ecommerce", size: "large" },
    verdict: "django",
    minConfidence: "clear",
    factor: "consistency",
  },
  {
    name: "team that knows Flask building a medium API",
    answers: { project_type: "rest_api", size: "medium", experience: "flask" },
    verdict: "flask",
    minConfidence: "clear",
    factor: "team_knows_flask",
  },
  {
    name: "team that knows Django building a small service",
    answers: { project_type: "microservice", size: "small", experience: "django" },
    verdict: "django",
    minConfidence: "leaning",
    factor: "team_knows_django",
  },
  {
    name: "team that knows Django building a small API",
    answers: { project_type: "rest_api", size: "small", experience: "django" },
    verdict: "django",
    minConfidence: "clear",
    factor: "team_knows_django",
  },
  {
    name: "SMALL internal tool that still goes to Django: admin, accounts and permissions",
    answers: { project_type: "internal_tool", size: "small" },
    needs: ["admin", "auth", "permissions"],
    verdict: "django",
    minConfidence: "clear",
    factor: "auth",
  },
  {
    name: "SMALL full-stack site with admin, accounts and forms",
    answers: { project_type: "full_stack", size: "small" },
    needs: ["admin", "auth", "forms"],
    verdict: "django",
    minConfidence: "clear",
    factor: "admin",
  },
  {
    name: "LARGE microservice that still goes to Flask: team knows Flask, full control, MongoDB",
    answers: {
      project_type: "microservice",
      size: "large",
      experience: "flask",
      flexibility: "full_control",
      database: "mongodb",
    },
    verdict: "flask",
    minConfidence: "clear",
    factor: "team_knows_flask",
    caveat: "document_store",
  },
  {
    name: "LARGE microservice, team knows Flask, full control, PostgreSQL",
    answers: {
      project_type: "microservice",
      size: "large",
      experience: "flask",
      flexibility: "full_control",
    },
    verdict: "flask",
    minConfidence: "clear",
    factor: "flexibility",
  },
  {
    name: "near tie: medium JSON API, team knows neither framework",
    answers: { project_type: "rest_api", size: "medium" },
    verdict: "either",
  },
  {
    name: "near tie: real-time app",
    answers: { project_type: "realtime" },
    verdict: "either",
    caveat: "async_first",
  },
  {
    name: "JSON API where raw performance matters most",
    answers: { project_type: "rest_api", priority: "performance" },
    verdict: "flask",
    minConfidence: "clear",
    caveat: "no_speed_winner",
  },
  {
    name: "medium full-stack site where security matters most",
    answers: { project_type: "full_stack", size: "medium", priority: "security" },
    verdict: "django",
    minConfidence: "clear",
    factor: "security_defaults",
  },
];

const RANK: Record<ConfidenceLabel, number> = { "close call": 0, leaning: 1, clear: 2 };

function run(s: Pick<Scenario, "answers" | "needs" | "notes">): Recommendation {
  return recommend({ answers: s.answers, needs: s.needs ?? [], notes: s.notes ?? "" }, k);
}

function expectWellFormed(r: Recommendation): void {
  expect(Number.isInteger(r.scores.flask)).toBe(true);
  expect(Number.isInteger(r.scores.django)).toBe(true);
  for (const s of [r.scores.flask, r.scores.django]) {
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(100);
  }
  expect(r.scores.flask + r.scores.django).toBe(100);
  expect(r.margin).toBe(Math.abs(r.scores.django - r.scores.flask));
  expect(r.knowledgeVersion).toBe(k.meta.knowledgeVersion);
  expect(r.knowledgeVersion.length).toBeGreaterThan(0);
  expect(r.confidence.share).toBeGreaterThanOrEqual(0);
  expect(r.confidence.share).toBeLessThanOrEqual(1);
  expect(["clear", "leaning", "close call"]).toContain(r.confidence.label);
  expect(r.shares.flask + r.shares.django).toBe(100);
  expect(r.scores).toEqual(r.shares);
  expect(r.summary).not.toMatch(/100%|out of 100/);
  expect(r.summary).toContain(`${r.shares[r.verdict === "django" ? "django" : "flask"]}% of the evidence`);
  expect(r.summary).toContain(String(r.scores.flask));
  expect(r.summary).toContain(String(r.scores.django));
  expect(r.summary.toLowerCase()).toContain(r.confidence.label);

  if (r.verdict === "either") {
    expect(Math.abs(r.lead)).toBeLessThan(k.scoring.tieMargin);
    expect(r.summary).toMatch(/^Either framework fits/);
  } else {
    expect(r.lead > 0 ? "django" : "flask").toBe(r.verdict);
    expect(r.factors.length).toBeGreaterThan(0);
    expect(r.factors[0]?.favours).toBe(r.verdict);
    expect(r.summary).toMatch(new RegExp(`^${k.meta.frameworks[r.verdict].name} fits`));
  }
  expect(r.factors.length).toBeLessThanOrEqual(k.scoring.maxFactors);
  for (const f of r.factors) {
    expect(f.source).toMatch(/^https:\/\//);
    expect(f.points).toBeGreaterThan(0);
    expect(f.why.length).toBeGreaterThan(0);
    expect(k.criterionIndex.has(f.criterion)).toBe(true);
  }
  for (const side of [r.prosCons.flask, r.prosCons.django]) {
    for (const item of [...side.pros, ...side.cons]) expect(item.source).toMatch(/^https:\/\//);
    expect(side.pros.length).toBeGreaterThan(0);
    expect(side.cons.length).toBeGreaterThan(0);
  }
  for (const c of r.caveats) expect(c.source).toMatch(/^https:\/\//);
  expect(r.flips.length).toBeLessThanOrEqual(k.scoring.maxFlips);
  for (const flip of r.flips) {
    expect(flip.text).toMatch(/^If /);
    expect(flip.verdict).not.toBe(r.verdict);
  }
}

describe("golden scenarios", () => {
  it("has at least 14 scenarios with unique names", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const r = run(s);
    expect(r.verdict).toBe(s.verdict);
    expectWellFormed(r);
    if (s.minConfidence) expect(RANK[r.confidence.label]).toBeGreaterThanOrEqual(RANK[s.minConfidence]);
    if (s.factor) {
      const factor = r.factors.find((f) => f.criterion === s.factor);
      expect(factor, `factors: ${r.factors.map((f) => f.criterion).join(", ")}`).toBeDefined();
      if (s.verdict !== "either") expect(factor?.favours).toBe(s.verdict);
    }
    if (s.caveat) expect(r.caveats.map((c) => c.id)).toContain(s.caveat);
  });

  it("size alone does not decide: a small project can go to Django and a large one to Flask", () => {
    const smallDjango = SCENARIOS.filter((s) => s.answers.size === "small" && s.verdict === "django");
    const largeFlask = SCENARIOS.filter((s) => s.answers.size === "large" && s.verdict === "flask");
    expect(smallDjango.length).toBeGreaterThanOrEqual(2);
    expect(largeFlask.length).toBeGreaterThanOrEqual(1);
    for (const s of [...smallDjango, ...largeFlask]) expect(run(s).verdict, s.name).toBe(s.verdict);
  });

  it("a team's own framework pulls the verdict its way on the same project", () => {
    const base = { project_type: "microservice", size: "medium" };
    const flask = run({ answers: { ...base, experience: "flask" } });
    const django = run({ answers: { ...base, experience: "django" } });
    expect(flask.verdict).toBe("flask");
    expect(django.verdict).toBe("django");
    expect(django.lead).toBeGreaterThan(flask.lead);
  });
});

describe("recommendation details", () => {
  it("shows a caveat naming FastAPI for a real-time project", () => {
    const r = run({ answers: { project_type: "realtime", size: "medium" } });
    const fastapi = r.caveats.find((c) => c.text.includes("FastAPI"));
    expect(fastapi).toBeDefined();
    expect(fastapi?.alternative?.name).toBe("FastAPI");
    expect(fastapi?.alternative?.url).toMatch(/^https:\/\//);
  });

  it("names FastAPI for a small model behind a JSON API, with FastAPI's own docs as the source", () => {
    const r = run({ answers: { project_type: "ml_service", size: "tiny" } });
    const typed = r.caveats.find((c) => c.id === "typed_model_api");
    expect(typed?.alternative?.name).toBe("FastAPI");
    expect(typed?.source).toBe("https://fastapi.tiangolo.com/features/");
    const large = run({ answers: { project_type: "ml_service", size: "large" } });
    expect(large.caveats.map((c) => c.id)).not.toContain("typed_model_api");
  });

  it("shows no FastAPI caveat for a plain content site", () => {
    const r = run({ answers: { project_type: "content_site" } });
    expect(r.caveats.some((c) => c.text.includes("FastAPI"))).toBe(false);
  });

  it('shows the "no_speed_winner" caveat when raw performance matters most, and only then', () => {
    for (const project_type of ["full_stack", "rest_api", "ml_service"]) {
      const r = run({ answers: { project_type, priority: "performance" } });
      expect(r.caveats.map((c) => c.id)).toContain("no_speed_winner");
      const other = run({ answers: { project_type, priority: "ship_fast" } });
      expect(other.caveats.map((c) => c.id)).not.toContain("no_speed_winner");
    }
  });

  it("performance as a priority raises no criterion: no cited benchmark favours either", () => {
    for (const project_type of ["full_stack", "rest_api", "microservice"]) {
      const r = run({ answers: { project_type, priority: "performance" } });
      const because = r.factors.flatMap((f) => f.because).join(" | ");
      expect(because).not.toMatch(/performance/i);
      expect(r.factors.length).toBeGreaterThan(0);
    }
  });

  it("reads an admin need from the notes", () => {
    const answers = { project_type: "full_stack", size: "small" };
    const notes = "Staff must edit records in an admin dashboard";
    const r = run({ answers, notes });
    expect(r.notes.needs).toContain("admin");
    expect(r.notes.text).toContain("admin");
    const without = run({ answers });
    expect(r.lead).toBeGreaterThan(without.lead);
    expect(r.factors.find((f) => f.criterion === "admin")?.because.join(" ")).toContain("notes");
  });

  it("ignores a negated admin in the notes", () => {
    const answers = { project_type: "full_stack", size: "small" };
    const r = run({ answers, notes: "we don't need an admin" });
    expect(r.notes.needs).not.toContain("admin");
    expect(r.notes.text).not.toMatch(/counted/);
    expect(r.notes.text.length).toBeGreaterThan(0);
    expect(r.lead).toBe(run({ answers }).lead);
  });

  it("does not count a need twice when it is both listed and in the notes", () => {
    const answers = { project_type: "full_stack", size: "small" };
    const listed = run({ answers, needs: ["admin"] });
    const both = run({ answers, needs: ["admin"], notes: "staff use an admin dashboard" });
    expect(both.notes.needs).toEqual([]);
    expect(both.lead).toBe(listed.lead);
  });

  it("empty notes give an empty notes reading", () => {
    expect(run({ answers: {} }).notes).toEqual({ needs: [], excluded: [], text: "" });
  });

  it("echoes the full parsed profile", () => {
    const r = run({ answers: { size: "large" }, needs: ["auth", "auth"] });
    expect(r.profile.answers.size).toBe("large");
    expect(r.profile.answers.project_type).toBe("full_stack");
    expect(r.profile.needs).toEqual(["auth"]);
  });

  it("offers flips that would change the verdict, each checkable", () => {
    const r = run({ answers: { project_type: "microservice", size: "small", experience: "django" } });
    expect(r.flips.length).toBeGreaterThan(0);
    expect(r.flips[0]?.verdict).toBe("flask");
    expect(r.flips[0]?.text).toBe("If your team already knew Flask, Flask would win.");
    for (const flip of r.flips) expect(recommend(flip.profile, k).verdict).toBe(flip.verdict);
  });

  it("rejects an invalid profile instead of guessing", () => {
    expect(() => recommend({ answers: { size: "huge" } }, k)).toThrow(/tiny, small, medium, large/);
  });
});
