/**
 * The decision log: one decision per recommendation message, **proposed** when the recommendation is
 * posted, **decided** when someone allowed to says what the team chose (who, when, which framework; the
 * team may choose against the verdict, and the record says so), **superseded** when a later decision in
 * the same channel replaces it (linked both ways: `supersededBy` on the old one, `supersedes` on the new).
 *
 * The rules are the pure state machine's (src/engine/decision-log.ts); this module applies them
 * atomically. A decision is written only if its status is still the one it was read with, and a partial
 * unique index lets at most one decision stand (be `decided`) per channel, so two people deciding at
 * once, in any process, leave one standing decision and a clean chain of supersessions.
 */
import { type ExpressionBuilder, type Kysely, PostgresAdapter, type Selectable, sql } from "kysely";
import { z } from "zod";
import {
  applyDecisionEvent,
  DECISION_STATUSES,
  DEFAULT_WHO_MAY_DECIDE,
  type DecisionErrorCode,
  type DecisionState,
  type DecisionStatus,
  decidedAgainstRecommendation,
  WHO_MAY_DECIDE,
} from "../engine/decision-log.js";
import {
  type DecisionDb,
  type DecisionsTable,
  type DecisionTables,
  withDecisionTables,
} from "./decision-schema.js";
import { type StoredVerdict, VERDICTS } from "./recommendations.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

export const DECIDED_FRAMEWORKS = ["flask", "django"] as const;
export type DecidedFramework = (typeof DECIDED_FRAMEWORKS)[number];

/** The longest reason kept (the text field's limit in Slack's modal is 3000). */
export const MAX_REASON_LENGTH = 3000;

export interface ProposalInput {
  teamId: string;
  enterpriseId?: string | null;
  /** The recommendation's message. */
  channelId: string;
  messageTs: string;
  /** Who asked for the recommendation. */
  askedBy: string;
  /** Its verdict. */
  recommended: StoredVerdict;
  /**
   * Whether its channel is known to be public (see `setChannelPublic`). Absent: as the channel's newest
   * decision says, or not public when it has none; an existing decision keeps what it has.
   */
  channelPublic?: boolean;
}

export interface StoredDecision {
  teamId: string;
  enterpriseId: string | null;
  channelId: string;
  messageTs: string;
  askedBy: string;
  recommended: StoredVerdict;
  status: DecisionStatus;
  /** The framework chosen; null while proposed. */
  framework: DecidedFramework | null;
  decidedBy: string | null;
  decidedAt: number | null;
  reason: string | null;
  /** True when the team chose the framework the recommendation did not (never for a toss-up). */
  againstRecommendation: boolean;
  /** Message ts of the earlier decision in the same channel that this one replaced. */
  supersedes: string | null;
  /** Message ts of the later decision in the same channel that replaced this one. */
  supersededBy: string | null;
  supersededAt: number | null;
  createdAt: number;
  updatedAt: number;
  /** True when its channel is known to be public; false for a private channel, a DM, or not known. */
  channelPublic: boolean;
}

export interface DecideInput {
  teamId: string;
  channelId: string;
  messageTs: string;
  /** Who marks it decided: the person who clicked. */
  userId: string;
  framework: DecidedFramework;
  /** Why, in their words (optional). */
  reason?: string | null;
}

export type DecideResult =
  | {
      ok: true;
      decision: StoredDecision;
      /** The decision that stood in the channel before and is now superseded by this one, if any. */
      superseded: StoredDecision | null;
    }
  | {
      ok: false;
      code: DecisionErrorCode | "not_found";
      /** For people: what went wrong and why. */
      message: string;
      /** The decision as it is now, when there is one. */
      decision?: StoredDecision;
    };

export interface DecisionListOptions {
  /** Only these statuses (one or several); all when absent. */
  status?: DecisionStatus | readonly DecisionStatus[];
  /** At most this many (default 50, at most 1000). */
  limit?: number;
  /**
   * Only those this person may see: every decision of a public channel, and the others only when they
   * took part (asked, decided, gave their view or voted). Absent: all (the operator's terminal).
   */
  visibleTo?: string;
}

const id = z.string().min(1);
const proposalSchema = z.object({
  teamId: id,
  enterpriseId: id.nullish(),
  channelId: id,
  messageTs: id,
  askedBy: id,
  recommended: z.enum(VERDICTS),
  channelPublic: z.boolean().optional(),
});
const decideSchema = z.object({
  teamId: id,
  channelId: id,
  messageTs: id,
  userId: id,
  framework: z.enum(DECIDED_FRAMEWORKS),
  reason: z.string().max(MAX_REASON_LENGTH).nullish(),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    channel_id: z.string(),
    message_ts: z.string(),
    enterprise_id: z.string().nullable(),
    asked_by: z.string(),
    recommended: z.enum(VERDICTS),
    status: z.enum(DECISION_STATUSES),
    framework: z.enum(DECIDED_FRAMEWORKS).nullable(),
    decided_by: z.string().nullable(),
    decided_at: epochMs.nullable(),
    reason: z.string().nullable(),
    supersedes: z.string().nullable(),
    superseded_by: z.string().nullable(),
    superseded_at: epochMs.nullable(),
    created_at: epochMs,
    updated_at: epochMs,
    channel_public: z.union([z.literal(0), z.literal(1)]),
  })
  .transform(
    (row): StoredDecision => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      channelId: row.channel_id,
      messageTs: row.message_ts,
      askedBy: row.asked_by,
      recommended: row.recommended,
      status: row.status,
      framework: row.framework,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      reason: row.reason,
      againstRecommendation: decidedAgainstRecommendation(row),
      supersedes: row.supersedes,
      supersededBy: row.superseded_by,
      supersededAt: row.superseded_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      channelPublic: row.channel_public === 1,
    }),
  );

function fromRow(row: Selectable<DecisionsTable>): StoredDecision {
  return parseRow(rowSchema, row, `decision ${row.team_id}/${row.channel_id}/${row.message_ts}`);
}

type DecisionsQuery = ExpressionBuilder<Schema & DecisionTables, "decisions">;

/**
 * The decisions `user` may see (DecisionListOptions.visibleTo): its channel is public, or they asked,
 * decided, gave their view or voted. The same rule as src/decisions' `mayView`.
 */
const visibleTo = (user: string) => (eb: DecisionsQuery) => {
  const onTheMessage = (table: "views" | "votes") =>
    eb.exists(
      eb
        .selectFrom(table)
        .select(sql.lit(1).as("one"))
        .whereRef(`${table}.team_id`, "=", "decisions.team_id")
        .whereRef(`${table}.channel_id`, "=", "decisions.channel_id")
        .whereRef(`${table}.message_ts`, "=", "decisions.message_ts")
        .where(`${table}.user_id`, "=", user),
    );
  return eb.or([
    eb("decisions.channel_public", "=", 1),
    eb("decisions.asked_by", "=", user),
    eb("decisions.decided_by", "=", user),
    onTheMessage("views"),
    onTheMessage("votes"),
  ]);
};

/** The part the state machine looks at. */
function stateOf(d: StoredDecision): DecisionState {
  return {
    status: d.status,
    askedBy: d.askedBy,
    recommended: d.recommended,
    framework: d.framework,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt,
    reason: d.reason,
    supersedes: d.supersedes,
    supersededBy: d.supersededBy,
    supersededAt: d.supersededAt,
  };
}

/** Another writer changed the rows between our read and our write: the whole transaction is retried. */
class WriteConflict extends Error {}

/** A unique index refused the write: the other standing decision was committed in the meantime. */
function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}

/** How often `decide` tries again after losing a race (each retry sees the winner's commit). */
const DECIDE_ATTEMPTS = 5;

export interface DecisionRepository {
  /**
   * Records a recommendation as a proposed decision. Idempotent: an existing decision is returned as it
   * is, except that while still proposed an edited recommendation's new verdict replaces the old one.
   */
  propose(input: ProposalInput): Promise<StoredDecision>;
  find(teamId: string, channelId: string, messageTs: string): Promise<StoredDecision | undefined>;
  /** The decision that stands (is decided) in a channel, if any. */
  findStanding(teamId: string, channelId: string): Promise<StoredDecision | undefined>;
  /**
   * Marks a proposed decision as decided, if the workspace's setting lets this person (the asker only,
   * by default), and supersedes the decision that stood in the same channel. Atomic: concurrent calls
   * leave exactly one standing decision per channel. Says why when it cannot.
   */
  decide(input: DecideInput): Promise<DecideResult>;
  /** A team's decisions, newest (greatest message ts) first, optionally only some statuses. */
  listByTeam(teamId: string, options?: DecisionListOptions): Promise<StoredDecision[]>;
  /** Every team's decisions, newest first (for the operator's terminal). */
  listAllTeams(options?: DecisionListOptions): Promise<StoredDecision[]>;
  /** How many decisions a team has, optionally only some statuses or those one person may see (App Home's "showing N of M"). */
  countByTeam(teamId: string, options?: Pick<DecisionListOptions, "status" | "visibleTo">): Promise<number>;
  /**
   * Records what Slack said about a channel (a message event's `channel_type`) on every decision in it.
   * Returns how many changed.
   */
  setChannelPublic(teamId: string, channelId: string, isPublic: boolean): Promise<number>;
}

export function decisionRepository(base: Kysely<Schema>, now: Clock): DecisionRepository {
  const db: DecisionDb = withDecisionTables(base);
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;

  /** The statuses asked for, checked; undefined for all. */
  const statusesOf = (status: DecisionListOptions["status"]) => {
    const statuses = status === undefined ? undefined : typeof status === "string" ? [status] : [...status];
    if (statuses !== undefined) z.array(z.enum(DECISION_STATUSES)).parse(statuses);
    return statuses;
  };

  const list = async (teamId: string | undefined, options: DecisionListOptions = {}) => {
    const limit = Math.min(Math.max(Math.trunc(options.limit ?? 50), 1), 1000);
    const statuses = statusesOf(options.status);
    if (statuses?.length === 0) return [];
    let query = db.selectFrom("decisions").selectAll();
    if (teamId !== undefined) query = query.where("team_id", "=", teamId);
    if (statuses !== undefined) query = query.where("status", "in", statuses);
    if (options.visibleTo !== undefined) query = query.where(visibleTo(options.visibleTo));
    const rows = await query
      .orderBy("message_ts", "desc")
      .orderBy("team_id", "asc")
      .orderBy("channel_id", "asc")
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  };

  const decideOnce = (valid: z.output<typeof decideSchema>): Promise<DecideResult> =>
    db.transaction().execute(async (trx) => {
      // Deciders in one channel take turns. PostgreSQL: a transaction-scoped advisory lock on the
      // channel (without it, each of n simultaneous deciders would retry until it is alone). SQLite:
      // the write below takes the database's write lock, which already lets one writer in at a time.
      if (isPostgres)
        await sql`select pg_advisory_xact_lock(hashtext(${`decisions:${valid.teamId}:${valid.channelId}`}))`.execute(
          trx,
        );
      const at = now();
      // A write first: it locks the row (PostgreSQL) or takes the write lock (SQLite) before anything is
      // read, so the reads below cannot go stale before our writes.
      const locked = await trx
        .updateTable("decisions")
        .set((eb) => ({ updated_at: eb.ref("updated_at") }))
        .where("team_id", "=", valid.teamId)
        .where("channel_id", "=", valid.channelId)
        .where("message_ts", "=", valid.messageTs)
        .returningAll()
        .executeTakeFirst();
      if (locked === undefined)
        return {
          ok: false,
          code: "not_found",
          message: "There is no decision for this recommendation: it was not recorded.",
        } as const;
      const current = fromRow(locked);
      const settings = await trx
        .selectFrom("team_settings")
        .select("who_may_decide")
        .where("team_id", "=", valid.teamId)
        .executeTakeFirst();
      const whoMayDecide = z
        .enum(WHO_MAY_DECIDE)
        .catch(DEFAULT_WHO_MAY_DECIDE)
        .parse(settings?.who_may_decide ?? DEFAULT_WHO_MAY_DECIDE);
      const standingRow = await trx
        .selectFrom("decisions")
        .selectAll()
        .where("team_id", "=", valid.teamId)
        .where("channel_id", "=", valid.channelId)
        .where("status", "=", "decided")
        .where("message_ts", "!=", valid.messageTs)
        .executeTakeFirst();
      const standing = standingRow === undefined ? undefined : fromRow(standingRow);
      const result = applyDecisionEvent(stateOf(current), {
        type: "decide",
        by: valid.userId,
        at,
        framework: valid.framework,
        reason: valid.reason ?? null,
        whoMayDecide,
        supersedes: standing?.messageTs ?? null,
      });
      if (!result.ok) return { ok: false, code: result.code, message: result.message, decision: current };

      let superseded: StoredDecision | null = null;
      if (standing !== undefined) {
        const next = applyDecisionEvent(stateOf(standing), {
          type: "supersede",
          by: valid.messageTs,
          at,
        });
        if (!next.ok) throw new WriteConflict(next.message);
        const row = await trx
          .updateTable("decisions")
          .set({
            status: next.state.status,
            superseded_by: next.state.supersededBy,
            superseded_at: next.state.supersededAt,
            updated_at: at,
          })
          .where("team_id", "=", standing.teamId)
          .where("channel_id", "=", standing.channelId)
          .where("message_ts", "=", standing.messageTs)
          .where("status", "=", "decided")
          .returningAll()
          .executeTakeFirst();
        if (row === undefined) throw new WriteConflict("the standing decision changed");
        superseded = fromRow(row);
      }
      const s = result.state;
      const row = await trx
        .updateTable("decisions")
        .set({
          status: s.status,
          framework: s.framework,
          decided_by: s.decidedBy,
          decided_at: s.decidedAt,
          reason: s.reason,
          supersedes: s.supersedes,
          updated_at: at,
        })
        .where("team_id", "=", valid.teamId)
        .where("channel_id", "=", valid.channelId)
        .where("message_ts", "=", valid.messageTs)
        .where("status", "=", current.status)
        .returningAll()
        .executeTakeFirst();
      if (row === undefined) throw new WriteConflict("the decision changed");
      return { ok: true, decision: fromRow(row), superseded } as const;
    });

  /** The decision on one recommendation message. */
  const ofMessage = (teamId: string, channelId: string, messageTs: string) =>
    db
      .selectFrom("decisions")
      .selectAll()
      .where("team_id", "=", teamId)
      .where("channel_id", "=", channelId)
      .where("message_ts", "=", messageTs);

  return {
    async propose(input) {
      const valid = proposalSchema.parse(input);
      const at = now();
      const written = await db
        .insertInto("decisions")
        .values({
          team_id: valid.teamId,
          channel_id: valid.channelId,
          message_ts: valid.messageTs,
          enterprise_id: valid.enterpriseId ?? null,
          asked_by: valid.askedBy,
          recommended: valid.recommended,
          status: "proposed",
          framework: null,
          decided_by: null,
          decided_at: null,
          reason: null,
          supersedes: null,
          superseded_by: null,
          superseded_at: null,
          created_at: at,
          updated_at: at,
          // Not told: what the channel's newest decision knows (a channel's kind rarely changes).
          channel_public:
            valid.channelPublic === undefined
              ? (eb) =>
                  eb.fn.coalesce(
                    eb
                      .selectFrom("decisions")
                      .select("channel_public")
                      .where("team_id", "=", valid.teamId)
                      .where("channel_id", "=", valid.channelId)
                      .orderBy("message_ts", "desc")
                      .limit(1),
                    sql.lit(0),
                  )
              : Number(valid.channelPublic),
        })
        .onConflict((oc) =>
          oc
            .columns(["team_id", "channel_id", "message_ts"])
            .doUpdateSet({ recommended: valid.recommended, updated_at: at })
            .where("decisions.status", "=", "proposed")
            .where("decisions.recommended", "!=", valid.recommended),
        )
        // The row comes back when it was inserted or its verdict updated; otherwise it is read below.
        .returningAll()
        .executeTakeFirst();
      if (
        written !== undefined &&
        (valid.channelPublic === undefined || written.channel_public === Number(valid.channelPublic))
      )
        return fromRow(written);
      if (valid.channelPublic !== undefined)
        await db
          .updateTable("decisions")
          .set({ channel_public: Number(valid.channelPublic) })
          .where("team_id", "=", valid.teamId)
          .where("channel_id", "=", valid.channelId)
          .where("message_ts", "=", valid.messageTs)
          .where("channel_public", "!=", Number(valid.channelPublic))
          .execute();
      return fromRow(
        await ofMessage(valid.teamId, valid.channelId, valid.messageTs).executeTakeFirstOrThrow(),
      );
    },

    async find(teamId, channelId, messageTs) {
      const row = await ofMessage(teamId, channelId, messageTs).executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async findStanding(teamId, channelId) {
      const row = await db
        .selectFrom("decisions")
        .selectAll()
        .where("team_id", "=", teamId)
        .where("channel_id", "=", channelId)
        .where("status", "=", "decided")
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async decide(input) {
      const valid = decideSchema.parse(input);
      for (let attempt = 1; ; attempt++) {
        try {
          return await decideOnce(valid);
        } catch (err) {
          const retry = err instanceof WriteConflict || isUniqueViolation(err);
          if (!retry || attempt >= DECIDE_ATTEMPTS) throw err;
          await new Promise((resolve) => setTimeout(resolve, 5 * attempt));
        }
      }
    },

    listByTeam: (teamId, options) => list(teamId, options),
    listAllTeams: (options) => list(undefined, options),

    async countByTeam(teamId, options = {}) {
      const statuses = statusesOf(options.status);
      if (statuses?.length === 0) return 0;
      let query = db
        .selectFrom("decisions")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("team_id", "=", teamId);
      if (statuses !== undefined) query = query.where("status", "in", statuses);
      if (options.visibleTo !== undefined) query = query.where(visibleTo(options.visibleTo));
      const row = await query.executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async setChannelPublic(teamId, channelId, isPublic) {
      const value = isPublic ? 1 : 0;
      const result = await db
        .updateTable("decisions")
        .set({ channel_public: value })
        .where("team_id", "=", id.parse(teamId))
        .where("channel_id", "=", id.parse(channelId))
        .where("channel_public", "!=", value)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
