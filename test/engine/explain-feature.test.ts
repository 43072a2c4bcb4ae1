import { describe, expect, it } from "vitest";
import { explainFeature, getKnowledge, toProfile } from "../../src/engine/index.js";

const k = getKnowledge();

describe("explainFeature: what it means for the project", () => {
  it("a feature the answers made matter, though not listed as a need, says which answers", () => {
    const e = explainFeature("async", toProfile({ answers: { project_type: "realtime" } }, k), k);
    expect(e?.forProject).toMatch(/^Your answers make this matter \(Building: A real-time app/);
    expect(e?.forProject).not.toContain("did not weigh");
  });

  it("a need read from the notes says so", () => {
    const e = explainFeature(
      "admin",
      toProfile({ notes: "Staff must edit records in an admin dashboard." }, k),
      k,
    );
    expect(e?.forProject).toMatch(/^Your notes mention an admin panel/);
  });

  it("does not repeat the verdict sentence", () => {
    const e = explainFeature("admin", toProfile({ needs: ["admin"] }, k), k);
    expect(e?.forProject).not.toContain(e?.verdict.text ?? "???");
    expect(e?.forProject).toContain("It counts for Django in your recommendation.");
  });

  // A reviewer's finds: the line left blanks for a quality, said a tie where the need's own criterion
  // leans, and said "built in" where the answer above it names the add-ons.
  it("says how a need counts by its own criterion, as the score does", () => {
    const ml = explainFeature("ml", toProfile({ needs: ["ml"] }, k), k)?.forProject;
    expect(ml).toBe(
      "You said you need to serve a machine-learning model: it counts for Flask in your recommendation.",
    );
    const api = explainFeature("rest_api", toProfile({ needs: ["rest_api"] }, k), k)?.forProject;
    expect(api).toContain("Both fit it equally, so it does not tip your recommendation.");
    const jobs = explainFeature("background_tasks", toProfile({ needs: ["background_tasks"] }, k), k);
    expect(jobs?.forProject).toContain("It counts a little for Django");
  });

  it("names the add-ons a framework needs for the rest of a need", () => {
    const e = explainFeature("security", toProfile({ needs: ["security"] }, k), k);
    expect(e?.forProject).toContain(
      "in Flask that is built in, with add-ons for CSRF protection and security headers; in Django built in.",
    );
  });

  it("the database question answers for the databases feature, per answer", () => {
    const q = k.singleQuestions.find((x) => x.feature === "databases");
    expect(q).toBeDefined();
    for (const o of q?.options ?? []) {
      const e = explainFeature("databases", toProfile({ answers: { [q?.id ?? ""]: o.value } }, k), k);
      expect(e?.forProject).toBe(o.note);
    }
    expect(
      explainFeature("databases", toProfile({ answers: { database: "sql_server" } }, k), k)?.forProject,
    ).toContain("mssql-django");
  });

  it("a topic the recommendation does not weigh gets no project line at all (no boilerplate)", () => {
    expect(explainFeature("routing", toProfile({}, k), k)?.forProject).toBeUndefined();
    expect(explainFeature("admin", toProfile({ needs: ["auth"] }, k), k)?.forProject).toBeUndefined();
  });
});
