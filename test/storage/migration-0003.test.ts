import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { connect } from "../../src/storage/connect.js";
import { parseDatabaseUrl } from "../../src/storage/database-url.js";
import { openDatabase } from "../../src/storage/index.js";
import * as initial from "../../src/storage/migrations/0001-initial.js";
import * as decisions from "../../src/storage/migrations/0002-decisions.js";
import { SHARED_BACKENDS, TEST_KEY, useBackends } from "./backends.js";

const backends = useBackends();

describe.each(SHARED_BACKENDS)("migration 0003 on %s", (backend) => {
  it("keeps a reminder scheduled before it as scheduled, and cancelling it works", async () => {
    const url = await backends.emptyUrl(backend);
    const { db } = connect(parseDatabaseUrl(url));
    try {
      const migrator = new Migrator({
        db,
        provider: { getMigrations: async () => ({ "0001-initial": initial, "0002-decisions": decisions }) },
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      // As 0002's code wrote it: no status column yet.
      await sql`insert into revisit_reminders (team_id, channel_id, scheduled_message_id, enterprise_id,
        decision_channel_id, decision_ts, post_at, created_by, created_at)
        values ('T1', 'C1', 'Q1', null, 'C1', '1700000000.000100', ${4_000_000_000_000}, 'U1', 1000)`.execute(
        db,
      );
    } finally {
      await db.destroy();
    }
    const database = await openDatabase(url, { encryptionKey: TEST_KEY });
    try {
      const key = { teamId: "T1", decisionChannelId: "C1", decisionTs: "1700000000.000100" };
      expect(await database.reminders.find(key)).toMatchObject({
        status: "scheduled",
        scheduledMessageId: "Q1",
        cancelledAt: null,
      });
      expect(await database.reminders.cancel(key, "U2")).toMatchObject({ status: "cancelled" });
      expect(await database.reminders.listPending("T1")).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
