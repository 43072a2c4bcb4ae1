import type { Logger } from "pino";
import type { ProjectProfile } from "../../engine/index.js";
import type { Database } from "../../storage/index.js";
import { tellerFor } from "./delivery.js";
import type { RecommendationRefresher } from "./refresh-recommendation.js";
import type { Workspace } from "./saved-recommendations.js";
import type { SlackCalls } from "./slack-api.js";

export const VIEW_NOT_SAVED =
  "I couldn't save your view: my database isn't answering right now. Please click *Add my view* again in a few minutes.";

/**
 * A teammate's own answers to a recommendation's questions, stored as **their** view: keyed by the
 * person who submitted them (Slack's `user.id` on the submission, never anything the form carried), so
 * nobody's answers can replace anyone else's, and the asker's stay as they are. The message is then
 * re-rendered to show where they differ and whether it changes the outcome.
 */
export async function saveOwnView(
  deps: { database: Database; refresher: RecommendationRefresher },
  api: SlackCalls,
  log: Logger,
  input: {
    workspace: Workspace | undefined;
    channel: string;
    messageTs: string;
    /** The person who submitted: `body.user.id`. */
    user: string;
    profile: ProjectProfile;
    responseUrl?: string;
  },
): Promise<void> {
  const { workspace, channel, messageTs, user, profile } = input;
  const tell = tellerFor(api, log, { channel, user, responseUrl: input.responseUrl });
  if (!workspace) {
    log.warn("a view without a team id; not stored");
    await tell(VIEW_NOT_SAVED);
    return;
  }
  try {
    await deps.database.views.upsert({
      teamId: workspace.teamId,
      enterpriseId: workspace.enterpriseId ?? null,
      channelId: channel,
      messageTs,
      userId: user,
      answers: profile.answers,
      needs: profile.needs,
      notes: profile.notes,
    });
  } catch (err) {
    log.error({ err, channel, messageTs }, "could not save a teammate's view");
    await tell(VIEW_NOT_SAVED);
    return;
  }
  log.info({ channel, messageTs }, "teammate's view saved");
  await deps.refresher
    .refresh({ ...workspace, channel, ts: messageTs }, api, log)
    .catch((err: unknown) => log.warn({ err, channel, messageTs }, "could not update the recommendation"));
}
