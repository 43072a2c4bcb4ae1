/**
 * "What if it stays tiny?": the verdict re-scored with the answers a message supposes, said as
 * "If …, …". Only what differs from the project's answers counts.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge, recommendProfile, toProfile, whatIf } from "../../src/engine/index.js";

const k = getKnowledge();
const profile = toProfile({ answers: { project_type: "internal_tool", size: "small" }, needs: ["admin"] }, k);
const before = recommendProfile(profile, k);

describe("whatIf", () => {
  it("re-scores the project with a supposed answer and says what the verdict would then be", () => {
    const w = whatIf(k, profile, before.verdict, { answers: { size: "large" }, needs: [] });
    expect(w.conditions).toEqual(["the project grew large"]);
    expect(w.after?.verdict).toBe(
      recommendProfile({ ...profile, answers: { ...profile.answers, size: "large" } }, k).verdict,
    );
    expect(w.text).toMatch(
      /^If the project grew large, (Django would still be the better fit|Flask would win|it would be a toss-up)\.$/,
    );
  });

  it("says the verdict would change when it would, naming the winner", () => {
    const w = whatIf(k, profile, before.verdict, {
      answers: { project_type: "microservice", experience: "flask" },
      needs: [],
    });
    expect(before.verdict).toBe("django");
    expect(w.after?.verdict).toBe("flask");
    expect(w.text).toContain(", Flask would win.");
    expect(w.conditions).toHaveLength(2);
  });

  it("changes nothing when the answers already say so", () => {
    const w = whatIf(k, profile, before.verdict, { answers: { size: "small" }, needs: ["admin"] });
    expect(w.after).toBeUndefined();
    expect(w.conditions).toEqual([]);
    expect(w.text).toBe("Your answers already say that, so the verdict stands.");
  });

  it("adds supposed needs in one condition, and not one the notes already name", () => {
    const need = whatIf(k, profile, before.verdict, { answers: {}, needs: ["async", "i18n"] });
    expect(need.conditions).toEqual([expect.stringMatching(/^you also needed .+ and .+$/)]);
    expect(need.after?.profile.needs).toEqual(expect.arrayContaining(["admin", "async", "i18n"]));
    const noted = toProfile({ ...profile, notes: "we need websockets for live updates" }, k);
    const again = whatIf(k, noted, recommendProfile(noted, k).verdict, { answers: {}, needs: ["async"] });
    expect(again.after).toBeUndefined();
  });

  it("supposes a need away only when the project has it", () => {
    const w = whatIf(k, profile, before.verdict, { answers: {}, needs: [], dropped: ["admin", "auth"] });
    expect(w.conditions).toEqual([expect.stringMatching(/^you did not need /)]);
    expect(w.after?.profile.needs).not.toContain("admin");
    const none = whatIf(k, profile, before.verdict, { answers: {}, needs: [], dropped: ["auth"] });
    expect(none.after).toBeUndefined();
  });

  it("ignores values no question has", () => {
    const w = whatIf(k, profile, before.verdict, {
      answers: { size: "gigantic", colour: "blue" },
      needs: ["nope"],
    });
    expect(w.after).toBeUndefined();
  });
});
