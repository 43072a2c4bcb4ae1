import { type CreateTableBuilder, type Kysely, sql } from "kysely";

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

/** The reminders' columns in either shape: [name, type, required]; the id is required only in 0003's. */
const REMINDER_COLUMNS = (idRequired: boolean): Array<[string, "text" | "bigint", boolean]> => [
  ["team_id", "text", true],
  ["decision_channel_id", "text", true],
  ["decision_ts", "text", true],
  ["enterprise_id", "text", false],
  ["channel_id", "text", true],
  ["scheduled_message_id", "text", idRequired],
  ["post_at", "bigint", true],
  ["created_by", "text", true],
  ["created_at", "bigint", true],
  ["status", "text", true],
  ["cancelled_at", "bigint", false],
  ["cancelled_by", "text", false],
];

/** Each shape's indexes: name → columns. */
const INDEXES: Record<"before" | "after", Record<string, string[]>> = {
  before: {
    revisit_reminders_decision: ["team_id", "decision_channel_id", "decision_ts"],
    revisit_reminders_enterprise: ["enterprise_id"],
    revisit_reminders_post_at: ["post_at"],
    revisit_reminders_status_post_at: ["status", "post_at"],
  },
  after: {
    revisit_reminders_enterprise: ["enterprise_id"],
    revisit_reminders_status_post_at: ["status", "post_at"],
    revisit_reminders_team_post_at: ["team_id", "post_at"],
  },
};

/**
 * Rebuilds revisit_reminders in the other shape: its indexes dropped, the table renamed aside, the new
 * one made (`kind` and the new key after 0005; 0003's key before), rows copied by `copy`, the old dropped.
 */
async function rebuildReminders(
  db: Kysely<unknown>,
  to: "before" | "after",
  copy: (aside: string) => Promise<unknown>,
): Promise<void> {
  const from = to === "after" ? "before" : "after";
  for (const index of Object.keys(INDEXES[from])) await db.schema.dropIndex(index).execute();
  const aside = `revisit_reminders_${from}`;
  await db.schema.alterTable("revisit_reminders").renameTo(aside).execute();
  // Column names typed as any string: the shape is chosen at run time.
  let table: CreateTableBuilder<"revisit_reminders", string> = db.schema.createTable("revisit_reminders");
  for (const [name, type, required] of REMINDER_COLUMNS(to === "before"))
    table = table.addColumn(name, type, (col) => (required ? col.notNull() : col));
  table =
    to === "after"
      ? table
          .addColumn("kind", "text", (col) => col.notNull())
          // Named apart from 0002's constraint, which PostgreSQL keeps (with the renamed table) until the drop.
          .addPrimaryKeyConstraint("revisit_reminders_key_pk", [
            "team_id",
            "decision_channel_id",
            "decision_ts",
            "kind",
          ])
      : table.addPrimaryKeyConstraint("revisit_reminders_pk", [
          "team_id",
          "channel_id",
          "scheduled_message_id",
        ]);
  await table.execute();
  await copy(aside);
  await db.schema.dropTable(aside).execute();
  for (const [index, columns] of Object.entries(INDEXES[to]))
    await db.schema.createIndex(index).on("revisit_reminders").columns(columns).execute();
}

async function rekeyReminders(db: Kysely<unknown>): Promise<void> {
  // One reminder per decision was all the app ever set; should two rows share a decision, a live one wins.
  await rebuildReminders(db, "after", (aside) =>
    sql`insert into revisit_reminders (team_id, decision_channel_id, decision_ts, kind, enterprise_id,
        channel_id, scheduled_message_id, post_at, created_by, created_at, status, cancelled_at, cancelled_by)
      select team_id, decision_channel_id, decision_ts, 'revisit', enterprise_id, channel_id,
        case when scheduled_message_id like 'waiting:%' then null else scheduled_message_id end,
        post_at, created_by, created_at, status, cancelled_at, cancelled_by
      from ${sql.table(aside)} where true
      order by case when status = 'cancelled' then 1 else 0 end, created_at desc
      on conflict do nothing`.execute(db),
  );
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
  // Back to 0003's key; a waiting reminder gets its placeholder id again, and the two new statuses (which
  // 0003's code cannot read) count as cancelled. Votes keep their frameworks' names: roll back only
  // together with the code.
  await rebuildReminders(db, "before", (aside) =>
    sql`insert into revisit_reminders (team_id, channel_id, scheduled_message_id, enterprise_id,
        decision_channel_id, decision_ts, post_at, created_by, created_at, status, cancelled_at, cancelled_by)
      select team_id, channel_id, coalesce(scheduled_message_id, 'waiting:' || decision_ts), enterprise_id,
        decision_channel_id, decision_ts, post_at, created_by, created_at,
        case when status in ('scheduling', 'failed') then 'cancelled' else status end, cancelled_at, cancelled_by
      from ${sql.table(aside)}`.execute(db),
  );
}
