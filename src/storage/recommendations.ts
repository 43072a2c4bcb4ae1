/**
 * Every recommendation posted: the answers it was made from and what it said. One row per Slack message
 * (team, channel, ts); editing the answers updates the same row and sets `editedAt`.
 */
import type { Kysely, Selectable } from "kysely";
import { z } from "zod";
import { type Clock, epochMs, jsonText, parseRow } from "./rows.js";
import type { RecommendationsTable, Schema } from "./schema.js";

export const VERDICTS = ["flask", "django", "either"] as const;
export type StoredVerdict = (typeof VERDICTS)[number];

const answersSchema = z.record(z.string(), z.string());
const needsSchema = z.array(z.string());
const scoresSchema = z.object({ flask: z.number(), django: z.number() });

export interface RecommendationInput {
  teamId: string;
  /** Set when the workspace belongs to an Enterprise Grid org. */
  enterpriseId?: string | null;
  channelId: string;
  messageTs: string;
  /** Who asked. */
  userId: string;
  answers: Record<string, string>;
  needs: string[];
  notes: string;
  verdict: StoredVerdict;
  scores: { flask: number; django: number };
  /** Share of plausible weightings that keep the verdict, 0 to 1. */
  confidence: number;
  knowledgeVersion: string;
}

export interface StoredRecommendation extends RecommendationInput {
  enterpriseId: string | null;
  createdAt: number;
  /** When the answers were last edited; null if never. */
  editedAt: number | null;
}

const inputSchema = z.object({
  teamId: z.string().min(1),
  enterpriseId: z.string().min(1).nullish(),
  channelId: z.string().min(1),
  messageTs: z.string().min(1),
  userId: z.string().min(1),
  answers: answersSchema,
  needs: needsSchema,
  notes: z.string(),
  verdict: z.enum(VERDICTS),
  scores: scoresSchema,
  confidence: z.number().min(0).max(1),
  knowledgeVersion: z.string(),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    message_ts: z.string(),
    enterprise_id: z.string().nullable(),
    user_id: z.string(),
    answers: jsonText(answersSchema),
    needs: jsonText(needsSchema),
    notes: z.string(),
    verdict: z.enum(VERDICTS),
    scores: jsonText(scoresSchema),
    confidence: z.number(),
    knowledge_version: z.string(),
    created_at: epochMs,
    edited_at: epochMs.nullable(),
  })
  .transform(
    (row): StoredRecommendation => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      messageTs: row.message_ts,
      userId: row.user_id,
      answers: row.answers,
      needs: row.needs,
      notes: row.notes,
      verdict: row.verdict,
      scores: row.scores,
      confidence: row.confidence,
      knowledgeVersion: row.knowledge_version,
      createdAt: row.created_at,
      editedAt: row.edited_at,
    }),
  );

/** What an upsert returns: who asked (an edit keeps it) and when. */
const writtenSchema = z.object({ user_id: z.string(), created_at: epochMs, edited_at: epochMs.nullable() });

function fromRow(row: Selectable<RecommendationsTable>): StoredRecommendation {
  return parseRow(rowSchema, row, `recommendation ${row.team_id}/${row.channel_id}/${row.message_ts}`);
}

export interface ListOptions {
  /** At most this many (default 50, at most 1000). */
  limit?: number;
}

export interface RecommendationRepository {
  /**
   * Inserts, or updates the row for the same (team, channel, ts) and sets editedAt; never changes who
   * asked (`userId`). Returns what is stored.
   */
  upsert(input: RecommendationInput): Promise<StoredRecommendation>;
  find(teamId: string, channelId: string, messageTs: string): Promise<StoredRecommendation | undefined>;
  /**
   * The most recent recommendation in a channel: the greatest message ts (when Slack posted it). Slack's
   * ts is fixed-width ("1700000000.000100"), so text order is time order; the primary key serves it.
   */
  findLatestInChannel(teamId: string, channelId: string): Promise<StoredRecommendation | undefined>;
  /** A team's recommendations, newest (greatest ts) first. */
  listByTeam(teamId: string, options?: ListOptions): Promise<StoredRecommendation[]>;
}

export function recommendationRepository(db: Kysely<Schema>, now: Clock): RecommendationRepository {
  return {
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      // Who asked never changes: an edit (only ever the asker's) keeps the row's user_id.
      const changes = {
        enterprise_id: valid.enterpriseId ?? null,
        answers: JSON.stringify(valid.answers),
        needs: JSON.stringify(valid.needs),
        notes: valid.notes,
        verdict: valid.verdict,
        scores: JSON.stringify(valid.scores),
        confidence: valid.confidence,
        knowledge_version: valid.knowledgeVersion,
      };
      const row = await db
        .insertInto("recommendations")
        .values({
          team_id: valid.teamId,
          channel_id: valid.channelId,
          message_ts: valid.messageTs,
          user_id: valid.userId,
          ...changes,
          created_at: at,
          edited_at: null,
        })
        .onConflict((oc) =>
          oc.columns(["team_id", "channel_id", "message_ts"]).doUpdateSet({ ...changes, edited_at: at }),
        )
        // Only what the row may hold apart from the input: what was written is not read back and re-parsed.
        .returning(["user_id", "created_at", "edited_at"])
        .executeTakeFirstOrThrow();
      const kept = parseRow(
        writtenSchema,
        row,
        `recommendation ${valid.teamId}/${valid.channelId}/${valid.messageTs}`,
      );
      return {
        teamId: valid.teamId,
        enterpriseId: valid.enterpriseId ?? null,
        channelId: valid.channelId,
        messageTs: valid.messageTs,
        userId: kept.user_id,
        answers: valid.answers,
        needs: valid.needs,
        notes: valid.notes,
        verdict: valid.verdict,
        scores: valid.scores,
        confidence: valid.confidence,
        knowledgeVersion: valid.knowledgeVersion,
        createdAt: kept.created_at,
        editedAt: kept.edited_at,
      };
    },

    async find(teamId, channelId, messageTs) {
      const row = await db
        .selectFrom("recommendations")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("message_ts", "=", messageTs)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async findLatestInChannel(teamId, channelId) {
      const row = await db
        .selectFrom("recommendations")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .orderBy("message_ts", "desc")
        .limit(1)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async listByTeam(teamId, options = {}) {
      const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
      const rows = await db
        .selectFrom("recommendations")
        .selectAll()
        .where("team_id", "=", teamId)
        .orderBy("message_ts", "desc")
        .limit(limit)
        .execute();
      return rows.map(fromRow);
    },
  };
}
