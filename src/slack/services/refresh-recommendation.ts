import type { Logger } from "pino";
import { isDeadlineError, isRetryable, slackErrorCode } from "../slack-errors.js";
import type { ChannelThrottle } from "./channel-throttle.js";
import { recommendationMessage } from "./compose-recommendation.js";
import type { OutgoingMessage } from "./delivery.js";
import type { SlackCalls } from "./slack-api.js";
import { loadTeamState, type MessagePlace, type TeamState, type TeamStateDeps } from "./team-state.js";

/** The recommendation message as stored now: its answers and everything the team added. */
export async function renderStored(
  deps: TeamStateDeps,
  api: SlackCalls,
  log: Logger,
  place: MessagePlace,
): Promise<{ message: OutgoingMessage; state: TeamState } | undefined> {
  const state = await loadTeamState(deps, api, log, place);
  if (!state) return undefined;
  const { recommendation: row } = state;
  // Only the asker edits their answers (a teammate's go to their own view), so an edit is theirs.
  const editedBy = row.editedAt !== null ? row.userId : undefined;
  const { message } = recommendationMessage(
    deps.knowledge,
    state.profile,
    row.userId,
    editedBy,
    state.team,
    state.rec,
  );
  return { message, state };
}

/** An update that failed for a passing reason (rate limited, out of time, Slack's trouble): worth one more try. */
function worthRetry(err: unknown): boolean {
  return isRetryable(err) || isDeadlineError(err);
}

/**
 * Re-renders a recommendation message from what is stored (its answers, decision, views, votes,
 * reminders) and updates it with chat.update, at most once a second per channel in this process:
 * a burst of votes is coalesced into a trailing update that shows the latest state. An update that
 * fails for a passing reason is tried once more, an interval later. Each update's calls are made when it
 * runs, with a deadline of their own (the requester's may have passed while it waited its turn).
 */
export class RecommendationRefresher {
  /** An edit's own message, for its item until an update runs: kept when a later refresh replaces the edit's. */
  private readonly fallbacks = new Map<string, OutgoingMessage>();

  constructor(
    private readonly deps: TeamStateDeps,
    private readonly throttle: ChannelThrottle,
  ) {}

  /**
   * Resolves once an update showing at least this moment's state has been sent; rejects when that
   * update (and its one retry) failed. `fallback` is sent instead when the database cannot be read (an
   * edit's own message).
   */
  async refresh(
    place: MessagePlace,
    api: SlackCalls,
    log: Logger,
    fallback?: OutgoingMessage,
  ): Promise<void> {
    const channel = `${place.teamId}:${place.channel}`;
    const item = `${channel}:${place.ts}`;
    if (fallback) this.fallbacks.set(item, fallback);
    const run = (retry: boolean) =>
      this.throttle.submit(channel, place.ts, async (): Promise<"retry" | undefined> => {
        const calls = api.renewed();
        const saved = this.fallbacks.get(item);
        this.fallbacks.delete(item);
        let message = saved;
        try {
          message = (await renderStored(this.deps, calls, log, place))?.message ?? saved;
        } catch (err) {
          log.error(
            { err, channel: place.channel, ts: place.ts },
            "could not read the recommendation to refresh it",
          );
        }
        if (!message) {
          log.warn(
            { channel: place.channel, ts: place.ts },
            "nothing stored to refresh the recommendation from",
          );
          return undefined;
        }
        try {
          await calls.update({ channel: place.channel, ts: place.ts, ...message });
          return undefined;
        } catch (err) {
          if (retry || !worthRetry(err)) throw err;
          log.warn({ err, code: slackErrorCode(err), ts: place.ts }, "chat.update failed; trying once more");
          if (saved && !this.fallbacks.has(item)) this.fallbacks.set(item, saved);
          return "retry";
        }
      });
    if ((await run(false)) === "retry") await run(true);
  }
}
