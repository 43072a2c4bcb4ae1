/**
 * The tables migration 0002 adds, as Kysely sees them: the team's views, votes, decisions, settings and
 * revisit reminders. Kept apart from schema.ts (the first migration's tables); repositories reach them
 * with `db.withTables<DecisionTables>()`. Column conventions are schema.ts's: epoch milliseconds, JSON as
 * text, Slack ids and message ts as text.
 *
 * Every row belongs to one team (`team_id`, and `enterprise_id` inside an Enterprise Grid org) and to a
 * recommendation message (`channel_id`, `message_ts`) where it is about one.
 */
import type { Kysely } from "kysely";
import type { Schema } from "./schema.js";

/** A teammate's own answers to a recommendation's questions: one row per person per recommendation. */
export interface ViewsTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  /** Whose answers these are: part of the key, so a person only ever writes their own row. */
  user_id: string;
  enterprise_id: string | null;
  /** JSON object: question id → answer value. */
  answers: string;
  /** JSON array of feature ids. */
  needs: string;
  notes: string;
  created_at: number;
  updated_at: number;
}

/** "I agree" / "I'd pick the other": one per person per recommendation, changeable. */
export interface VotesTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  user_id: string;
  enterprise_id: string | null;
  /** The framework voted for, "flask" | "django" (since 0005; before, "agree" | "pick_other"). */
  value: string;
  created_at: number;
  updated_at: number;
}

/** The decision a recommendation leads to: one per recommendation message. */
export interface DecisionsTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  enterprise_id: string | null;
  /** Who asked for the recommendation. */
  asked_by: string;
  /** The engine's verdict when proposed: "flask" | "django" | "either". */
  recommended: string;
  /** "proposed" | "decided" | "superseded". */
  status: string;
  /** The framework the team chose; null while proposed. */
  framework: string | null;
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  /** The message ts of the earlier decision (same channel) this one replaced. */
  supersedes: string | null;
  /** The message ts of the later decision (same channel) that replaced this one. */
  superseded_by: string | null;
  superseded_at: number | null;
  created_at: number;
  updated_at: number;
  /** Since 0004: 1 when the channel is known to be public, else 0 (private, a DM, or not known). */
  channel_public: number;
}

/** Per-workspace settings; a team with no row has the defaults. */
export interface TeamSettingsTable {
  team_id: string;
  enterprise_id: string | null;
  /** "asker" | "anyone": who may mark a recommendation as decided. */
  who_may_decide: string;
  updated_by: string | null;
  updated_at: number;
}

/**
 * A reminder about a decision (to revisit it), scheduled with chat.scheduleMessage so it can be cancelled.
 * Since 0005 keyed by the decision's message and a kind; Slack's id is a plain column.
 */
export interface RevisitRemindersTable {
  team_id: string;
  /** The decision it is about: its recommendation message. */
  decision_channel_id: string;
  decision_ts: string;
  /** "revisit". */
  kind: string;
  enterprise_id: string | null;
  /** Where the scheduled message will be posted (chat.deleteScheduledMessage needs it). */
  channel_id: string;
  /** chat.scheduleMessage's scheduled_message_id; null until Slack gave one. */
  scheduled_message_id: string | null;
  /** When Slack will post it, epoch milliseconds. */
  post_at: number;
  created_by: string;
  created_at: number;
  /** "waiting" | "scheduling" | "scheduled" | "cancelled" | "failed" (see revisit-reminders.ts). */
  status: string;
  cancelled_at: number | null;
  cancelled_by: string | null;
}

// A type, not an interface: Kysely's withTables wants an index signature, which only type aliases get implicitly.
export type DecisionTables = {
  views: ViewsTable;
  votes: VotesTable;
  decisions: DecisionsTable;
  team_settings: TeamSettingsTable;
  revisit_reminders: RevisitRemindersTable;
};

/** Every table migration 0002 adds, in the order deleteTeamData empties them. */
export const DECISION_TABLE_NAMES = [
  "views",
  "votes",
  "decisions",
  "team_settings",
  "revisit_reminders",
] as const satisfies ReadonlyArray<keyof DecisionTables>;

/** The query builder with the decision tables too. */
export type DecisionDb = Kysely<Schema & DecisionTables>;

export function withDecisionTables(db: Kysely<Schema>): DecisionDb {
  return db.withTables<DecisionTables>();
}
