/**
 * `DATABASE_URL` → which backend to open.
 *
 *   sqlite:./var/flask-or-django.sqlite   a file (the default when DATABASE_URL is unset or blank)
 *   sqlite:/srv/app/data.sqlite           an absolute path (sqlite:///srv/app/data.sqlite also works)
 *   sqlite::memory:                       in memory, gone when the process ends (tests)
 *   postgres://user:pass@host:5432/db     PostgreSQL (postgresql:// too; pg's query options apply)
 *
 * Messages never echo the URL itself: a PostgreSQL URL usually holds a password.
 */
import { z } from "zod";

export type DatabaseUrl = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "sqlite:./var/flask-or-django.sqlite";
export const SQLITE_MEMORY = ":memory:";

const EXAMPLES = `sqlite:./var/flask-or-django.sqlite (the default), sqlite::memory: or postgres://user:password@host:5432/database`;

/** Thrown by `parseDatabaseUrl`; the message names DATABASE_URL and what to write instead. */
export class DatabaseUrlError extends Error {
  override readonly name = "DatabaseUrlError";
}

const databaseUrlSchema = z
  .string()
  .optional()
  .transform((raw, ctx): DatabaseUrl => {
    const value = (raw ?? "").trim() === "" ? DEFAULT_DATABASE_URL : (raw ?? "").trim();
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
    if (scheme === "sqlite") {
      // sqlite:PATH, or the URL-ish sqlite://PATH (so sqlite:///abs/path is /abs/path).
      let file = value.slice("sqlite:".length);
      if (file.startsWith("//")) file = file.slice(2);
      if (file === "") return fail(`DATABASE_URL names no SQLite file: write sqlite:PATH, e.g. ${EXAMPLES}.`);
      if (file.includes("\0")) return fail("DATABASE_URL holds a NUL character in the SQLite file path.");
      return { kind: "sqlite", file };
    }
    if (scheme === "postgres" || scheme === "postgresql") {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return fail(
          `DATABASE_URL is not a valid PostgreSQL URL (expected postgres://user:password@host:5432/database; characters such as @ : / in the password must be percent-encoded).`,
        );
      }
      if (url.hostname === "" && !url.searchParams.has("host")) {
        return fail(
          "DATABASE_URL names no PostgreSQL host: write postgres://user:password@host:5432/database (or ?host=/path/to/socket-dir for a Unix socket).",
        );
      }
      return { kind: "postgres", url: value };
    }
    if (scheme === undefined) {
      return fail(`DATABASE_URL must start with sqlite: or postgres://, e.g. ${EXAMPLES}.`);
    }
    return fail(
      `DATABASE_URL uses "${scheme}:", which is not supported: use SQLite or PostgreSQL, e.g. ${EXAMPLES}.`,
    );
  });

/**
 * Parses `DATABASE_URL` (unset or blank = the default SQLite file).
 * @throws DatabaseUrlError naming DATABASE_URL and the accepted forms.
 */
export function parseDatabaseUrl(value: string | undefined): DatabaseUrl {
  const result = databaseUrlSchema.safeParse(value);
  if (!result.success) {
    throw new DatabaseUrlError(result.error.issues.map((issue) => issue.message).join("\n"));
  }
  return result.data;
}

/** A description safe to log: the SQLite path, or the PostgreSQL URL with its password masked. */
export function describeDatabaseUrl(url: DatabaseUrl): string {
  if (url.kind === "sqlite") return url.file === SQLITE_MEMORY ? "sqlite (in memory)" : `sqlite ${url.file}`;
  try {
    const parsed = new URL(url.url);
    if (parsed.password !== "") parsed.password = "***";
    parsed.search = "";
    return `postgres ${parsed.toString()}`;
  } catch {
    return "postgres";
  }
}
