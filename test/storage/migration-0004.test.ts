import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { connect } from "../../src/storage/connect.js";
import { parseDatabaseUrl } from "../../src/storage/database-url.js";
import { openDatabase } from "../../src/storage/index.js";
import { MIGRATIONS } from "../../src/storage/migrations/index.js";
import { SHARED_BACKENDS, TEST_KEY, useBackends } from "./backends.js";

const backends = useBackends();

describe.each(SHARED_BACKENDS)("migration 0004 on %s", (backend) => {
  it("decisions recorded before it start as not public, and learn it from their channel", async () => {
    const url = await backends.emptyUrl(backend);
    const { db } = connect(parseDatabaseUrl(url));
    try {
      // Every migration before 0004, as a database written by 0003's code has them.
      const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0004"));
      const migrator = new Migrator({ db, provider: { getMigrations: async () => before } });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      // As 0003's code wrote it: no channel_public column yet.
      await sql`insert into decisions (team_id, channel_id, message_ts, enterprise_id, asked_by, recommended,
        status, created_at, updated_at)
        values ('T1', 'C1', '1700000000.000100', null, 'U1', 'django', 'proposed', 1000, 1000)`.execute(db);
    } finally {
      await db.destroy();
    }
    const database = await openDatabase(url, { encryptionKey: TEST_KEY });
    try {
      expect(await database.decisions.find("T1", "C1", "1700000000.000100")).toMatchObject({
        channelPublic: false,
      });
      expect(await database.decisions.listByTeam("T1", { visibleTo: "U2" })).toEqual([]);
      expect(await database.decisions.setChannelPublic("T1", "C1", true)).toBe(1);
      expect(await database.decisions.listByTeam("T1", { visibleTo: "U2" })).toHaveLength(1);
    } finally {
      await database.close();
    }
  });
});
