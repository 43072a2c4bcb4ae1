/**
 * "I agree" / "I'd pick the other" on a recommendation: one vote per person per recommendation; voting
 * again changes it, and it can be withdrawn.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type DecisionDb, type VotesTable, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

/** `agree`: "I agree" with the verdict; `pick_other`: "I'd pick the other" framework. */
export const VOTE_VALUES = ["agree", "pick_other"] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];

export interface VoteInput {
  teamId: string;
  enterpriseId?: string | null;
  channelId: string;
  messageTs: string;
  userId: string;
  value: VoteValue;
}

export interface StoredVote extends VoteInput {
  enterpriseId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** The votes on one recommendation: who, in the order they first voted. */
export interface VoteTally {
  agree: string[];
  pickOther: string[];
}

const id = z.string().min(1);
const inputSchema = z.object({
  teamId: id,
  enterpriseId: id.nullish(),
  channelId: id,
  messageTs: id,
  userId: id,
  value: z.enum(VOTE_VALUES),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    message_ts: z.string(),
    user_id: z.string(),
    enterprise_id: z.string().nullable(),
    value: z.enum(VOTE_VALUES),
    created_at: epochMs,
    updated_at: epochMs,
  })
  .transform(
    (row): StoredVote => ({
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

function fromRow(row: Selectable<VotesTable>): StoredVote {
  return parseRow(
    rowSchema,
    row,
    `vote ${row.team_id}/${row.channel_id}/${row.message_ts} of ${row.user_id}`,
  );
}

export interface VoteRepository {
  /** Records a person's vote, replacing their earlier one. */
  upsert(input: VoteInput): Promise<StoredVote>;
  find(teamId: string, channelId: string, messageTs: string, userId: string): Promise<StoredVote | undefined>;
  /** Every vote on one recommendation, oldest first. */
  listForRecommendation(teamId: string, channelId: string, messageTs: string): Promise<StoredVote[]>;
  /** Who voted which way on one recommendation. */
  tally(teamId: string, channelId: string, messageTs: string): Promise<VoteTally>;
  /** Withdraws a person's vote; true when there was one. */
  remove(teamId: string, channelId: string, messageTs: string, userId: string): Promise<boolean>;
}

export function voteRepository(base: Kysely<Schema>, now: Clock): VoteRepository {
  const db: DecisionDb = withDecisionTables(base);
  const listForRecommendation = async (teamId: string, channelId: string, messageTs: string) => {
    const rows = await db
      .selectFrom("votes")
      .selectAll()
      .where("team_id", "=", teamId)
      .where("channel_id", "=", channelId)
      .where("message_ts", "=", messageTs)
      .orderBy("created_at", "asc")
      .orderBy("user_id", "asc")
      .execute();
    return rows.map(fromRow);
  };
  return {
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      const row = await db
        .insertInto("votes")
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
        .selectFrom("votes")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    listForRecommendation,

    async tally(teamId, channelId, messageTs) {
      const votes = await listForRecommendation(teamId, channelId, messageTs);
      return {
        agree: votes.filter((v) => v.value === "agree").map((v) => v.userId),
        pickOther: votes.filter((v) => v.value === "pick_other").map((v) => v.userId),
      };
    },

    async remove(teamId, channelId, messageTs, userId) {
      const result = await db
        .deleteFrom("votes")
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
