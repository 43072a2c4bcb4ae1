import { Migrator, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { connect } from "../../src/storage/connect.js";
import { parseDatabaseUrl } from "../../src/storage/database-url.js";
import { openDatabase } from "../../src/storage/index.js";
import * as initial from "../../src/storage/migrations/0001-initial.js";
import * as decisions from "../../src/storage/migrations/0002-decisions.js";
import * as reminderStates from "../../src/storage/migrations/0003-reminder-states.js";
import { migrationProvider } from "../../src/storage/migrations/index.js";
import { SHARED_BACKENDS, TEST_KEY, useBackends } from "./backends.js";

const backends = useBackends();

const FAR = 4_000_000_000_000;
const TS: string[] = ["1700000000.000100", "1700000000.000200", "1700000000.000300", "1700000000.000400"];

describe.each(SHARED_BACKENDS)("migration 0005 on %s", (backend) => {
  it("keys reminders by their decision (waiting ids become null) and turns votes into frameworks", async () => {
    const url = await backends.emptyUrl(backend);
    const { db } = connect(parseDatabaseUrl(url));
    try {
      const migrator = new Migrator({
        db,
        provider: {
          getMigrations: async () => ({
            "0001-initial": initial,
            "0002-decisions": decisions,
            "0003-reminder-states": reminderStates,
          }),
        },
      });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      // As 0003's code wrote them: a reminder Slack held, one still waiting with its placeholder id.
      await sql`insert into revisit_reminders (team_id, channel_id, scheduled_message_id, enterprise_id,
        decision_channel_id, decision_ts, post_at, created_by, created_at, status)
        values ('T1', 'C1', 'Q1', null, 'C1', ${TS[0]}, ${FAR}, 'U1', 1000, 'scheduled'),
               ('T1', 'C1', ${`waiting:${TS[1]}`}, 'E1', 'C1', ${TS[1]}, ${FAR}, 'U1', 1000, 'waiting')`.execute(
        db,
      );
      // Decisions proposed with a verdict (one a Flask verdict, one Django), and a recommendation whose
      // decision was never recorded (its verdict is the recommendation's), and one on "either".
      for (const [ts, recommended] of [
        [TS[0], "flask"],
        [TS[1], "django"],
        [TS[3], "either"],
      ] as const) {
        await sql`insert into decisions (team_id, channel_id, message_ts, enterprise_id, asked_by, recommended,
          status, created_at, updated_at) values ('T1', 'C1', ${ts}, null, 'U1', ${recommended}, 'proposed', 1, 1)`.execute(
          db,
        );
      }
      await sql`insert into recommendations (team_id, channel_id, message_ts, enterprise_id, user_id, answers,
        needs, notes, verdict, scores, confidence, knowledge_version, created_at, edited_at)
        values ('T1', 'C1', ${TS[2]}, null, 'U1', '{}', '[]', '', 'django', '{"flask":1,"django":2}', 0.5, 'k', 1, null)`.execute(
        db,
      );
      const votes: Array<[string | undefined, string, string]> = [
        [TS[0], "U2", "agree"],
        [TS[0], "U3", "pick_other"],
        [TS[1], "U2", "agree"],
        [TS[1], "U3", "pick_other"],
        [TS[2], "U4", "pick_other"],
        [TS[3], "U5", "agree"],
      ];
      for (const [ts, user, value] of votes) {
        await sql`insert into votes (team_id, channel_id, message_ts, user_id, enterprise_id, value, created_at,
          updated_at) values ('T1', 'C1', ${ts}, ${user}, null, ${value}, 1, 1)`.execute(db);
      }
    } finally {
      await db.destroy();
    }
    const database = await openDatabase(url, { encryptionKey: TEST_KEY, now: () => 2000 });
    try {
      const key = (decisionTs: string) => ({ teamId: "T1", decisionChannelId: "C1", decisionTs });
      expect(await database.reminders.find(key(TS[0] as string))).toMatchObject({
        kind: "revisit",
        channelId: "C1",
        scheduledMessageId: "Q1",
        status: "scheduled",
      });
      expect(await database.reminders.find(key(TS[1] as string))).toMatchObject({
        scheduledMessageId: null,
        enterpriseId: "E1",
        status: "waiting",
      });
      // The waiting one is scheduled under the same key, and cancelled by it.
      expect(await database.reminders.markScheduled(key(TS[1] as string), "Q2", FAR)).toBe(true);
      expect(await database.reminders.cancel(key(TS[1] as string), "U9")).toMatchObject({
        scheduledMessageId: "Q2",
      });
      const byUser = async (ts: string) =>
        Object.fromEntries(
          (await database.votes.listForRecommendation("T1", "C1", ts)).map((v) => [v.userId, v.value]),
        );
      expect(await byUser(TS[0] as string)).toEqual({ U2: "flask", U3: "django" });
      expect(await byUser(TS[1] as string)).toEqual({ U2: "django", U3: "flask" });
      expect(await byUser(TS[2] as string)).toEqual({ U4: "flask" });
      // A vote on "either" (no buttons) has no framework: dropped.
      expect(await byUser(TS[3] as string)).toEqual({});
    } finally {
      await database.close();
    }
    // And back: 0003's key again, a reminder's placeholder id restored.
    const again = connect(parseDatabaseUrl(url)).db;
    try {
      const migrator = new Migrator({ db: again, provider: migrationProvider });
      expect((await migrator.migrateDown()).error).toBeUndefined();
      const rows = await sql<{ scheduled_message_id: string; status: string }>`
        select scheduled_message_id, status from revisit_reminders order by decision_ts`.execute(again);
      expect(rows.rows).toEqual([
        { scheduled_message_id: "Q1", status: "scheduled" },
        { scheduled_message_id: "Q2", status: "cancelled" },
      ]);
    } finally {
      await again.destroy();
    }
  });
});
