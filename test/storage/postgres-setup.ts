/**
 * vitest globalSetup: a PostgreSQL server for the storage contract suite.
 *
 * - TEST_DATABASE_URL set: that server is used (the role must be allowed to CREATE DATABASE; each test
 *   file makes its own database and drops it afterwards).
 * - Otherwise: a throwaway cluster (throwaway-postgres.ts) from Debian's server binaries, on 127.0.0.1
 *   and a free port, stopped and deleted at teardown.
 *
 * Missing binaries fail the run with what to install: the storage tests are never silently skipped.
 */
import type { TestProject } from "vitest/node";
import { checkConnection, startThrowawayPostgres } from "./throwaway-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose role may create databases (see test/storage/postgres.ts). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given !== undefined && given.trim() !== "") {
    await checkConnection(given, "TEST_DATABASE_URL");
    project.provide("postgresAdminUrl", given);
    return undefined;
  }
  const server = await startThrowawayPostgres();
  project.provide("postgresAdminUrl", server.url);
  return () => server.stop();
}
