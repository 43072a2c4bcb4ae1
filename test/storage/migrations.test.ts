import { existsSync } from "node:fs";
import { Writable } from "node:stream";
import { sql } from "kysely";
import pino from "pino";
import { describe, expect, it } from "vitest";
import {
  DatabaseConnectError,
  DatabaseUrlError,
  migrateToLatest,
  openDatabase,
} from "../../src/storage/index.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";
import { BACKENDS, SHARED_BACKENDS, useBackends } from "./backends.js";

const backends = useBackends();
const ALL = Object.keys(MIGRATIONS);

describe.each(BACKENDS)("migrations on %s", (backend) => {
  it("creates every table at start and records each migration once; running them again does nothing", async () => {
    const database = await backends.fresh(backend);
    const tables = (await database.db.introspection.getTables()).map((t) => t.name).sort();
    expect(tables).toEqual([
      "decisions",
      "feedback",
      "handled_events",
      "installations",
      "recommendations",
      "revisit_reminders",
      "team_settings",
      "views",
      "votes",
    ]);
    expect(await migrateToLatest(database.db)).toEqual([]);
    expect(await migrateToLatest(database.db)).toEqual([]);
    const recorded = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      database.db,
    );
    expect(recorded.rows.map((r) => r.name)).toEqual(ALL);
  });
});

describe.each(SHARED_BACKENDS)("start-up on %s", (backend) => {
  it("opens an existing database again without migrating it twice, and keeps its rows", async () => {
    const first = await backends.fresh(backend);
    expect(await first.handledEvents.claim("kept", 600)).toBe(true);
    await first.close();
    const second = await backends.another(backend);
    expect(await second.handledEvents.claim("kept", 600)).toBe(false);
    const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(second.db);
    expect(recorded.rows.map((r) => r.name)).toEqual(ALL);
  });

  it("lets two instances start at once on an empty database", async () => {
    const url = await backends.emptyUrl(backend);
    const [a, b] = await Promise.all([openDatabase(url), openDatabase(url)]);
    try {
      expect(await a.handledEvents.claim("k", 60)).toBe(true);
      expect(await b.handledEvents.claim("k", 60)).toBe(false);
      const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(a.db);
      expect(recorded.rows.map((r) => r.name)).toEqual(ALL);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe("SQLite specifics", () => {
  it("creates the file's folder, uses WAL and a busy timeout", async () => {
    const url = await backends.emptyUrl("sqlite-file");
    const file = url.slice("sqlite:".length);
    const database = await openDatabase(url);
    try {
      expect(existsSync(file)).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
      expect(mode.rows[0]?.journal_mode).toBe("wal");
      const timeout = await sql<{ timeout: number }>`pragma busy_timeout`.execute(database.db);
      expect(timeout.rows[0]?.timeout).toBe(5000);
    } finally {
      await database.close();
      await database.close(); // twice is fine
    }
  });
});

describe("openDatabase failures and logging", () => {
  it("rejects a bad DATABASE_URL before connecting", async () => {
    await expect(openDatabase("mysql://x")).rejects.toThrow(DatabaseUrlError);
  });

  it("rejects when PostgreSQL cannot be reached or refuses the login, naming DATABASE_URL, not the password", async () => {
    const unreachable = await openDatabase("postgres://nobody:hunter2@127.0.0.1:1/none").catch(
      (err: Error) => err,
    );
    expect(unreachable).toBeInstanceOf(DatabaseConnectError);
    expect((unreachable as Error).message).toMatch(
      /^Cannot connect to PostgreSQL \(DATABASE_URL, postgres postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none\): .*ECONNREFUSED/,
    );
    expect((unreachable as Error).message).not.toContain("hunter2");

    await backends.fresh("postgres");
    const wrongPassword = new URL(backends.urlOf("postgres"));
    wrongPassword.password = "hunter2";
    const refused = await openDatabase(wrongPassword.toString()).catch((err: Error) => err);
    expect(refused).toBeInstanceOf(DatabaseConnectError);
    expect((refused as Error).message).not.toContain("hunter2");
  });

  it("says which SQLite file it cannot open", async () => {
    const url = await backends.emptyUrl("sqlite-file");
    const file = url.slice("sqlite:".length);
    await openDatabase(url).then((d) => d.close()); // a file where the next URL wants a folder
    const err = await openDatabase(`sqlite:${file}/inside-a-file.sqlite`).catch((e: Error) => e);
    expect(err).toBeInstanceOf(DatabaseConnectError);
    expect((err as Error).message).toMatch(
      /^Cannot open the SQLite database .*inside-a-file\.sqlite \(DATABASE_URL\): /,
    );
  });

  it("logs which database it opened and the migrations applied, never the password", async () => {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, callback) {
        chunks.push(String(chunk));
        callback();
      },
    });
    const logger = pino({ level: "info" }, stream);
    await backends.fresh("postgres");
    const url = backends.urlOf("postgres");
    const password = decodeURIComponent(new URL(url).password);
    const database = await openDatabase(url, { logger });
    await database.close();
    const memory = await openDatabase("sqlite::memory:", { logger });
    await memory.close();
    const lines = chunks
      .join("")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => [l.msg, l.migrations])).toEqual([
      ["database ready", []],
      ["database ready", ALL],
    ]);
    expect(lines[0]?.database).toMatch(/^postgres postgres:\/\/.*\/fod_test_[0-9a-f]+$/);
    if (password !== "") expect(lines[0]?.database).toContain(":***@");
    if (password !== "") expect(chunks.join("")).not.toContain(password);
  });
});
