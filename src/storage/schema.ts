/**
 * The tables as Kysely sees them: one schema for SQLite and PostgreSQL (the migrations create exactly this).
 *
 * Column conventions, the same in both dialects:
 * - times are integer epoch milliseconds (`bigint`; read back as numbers, see connect.ts): no time zones,
 *   no text formats to parse, numeric ordering, and the same value whichever dialect wrote it;
 * - JSON is `text` holding JSON.stringify output, parsed and checked with zod when read (nothing queries
 *   inside it, so PostgreSQL's jsonb would buy nothing and SQLite has no such type);
 * - booleans are `integer` 0 or 1 (SQLite has no boolean type);
 * - Slack ids and message timestamps are `text` (a message ts such as "1700000000.000100" is an id, not a
 *   number: a float would lose digits).
 */

export interface InstallationsTable {
  /** "team:T…" for a workspace install, "enterprise:E…" for an org-wide one. */
  installation_key: string;
  enterprise_id: string | null;
  team_id: string | null;
  is_enterprise_install: number;
  /** The whole Bolt `Installation` as JSON, encrypted (token-crypto.ts). */
  data: string;
  installed_at: number;
  updated_at: number;
}

export interface RecommendationsTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  enterprise_id: string | null;
  user_id: string;
  /** JSON object: question id → answer value. */
  answers: string;
  /** JSON array of feature ids. */
  needs: string;
  notes: string;
  verdict: string;
  /** JSON object: { flask: number, django: number }. */
  scores: string;
  confidence: number;
  knowledge_version: string;
  created_at: number;
  edited_at: number | null;
}

export interface FeedbackTable {
  team_id: string;
  channel_id: string;
  message_ts: string;
  user_id: string;
  enterprise_id: string | null;
  value: string;
  created_at: number;
  updated_at: number;
}

export interface HandledEventsTable {
  key: string;
  claimed_at: number;
  expires_at: number;
}

export interface Schema {
  installations: InstallationsTable;
  recommendations: RecommendationsTable;
  feedback: FeedbackTable;
  handled_events: HandledEventsTable;
}
