import { describe, expect, it } from "vitest";
import {
  DatabaseUrlError,
  DEFAULT_DATABASE_URL,
  describeDatabaseUrl,
  parseDatabaseUrl,
} from "../../src/storage/index.js";

describe("parseDatabaseUrl", () => {
  it("defaults to the SQLite file when DATABASE_URL is unset or blank", () => {
    const expected = { kind: "sqlite", file: "./var/flask-or-django.sqlite" };
    expect(DEFAULT_DATABASE_URL).toBe("sqlite:./var/flask-or-django.sqlite");
    expect(parseDatabaseUrl(undefined)).toEqual(expected);
    expect(parseDatabaseUrl("")).toEqual(expected);
    expect(parseDatabaseUrl("   ")).toEqual(expected);
  });

  it("reads SQLite files and memory", () => {
    expect(parseDatabaseUrl("sqlite::memory:")).toEqual({ kind: "sqlite", file: ":memory:" });
    expect(parseDatabaseUrl("sqlite:./data/x.sqlite")).toEqual({ kind: "sqlite", file: "./data/x.sqlite" });
    expect(parseDatabaseUrl("sqlite:/srv/app/x.db")).toEqual({ kind: "sqlite", file: "/srv/app/x.db" });
    expect(parseDatabaseUrl("sqlite:///srv/app/x.db")).toEqual({ kind: "sqlite", file: "/srv/app/x.db" });
    expect(parseDatabaseUrl(" SQLITE:x.db ")).toEqual({ kind: "sqlite", file: "x.db" });
  });

  it("reads PostgreSQL URLs in both spellings, as given", () => {
    for (const url of [
      "postgres://app:secret@db.internal:5432/flask",
      "postgresql://app@localhost/flask?sslmode=require",
      "postgres:///flask?host=/var/run/postgresql",
    ]) {
      expect(parseDatabaseUrl(url)).toEqual({ kind: "postgres", url });
    }
  });

  it.each([
    ["sqlite:", /DATABASE_URL names no SQLite file/],
    ["mysql://root@localhost/db", /DATABASE_URL uses "mysql:", which is not supported/],
    ["./var/db.sqlite", /DATABASE_URL must start with sqlite: or postgres:\/\//],
    ["postgres://", /DATABASE_URL names no PostgreSQL host/],
    ["postgres://app@db:99999/flask", /DATABASE_URL is not a valid PostgreSQL URL/],
  ])("rejects %j with a message naming DATABASE_URL", (value, message) => {
    expect(() => parseDatabaseUrl(value)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(value)).toThrow(message);
  });

  it("never echoes a password in its messages", () => {
    try {
      parseDatabaseUrl("postgres://user:hunter2@[bad/db");
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/DATABASE_URL/);
      expect((err as Error).message).not.toContain("hunter2");
    }
  });
});

describe("describeDatabaseUrl", () => {
  it("masks the password and drops query options", () => {
    const text = describeDatabaseUrl(parseDatabaseUrl("postgres://app:hunter2@db:5432/flask?password=x"));
    expect(text).toBe("postgres postgres://app:***@db:5432/flask");
    expect(describeDatabaseUrl(parseDatabaseUrl("sqlite::memory:"))).toBe("sqlite (in memory)");
    expect(describeDatabaseUrl(parseDatabaseUrl("sqlite:./x.sqlite"))).toBe("sqlite ./x.sqlite");
  });
});
