import { type Kysely, sql } from "kysely";

/**
 * Decisions the team owns: each person's own answers (views), votes, the decision log, per-workspace
 * settings and revisit reminders. Same column types and conventions as 0001.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per person per recommendation: the key includes the person, so nobody's upsert can reach
  // someone else's answers.
  await db.schema
    .createTable("views")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("message_ts", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("answers", "text", (col) => col.notNull())
    .addColumn("needs", "text", (col) => col.notNull())
    .addColumn("notes", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("views_pk", ["team_id", "channel_id", "message_ts", "user_id"])
    .execute();
  await db.schema.createIndex("views_enterprise").on("views").column("enterprise_id").execute();

  await db.schema
    .createTable("votes")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("message_ts", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("votes_pk", ["team_id", "channel_id", "message_ts", "user_id"])
    .execute();
  await db.schema.createIndex("votes_enterprise").on("votes").column("enterprise_id").execute();

  await db.schema
    .createTable("decisions")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("message_ts", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("asked_by", "text", (col) => col.notNull())
    .addColumn("recommended", "text", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("framework", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "bigint")
    .addColumn("reason", "text")
    .addColumn("supersedes", "text")
    .addColumn("superseded_by", "text")
    .addColumn("superseded_at", "bigint")
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("decisions_pk", ["team_id", "channel_id", "message_ts"])
    .execute();
  // A team's decisions, newest first (App Home, the terminal).
  await db.schema
    .createIndex("decisions_team_ts")
    .on("decisions")
    .columns(["team_id", "message_ts"])
    .execute();
  await db.schema.createIndex("decisions_enterprise").on("decisions").column("enterprise_id").execute();
  // At most one decision stands in a channel: deciding another supersedes it. A partial unique index,
  // which both SQLite and PostgreSQL enforce, so two people deciding at once cannot both stand.
  await db.schema
    .createIndex("decisions_standing")
    .on("decisions")
    .columns(["team_id", "channel_id"])
    .unique()
    .where(sql.ref("status"), "=", "decided")
    .execute();

  await db.schema
    .createTable("team_settings")
    .addColumn("team_id", "text", (col) => col.primaryKey())
    .addColumn("enterprise_id", "text")
    .addColumn("who_may_decide", "text", (col) => col.notNull())
    .addColumn("updated_by", "text")
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("team_settings_enterprise")
    .on("team_settings")
    .column("enterprise_id")
    .execute();

  await db.schema
    .createTable("revisit_reminders")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("scheduled_message_id", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("decision_channel_id", "text", (col) => col.notNull())
    .addColumn("decision_ts", "text", (col) => col.notNull())
    .addColumn("post_at", "bigint", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("revisit_reminders_pk", ["team_id", "channel_id", "scheduled_message_id"])
    .execute();
  await db.schema
    .createIndex("revisit_reminders_decision")
    .on("revisit_reminders")
    .columns(["team_id", "decision_channel_id", "decision_ts"])
    .execute();
  await db.schema
    .createIndex("revisit_reminders_enterprise")
    .on("revisit_reminders")
    .column("enterprise_id")
    .execute();
  await db.schema
    .createIndex("revisit_reminders_post_at")
    .on("revisit_reminders")
    .column("post_at")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["revisit_reminders", "team_settings", "decisions", "votes", "views"]) {
    await db.schema.dropTable(table).execute();
  }
}
