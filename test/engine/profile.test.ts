import { describe, expect, it } from "vitest";
import {
  getKnowledge,
  ProfileError,
  type ProfileIssue,
  parseProfile,
  toProfile,
} from "../../src/engine/index.js";

const k = getKnowledge();
const DEFAULT_ANSWERS = {
  project_type: "full_stack",
  size: "small",
  timeline: "weeks",
  experience: "python",
  flexibility: "balanced",
  database: "postgresql",
  priority: "ship_fast",
};

function issuesOf(input: unknown): ProfileIssue[] {
  const parsed = parseProfile(input, k);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return parsed.issues;
}

describe("parseProfile: defaults", () => {
  it("fills every answer with the question's default when answers is empty", () => {
    const parsed = parseProfile({ answers: {} }, k);
    expect(parsed).toEqual({ ok: true, profile: { answers: DEFAULT_ANSWERS, needs: [], notes: "" } });
  });

  it("the defaults are the ones in questions.json", () => {
    const profile = toProfile({ answers: {} }, k);
    for (const q of k.singleQuestions) expect(profile.answers[q.id], q.id).toBe(q.default);
    expect(profile.needs).toEqual(k.needsQuestion.default);
  });

  it("keeps given answers and fills in the rest", () => {
    const profile = toProfile({ answers: { size: "large", database: "mongodb" }, needs: ["admin"] }, k);
    expect(profile.answers).toEqual({ ...DEFAULT_ANSWERS, size: "large", database: "mongodb" });
    expect(profile.needs).toEqual(["admin"]);
    expect(profile.notes).toBe("");
  });

  it("accepts every option of every question", () => {
    for (const q of k.singleQuestions) {
      for (const o of q.options) {
        const profile = toProfile({ answers: { [q.id]: o.value } }, k);
        expect(profile.answers[q.id]).toBe(o.value);
      }
    }
  });

  it("accepts every need, and notes up to the maximum length", () => {
    const all = k.needFeatures.map((f) => f.id);
    const max = k.notesQuestion.maxLength;
    const profile = toProfile({ answers: {}, needs: all, notes: "n".repeat(max) }, k);
    expect(profile.needs).toEqual(all);
    expect(profile.notes).toHaveLength(max);
  });

  it("does not change its input", () => {
    const input = { answers: { size: "tiny" }, needs: ["auth", "auth"] };
    const copy = structuredClone(input);
    toProfile(input, k);
    expect(input).toEqual(copy);
  });
});

describe("parseProfile: invalid input", () => {
  it('an invalid size gives an issue on "size" listing the valid sizes', () => {
    const issues = issuesOf({ answers: { size: "huge" } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("size");
    expect(issues[0]?.message).toContain("tiny, small, medium, large");
  });

  it("an invalid value for any question lists that question's values", () => {
    for (const q of k.singleQuestions) {
      const issues = issuesOf({ answers: { [q.id]: "definitely_not_an_option" } });
      expect(issues.map((i) => i.field)).toEqual([q.id]);
      expect(issues[0]?.message).toContain(q.options.map((o) => o.value).join(", "));
    }
  });

  it("values are case-sensitive and must be strings", () => {
    expect(issuesOf({ answers: { size: "Large" } })[0]?.field).toBe("size");
    expect(issuesOf({ answers: { size: 3 } })[0]?.message).toContain("tiny, small, medium, large");
    expect(issuesOf({ answers: { experience: null } })[0]?.field).toBe("experience");
  });

  it("reports every bad answer, not just the first", () => {
    const issues = issuesOf({ answers: { size: "huge", timeline: "never" } });
    expect(issues.map((i) => i.field).sort()).toEqual(["size", "timeline"]);
  });

  it("an unknown question key is rejected, listing the questions", () => {
    const issues = issuesOf({ answers: { colour: "red" } });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("answers");
    expect(issues[0]?.message).toContain("unknown question");
    expect(issues[0]?.message).toContain(k.singleQuestions.map((q) => q.id).join(", "));
  });

  it("answers that are not an object are rejected", () => {
    expect(issuesOf({ answers: "large" })[0]?.field).toBe("answers");
    expect(issuesOf({ answers: ["large"] })[0]?.field).toBe("answers");
  });

  it("an unknown need is rejected, listing the valid needs", () => {
    const issues = issuesOf({ answers: {}, needs: ["admin", "teleport"] });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("needs");
    expect(issues[0]?.message).toContain(k.needFeatures.map((f) => f.id).join(", "));
  });

  it("a feature without a need (e.g. routing) is not a valid need", () => {
    expect(k.featureById.has("routing")).toBe(true);
    expect(issuesOf({ answers: {}, needs: ["routing"] })[0]?.field).toBe("needs");
  });

  it("needs must be a list", () => {
    const issues = issuesOf({ answers: {}, needs: "admin" });
    expect(issues[0]?.field).toBe("needs");
    expect(issues[0]?.message).toContain("list");
  });

  it("notes longer than the maximum are rejected with the limit", () => {
    const max = k.notesQuestion.maxLength;
    const issues = issuesOf({ answers: {}, notes: "x".repeat(max + 1) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("notes");
    expect(issues[0]?.message).toContain(`at most ${max} characters`);
  });

  it("notes must be text", () => {
    const issues = issuesOf({ answers: {}, notes: 42 });
    expect(issues[0]).toEqual({ field: "notes", message: "must be text" });
  });

  it("an unknown top-level key is rejected", () => {
    const issues = issuesOf({ answers: {}, budget: "low" });
    expect(issues[0]?.field).toBe("profile");
    expect(issues[0]?.message).toContain("budget");
  });

  it("non-objects are rejected as a whole profile", () => {
    for (const input of [null, 42, "large", [], true]) {
      const issues = issuesOf(input);
      expect(issues.length, JSON.stringify(input)).toBeGreaterThan(0);
      expect(issues[0]?.field).toBe("profile");
    }
  });
});

describe("parseProfile: needs", () => {
  it("de-duplicates needs, keeping the first order", () => {
    const profile = toProfile({ answers: {}, needs: ["auth", "admin", "auth", "admin", "i18n"] }, k);
    expect(profile.needs).toEqual(["auth", "admin", "i18n"]);
  });

  it("an empty list stays empty", () => {
    expect(toProfile({ answers: {}, needs: [] }, k).needs).toEqual([]);
  });
});

describe("toProfile", () => {
  it("returns the parsed profile for valid input", () => {
    expect(toProfile({ answers: { size: "medium" } }, k).answers.size).toBe("medium");
  });

  it("throws a ProfileError carrying the issues", () => {
    let caught: unknown;
    try {
      toProfile({ answers: { size: "huge" }, needs: ["teleport"] }, k);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ProfileError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ProfileError;
    expect(error.name).toBe("ProfileError");
    expect(error.issues.map((i) => i.field).sort()).toEqual(["needs", "size"]);
    expect(error.message).toContain("size: must be one of: tiny, small, medium, large");
    expect(error.message).toContain("needs: must be one of:");
  });

  it("throws for non-objects", () => {
    expect(() => toProfile(undefined, k)).toThrow(ProfileError);
    expect(() => toProfile("size=large", k)).toThrow(ProfileError);
  });
});
