/**
 * Opens a Kysely instance for a parsed DATABASE_URL: better-sqlite3 (WAL, busy timeout) or a pg pool.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import { type DatabaseUrl, SQLITE_MEMORY } from "./database-url.js";
import type { Schema } from "./schema.js";

/** How long a SQLite statement waits for another process's write lock before failing. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
/** Connections per process to PostgreSQL. */
export const POSTGRES_POOL_SIZE = 10;

/**
 * int8 (bigint, count(*)) comes back from pg as a string by default, because it can exceed 2^53. Our
 * bigints are epoch milliseconds and counts, far below that, so they are read as numbers; this applies to
 * this pool only, not to pg's global parsers.
 */
const INT8_OID = 20;
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID && format !== "binary"
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? "text")) as pg.CustomTypesConfig["getTypeParser"],
};

function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== SQLITE_MEMORY) mkdirSync(dirname(resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  if (file !== SQLITE_MEMORY) sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // WAL makes NORMAL safe against corruption; a power cut can lose only the last commits.
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export interface Connection {
  db: Kysely<Schema>;
  /** The SQLite handle under `db` (the same object Kysely queries through); absent for PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
}

export function connect(url: DatabaseUrl, logger?: Logger): Connection {
  if (url.kind === "sqlite") {
    const sqlite = openSqlite(url.file);
    return { db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }), sqlite };
  }
  const pool = new pg.Pool({ connectionString: url.url, max: POSTGRES_POOL_SIZE, types: pgTypes });
  // An idle client can lose its connection (a server restart, a network blip); without a listener that
  // error would crash the process. The pool replaces the client on next use.
  pool.on("error", (err) =>
    logger?.warn({ err: { message: err.message } }, "PostgreSQL idle connection lost"),
  );
  return { db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }) };
}
