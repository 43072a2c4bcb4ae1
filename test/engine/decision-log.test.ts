import { describe, expect, it } from "vitest";
import {
  applyDecisionEvent,
  DECISION_STATUSES,
  DEFAULT_WHO_MAY_DECIDE,
  type DecisionEvent,
  type DecisionState,
  decidedAgainstRecommendation,
  isNextStatus,
  mayDecide,
  proposedDecision,
  statusRank,
  WHO_MAY_DECIDE,
} from "../../src/engine/index.js";
import { createRng } from "../fuzz/prng.js";

const decide = (
  by: string,
  overrides: Partial<Extract<DecisionEvent, { type: "decide" }>> = {},
): DecisionEvent => ({
  type: "decide",
  by,
  at: 1_000,
  framework: "django",
  whoMayDecide: "asker",
  ...overrides,
});
const supersede = (by = "later"): DecisionEvent => ({ type: "supersede", by, at: 2_000 });

function mustApply(state: DecisionState, event: DecisionEvent): DecisionState {
  const result = applyDecisionEvent(state, event);
  if (!result.ok) throw new Error(result.message);
  return result.state;
}

describe("the decision log's state machine", () => {
  it("starts proposed, and records who decided, when, what, why and what it replaced", () => {
    const proposed = proposedDecision("U1", "flask");
    expect(proposed).toMatchObject({
      status: "proposed",
      askedBy: "U1",
      recommended: "flask",
      framework: null,
    });
    const decided = mustApply(proposed, decide("U1", { reason: "  we know Django  ", supersedes: "1.0" }));
    expect(decided).toEqual({
      ...proposed,
      status: "decided",
      framework: "django",
      decidedBy: "U1",
      decidedAt: 1_000,
      reason: "we know Django",
      supersedes: "1.0",
    });
    expect(decidedAgainstRecommendation(decided)).toBe(true);
    const superseded = mustApply(decided, supersede("2.0"));
    expect(superseded).toEqual({
      ...decided,
      status: "superseded",
      supersededBy: "2.0",
      supersededAt: 2_000,
    });
  });

  it("says the team went against the verdict only when it picked the other framework", () => {
    expect(decidedAgainstRecommendation({ recommended: "django", framework: "django" })).toBe(false);
    expect(decidedAgainstRecommendation({ recommended: "django", framework: "flask" })).toBe(true);
    expect(decidedAgainstRecommendation({ recommended: "either", framework: "flask" })).toBe(false);
    expect(decidedAgainstRecommendation({ recommended: "flask", framework: null })).toBe(false);
  });

  it("lets the asker decide, and anyone only when the workspace allows it (default: only the asker)", () => {
    expect(DEFAULT_WHO_MAY_DECIDE).toBe("asker");
    expect(mayDecide("asker", "U1", "U1")).toBe(true);
    expect(mayDecide("asker", "U1", "U2")).toBe(false);
    expect(mayDecide("anyone", "U1", "U2")).toBe(true);
    const refused = applyDecisionEvent(proposedDecision("U1", "django"), decide("U2"));
    expect(refused).toMatchObject({ ok: false, code: "not_allowed" });
    expect(
      applyDecisionEvent(proposedDecision("U1", "django"), decide("U2", { whoMayDecide: "anyone" })),
    ).toMatchObject({
      ok: true,
      state: { decidedBy: "U2" },
    });
  });

  it("refuses every move that is not one step forward, from every status", () => {
    const states: Record<string, DecisionState> = {
      proposed: proposedDecision("U1", "django"),
    };
    states.decided = mustApply(states.proposed as DecisionState, decide("U1"));
    states.superseded = mustApply(states.decided as DecisionState, supersede());
    const expected: Record<string, Record<string, string>> = {
      proposed: { decide: "decided", supersede: "not_decided" },
      decided: { decide: "already_decided", supersede: "superseded" },
      superseded: { decide: "already_superseded", supersede: "already_superseded" },
    };
    for (const status of DECISION_STATUSES) {
      for (const event of [decide("U1"), supersede()]) {
        const result = applyDecisionEvent(states[status] as DecisionState, event);
        const outcome = result.ok ? result.state.status : result.code;
        expect(outcome, `${status} + ${event.type}`).toBe(expected[status]?.[event.type]);
        if (result.ok) expect(isNextStatus(status, result.state.status)).toBe(true);
        else expect(result.message.length).toBeGreaterThan(10);
      }
    }
  });

  it("never moves a status backwards over thousands of random event sequences", () => {
    const rng = createRng(0xdec1de);
    const people = ["U1", "U2", "U3"];
    for (let run = 0; run < 2_000; run++) {
      let state = proposedDecision(rng.pick(people), rng.pick(["flask", "django", "either"] as const));
      const history = [state.status];
      for (let step = 0; step < 6; step++) {
        const event: DecisionEvent = rng.chance(0.6)
          ? decide(rng.pick(people), {
              framework: rng.pick(["flask", "django"] as const),
              whoMayDecide: rng.pick(WHO_MAY_DECIDE),
            })
          : supersede(`later-${step}`);
        const before = state;
        const result = applyDecisionEvent(state, event);
        if (!result.ok) continue;
        state = result.state;
        expect(statusRank(state.status)).toBe(statusRank(before.status) + 1);
        // What was recorded when deciding is never rewritten by a later step.
        if (before.status === "decided") {
          expect(state.framework).toBe(before.framework);
          expect(state.decidedBy).toBe(before.decidedBy);
          expect(state.decidedAt).toBe(before.decidedAt);
        }
        history.push(state.status);
      }
      expect(history).toEqual(DECISION_STATUSES.slice(0, history.length));
    }
  });
});
