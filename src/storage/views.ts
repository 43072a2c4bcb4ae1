/**
 * Each teammate's own answers to a recommendation's questions ("my view"): one row per person per
 * recommendation, replaced when they answer again. The person is part of the key and every write
 * names its own key, so nobody can overwrite someone else's answers: the Slack layer passes the id of
 * the person who submitted (`body.user.id`), never one taken from the form.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type DecisionDb, type ViewsTable, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, jsonText, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

const answersSchema = z.record(z.string(), z.string());
const needsSchema = z.array(z.string());

export interface ViewInput {
  teamId: string;
  enterpriseId?: string | null;
  /** The recommendation's message. */
  channelId: string;
  messageTs: string;
  /** Whose answers these are: the person who submitted them. */
  userId: string;
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

export interface StoredView extends ViewInput {
  enterpriseId: string | null;
  createdAt: number;
  updatedAt: number;
}

const id = z.string().min(1);
const inputSchema = z.object({
  teamId: id,
  enterpriseId: id.nullish(),
  channelId: id,
  messageTs: id,
  userId: id,
  answers: answersSchema,
  needs: needsSchema,
  notes: z.string(),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    message_ts: z.string(),
    user_id: z.string(),
    enterprise_id: z.string().nullable(),
    answers: jsonText(answersSchema),
    needs: jsonText(needsSchema),
    notes: z.string(),
    created_at: epochMs,
    updated_at: epochMs,
  })
  .transform(
    (row): StoredView => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      messageTs: row.message_ts,
      userId: row.user_id,
      answers: row.answers,
      needs: row.needs,
      notes: row.notes,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }),
  );

function fromRow(row: Selectable<ViewsTable>): StoredView {
  return parseRow(
    rowSchema,
    row,
    `view ${row.team_id}/${row.channel_id}/${row.message_ts} of ${row.user_id}`,
  );
}

export interface ViewRepository {
  /** Stores a person's own answers, replacing their earlier ones; never touches anyone else's. */
  upsert(input: ViewInput): Promise<StoredView>;
  find(teamId: string, channelId: string, messageTs: string, userId: string): Promise<StoredView | undefined>;
  /** Everyone's views on one recommendation, in the order they first gave them. */
  listForRecommendation(teamId: string, channelId: string, messageTs: string): Promise<StoredView[]>;
  /** Withdraws a person's own view; true when there was one. */
  remove(teamId: string, channelId: string, messageTs: string, userId: string): Promise<boolean>;
}

export function viewRepository(base: Kysely<Schema>, now: Clock): ViewRepository {
  const db: DecisionDb = withDecisionTables(base);
  return {
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      const changes = {
        enterprise_id: valid.enterpriseId ?? null,
        answers: JSON.stringify(valid.answers),
        needs: JSON.stringify(valid.needs),
        notes: valid.notes,
        updated_at: at,
      };
      const row = await db
        .insertInto("views")
        .values({
          team_id: valid.teamId,
          channel_id: valid.channelId,
          message_ts: valid.messageTs,
          user_id: valid.userId,
          ...changes,
          created_at: at,
        })
        .onConflict((oc) =>
          oc.columns(["team_id", "channel_id", "message_ts", "user_id"]).doUpdateSet(changes),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },

    async find(teamId, channelId, messageTs, userId) {
      const row = await db
        .selectFrom("views")
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
        .selectFrom("views")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .orderBy("created_at", "asc")
        .orderBy("user_id", "asc")
        .execute();
      return rows.map(fromRow);
    },

    async remove(teamId, channelId, messageTs, userId) {
      const result = await db
        .deleteFrom("views")
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
