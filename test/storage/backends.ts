/**
 * The storage contract runs every test against each backend:
 *
 *   sqlite-memory   a fresh in-memory database per `fresh()`
 *   sqlite-file     a fresh file per `fresh()` in a temporary folder (WAL, like production)
 *   postgres        this file's own database (postgres.ts), emptied by each `fresh()`
 *
 * `fresh()` opens an empty, migrated Database; `another()` opens a second Database on the same storage,
 * as a second process would (not for sqlite-memory, which nothing else can see). Both are closed after
 * the test. Call `useBackends()` once at the top of a test file.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, onTestFinished } from "vitest";
import { DECISION_TABLE_NAMES, withDecisionTables } from "../../src/storage/decision-schema.js";
import { type Database, type OpenDatabaseOptions, openDatabase } from "../../src/storage/index.js";
import { createTestDatabase, type TestDatabase } from "./postgres.js";

export const BACKENDS = ["sqlite-memory", "sqlite-file", "postgres"] as const;
export type BackendName = (typeof BACKENDS)[number];
/** Backends another process can share. */
export const SHARED_BACKENDS = ["sqlite-file", "postgres"] as const;

/** A fixed test key (32 bytes); tests that need a wrong key make another. */
export const TEST_KEY = Buffer.alloc(32, 7);

const TABLES = [
  "installations",
  "recommendations",
  "feedback",
  "handled_events",
  ...DECISION_TABLE_NAMES,
] as const;

export interface Backends {
  /** An empty, migrated database on `backend`, closed after the test. */
  fresh(backend: BackendName, options?: OpenDatabaseOptions): Promise<Database>;
  /** A second Database on the storage the last `fresh()` opened. */
  another(backend: BackendName, options?: OpenDatabaseOptions): Promise<Database>;
  /** The DATABASE_URL of the storage the last `fresh()` opened. */
  urlOf(backend: BackendName): string;
  /** A brand-new, never-migrated storage location (for start-up tests). */
  emptyUrl(backend: Exclude<BackendName, "sqlite-memory">): Promise<string>;
}

export function useBackends(): Backends {
  let dir = "";
  let postgres: TestDatabase | undefined;
  const extraPostgres: TestDatabase[] = [];
  let currentFile = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "flask-or-django-storage-"));
    postgres = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all([postgres, ...extraPostgres].map((d) => d?.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async (url: string, options: OpenDatabaseOptions = {}) => {
    const database = await openDatabase(url, { encryptionKey: TEST_KEY, ...options });
    onTestFinished(() => database.close());
    return database;
  };

  const urlOf = (backend: BackendName): string => {
    switch (backend) {
      case "sqlite-memory":
        return "sqlite::memory:";
      case "sqlite-file":
        return `sqlite:${currentFile}`;
      case "postgres":
        if (postgres === undefined) throw new Error("no test database: useBackends() must run in beforeAll");
        return postgres.url;
    }
  };

  return {
    async fresh(backend, options) {
      if (backend === "sqlite-file") currentFile = join(dir, `${randomBytes(6).toString("hex")}.sqlite`);
      const database = await open(urlOf(backend), options);
      if (backend === "postgres") {
        const db = withDecisionTables(database.db);
        for (const table of TABLES) await db.deleteFrom(table).execute();
      }
      return database;
    },
    async another(backend, options) {
      if (backend === "sqlite-memory") throw new Error("an in-memory SQLite database cannot be shared");
      return open(urlOf(backend), options);
    },
    urlOf,
    async emptyUrl(backend) {
      if (backend === "sqlite-file")
        return `sqlite:${join(dir, `${randomBytes(6).toString("hex")}`, "new.sqlite")}`;
      const database = await createTestDatabase();
      extraPostgres.push(database);
      return database.url;
    },
  };
}
