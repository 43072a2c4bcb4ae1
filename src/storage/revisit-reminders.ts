/**
 * Reminders to revisit a decision. The Slack layer schedules the message itself
 * (`chat.scheduleMessage`) and records here what it needs to cancel it later
 * (`chat.deleteScheduledMessage` takes the channel and the scheduled_message_id): when the decision is
 * superseded, or someone cancels the reminder. Rows whose time has passed are history: `purgePast`
 * removes them.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type DecisionDb, type RevisitRemindersTable, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

export interface ReminderInput {
  teamId: string;
  enterpriseId?: string | null;
  /** The channel the scheduled message will post in. */
  channelId: string;
  /** chat.scheduleMessage's `scheduled_message_id`. */
  scheduledMessageId: string;
  /** The decision it is about (its recommendation message). */
  decisionChannelId: string;
  decisionTs: string;
  /** When Slack will post it, in epoch **milliseconds** (Slack's `post_at` is seconds: × 1000). */
  postAt: number;
  /** Who set the reminder. */
  createdBy: string;
}

export interface StoredReminder extends ReminderInput {
  enterpriseId: string | null;
  createdAt: number;
}

const id = z.string().min(1);
const inputSchema = z.object({
  teamId: id,
  enterpriseId: id.nullish(),
  channelId: id,
  scheduledMessageId: id,
  decisionChannelId: id,
  decisionTs: id,
  postAt: epochMs,
  createdBy: id,
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    scheduled_message_id: z.string(),
    enterprise_id: z.string().nullable(),
    decision_channel_id: z.string(),
    decision_ts: z.string(),
    post_at: epochMs,
    created_by: z.string(),
    created_at: epochMs,
  })
  .transform(
    (row): StoredReminder => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      scheduledMessageId: row.scheduled_message_id,
      decisionChannelId: row.decision_channel_id,
      decisionTs: row.decision_ts,
      postAt: row.post_at,
      createdBy: row.created_by,
      createdAt: row.created_at,
    }),
  );

function fromRow(row: Selectable<RevisitRemindersTable>): StoredReminder {
  return parseRow(
    rowSchema,
    row,
    `revisit reminder ${row.team_id}/${row.channel_id}/${row.scheduled_message_id}`,
  );
}

export interface ReminderRepository {
  /** Records a scheduled reminder (the same scheduled message again replaces the row). */
  add(input: ReminderInput): Promise<StoredReminder>;
  /** A decision's reminders still to be posted (post time after now), soonest first. */
  listForDecision(teamId: string, decisionChannelId: string, decisionTs: string): Promise<StoredReminder[]>;
  /** A team's reminders still to be posted, soonest first. */
  listPending(teamId: string): Promise<StoredReminder[]>;
  /** Forgets one reminder (after chat.deleteScheduledMessage); true when it was there. */
  remove(teamId: string, channelId: string, scheduledMessageId: string): Promise<boolean>;
  /** Deletes reminders whose post time has passed; returns how many. */
  purgePast(): Promise<number>;
}

export function reminderRepository(base: Kysely<Schema>, now: Clock): ReminderRepository {
  const db: DecisionDb = withDecisionTables(base);
  return {
    async add(input) {
      const valid = inputSchema.parse(input);
      const values = {
        enterprise_id: valid.enterpriseId ?? null,
        decision_channel_id: valid.decisionChannelId,
        decision_ts: valid.decisionTs,
        post_at: valid.postAt,
        created_by: valid.createdBy,
        created_at: now(),
      };
      const row = await db
        .insertInto("revisit_reminders")
        .values({
          team_id: valid.teamId,
          channel_id: valid.channelId,
          scheduled_message_id: valid.scheduledMessageId,
          ...values,
        })
        .onConflict((oc) => oc.columns(["team_id", "channel_id", "scheduled_message_id"]).doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },

    async listForDecision(teamId, decisionChannelId, decisionTs) {
      const rows = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("decision_channel_id", "=", decisionChannelId)
        .where("decision_ts", "=", decisionTs)
        .where("post_at", ">", now())
        .orderBy("post_at", "asc")
        .orderBy("scheduled_message_id", "asc")
        .execute();
      return rows.map(fromRow);
    },

    async listPending(teamId) {
      const rows = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("post_at", ">", now())
        .orderBy("post_at", "asc")
        .orderBy("scheduled_message_id", "asc")
        .execute();
      return rows.map(fromRow);
    },

    async remove(teamId, channelId, scheduledMessageId) {
      const result = await db
        .deleteFrom("revisit_reminders")
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("scheduled_message_id", "=", scheduledMessageId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async purgePast() {
      const result = await db
        .deleteFrom("revisit_reminders")
        .where("post_at", "<=", now())
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
