import { describe, expect, it } from "vitest";
import { adrForStoredDecision, isoDate, teamViewsFor, tsDate } from "../../src/decisions/index.js";
import { getKnowledge } from "../../src/engine/index.js";
import type { StoredDecision, StoredRecommendation, StoredView } from "../../src/storage/index.js";

const k = getKnowledge();

const recommendation: StoredRecommendation = {
  teamId: "T1",
  enterpriseId: null,
  channelId: "C1",
  messageTs: "1795000000.000100",
  userId: "U1",
  answers: { project_type: "full_stack", size: "small", experience: "python" },
  needs: [],
  notes: "",
  verdict: "django",
  scores: { flask: 42, django: 58 },
  confidence: 0.8,
  knowledgeVersion: k.meta.knowledgeVersion,
  createdAt: 0,
  editedAt: null,
};

const view = (userId: string, answers: Record<string, string>, needs: string[] = []): StoredView => ({
  teamId: "T1",
  enterpriseId: null,
  channelId: "C1",
  messageTs: recommendation.messageTs,
  userId,
  answers,
  needs,
  notes: "",
  createdAt: 0,
  updatedAt: 0,
});

describe("stored views and decisions, through the engine", () => {
  it("compares stored views with the recommendation, leaving out answers today's questions no longer have", () => {
    const views = teamViewsFor(
      k,
      recommendation,
      [
        view("U2", { ...recommendation.answers, experience: "flask" }),
        view("U3", { ...recommendation.answers, size: "gigantic" }),
        view("U4", recommendation.answers, ["teleportation"]),
      ],
      (id) => `<@${id}>`,
    );
    expect(views.skipped).toEqual(["U3", "U4"]);
    expect(views.people.map((p) => p.label)).toEqual(["<@U1>", "<@U2>"]);
    expect(views.lines[1]).toBe(
      "Answers differ on Team knows. Team knows (<@U2>'s answer gives Flask) alone changes the verdict.",
    );
    expect(() => teamViewsFor(k, { ...recommendation, answers: { size: "gigantic" } }, [])).toThrow(
      /no longer fit the questions/,
    );
  });

  it("dates a record by its last change, and names people as asked", () => {
    expect(isoDate(Date.UTC(2026, 10, 28, 23, 59))).toBe("2026-11-28");
    expect(tsDate("1795000000.000100")).toBe("2026-11-18");
    const decision: StoredDecision = {
      teamId: "T1",
      enterpriseId: null,
      channelId: "C1",
      messageTs: recommendation.messageTs,
      askedBy: "U1",
      recommended: "django",
      status: "superseded",
      framework: "django",
      decidedBy: "U1",
      decidedAt: Date.UTC(2026, 10, 20),
      reason: null,
      againstRecommendation: false,
      supersedes: null,
      supersededBy: "1795600000.000100",
      supersededAt: Date.UTC(2026, 10, 25),
      createdAt: Date.UTC(2026, 10, 18),
      updatedAt: Date.UTC(2026, 10, 25),
      channelPublic: true,
    };
    const names: Record<string, string> = { U1: "Ann Lee", U2: "Bob Ng" };
    const adr = adrForStoredDecision(k, {
      decision,
      recommendation,
      views: [view("U2", { ...recommendation.answers, experience: "flask" })],
      votes: { agree: ["U1"], pickOther: [] },
      name: (id) => names[id] ?? id,
      channelName: "#web",
    });
    expect(adr).toMatch(
      /^---\nstatus: "superseded by the decision on the recommendation of 2026-11-25 in #web \(message 1795600000\.000100\)"\ndate: 2026-11-25\ndecision-makers: Ann Lee\nconsulted: Bob Ng\n---\n/,
    );
    expect(adr).toContain("Each person's own answers: Django for Ann Lee (asked); Flask for Bob Ng.");
    expect(adr).toContain("Votes on the recommendation: 1 agreed (Ann Lee), 0 would pick the other.");
  });
});
