import type { Kysely } from "kysely";

/**
 * Revisit reminders get a state. Slack schedules a message at most 120 days ahead, so a reminder due
 * later ("in 6 months") is kept `waiting` until a sweep can hand it to Slack; a cancelled one is kept,
 * marked, until its time has passed (who cancelled it, and when). Existing rows were scheduled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("revisit_reminders")
    .addColumn("status", "text", (col) => col.notNull().defaultTo("scheduled"))
    .execute();
  await db.schema.alterTable("revisit_reminders").addColumn("cancelled_at", "bigint").execute();
  await db.schema.alterTable("revisit_reminders").addColumn("cancelled_by", "text").execute();
  await db.schema
    .createIndex("revisit_reminders_status_post_at")
    .on("revisit_reminders")
    .columns(["status", "post_at"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("revisit_reminders_status_post_at").execute();
  for (const column of ["cancelled_by", "cancelled_at", "status"]) {
    await db.schema.alterTable("revisit_reminders").dropColumn(column).execute();
  }
}
