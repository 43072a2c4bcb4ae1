/**
 * Reminders to revisit a decision. The Slack layer schedules the message itself
 * (`chat.scheduleMessage`) and records here what it needs to cancel it later
 * (`chat.deleteScheduledMessage` takes the channel and the scheduled_message_id): when the decision is
 * superseded, or someone cancels the reminder. Rows whose time has passed are history: `purgePast`
 * removes them.
 *
 * Slack schedules at most 120 days ahead. A reminder due later is added **waiting** (`addWaiting`): it
 * has no scheduled message yet, so its id is `waiting:<decision ts>` until a sweep hands it to Slack
 * (`markScheduled` puts the real id in its place). A cancelled reminder stays, marked, until its time
 * has passed.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type DecisionDb, type RevisitRemindersTable, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

export const REMINDER_STATUSES = ["waiting", "scheduled", "cancelled"] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** The id a waiting reminder has until Slack gives it a scheduled_message_id. */
export function waitingReminderId(decisionTs: string): string {
  return `waiting:${decisionTs}`;
}

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

export type WaitingReminderInput = Omit<ReminderInput, "scheduledMessageId">;

export interface StoredReminder extends ReminderInput {
  enterpriseId: string | null;
  createdAt: number;
  status: ReminderStatus;
  cancelledAt: number | null;
  cancelledBy: string | null;
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
    status: z.enum(REMINDER_STATUSES),
    cancelled_at: epochMs.nullable(),
    cancelled_by: z.string().nullable(),
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
      status: row.status,
      cancelledAt: row.cancelled_at,
      cancelledBy: row.cancelled_by,
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
  /** Records a reminder due beyond Slack's horizon, not scheduled yet (one per decision and channel). */
  addWaiting(input: WaitingReminderInput): Promise<StoredReminder>;
  find(teamId: string, channelId: string, scheduledMessageId: string): Promise<StoredReminder | undefined>;
  /** A decision's reminders still to come (post time after now, not cancelled), soonest first. */
  listForDecision(teamId: string, decisionChannelId: string, decisionTs: string): Promise<StoredReminder[]>;
  /** A team's reminders still to come (not cancelled), soonest first. */
  listPending(teamId: string): Promise<StoredReminder[]>;
  /** Every team's waiting reminders due by `until` (epoch ms), late ones included, soonest first. */
  listWaitingDue(until: number, limit?: number): Promise<StoredReminder[]>;
  /**
   * A waiting reminder handed to Slack: its real scheduled_message_id replaces the waiting id. False
   * when it is no longer waiting (cancelled meanwhile, or another instance got there first).
   */
  markScheduled(reminder: StoredReminder, scheduledMessageId: string, postAt: number): Promise<boolean>;
  /** Marks a reminder cancelled (after chat.deleteScheduledMessage); false when it was not there or not live. */
  cancel(teamId: string, channelId: string, scheduledMessageId: string, by: string): Promise<boolean>;
  /** Forgets one reminder; true when it was there. */
  remove(teamId: string, channelId: string, scheduledMessageId: string): Promise<boolean>;
  /** Deletes reminders whose post time has passed (never a waiting one: it is still owed); returns how many. */
  purgePast(): Promise<number>;
}

export function reminderRepository(base: Kysely<Schema>, now: Clock): ReminderRepository {
  const db: DecisionDb = withDecisionTables(base);
  const insert = async (valid: z.output<typeof inputSchema>, status: ReminderStatus) => {
    const values = {
      enterprise_id: valid.enterpriseId ?? null,
      decision_channel_id: valid.decisionChannelId,
      decision_ts: valid.decisionTs,
      post_at: valid.postAt,
      created_by: valid.createdBy,
      created_at: now(),
      status,
      cancelled_at: null,
      cancelled_by: null,
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
  };
  return {
    add: async (input) => insert(inputSchema.parse(input), "scheduled"),

    addWaiting: async (input) =>
      insert(
        inputSchema.parse({ ...input, scheduledMessageId: waitingReminderId(input.decisionTs) }),
        "waiting",
      ),

    async find(teamId, channelId, scheduledMessageId) {
      const row = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("scheduled_message_id", "=", scheduledMessageId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async listForDecision(teamId, decisionChannelId, decisionTs) {
      const rows = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("decision_channel_id", "=", decisionChannelId)
        .where("decision_ts", "=", decisionTs)
        .where("status", "!=", "cancelled")
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
        .where("status", "!=", "cancelled")
        .where("post_at", ">", now())
        .orderBy("post_at", "asc")
        .orderBy("scheduled_message_id", "asc")
        .execute();
      return rows.map(fromRow);
    },

    async listWaitingDue(until, limit = 100) {
      const rows = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("status", "=", "waiting")
        .where("post_at", "<=", until)
        .orderBy("post_at", "asc")
        .orderBy("team_id", "asc")
        .orderBy("scheduled_message_id", "asc")
        .limit(Math.min(Math.max(Math.trunc(limit), 1), 1000))
        .execute();
      return rows.map(fromRow);
    },

    async markScheduled(reminder, scheduledMessageId, postAt) {
      id.parse(scheduledMessageId);
      epochMs.parse(postAt);
      const result = await db
        .updateTable("revisit_reminders")
        .set({ scheduled_message_id: scheduledMessageId, status: "scheduled", post_at: postAt })
        .where("team_id", "=", reminder.teamId)
        .where("channel_id", "=", reminder.channelId)
        .where("scheduled_message_id", "=", reminder.scheduledMessageId)
        .where("status", "=", "waiting")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async cancel(teamId, channelId, scheduledMessageId, by) {
      const result = await db
        .updateTable("revisit_reminders")
        .set({ status: "cancelled", cancelled_at: now(), cancelled_by: id.parse(by) })
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("scheduled_message_id", "=", scheduledMessageId)
        .where("status", "!=", "cancelled")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
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
        .where("status", "!=", "waiting")
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
