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
export { StoredDataError } from "./rows.js";
export type { Schema } from "./schema.js";
export {
  createTokenCipher,
  ENCRYPTION_KEY_VARIABLE,
  parseEncryptionKey,
  type TokenCipher,
  TokenCryptoError,
} from "./token-crypto.js";
