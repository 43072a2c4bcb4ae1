/**
 * Helpful / Not helpful on a recommendation: one answer per person per recommendation; a second click
 * replaces the first.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { FeedbackTable, Schema } from "./schema.js";

export const FEEDBACK_VALUES = ["helpful", "not_helpful"] as const;
export type FeedbackValue = (typeof FEEDBACK_VALUES)[number];

export interface FeedbackInput {
  teamId: string;
  enterpriseId?: string | null;
  /** The recommendation's message: channel and ts. */
  channelId: string;
  messageTs: string;
  userId: string;
  value: FeedbackValue;
}

export interface StoredFeedback extends FeedbackInput {
  enterpriseId: string | null;
  createdAt: number;
  updatedAt: number;
}

const inputSchema = z.object({
  teamId: z.string().min(1),
  enterpriseId: z.string().min(1).nullish(),
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
  userId: z.string().min(1),
  value: z.enum(FEEDBACK_VALUES),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    message_ts: z.string(),
    user_id: z.string(),
    enterprise_id: z.string().nullable(),
    value: z.enum(FEEDBACK_VALUES),
    created_at: epochMs,
    updated_at: epochMs,
  })
  .transform(
    (row): StoredFeedback => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      messageTs: row.message_ts,
      userId: row.user_id,
      value: row.value,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );

function fromRow(row: Selectable<FeedbackTable>): StoredFeedback {
  return parseRow(
    rowSchema,
    row,
    `feedback ${row.team_id}/${row.channel_id}/${row.message_ts} from ${row.user_id}`,
  );
}

export interface FeedbackRepository {
  /** Records a person's feedback on a recommendation, replacing any earlier one. */
  upsert(input: FeedbackInput): Promise<StoredFeedback>;
  find(
    teamId: string,
    channelId: string,
    messageTs: string,
    userId: string,
  ): Promise<StoredFeedback | undefined>;
  /** Everyone's feedback on one recommendation, oldest first. */
  listForRecommendation(teamId: string, channelId: string, messageTs: string): Promise<StoredFeedback[]>;
}

export function feedbackRepository(db: Kysely<Schema>, now: Clock): FeedbackRepository {
  return {
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      const row = await db
        .insertInto("feedback")
        .values({
          team_id: valid.teamId,
          channel_id: valid.channelId,
          message_ts: valid.messageTs,
          user_id: valid.userId,
          enterprise_id: valid.enterpriseId ?? null,
          value: valid.value,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(["team_id", "channel_id", "message_ts", "user_id"])
            .doUpdateSet({ value: valid.value, enterprise_id: valid.enterpriseId ?? null, updated_at: at }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },

    async find(teamId, channelId, messageTs, userId) {
      const row = await db
        .selectFrom("feedback")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async listForRecommendation(teamId, channelId, messageTs) {
      const rows = await db
        .selectFrom("feedback")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .orderBy("created_at", "asc")
        .orderBy("user_id", "asc")
        .execute();
      return rows.map(fromRow);
    },
  };
}
