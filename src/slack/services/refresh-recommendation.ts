import type { Logger } from "pino";
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

/**
 * Re-renders a recommendation message from what is stored (its answers, decision, views, votes,
 * reminders) and updates it with chat.update, at most once a second per channel in this process:
 * a burst of votes is coalesced into a trailing update that shows the latest state.
 */
export class RecommendationRefresher {
  constructor(
    private readonly deps: TeamStateDeps,
    private readonly throttle: ChannelThrottle,
  ) {}

  /**
   * Resolves once an update showing at least this moment's state has been sent; rejects when that
   * update failed. `fallback` is sent instead when the database cannot be read (an edit's own message).
   */
  refresh(place: MessagePlace, api: SlackCalls, log: Logger, fallback?: OutgoingMessage): Promise<void> {
    return this.throttle.submit(`${place.teamId}:${place.channel}`, place.ts, async () => {
      let message = fallback;
      try {
        message = (await renderStored(this.deps, api, log, place))?.message ?? fallback;
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
        return;
      }
      await api.update({ channel: place.channel, ts: place.ts, ...message });
    });
  }
}
