import { describe, expect, it } from "vitest";
import { getKnowledge, type ProjectProfile, recommend, toProfile } from "../../src/engine/index.js";
import { compileModel, importance } from "../../src/engine/scoring.js";
import { createRng } from "../fuzz/prng.js";

const knowledge = getKnowledge();
const model = compileModel(knowledge);
const proCon = new Map(knowledge.prosCons.map((p) => [p.id, p]));

/** Notes that rule a need out, and the need. */
const RULED_OUT: Array<[string, string]> = [
  ["we don't need an admin", "admin"],
  ["No translations needed, and no i18n.", "i18n"],
  ["We won't need caching.", "caching"],
  ["no websockets", "async"],
  ["We need logins, but not translations", "i18n"],
  ["without an admin panel, please", "admin"],
];

function generate(count: number, seed: number): ProjectProfile[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const answers: Record<string, string> = {};
    for (const q of knowledge.singleQuestions) answers[q.id] = rng.pick(q.options).value;
    const [notes] = rng.chance(0.5) ? rng.pick(RULED_OUT) : [""];
    return toProfile(
      {
        answers,
        needs: rng.subset(
          knowledge.needFeatures.map((f) => f.id),
          0.2,
        ),
        notes,
      },
      knowledge,
    );
  });
}
const PROFILES = generate(400, 0xbeef);

const shown = (r: ReturnType<typeof recommend>) =>
  (["flask", "django"] as const).flatMap((id) => [...r.prosCons[id].pros, ...r.prosCons[id].cons]);

describe("pros and cons that fit this project", () => {
  it("no pro or con for something the notes exclude", () => {
    let checked = 0;
    for (const p of PROFILES) {
      const r = recommend(p, knowledge);
      for (const need of r.notes.excluded) {
        const criterion = knowledge.featureById.get(need)?.need?.criterion;
        for (const item of shown(r)) {
          expect(proCon.get(item.id)?.criteria, `${p.notes}: ${item.id}`).not.toContain(criterion);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('no "Django\'s admin" pro when the notes say no admin, though it shows when the admin matters', () => {
    const answers = { project_type: "content_site", size: "medium" };
    const without = recommend({ answers, notes: "we don't need an admin" }, knowledge);
    expect(without.notes.excluded).toEqual(["admin"]);
    expect(without.notes.text).toContain("Your notes rule out an admin panel");
    expect(shown(without).map((x) => x.id)).not.toContain("django_pro_admin");
    const withIt = recommend({ answers }, knowledge);
    expect(shown(withIt).map((x) => x.id)).toContain("django_pro_admin");
  });

  it.each([
    ["no admin and we need translations", ["i18n"], ["admin"]],
    ["admin: not needed", [], ["admin"]],
    ["no live updates", [], ["async"]],
    ["maybe later we will need translations", [], []],
  ] as Array<[string, string[], string[]]>)(
    "the notes %j count %j and rule out %j",
    (notes, needs, excluded) => {
      const r = recommend({ answers: { project_type: "content_site" }, notes }, knowledge);
      expect(r.notes.needs).toEqual(needs);
      expect(r.notes.excluded).toEqual(excluded);
    },
  );

  // What the notes rule out counts for nothing: no reason, no change that adds it, no share of the evidence.
  it("a need the notes rule out weighs nothing: an internal tool without an admin is no longer Django's", () => {
    const answers = { project_type: "internal_tool" };
    const plain = recommend({ answers }, knowledge);
    expect(plain.factors.map((f) => f.criterion)).toContain("admin");
    const without = recommend(
      { answers, notes: "we do not need the admin, staff use a React app" },
      knowledge,
    );
    expect(without.notes.excluded).toEqual(["admin"]);
    expect(without.factors.map((f) => f.criterion)).not.toContain("admin");
    expect(without.flips.map((f) => f.text).join(" ")).not.toMatch(/admin/i);
    expect(without.shares.django).toBeLessThan(plain.shares.django);
  });

  it("a need ticked in the needs answer is not ruled out by the notes", () => {
    const r = recommend(
      { answers: { project_type: "internal_tool" }, needs: ["admin"], notes: "no admin" },
      knowledge,
    );
    expect(r.notes.excluded).toEqual([]);
  });

  it("no MongoDB point for a project that is not on MongoDB", () => {
    const mongo = ["django_con_nosql", "flask_pro_nosql", "flask_con_mongo_extension"];
    for (const p of PROFILES) {
      const ids = shown(recommend(p, knowledge)).map((x) => x.id);
      if (p.answers.database !== "mongodb")
        for (const id of mongo) expect(ids, JSON.stringify(p.answers)).not.toContain(id);
    }
    const onMongo = recommend({ answers: { database: "mongodb" } }, knowledge);
    expect(shown(onMongo).map((x) => x.id)).toContain("django_con_nosql");
  });

  it("every point shown bears on a criterion that carries weight for the project", () => {
    for (const p of PROFILES) {
      const r = recommend(p, knowledge);
      const imp = importance(model, r.profile, r.notes.needs);
      for (const item of shown(r)) {
        const main = proCon.get(item.id)?.criteria[0] as string;
        const c = knowledge.criterionIndex.get(main) as number;
        expect((imp[c] as number) * (knowledge.criteria[c]?.weight ?? 0), item.id).toBeGreaterThanOrEqual(
          knowledge.scoring.minProConWeight,
        );
      }
    }
  });

  it("the model-serving pro only for a project that serves a model", () => {
    for (const p of PROFILES) {
      const ids = shown(recommend(p, knowledge)).map((x) => x.id);
      if (ids.includes("flask_pro_model_serving"))
        expect(p.answers.project_type === "ml_service" || p.needs.includes("ml")).toBe(true);
    }
  });
});

describe("reasons that fit this project", () => {
  it("only reasons that really moved the verdict (a decisive verdict keeps its first)", () => {
    for (const p of PROFILES) {
      const r = recommend(p, knowledge);
      r.factors.forEach((f, i) => {
        if (i === 0 && r.verdict !== "either") return;
        expect(f.points, `${f.criterion} in ${JSON.stringify(p.answers)}`).toBeGreaterThanOrEqual(
          knowledge.scoring.minFactorPoints,
        );
      });
    }
  });

  it('no "small, focused service" reason for an internal CRUD tool unless it really moved the score', () => {
    for (const size of ["small", "medium", "large"]) {
      const r = recommend(
        { answers: { project_type: "internal_tool", size }, notes: "an internal CRUD tool for the ops team" },
        knowledge,
      );
      const small = r.factors.find((f) => f.criterion === "small_footprint");
      if (small) expect(small.points).toBeGreaterThanOrEqual(knowledge.scoring.minFactorPoints);
      if (size !== "small") expect(small).toBeUndefined();
    }
  });

  it('"From your answers" names the answers that drove it, the biggest first, not every small nudge', () => {
    const r = recommend(
      {
        answers: {
          project_type: "prototype",
          size: "small",
          timeline: "days",
          experience: "new",
          priority: "learning",
        },
      },
      knowledge,
    );
    const learning = r.factors.find((f) => f.criterion === "learning_speed");
    expect(learning?.because[0]).toMatch(/^(Time: Days|Building: A prototype)/);
    // Size: small adds 0.3 of about 5: it did not drive this reason.
    expect(learning?.because.join(" | ")).not.toContain("Size:");
    expect(learning?.because.length).toBeGreaterThanOrEqual(3);
  });

  it("a need listed is named as what drove its reason", () => {
    const r = recommend({ answers: { project_type: "full_stack" }, needs: ["admin"] }, knowledge);
    expect(r.factors.find((f) => f.criterion === "admin")?.because).toEqual(["you need an admin panel"]);
  });
});
