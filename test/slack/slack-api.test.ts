import pino from "pino";
import { describe, expect, it } from "vitest";
import { toBoltLogger } from "../../src/logger.js";
import { DEFAULT_API_POLICY, SlackApi } from "../../src/slack/services/slack-api.js";

/** A clock that moves on by a millisecond each time it is read, as a busy machine's does. */
function tickingClock(start = 1_700_000_000_000): () => number {
  let t = start;
  return () => t++;
}

const silent = pino({ level: "silent" });

function apiWith(now: () => number): SlackApi {
  return new SlackApi({
    policy: DEFAULT_API_POLICY,
    clientLogger: () => toBoltLogger(silent),
    trustsResponseUrl: (url: unknown): url is string => typeof url === "string",
    now,
  });
}

/**
 * An upload (three requests, one attempt) on a clock that ticks at every read, to finish `budgetMs` after
 * the clock's first reading: what it returned or threw, and how often it was sent.
 */
async function uploadWithin(budgetMs: number): Promise<{ outcome: Promise<string>; sent: () => number }> {
  const now = tickingClock();
  const api = apiWith(now);
  let sent = 0;
  const finishBy = now() + budgetMs;
  const outcome = api.run(
    "files.uploadV2",
    async () => {
      sent++;
      return "shared";
    },
    { finishBy, maxAttempts: 1, requests: 3 },
    silent,
  );
  outcome.catch(() => undefined);
  return { outcome, sent: () => sent };
}

describe("SlackApi.run", () => {
  // files.uploadV2 makes three requests: its own budget is exactly its attempt, so the first attempt must
  // be judged at the call's start, not at a clock read a millisecond later.
  it("starts a three-request call whose budget is exactly its attempt, however the clock ticks", async () => {
    const upload = await uploadWithin(DEFAULT_API_POLICY.workBudgetMs);
    await expect(upload.outcome).resolves.toBe("shared");
    expect(upload.sent()).toBe(1);
  });

  it("still refuses a call that could not end before the request's deadline", async () => {
    const upload = await uploadWithin(3 * DEFAULT_API_POLICY.attemptTimeoutMs - 1);
    await expect(upload.outcome).rejects.toThrow();
    expect(upload.sent()).toBe(0);
  });
});
