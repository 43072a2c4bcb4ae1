/** The decision answers as blocks, from recommendations chosen to reach their edge cases. */
import { describe, expect, it } from "vitest";
import {
  getKnowledge,
  onlyBuildingElseFlips,
  recommend,
  recommendProfile,
  toProfile,
  understand,
  whatIf,
} from "../../src/engine/index.js";
import {
  flipAnswer,
  pushbackAnswer,
  verdictAnswer,
  whyNotAnswer,
} from "../../src/slack/blocks/decision-answer.js";
import { recommendationDetailsView } from "../../src/slack/blocks/recommendation-details.js";
import { reasonLine } from "../../src/slack/blocks/recommendation-lines.js";

const k = getKnowledge();

describe("why not the framework that won", () => {
  it("says once that nothing counts against it, when nothing does", () => {
    // A large, long-lived shop whose team knows Django: nothing in the answers counts against Django.
    const rec = recommend(
      {
        answers: { project_type: "ecommerce", size: "large", timeline: "long_term", experience: "django" },
        needs: ["admin", "auth"],
      },
      k,
    );
    expect(rec.verdict).toBe("django");
    expect(rec.factors.filter((f) => f.favours === "flask")).toEqual([]);
    const blocks = whyNotAnswer(k, rec, "django");
    const text = JSON.stringify(blocks);
    expect(blocks).toHaveLength(1);
    expect(text).toContain("Nothing in your answers counts much against Django, the recommendation");
  });
});

describe("why not Django, on SQL Server", () => {
  it("names the project's caveat that counts against it, with its source", () => {
    const rec = recommend(
      { answers: { project_type: "internal_tool", database: "sql_server" }, needs: [] },
      k,
    );
    const caveat = k.caveats.find((c) => c.id === "sql_server_backend");
    expect(caveat?.against).toBe("django");
    const text = JSON.stringify(whyNotAnswer(k, rec, "django"));
    expect(text).toContain("mssql-django");
    expect(text).toContain(caveat?.source ?? "no source");
    // …and not in the case against Flask.
    expect(JSON.stringify(whyNotAnswer(k, rec, "flask"))).not.toContain("mssql-django");
  });
});

describe("the verdict's reasons", () => {
  it("are given whole in a thread answer, not cut at the message's 150 characters", () => {
    const rec = recommend({ answers: { project_type: "full_stack", size: "large" }, needs: ["admin"] }, k);
    const whole = rec.factors.slice(0, 3).map((f) => reasonLine(k, f, 10_000));
    expect(whole.some((line) => line.length > 150)).toBe(true);
    const text = JSON.stringify(verdictAnswer(k, rec));
    for (const line of whole) expect(text).toContain(JSON.stringify(line).slice(1, -1));
  });
});

describe("why not the framework that lost, when no single change makes it win", () => {
  it("names the pair of changes that would, when that is the smallest change found", () => {
    // A tiny full-stack site, admin and auth needed, a team new to Python, for the long term: only two
    // changes together hand the win to Flask.
    const rec = recommend(
      {
        answers: { project_type: "full_stack", size: "tiny", experience: "new", timeline: "long_term" },
        needs: ["admin", "auth"],
      },
      k,
    );
    expect(rec.verdict).toBe("django");
    expect(rec.flips.some((f) => f.verdict === "flask")).toBe(false);
    expect(rec.whatWouldChange).toMatchObject({ kind: "pair", verdict: "flask" });
    const text = JSON.stringify(whyNotAnswer(k, rec, "flask"));
    expect(text).toContain(
      `No single change of answer would make Flask win. Two together would: ${rec.whatWouldChange.text}`,
    );
  });
});

describe("push-back on a toss-up", () => {
  // A reviewer's find: "I still prefer django" on a toss-up got "Fair enough: it's your team's call".
  it("says either fits, and what would make the preferred one a clear win", () => {
    const rec = recommend({ answers: { project_type: "realtime", experience: "new" } }, k);
    expect(rec.verdict).toBe("either");
    const flip = rec.flips.find((f) => f.verdict === "django");
    const text = JSON.stringify(pushbackAnswer(k, rec, "django"));
    expect(text).toContain("It's a toss-up here: either framework fits, so Django is a sound pick.");
    expect(text).toContain(`What would make it a clear Django win: ${flip?.text ?? "no flip"}`);
    expect(text).not.toContain("Fair enough");
  });
});

describe("what would change the verdict, when only building something else would", () => {
  it("says so before the list", () => {
    // A small internal tool, built in days by a team new to Python, with admin and forms: no other
    // single answer changes the verdict.
    const rec = recommend(
      {
        answers: { project_type: "internal_tool", size: "small", timeline: "days", experience: "new" },
        needs: ["admin", "forms"],
      },
      k,
    );
    expect(rec.flips.length).toBeGreaterThan(0);
    expect(rec.flips.every((f) => f.question === "project_type")).toBe(true);
    expect(onlyBuildingElseFlips(k, rec.flips)).toBe(true);
    const text = JSON.stringify(flipAnswer(rec, onlyBuildingElseFlips(k, rec.flips)));
    expect(text).toContain("only building something else would");
    // The recommendation's Details say the same.
    expect(JSON.stringify(recommendationDetailsView(k, rec))).toContain("only building something else would");
  });

  it("does not, when a change to how it is built would", () => {
    const rec = recommend(
      { answers: { project_type: "ml_service", size: "tiny", experience: "flask" }, needs: ["ml"] },
      k,
    );
    expect(rec.flips.some((f) => f.question !== "project_type")).toBe(true);
    expect(onlyBuildingElseFlips(k, rec.flips)).toBe(false);
  });
});

describe("push-back", () => {
  it("says what already counts for the framework preferred, so the concern was weighed", () => {
    // A small internal tool for a team new to Python: Django wins, but the time to get started counts for Flask.
    const rec = recommend(
      {
        answers: { project_type: "internal_tool", size: "small", timeline: "days", experience: "new" },
        needs: ["admin", "forms"],
      },
      k,
    );
    expect(rec.verdict).toBe("django");
    const forFlask = rec.factors.find((f) => f.favours === "flask");
    expect(forFlask).toBeDefined();
    const text = JSON.stringify(pushbackAnswer(k, rec, "flask"));
    expect(text).toContain(`Already counted for Flask: *${forFlask?.label}*`);
    expect(text).toContain("What would change it");
  });
});

describe("push-back with a reason", () => {
  const profile = toProfile({ answers: { project_type: "microservice", size: "small" }, needs: [] }, k);
  const rec = recommendProfile(profile, k);

  it("weighs the reason given as answers, and says when it is enough to change the verdict", () => {
    const u = understand(k, "we'd rather use django, the whole team knows django", {
      hasRecommendation: true,
      verdict: rec.verdict,
    });
    expect(rec.verdict).toBe("flask");
    expect(u).toMatchObject({
      intent: "pushback",
      prefers: "django",
      hypothesis: { answers: { experience: "django" } },
    });
    if (u.intent !== "pushback" || !u.hypothesis) throw new Error("no reason read");
    const supposed = whatIf(k, profile, rec.verdict, u.hypothesis);
    expect(supposed.after?.verdict).toBe("django");
    const text = JSON.stringify(pushbackAnswer(k, rec, "django", supposed));
    expect(text).toContain("Counting what you said: if your team already knew Django, Django would win.");
    expect(text).not.toContain("No single change");
  });

  it("says the reason was weighed when it is not enough", () => {
    const tool = toProfile({ answers: { project_type: "internal_tool" }, needs: ["admin", "forms"] }, k);
    const toolRec = recommendProfile(tool, k);
    expect(toolRec.verdict).toBe("django");
    const supposed = whatIf(k, tool, toolRec.verdict, { answers: { size: "tiny" }, needs: [] });
    const text = JSON.stringify(pushbackAnswer(k, toolRec, "flask", supposed));
    expect(text).toContain(
      "Counting what you said: if the project stayed tiny, Django would still be the better fit.",
    );
    expect(text).toContain("it's your team's call");
  });
});
