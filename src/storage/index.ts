/** The storage layer: one schema, versioned migrations, SQLite or PostgreSQL behind the same repositories. */
export { DatabaseConnectError } from "./connect.js";
export {
  type Database,
  MigrationError,
  migrateToLatest,
  type OpenDatabaseOptions,
  openDatabase,
} from "./database.js";
export {
  type DatabaseUrl,
  DatabaseUrlError,
  DEFAULT_DATABASE_URL,
  describeDatabaseUrl,
  parseDatabaseUrl,
} from "./database-url.js";
export {
  DECIDED_FRAMEWORKS,
  type DecidedFramework,
  type DecideInput,
  type DecideResult,
  type DecisionListOptions,
  type DecisionRepository,
  MAX_REASON_LENGTH,
  type ProposalInput,
  type StoredDecision,
} from "./decisions.js";
export {
  FEEDBACK_VALUES,
  type FeedbackInput,
  type FeedbackRepository,
  type FeedbackValue,
  type StoredFeedback,
} from "./feedback.js";
export { type HandledEventRepository, PURGE_INTERVAL_MS } from "./handled-events.js";
export {
  type DeletedTeamData,
  InstallationNotFoundError,
  type InstallationRepository,
  type InstallationTarget,
  installationKey,
} from "./installations.js";
export {
  type RecommendationInput,
  type RecommendationRepository,
  type StoredRecommendation,
  type StoredVerdict,
  VERDICTS,
} from "./recommendations.js";
export {
  LIVE_REMINDER_STATUSES,
  REMINDER_KINDS,
  REMINDER_STATUSES,
  type ReminderInput,
  type ReminderKey,
  type ReminderKind,
  type ReminderRepository,
  type ReminderStatus,
  type ScheduledReminderInput,
  type StoredReminder,
} from "./revisit-reminders.js";
export { StoredDataError } from "./rows.js";
export type { Schema } from "./schema.js";
export {
  defaultTeamSettings,
  type TeamSettings,
  type TeamSettingsRepository,
  type TeamSettingsUpdate,
} from "./team-settings.js";
export {
  createTokenCipher,
  ENCRYPTION_KEY_VARIABLE,
  parseEncryptionKey,
  type TokenCipher,
  TokenCryptoError,
} from "./token-crypto.js";
export type { StoredView, ViewInput, ViewRepository } from "./views.js";
export {
  type FrameworkVotes,
  type StoredVote,
  tallyAgainst,
  VOTE_VALUES,
  type VoteInput,
  type VoteRepository,
  type VoteTally,
  type VoteValue,
} from "./votes.js";
