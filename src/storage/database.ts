/**
 * `openDatabase(url)`: connects (SQLite or PostgreSQL), brings the schema up to date, and returns the
 * repositories. Nothing happens at import.
 *
 *   const database = await openDatabase(process.env.DATABASE_URL, {
 *     encryptionKey: parseEncryptionKey(process.env.TOKEN_ENCRYPTION_KEY),
 *     logger,
 *   });
 *   new App({ installationStore: database.installations, … });
 *   …
 *   await database.close();
 */
import { type Kysely, type MigrationResult, Migrator } from "kysely";
import type { Logger } from "pino";
import { checkPostgres, connect } from "./connect.js";
import { type DatabaseUrl, describeDatabaseUrl, parseDatabaseUrl } from "./database-url.js";
import { type DecisionRepository, decisionRepository } from "./decisions.js";
import { type FeedbackRepository, feedbackRepository } from "./feedback.js";
import { type HandledEventRepository, handledEventRepository } from "./handled-events.js";
import { type InstallationRepository, installationRepository } from "./installations.js";
import { migrationProvider } from "./migrations/index.js";
import { type RecommendationRepository, recommendationRepository } from "./recommendations.js";
import { type ReminderRepository, reminderRepository } from "./revisit-reminders.js";
import type { Clock } from "./rows.js";
import type { Schema } from "./schema.js";
import { type TeamSettingsRepository, teamSettingsRepository } from "./team-settings.js";
import { createTokenCipher, type TokenCipher } from "./token-crypto.js";
import { type ViewRepository, viewRepository } from "./views.js";
import { type VoteRepository, voteRepository } from "./votes.js";

export interface OpenDatabaseOptions {
  logger?: Logger;
  /**
   * The key installations are encrypted with: 32 bytes (see `parseEncryptionKey`), or a cipher with key
   * versions for rotation. Without it everything works except storing and fetching installations.
   */
  encryptionKey?: Buffer | TokenCipher;
  /** Epoch milliseconds; tests move it. Default Date.now. */
  now?: Clock;
}

export interface Database {
  readonly kind: DatabaseUrl["kind"];
  /** The typed query builder, for what the repositories do not cover. */
  readonly db: Kysely<Schema>;
  readonly installations: InstallationRepository;
  readonly recommendations: RecommendationRepository;
  readonly feedback: FeedbackRepository;
  readonly handledEvents: HandledEventRepository;
  /** Decisions the team owns (migration 0002): teammates' own answers, votes, the decision log, settings, reminders. */
  readonly views: ViewRepository;
  readonly votes: VoteRepository;
  readonly decisions: DecisionRepository;
  readonly teamSettings: TeamSettingsRepository;
  readonly reminders: ReminderRepository;
  /** Closes the connection (SQLite) or the pool (PostgreSQL). Safe to call twice. */
  close(): Promise<void>;
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

/**
 * Applies every pending migration; returns the names applied (none when already up to date).
 *
 * Several instances may start at once. On PostgreSQL, Kysely's Migrator takes an advisory lock and runs
 * in a transaction. On SQLite it takes no lock (it assumes one process), so when given the SQLite handle
 * the whole run happens inside BEGIN IMMEDIATE on it: another process waits for the write lock and then
 * finds the work done, and a failed migration is rolled back whole.
 */
export async function migrateToLatest(db: Kysely<Schema>, sqlite?: SqliteHandle): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  if (sqlite !== undefined) await beginImmediate(sqlite);
  let outcome: Awaited<ReturnType<Migrator["migrateToLatest"]>>;
  try {
    outcome = await migrator.migrateToLatest();
  } catch (err) {
    outcome = { error: err };
  }
  if (sqlite?.inTransaction) sqlite.exec(outcome.error === undefined ? "COMMIT" : "ROLLBACK");
  const { error, results = [] } = outcome;
  const failed = results.find((r: MigrationResult) => r.status === "Error");
  if (error !== undefined) {
    const cause = error instanceof Error ? error.message : String(error);
    const which = failed === undefined ? "" : ` (migration ${failed.migrationName})`;
    throw new MigrationError(`Could not bring the database schema up to date${which}: ${cause}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** The part of a better-sqlite3 Database that migrateToLatest uses. */
export interface SqliteHandle {
  exec(source: string): unknown;
  pragma(source: string, options: { simple: true }): unknown;
  readonly inTransaction: boolean;
}

/** How long start-up waits for another process's migration (or any write) to finish. */
const MIGRATION_LOCK_WAIT_MS = 30_000;

/**
 * BEGIN IMMEDIATE, waiting for the write lock without blocking the event loop: better-sqlite3 waits
 * synchronously (busy_timeout), which would also stall whatever else this process is doing, including
 * another connection that holds the lock. So: no busy wait, and short asynchronous retries instead.
 */
async function beginImmediate(sqlite: SqliteHandle): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_WAIT_MS;
  const busyTimeout = Number(sqlite.pragma("busy_timeout", { simple: true }));
  sqlite.pragma("busy_timeout = 0", { simple: true });
  try {
    for (;;) {
      try {
        sqlite.exec("BEGIN IMMEDIATE");
        return;
      } catch (err) {
        if ((err as { code?: unknown }).code !== "SQLITE_BUSY" || Date.now() >= deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  } finally {
    sqlite.pragma(`busy_timeout = ${busyTimeout}`, { simple: true });
  }
}

/**
 * Opens the database named by `url` (a DATABASE_URL string, unset = the default SQLite file, or an
 * already parsed one), runs pending migrations, and returns the repositories.
 * @throws DatabaseUrlError for a bad URL, DatabaseConnectError when it cannot open or connect,
 *   MigrationError when the schema cannot be brought up to date.
 */
export async function openDatabase(
  url: string | undefined | DatabaseUrl,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const parsed = typeof url === "object" ? url : parseDatabaseUrl(url);
  const { logger } = options;
  const now = options.now ?? Date.now;
  const cipher = Buffer.isBuffer(options.encryptionKey)
    ? createTokenCipher({ key: options.encryptionKey })
    : options.encryptionKey;

  const { db, sqlite } = connect(parsed, logger);
  try {
    if (parsed.kind === "postgres") await checkPostgres(db, parsed);
    const applied = await migrateToLatest(db, sqlite);
    logger?.info({ database: describeDatabaseUrl(parsed), migrations: applied }, "database ready");
  } catch (err) {
    await db.destroy().catch(() => {});
    throw err;
  }

  let closed: Promise<void> | undefined;
  return {
    kind: parsed.kind,
    db,
    installations: installationRepository(db, { cipher, now, logger }),
    recommendations: recommendationRepository(db, now),
    feedback: feedbackRepository(db, now),
    handledEvents: handledEventRepository(db, now),
    views: viewRepository(db, now),
    votes: voteRepository(db, now),
    decisions: decisionRepository(db, now),
    teamSettings: teamSettingsRepository(db, now),
    reminders: reminderRepository(db, now),
    close() {
      closed ??= db.destroy();
      return closed;
    },
  };
}
