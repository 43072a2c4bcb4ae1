import type { Logger } from "pino";
import type { Knowledge } from "../engine/index.js";
import type { Database } from "../storage/index.js";
import type { AssistantContextStore } from "./services/assistant-threads.js";
import type { ChannelVisibility } from "./services/channel-visibility.js";
import type { DecisionLog } from "./services/decision-log.js";
import type { InFlight } from "./services/in-flight.js";
import type { ChannelRecommendations } from "./services/latest-recommendations.js";
import type { Once } from "./services/once.js";
import type { PublishedHomes } from "./services/published-homes.js";
import type { RecommendationThreads } from "./services/recommendation-threads.js";
import type { RecommendationRefresher } from "./services/refresh-recommendation.js";
import type { ReminderSweep } from "./services/reminder-sweep.js";
import type { RevisitReminders } from "./services/revisit-reminders.js";
import type { SettingsAdmins } from "./services/settings-admins.js";
import type { SlackApi } from "./services/slack-api.js";
import type { WorkLocks } from "./services/work-locks.js";
import type { WorkspaceLinks } from "./services/workspace-links.js";

/** What every listener shares: built once per app by the factory, never global. */
export interface Deps {
  knowledge: Knowledge;
  logger: Logger;
  threads: RecommendationThreads;
  /** Exactly-once guard for events, messages and submitted forms, shared by every instance on the database. */
  once: Once;
  /** Requests still being worked on after their ack: capped, watched by /healthz, awaited on shutdown. */
  inFlight: InFlight;
  /** The Web API clients and their deadlines; each request's calls are `context.api`. */
  api: SlackApi;
  /** The agent side pane's context per thread (Bolt's AssistantThreadContextStore): the channel beside it. */
  paneContexts: AssistantContextStore;
  /** Which channels are public, learned from message events: a private channel's decisions show only to those who took part. */
  channels: ChannelVisibility;
  /** Each channel's latest recommendation, which the pane answers about. */
  recommendations: ChannelRecommendations;
  /** A team's decisions (the database's); when set, the pane offers "Show our team's decisions". */
  decisionLog?: DecisionLog;
  /** The storage: installations, recommendations, feedback, exactly-once claims. Listeners' only way to it. */
  database: Database;
  /** True when installed in many workspaces (OAuth): tokens come from each workspace's installation. */
  manyWorkspaces: boolean;
  /** Who may change a workspace's settings in App Home (its installer, or SETTINGS_ADMINS). */
  settingsAdmins: SettingsAdmins;
  /** What this process last published on each person's Home tab (its hash, filter and notice). */
  homes: PublishedHomes;
  /** One export of a decision at a time, across instances (a double click makes one canvas). */
  locks: WorkLocks;
  /** Each workspace's address, for links to messages and canvases without a call per link (App Home, the
   * decisions a message supersedes, the workflow step's message_link). */
  links: WorkspaceLinks;
  /** Re-renders a recommendation message from what is stored, at most once a second per channel. */
  refresher: RecommendationRefresher;
  /** Reminders to revisit a decision: scheduled, waiting for Slack's horizon, cancelled. */
  revisits: RevisitReminders;
  /** Hands waiting reminders to Slack as they come within range; main.ts starts and stops it. */
  reminderSweep: ReminderSweep;
}
