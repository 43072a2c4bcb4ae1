import type { Kysely } from "kysely";

/**
 * Whether a decision's channel is public, so App Home and the pane show a decision made in a private
 * channel or a DM only to the people who took part in it. 1: public (Slack said so: a message event's
 * `channel_type` is "channel"); 0: private, a DM, or not known. Rows from before were never told, so they
 * start as not public, and become public once a message in their channel says so.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("decisions")
    .addColumn("channel_public", "integer", (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("decisions").dropColumn("channel_public").execute();
}
