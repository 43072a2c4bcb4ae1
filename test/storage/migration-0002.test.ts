import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { connect } from "../../src/storage/connect.js";
import { parseDatabaseUrl } from "../../src/storage/database-url.js";
import { openDatabase } from "../../src/storage/index.js";
import * as initial from "../../src/storage/migrations/0001-initial.js";
import { recommendationRepository } from "../../src/storage/recommendations.js";
import { SHARED_BACKENDS, TEST_KEY, useBackends } from "./backends.js";
import { recommendation } from "./fixtures.js";

const backends = useBackends();

describe.each(SHARED_BACKENDS)("migration 0002 on %s", (backend) => {
  it("upgrades a database made by 0001 alone, keeping its rows, and the new tables work", async () => {
    const url = await backends.emptyUrl(backend);
    // A database as the previous release left it: only the first migration applied, one row written.
    const { db } = connect(parseDatabaseUrl(url));
    const kept = recommendation({ teamId: "T1", channelId: "C1" });
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => ({ "0001-initial": initial }) },
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      await recommendationRepository(db, () => 1_000).upsert(kept);
    } finally {
      await db.destroy();
    }
    const database = await openDatabase(url, { encryptionKey: TEST_KEY });
    try {
      expect(await database.recommendations.find("T1", "C1", kept.messageTs)).toMatchObject({
        verdict: kept.verdict,
        createdAt: 1_000,
      });
      const proposed = await database.decisions.propose({
        teamId: "T1",
        channelId: "C1",
        messageTs: kept.messageTs,
        askedBy: kept.userId,
        recommended: kept.verdict,
      });
      expect(proposed.status).toBe("proposed");
    } finally {
      await database.close();
    }
  });
});
