import type { Kysely } from "kysely";

/**
 * The first schema. Types are ones both dialects understand with the same meaning: text, integer, bigint
 * (SQLite's INTEGER affinity, 64-bit in both) and double precision (SQLite's REAL affinity).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("installations")
    .addColumn("installation_key", "text", (col) => col.primaryKey())
    .addColumn("enterprise_id", "text")
    .addColumn("team_id", "text")
    .addColumn("is_enterprise_install", "integer", (col) => col.notNull())
    .addColumn("data", "text", (col) => col.notNull())
    .addColumn("installed_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("installations_enterprise")
    .on("installations")
    .column("enterprise_id")
    .execute();

  await db.schema
    .createTable("recommendations")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("message_ts", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("answers", "text", (col) => col.notNull())
    .addColumn("needs", "text", (col) => col.notNull())
    .addColumn("notes", "text", (col) => col.notNull())
    .addColumn("verdict", "text", (col) => col.notNull())
    .addColumn("scores", "text", (col) => col.notNull())
    .addColumn("confidence", "double precision", (col) => col.notNull())
    .addColumn("knowledge_version", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("edited_at", "bigint")
    .addPrimaryKeyConstraint("recommendations_pk", ["team_id", "channel_id", "message_ts"])
    .execute();
  // "Newest" is the greatest message ts (when Slack posted it): the primary key serves a lookup and the
  // latest in a channel, this index a team's list.
  await db.schema
    .createIndex("recommendations_team_ts")
    .on("recommendations")
    .columns(["team_id", "message_ts"])
    .execute();
  await db.schema
    .createIndex("recommendations_enterprise")
    .on("recommendations")
    .column("enterprise_id")
    .execute();

  await db.schema
    .createTable("feedback")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("message_ts", "text", (col) => col.notNull())
    .addColumn("user_id", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("value", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("updated_at", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("feedback_pk", ["team_id", "channel_id", "message_ts", "user_id"])
    .execute();
  await db.schema.createIndex("feedback_enterprise").on("feedback").column("enterprise_id").execute();

  await db.schema
    .createTable("handled_events")
    .addColumn("key", "text", (col) => col.primaryKey())
    .addColumn("claimed_at", "bigint", (col) => col.notNull())
    .addColumn("expires_at", "bigint", (col) => col.notNull())
    .execute();
  await db.schema.createIndex("handled_events_expires").on("handled_events").column("expires_at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["handled_events", "feedback", "recommendations", "installations"]) {
    await db.schema.dropTable(table).execute();
  }
}
