/**
 * Per-workspace settings. Today one: who may mark a recommendation as decided, "asker" (only the person
 * who asked for it; the default) or "anyone" in the workspace. A team with no row has the defaults.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import { DEFAULT_WHO_MAY_DECIDE, WHO_MAY_DECIDE, type WhoMayDecide } from "../engine/decision-log.js";
import { type DecisionDb, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

export interface TeamSettings {
  teamId: string;
  enterpriseId: string | null;
  whoMayDecide: WhoMayDecide;
  /** Who last changed them, and when; null for the defaults. */
  updatedBy: string | null;
  updatedAt: number | null;
  /** True when nothing was ever set for the team: every value is its default. */
  isDefault: boolean;
}

export interface TeamSettingsUpdate {
  teamId: string;
  enterpriseId?: string | null;
  /** Who changes them (the Slack layer decides who may: workspace admins, say). */
  updatedBy: string;
  whoMayDecide: WhoMayDecide;
}

const id = z.string().min(1);
const updateSchema = z.object({
  teamId: id,
  enterpriseId: id.nullish(),
  updatedBy: id,
  whoMayDecide: z.enum(WHO_MAY_DECIDE),
});

const rowSchema = z
  .object({
    team_id: z.string(),
    enterprise_id: z.string().nullable(),
    who_may_decide: z.enum(WHO_MAY_DECIDE),
    updated_by: z.string().nullable(),
    updated_at: epochMs,
  })
  .transform(
    (row): TeamSettings => ({
      teamId: row.team_id,
      enterpriseId: row.enterprise_id,
      whoMayDecide: row.who_may_decide,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
      isDefault: false,
    }),
  );

/** The settings of a team that never changed them. */
export function defaultTeamSettings(teamId: string): TeamSettings {
  return {
    teamId,
    enterpriseId: null,
    whoMayDecide: DEFAULT_WHO_MAY_DECIDE,
    updatedBy: null,
    updatedAt: null,
    isDefault: true,
  };
}

export interface TeamSettingsRepository {
  /** The team's settings, or the defaults when none were ever set. */
  get(teamId: string): Promise<TeamSettings>;
  /** Sets them; returns what is stored. */
  update(input: TeamSettingsUpdate): Promise<TeamSettings>;
}

export function teamSettingsRepository(base: Kysely<Schema>, now: Clock): TeamSettingsRepository {
  const db: DecisionDb = withDecisionTables(base);
  return {
    async get(teamId) {
      const row = await db
        .selectFrom("team_settings")
        .selectAll()
        .where("team_id", "=", teamId)
        .executeTakeFirst();
      return row === undefined
        ? defaultTeamSettings(teamId)
        : parseRow(rowSchema, row, `settings of ${teamId}`);
    },

    async update(input) {
      const valid = updateSchema.parse(input);
      const changes = {
        enterprise_id: valid.enterpriseId ?? null,
        who_may_decide: valid.whoMayDecide,
        updated_by: valid.updatedBy,
        updated_at: now(),
      };
      const row = await db
        .insertInto("team_settings")
        .values({ team_id: valid.teamId, ...changes })
        .onConflict((oc) => oc.column("team_id").doUpdateSet(changes))
        .returningAll()
        .executeTakeFirstOrThrow();
      return parseRow(rowSchema, row, `settings of ${valid.teamId}`);
    },
  };
}
