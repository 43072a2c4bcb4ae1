/**
 * One PostgreSQL database per test file (vitest runs files in parallel): created on the server the
 * globalSetup provides (postgres-setup.ts), dropped afterwards.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database; its URL differs from the admin URL only in the database name. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `fod_test_${randomBytes(6).toString("hex")}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await admin((client) => client.query(`CREATE DATABASE "${name}"`));
      break;
    } catch (err) {
      // Two CREATE DATABASE at once can collide on the template ("source database … is being accessed").
      if (attempt >= 5 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
  const url = new URL(inject("postgresAdminUrl"));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
