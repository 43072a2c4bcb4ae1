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

describe("SlackApi.run", () => {
  // files.uploadV2 makes three requests: its own budget is exactly its attempt, so the first attempt must
  // be judged at the call's start, not at a clock read a millisecond later.
  it("starts a three-request call whose budget is exactly its attempt, however the clock ticks", async () => {
    const now = tickingClock();
    const api = apiWith(now);
    let sent = 0;
    const finishBy = now() + DEFAULT_API_POLICY.workBudgetMs;
    const result = await api.run(
      "files.uploadV2",
      async () => {
        sent++;
        return "shared";
      },
      { finishBy, maxAttempts: 1, requests: 3 },
      silent,
    );
    expect(result).toBe("shared");
    expect(sent).toBe(1);
  });

  it("still refuses a call that could not end before the request's deadline", async () => {
    const now = tickingClock();
    const api = apiWith(now);
    let sent = 0;
    const finishBy = now() + 3 * DEFAULT_API_POLICY.attemptTimeoutMs - 1;
    await expect(
      api.run(
        "files.uploadV2",
        async () => {
          sent++;
          return "shared";
        },
        { finishBy, maxAttempts: 1, requests: 3 },
        silent,
      ),
    ).rejects.toThrow();
    expect(sent).toBe(0);
  });
});
