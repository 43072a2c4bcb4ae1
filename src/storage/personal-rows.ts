/**
 * Feedback, votes and views: one row per person per recommendation message, keyed by
 * (team, channel, message ts, person). They share their key columns, the checks on them and the queries
 * by key (one person's row, a message's rows, deleting one); each repository adds its own columns and
 * their checks. Every write names its whole key, so a person only ever writes their own row.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import { epochMs } from "./rows.js";
import type { Schema } from "./schema.js";

export type PersonalTable = "feedback" | "votes" | "views";

/** The columns every per-person table has (schema.ts, decision-schema.ts). */
interface PersonalKeyColumns {
  team_id: string;
  channel_id: string;
  message_ts: string;
  user_id: string;
  enterprise_id: string | null;
  created_at: number;
  updated_at: number;
}

/** What identifies a person's row in the app's terms. */
export interface PersonalKey {
  teamId: string;
  enterpriseId?: string | null;
  /** The recommendation's message. */
  channelId: string;
  messageTs: string;
  /** Whose row: the person who acted (`body.user.id`), never an id a form or button carries. */
  userId: string;
}

/** A stored row's key and times in the app's terms. */
export interface StoredPersonalKey extends PersonalKey {
  enterpriseId: string | null;
  createdAt: number;
  updatedAt: number;
}

const id = z.string().min(1);

/** The key's checks, for each repository's input schema. */
export const personalKeyInput = {
  teamId: id,
  enterpriseId: id.nullish(),
  channelId: id,
  messageTs: id,
  userId: id,
};

/** The key columns' checks, for each repository's row schema. */
export const personalKeyRow = {
  team_id: z.string(),
  channel_id: z.string(),
  message_ts: z.string(),
  user_id: z.string(),
  enterprise_id: z.string().nullable(),
  created_at: epochMs,
  updated_at: epochMs,
};

/** A checked row's key and times, named as the app names them. */
export function personalKeyOf(row: z.output<z.ZodObject<typeof personalKeyRow>>): StoredPersonalKey {
  return {
    teamId: row.team_id,
    enterpriseId: row.enterprise_id,
    channelId: row.channel_id,
    messageTs: row.message_ts,
    userId: row.user_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The key columns a write sets, from a checked input. */
export function personalKeyColumns(key: PersonalKey) {
  return {
    team_id: key.teamId,
    channel_id: key.channelId,
    message_ts: key.messageTs,
    user_id: key.userId,
  };
}

/** The key columns an upsert matches on. */
export const PERSONAL_KEY = ["team_id", "channel_id", "message_ts", "user_id"] as const;

/** "vote T1/C1/1700000000.000100 of U1", for an error about a stored row. */
export function describePersonalRow(kind: string, row: unknown): string {
  const r = (row ?? {}) as Record<string, unknown>;
  return `${kind} ${String(r.team_id)}/${String(r.channel_id)}/${String(r.message_ts)} of ${String(r.user_id)}`;
}

export interface PersonalRowReads<T> {
  /** One person's row on a message. */
  find(teamId: string, channelId: string, messageTs: string, userId: string): Promise<T | undefined>;
  /** Everyone's rows on one recommendation, oldest first (then by person). */
  listForRecommendation(teamId: string, channelId: string, messageTs: string): Promise<T[]>;
  /** Deletes one person's row; true when there was one. */
  remove(teamId: string, channelId: string, messageTs: string, userId: string): Promise<boolean>;
}

/**
 * The reads and the delete by key on one of the per-person tables. The three tables' key columns are the
 * same, so these are written once over that shape; each row read is checked by the repository's
 * `fromRow` (its row schema) before anyone sees it.
 */
export function personalRowReads<T>(
  base: Kysely<Schema>,
  table: PersonalTable,
  fromRow: (row: unknown) => T,
): PersonalRowReads<T> {
  const db = base as unknown as Kysely<Record<PersonalTable, PersonalKeyColumns>>;
  const ofMessage = (teamId: string, channelId: string, messageTs: string) =>
    db
      .selectFrom(table)
      .selectAll()
      .where("team_id", "=", teamId)
      .where("channel_id", "=", channelId)
      .where("message_ts", "=", messageTs);
  return {
    async find(teamId, channelId, messageTs, userId) {
      const row = await ofMessage(teamId, channelId, messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },
    async listForRecommendation(teamId, channelId, messageTs) {
      const rows = await ofMessage(teamId, channelId, messageTs)
        .orderBy("created_at", "asc")
        .orderBy("user_id", "asc")
        .execute();
      return rows.map(fromRow);
    },
    async remove(teamId, channelId, messageTs, userId) {
      const result = await db
        .deleteFrom(table)
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
