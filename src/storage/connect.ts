/**
 * Opens a Kysely instance for a parsed DATABASE_URL: better-sqlite3 (WAL, busy timeout) or a pg pool.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SqliteDatabase from "better-sqlite3";
import {
  Kysely,
  type SqliteDatabase as KyselySqliteDatabase,
  PostgresDialect,
  SqliteDialect,
  sql,
} from "kysely";
import pg from "pg";
import type { Logger } from "pino";
import { type DatabaseUrl, describeDatabaseUrl, SQLITE_MEMORY } from "./database-url.js";
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

/** The database could not be opened or reached; the message names DATABASE_URL, never a password. */
export class DatabaseConnectError extends Error {
  override readonly name = "DatabaseConnectError";
}

function openSqlite(file: string): SqliteDatabase.Database {
  try {
    if (file !== SQLITE_MEMORY) mkdirSync(dirname(resolve(file)), { recursive: true });
    const sqlite = new SqliteDatabase(file);
    if (file !== SQLITE_MEMORY) sqlite.pragma("journal_mode = WAL");
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // WAL makes NORMAL safe against corruption; a power cut can lose only the last commits.
    sqlite.pragma("synchronous = NORMAL");
    return sqlite;
  } catch (err) {
    throw new DatabaseConnectError(
      `Cannot open the SQLite database ${resolve(file)} (DATABASE_URL): ${(err as Error).message}.`,
      { cause: err },
    );
  }
}

/** Fails fast, and clearly, when PostgreSQL cannot be reached or refuses the login. */
export async function checkPostgres(db: Kysely<Schema>, url: DatabaseUrl): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    throw new DatabaseConnectError(
      `Cannot connect to PostgreSQL (DATABASE_URL, ${describeDatabaseUrl(url)}): ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** Distinct SQL texts whose compiled statements are kept (ours are a few dozen). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely calls better-sqlite3's prepare() for every query, and compiling the SQL costs more than running
 * it. Our queries are a small fixed set of SQL texts (values are parameters), so the compiled statements
 * are kept and reused. Safe here: one connection behind Kysely's mutex, and statements run to completion
 * synchronously (all/run), so none is ever in use twice at once. SQLite re-prepares a kept statement by
 * itself after a schema change.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): KyselySqliteDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE)
          statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

export interface Connection {
  db: Kysely<Schema>;
  /** The SQLite handle under `db` (the same object Kysely queries through); absent for PostgreSQL. */
  sqlite?: SqliteDatabase.Database;
}

export function connect(url: DatabaseUrl, logger?: Logger): Connection {
  if (url.kind === "sqlite") {
    const sqlite = openSqlite(url.file);
    return {
      db: new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) }),
      sqlite,
    };
  }
  const pool = new pg.Pool({ connectionString: url.url, max: POSTGRES_POOL_SIZE, types: pgTypes });
  // An idle client can lose its connection (a server restart, a network blip); without a listener that
  // error would crash the process. The pool replaces the client on next use.
  pool.on("error", (err) =>
    logger?.warn({ err: { message: err.message } }, "PostgreSQL idle connection lost"),
  );
  return { db: new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }) };
}
