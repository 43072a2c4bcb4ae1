import { describe, expect, it } from "vitest";
import {
  defaultProfile,
  findNeedsInText,
  getKnowledge,
  matchFeature,
  recommend,
  recommendProfile,
} from "../../src/engine/index.js";

const k = getKnowledge();

/** Bugs found in review, each pinned by the input that showed it. */
describe("engine regressions", () => {
  it("an empty profile takes every default (answers are filled even when the key is missing)", () => {
    const profile = defaultProfile(k);
    expect(Object.keys(profile.answers).sort()).toEqual(
      ["database", "experience", "flexibility", "priority", "project_type", "size", "timeline"].sort(),
    );
    expect(recommend({}, k)).toEqual(recommend({ answers: {} }, k));
  });

  it("a need listed and named in the notes is never offered as a 'did not need' flip", () => {
    const r = recommend(
      {
        answers: { project_type: "rest_api", size: "tiny", experience: "python" },
        needs: ["admin"],
        notes: "staff use an admin dashboard",
      },
      k,
    );
    expect(r.flips.some((f) => f.change === "remove_need" && f.to === "admin")).toBe(false);
    for (const flip of r.flips) expect(recommend(flip.profile, k).verdict).toBe(flip.verdict);
  });

  it.each([
    ["can I translate my site", "i18n"],
    ["cookies", "sessions"],
    ["log in", "auth"],
  ])("%s → %s", (text, id) => {
    const m = matchFeature(text, k);
    expect(m.kind === "match" && m.featureId).toBe(id);
  });

  it.each([
    "rest api",
    "django rest framework",
    "unit tests",
    "jinja",
    "asgi",
    "form validation",
    "*bold* _routing_",
    "signup flow?",
  ])("%s: a known word is not also read as a typo of another feature", (text) => {
    const m = matchFeature(text, k);
    expect(m.kind).toBe("match");
    if (m.kind === "match") expect(m.alsoAsked).toEqual([]);
  });

  it("a negation a few words back still counts, but not across 'but'", () => {
    expect(findNeedsInText("i don't think we need admin", k)).toEqual([]);
    expect(findNeedsInText("we don't need translations but need an admin", k)).toEqual(["admin"]);
  });

  it("a small site on MongoDB leans towards Flask but is no longer handed to it (Django has MongoDB's own backend)", () => {
    const mongo = recommend({ answers: { size: "small", database: "mongodb" } }, k);
    const postgres = recommend({ answers: { size: "small", database: "postgresql" } }, k);
    expect(postgres.verdict).toBe("django");
    expect(mongo.lead).toBeLessThan(postgres.lead);
    expect(mongo.verdict).toBe("either");
    expect(mongo.caveats.map((c) => c.id)).toContain("document_store");
  });

  it("reads no notes past the notes field's limit, even when a caller skips validation", () => {
    const max = k.notesQuestion.maxLength;
    const filler = "then ".repeat(Math.ceil(max / 5));
    const long = {
      answers: defaultProfile(k).answers,
      needs: [],
      notes: `we need an admin ${filler} and caching`,
    };
    expect(long.notes.length).toBeGreaterThan(max);
    const r = recommendProfile(long, k);
    // Caching is named past the limit: not read. (Reading stops there, which also bounds the work.)
    expect(r.notes.needs).toEqual(["admin"]);
    expect(r.notes).toEqual(recommendProfile({ ...long, notes: long.notes.slice(0, max) }, k).notes);
  });
});
