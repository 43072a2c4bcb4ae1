/**
 * Reminders about a decision (to revisit it). The Slack layer schedules the message itself
 * (`chat.scheduleMessage`) and records here what it needs to cancel it later
 * (`chat.deleteScheduledMessage` takes the channel and the scheduled_message_id): when the decision is
 * superseded, or someone cancels the reminder.
 *
 * A reminder is keyed by what it is about, the decision's message and a kind, never by Slack's id
 * (which it gets late, or not at all), so the message's button and the sweep always find the same row.
 * Its status:
 *
 *   waiting     due beyond Slack's 120-day horizon: a sweep hands it to Slack once within range
 *   scheduling  being handed to Slack right now (the row is written first, so no message is orphaned)
 *   scheduled   Slack holds it: `scheduledMessageId` says which
 *   cancelled   by someone, or because its decision was superseded; never live again
 *   failed      Slack refused it for good (the channel is gone, the app was removed): not retried
 *
 * Rows whose time has passed are history: `purgePast` removes them (never one still owed).
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type DecisionDb, type RevisitRemindersTable, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

export const REMINDER_STATUSES = ["waiting", "scheduling", "scheduled", "cancelled", "failed"] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];
/** Statuses of a reminder that may still be posted. */
export const LIVE_REMINDER_STATUSES = ["waiting", "scheduling", "scheduled"] as const;
/** Statuses of a reminder Slack does not hold yet. */
const UNSCHEDULED = ["waiting", "scheduling"] as const;

export const REMINDER_KINDS = ["revisit"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Which reminder: the decision (its recommendation message) and what kind. */
export interface ReminderKey {
  teamId: string;
  decisionChannelId: string;
  decisionTs: string;
  /** Default "revisit". */
  kind?: ReminderKind;
}

export interface ReminderInput extends ReminderKey {
  enterpriseId?: string | null;
  /** The channel the scheduled message will post in. */
  channelId: string;
  /** When Slack will post it, in epoch **milliseconds** (Slack's `post_at` is seconds: × 1000). */
  postAt: number;
  /** Who set the reminder. */
  createdBy: string;
}

/** A reminder Slack already holds: chat.scheduleMessage's `scheduled_message_id`. */
export interface ScheduledReminderInput extends ReminderInput {
  scheduledMessageId: string;
}

export interface StoredReminder extends ReminderInput {
  kind: ReminderKind;
  enterpriseId: string | null;
  /** Null until Slack holds it. */
  scheduledMessageId: string | null;
  createdAt: number;
  status: ReminderStatus;
  cancelledAt: number | null;
  cancelledBy: string | null;
}

const id = z.string().min(1);
const inputSchema = z.object({
  teamId: id,
  decisionChannelId: id,
  decisionTs: id,
  kind: z.enum(REMINDER_KINDS).default("revisit"),
  enterpriseId: id.nullish(),
  channelId: id,
  scheduledMessageId: id.nullish(),
  postAt: epochMs,
  createdBy: id,
});

const rowSchema = z
  .object({
    team_id: z.string(),
    decision_channel_id: z.string(),
    decision_ts: z.string(),
    kind: z.enum(REMINDER_KINDS),
    enterprise_id: z.string().nullable(),
    channel_id: z.string(),
    scheduled_message_id: z.string().nullable(),
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
      decisionChannelId: row.decision_channel_id,
      decisionTs: row.decision_ts,
      kind: row.kind,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      scheduledMessageId: row.scheduled_message_id,
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
    `revisit reminder ${row.team_id}/${row.decision_channel_id}/${row.decision_ts}/${row.kind}`,
  );
}

export interface ReminderRepository {
  /**
   * Records a reminder Slack holds already. Like `addWaiting` and `reserve`: replaces an earlier row for
   * the same key, unless that one was cancelled (undefined then: a cancelled reminder stays cancelled).
   */
  add(input: ScheduledReminderInput): Promise<StoredReminder | undefined>;
  /** Records a reminder due beyond Slack's horizon, not scheduled yet. */
  addWaiting(input: ReminderInput): Promise<StoredReminder | undefined>;
  /** Records a reminder about to be handed to Slack (`scheduling`): written before the call, see markScheduled. */
  reserve(input: ReminderInput): Promise<StoredReminder | undefined>;
  find(key: ReminderKey): Promise<StoredReminder | undefined>;
  /** A decision's reminders still to come (post time after now, live), soonest first. */
  listForDecision(teamId: string, decisionChannelId: string, decisionTs: string): Promise<StoredReminder[]>;
  /** A team's reminders still to come (live), soonest first. */
  listPending(teamId: string): Promise<StoredReminder[]>;
  /** Every team's waiting reminders due by `until` (epoch ms), late ones included, soonest first. */
  listWaitingDue(until: number, limit?: number): Promise<StoredReminder[]>;
  /**
   * A waiting or scheduling reminder that Slack now holds: its id and post time. False when it is no
   * longer waiting (cancelled meanwhile, or another instance got there first).
   */
  markScheduled(key: ReminderKey, scheduledMessageId: string, postAt: number): Promise<boolean>;
  /**
   * Marks a live reminder cancelled; the row as cancelled (with the scheduled message id it had, which
   * may be newer than the caller's copy), or undefined when it was not there or not live.
   */
  cancel(key: ReminderKey, by: string): Promise<StoredReminder | undefined>;
  /** A reminder Slack refused for good (not yet scheduled): never tried again. False when not waiting. */
  markFailed(key: ReminderKey): Promise<boolean>;
  /** Forgets one reminder; true when it was there. */
  remove(key: ReminderKey): Promise<boolean>;
  /** Deletes reminders whose post time has passed (never one still owed); returns how many. */
  purgePast(): Promise<number>;
}

export function reminderRepository(base: Kysely<Schema>, now: Clock): ReminderRepository {
  const db: DecisionDb = withDecisionTables(base);
  const keyed = (key: ReminderKey) =>
    db
      .updateTable("revisit_reminders")
      .where("team_id", "=", key.teamId)
      .where("decision_channel_id", "=", key.decisionChannelId)
      .where("decision_ts", "=", key.decisionTs)
      .where("kind", "=", key.kind ?? "revisit");
  const insert = async (input: ReminderInput & { scheduledMessageId?: string }, status: ReminderStatus) => {
    const valid = inputSchema.parse(input);
    const values = {
      enterprise_id: valid.enterpriseId ?? null,
      channel_id: valid.channelId,
      scheduled_message_id: valid.scheduledMessageId ?? null,
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
        decision_channel_id: valid.decisionChannelId,
        decision_ts: valid.decisionTs,
        kind: valid.kind,
        ...values,
      })
      .onConflict((oc) =>
        oc
          .columns(["team_id", "decision_channel_id", "decision_ts", "kind"])
          .doUpdateSet(values)
          .where("revisit_reminders.status", "!=", "cancelled"),
      )
      .returningAll()
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  };
  const list = (teamId?: string) => {
    let query = db
      .selectFrom("revisit_reminders")
      .selectAll()
      .where("status", "in", LIVE_REMINDER_STATUSES)
      .where("post_at", ">", now());
    if (teamId !== undefined) query = query.where("team_id", "=", teamId);
    return query.orderBy("post_at", "asc").orderBy("decision_ts", "asc").orderBy("kind", "asc");
  };
  return {
    add: (input) => insert(input, "scheduled"),
    addWaiting: (input) => insert({ ...input, scheduledMessageId: undefined }, "waiting"),
    reserve: (input) => insert({ ...input, scheduledMessageId: undefined }, "scheduling"),

    async find(key) {
      const row = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("team_id", "=", key.teamId)
        .where("decision_channel_id", "=", key.decisionChannelId)
        .where("decision_ts", "=", key.decisionTs)
        .where("kind", "=", key.kind ?? "revisit")
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async listForDecision(teamId, decisionChannelId, decisionTs) {
      const rows = await list(teamId)
        .where("decision_channel_id", "=", decisionChannelId)
        .where("decision_ts", "=", decisionTs)
        .execute();
      return rows.map(fromRow);
    },

    async listPending(teamId) {
      return (await list(teamId).execute()).map(fromRow);
    },

    async listWaitingDue(until, limit = 100) {
      const rows = await db
        .selectFrom("revisit_reminders")
        .selectAll()
        .where("status", "=", "waiting")
        .where("post_at", "<=", until)
        .orderBy("post_at", "asc")
        .orderBy("team_id", "asc")
        .orderBy("decision_ts", "asc")
        .limit(Math.min(Math.max(Math.trunc(limit), 1), 1000))
        .execute();
      return rows.map(fromRow);
    },

    async markScheduled(key, scheduledMessageId, postAt) {
      id.parse(scheduledMessageId);
      epochMs.parse(postAt);
      const result = await keyed(key)
        .set({ scheduled_message_id: scheduledMessageId, status: "scheduled", post_at: postAt })
        .where("status", "in", UNSCHEDULED)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async cancel(key, by) {
      const row = await keyed(key)
        .set({ status: "cancelled", cancelled_at: now(), cancelled_by: id.parse(by) })
        .where("status", "in", LIVE_REMINDER_STATUSES)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async markFailed(key) {
      const result = await keyed(key)
        .set({ status: "failed" })
        .where("status", "in", UNSCHEDULED)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async remove(key) {
      const result = await db
        .deleteFrom("revisit_reminders")
        .where("team_id", "=", key.teamId)
        .where("decision_channel_id", "=", key.decisionChannelId)
        .where("decision_ts", "=", key.decisionTs)
        .where("kind", "=", key.kind ?? "revisit")
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async purgePast() {
      const result = await db
        .deleteFrom("revisit_reminders")
        .where("post_at", "<=", now())
        .where("status", "in", ["scheduled", "cancelled", "failed"])
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
