import { type Kysely, sql } from "kysely";

/**
 * Two meanings made stable.
 *
 * Revisit reminders are keyed by what they are about (the decision's message and a kind), not by
 * Slack's scheduled_message_id: a waiting reminder gets its id only when the sweep hands it to Slack, and
 * a key that changes then cannot be found from the button that named the old one. scheduled_message_id
 * becomes a plain column, null until Slack gives one (the old `waiting:<ts>` placeholders become null).
 * SQLite cannot change a primary key in place, so the table is rebuilt (the same on PostgreSQL).
 *
 * Votes store the framework voted for (`flask` / `django`) instead of agree / pick_other relative to the
 * verdict, which an edit can flip. An old vote is read against the verdict its decision was proposed
 * with (else the recommendation's); a vote on a verdict of "either" had no buttons and meant nothing, so
 * any such row is dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rekeyReminders(db);
  await votesByFramework(db);
}

const OLD_REMINDER_INDEXES = [
  "revisit_reminders_decision",
  "revisit_reminders_enterprise",
  "revisit_reminders_post_at",
  "revisit_reminders_status_post_at",
];

async function rekeyReminders(db: Kysely<unknown>): Promise<void> {
  for (const index of OLD_REMINDER_INDEXES) await db.schema.dropIndex(index).execute();
  await db.schema.alterTable("revisit_reminders").renameTo("revisit_reminders_0004").execute();
  await db.schema
    .createTable("revisit_reminders")
    .addColumn("team_id", "text", (col) => col.notNull())
    .addColumn("decision_channel_id", "text", (col) => col.notNull())
    .addColumn("decision_ts", "text", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("enterprise_id", "text")
    .addColumn("channel_id", "text", (col) => col.notNull())
    .addColumn("scheduled_message_id", "text")
    .addColumn("post_at", "bigint", (col) => col.notNull())
    .addColumn("created_by", "text", (col) => col.notNull())
    .addColumn("created_at", "bigint", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("cancelled_at", "bigint")
    .addColumn("cancelled_by", "text")
    // Named apart from 0002's constraint, which PostgreSQL keeps (with the renamed table) until the drop.
    .addPrimaryKeyConstraint("revisit_reminders_key_pk", [
      "team_id",
      "decision_channel_id",
      "decision_ts",
      "kind",
    ])
    .execute();
  // One reminder per decision was all the app ever set; should two rows share a decision, a live one wins.
  await sql`insert into revisit_reminders (team_id, decision_channel_id, decision_ts, kind, enterprise_id,
      channel_id, scheduled_message_id, post_at, created_by, created_at, status, cancelled_at, cancelled_by)
    select team_id, decision_channel_id, decision_ts, 'revisit', enterprise_id, channel_id,
      case when scheduled_message_id like 'waiting:%' then null else scheduled_message_id end,
      post_at, created_by, created_at, status, cancelled_at, cancelled_by
    from revisit_reminders_0004 where true
    order by case when status = 'cancelled' then 1 else 0 end, created_at desc
    on conflict do nothing`.execute(db);
  await db.schema.dropTable("revisit_reminders_0004").execute();
  await db.schema
    .createIndex("revisit_reminders_enterprise")
    .on("revisit_reminders")
    .column("enterprise_id")
    .execute();
  await db.schema
    .createIndex("revisit_reminders_status_post_at")
    .on("revisit_reminders")
    .columns(["status", "post_at"])
    .execute();
  await db.schema
    .createIndex("revisit_reminders_team_post_at")
    .on("revisit_reminders")
    .columns(["team_id", "post_at"])
    .execute();
}

async function votesByFramework(db: Kysely<unknown>): Promise<void> {
  const verdict = sql`coalesce(
    (select d.recommended from decisions d where d.team_id = votes.team_id
      and d.channel_id = votes.channel_id and d.message_ts = votes.message_ts),
    (select r.verdict from recommendations r where r.team_id = votes.team_id
      and r.channel_id = votes.channel_id and r.message_ts = votes.message_ts))`;
  for (const [framework, other] of [
    ["flask", "django"],
    ["django", "flask"],
  ] as const) {
    await sql`update votes set value = ${framework}
      where (value = 'agree' and ${verdict} = ${framework})
         or (value = 'pick_other' and ${verdict} = ${other})`.execute(db);
  }
  await sql`delete from votes where value not in ('flask', 'django')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Back to 0003's key; a waiting reminder gets its placeholder id again. Votes keep their frameworks'
  // names (0003's code cannot read them: roll back only together with the code).
  await db.schema.dropIndex("revisit_reminders_enterprise").execute();
  await db.schema.dropIndex("revisit_reminders_status_post_at").execute();
  await db.schema.dropIndex("revisit_reminders_team_post_at").execute();
  await db.schema.alterTable("revisit_reminders").renameTo("revisit_reminders_0005").execute();
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
    .addColumn("status", "text", (col) => col.notNull().defaultTo("scheduled"))
    .addColumn("cancelled_at", "bigint")
    .addColumn("cancelled_by", "text")
    .addPrimaryKeyConstraint("revisit_reminders_pk", ["team_id", "channel_id", "scheduled_message_id"])
    .execute();
  await sql`insert into revisit_reminders (team_id, channel_id, scheduled_message_id, enterprise_id,
      decision_channel_id, decision_ts, post_at, created_by, created_at, status, cancelled_at, cancelled_by)
    select team_id, channel_id, coalesce(scheduled_message_id, 'waiting:' || decision_ts), enterprise_id,
      decision_channel_id, decision_ts, post_at, created_by, created_at,
      case when status in ('scheduling', 'failed') then 'cancelled' else status end, cancelled_at, cancelled_by
    from revisit_reminders_0005`.execute(db);
  await db.schema.dropTable("revisit_reminders_0005").execute();
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
  await db.schema
    .createIndex("revisit_reminders_status_post_at")
    .on("revisit_reminders")
    .columns(["status", "post_at"])
    .execute();
}
