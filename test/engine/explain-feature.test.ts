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
