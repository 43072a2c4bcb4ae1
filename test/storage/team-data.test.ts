import { describe, expect, it } from "vitest";
import { DECISION_TABLE_NAMES, withDecisionTables } from "../../src/storage/decision-schema.js";
import type { Database } from "../../src/storage/index.js";
import { BACKENDS, useBackends } from "./backends.js";
import { feedback, orgInstall, recommendation, reminder, view, workspaceInstall } from "./fixtures.js";

const backends = useBackends();

/**
 * Two recommendations with feedback for a team (optionally in an org), each with a teammate's view, a
 * vote, a decision and a revisit reminder; and the team's settings.
 */
async function seedTeam(database: Database, teamId: string, enterpriseId?: string): Promise<void> {
  for (const channelId of ["C1", "C2"]) {
    const { messageTs } = await database.recommendations.upsert(
      recommendation({ teamId, channelId, enterpriseId }),
    );
    await database.feedback.upsert(feedback({ teamId, channelId, messageTs, userId: "U1", enterpriseId }));
    await database.feedback.upsert(feedback({ teamId, channelId, messageTs, userId: "U2", enterpriseId }));
    await database.views.upsert(view({ teamId, channelId, messageTs, userId: "U2", enterpriseId }));
    await database.votes.upsert({
      teamId,
      channelId,
      messageTs,
      userId: "U2",
      enterpriseId,
      value: "django",
    });
    await database.decisions.propose({
      teamId,
      channelId,
      messageTs,
      enterpriseId,
      askedBy: "U1",
      recommended: "django",
    });
    await database.reminders.add(
      reminder({ teamId, channelId, decisionChannelId: channelId, decisionTs: messageTs, enterpriseId }),
    );
  }
  await database.teamSettings.update({ teamId, enterpriseId, updatedBy: "U1", whoMayDecide: "anyone" });
}

/** What deleteTeamData reports for `teams` seeded teams: rows per table. */
const deletedCounts = (installations: number, teams: number) => ({
  installations,
  recommendations: 2 * teams,
  feedback: 4 * teams,
  views: 2 * teams,
  votes: 2 * teams,
  decisions: 2 * teams,
  revisit_reminders: 2 * teams,
  team_settings: teams,
});

/** The team ids left in each decision table, each list sorted. */
async function decisionTableTeams(database: Database): Promise<Record<string, string[]>> {
  const db = withDecisionTables(database.db);
  const out: Record<string, string[]> = {};
  for (const table of DECISION_TABLE_NAMES)
    out[table] = (await db.selectFrom(table).select("team_id").execute()).map((r) => r.team_id).sort();
  return out;
}

/** Every decision table holding exactly these team ids: two rows per team, one for settings. */
function decisionTablesOf(teams: string[]): Record<string, string[]> {
  const two = teams.flatMap((t) => [t, t]).sort();
  return {
    views: two,
    votes: two,
    decisions: two,
    team_settings: [...teams].sort(),
    revisit_reminders: two,
  };
}

async function counts(database: Database) {
  const rows = async (table: "installations" | "recommendations" | "feedback", column: string) =>
    (
      await database.db
        .selectFrom(table)
        .select(column as "team_id")
        .execute()
    )
      .map((r) => r.team_id)
      .sort();
  return {
    installations: (
      await database.db
        .selectFrom("installations")
        .select("installation_key")
        .orderBy("installation_key")
        .execute()
    ).map((r) => r.installation_key),
    recommendations: await rows("recommendations", "team_id"),
    feedback: await rows("feedback", "team_id"),
    decisionTables: await decisionTableTeams(database),
  };
}

describe.each(BACKENDS)("deleteTeamData on %s", (backend) => {
  it("removes a workspace's install and every row of that team, and nothing else", async () => {
    const database = await backends.fresh(backend);
    await database.installations.storeInstallation(workspaceInstall("T1"));
    await database.installations.storeInstallation(workspaceInstall("T2"));
    await database.installations.storeInstallation(workspaceInstall("T3", { enterpriseId: "E1" }));
    await seedTeam(database, "T1");
    await seedTeam(database, "T2");
    await seedTeam(database, "T3", "E1");
    await database.handledEvents.claim("event:Ev1", 600);

    // Bolt's context, as app_uninstalled delivers it.
    const deleted = await database.installations.deleteTeamData({
      teamId: "T1",
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(deleted).toEqual(deletedCounts(1, 1));
    expect(await counts(database)).toEqual({
      installations: ["team:T2", "team:T3"],
      recommendations: ["T2", "T2", "T3", "T3"],
      feedback: ["T2", "T2", "T2", "T2", "T3", "T3", "T3", "T3"],
      decisionTables: decisionTablesOf(["T2", "T3"]),
    });
    expect(await database.recommendations.listByTeam("T1")).toEqual([]);

    // A workspace inside an org: only that workspace, even though the enterprise id is given.
    expect(
      await database.installations.deleteTeamData({
        teamId: "T3",
        enterpriseId: "E1",
        isEnterpriseInstall: false,
      }),
    ).toEqual(deletedCounts(1, 1));
    expect((await counts(database)).installations).toEqual(["team:T2"]);
    // Claims are not team data (they expire on their own).
    expect(await database.handledEvents.claim("event:Ev1", 600)).toBe(false);
    // Again: nothing left to delete, no error.
    expect(await database.installations.deleteTeamData({ teamId: "T1" })).toEqual(deletedCounts(0, 0));
  });

  it("removes an org-wide install and the rows of every workspace in that org, and nothing else", async () => {
    const database = await backends.fresh(backend);
    await database.installations.storeInstallation(orgInstall("E1"));
    await database.installations.storeInstallation(orgInstall("E2"));
    await database.installations.storeInstallation(workspaceInstall("T1"));
    await seedTeam(database, "TA", "E1");
    await seedTeam(database, "TB", "E1");
    await seedTeam(database, "TC", "E2");
    await seedTeam(database, "T1");

    const deleted = await database.installations.deleteTeamData({
      teamId: "TA",
      enterpriseId: "E1",
      isEnterpriseInstall: true,
    });
    expect(deleted).toEqual(deletedCounts(1, 2));
    expect(await counts(database)).toEqual({
      installations: ["enterprise:E2", "team:T1"],
      recommendations: ["T1", "T1", "TC", "TC"],
      feedback: ["T1", "T1", "T1", "T1", "TC", "TC", "TC", "TC"],
      decisionTables: decisionTablesOf(["T1", "TC"]),
    });
  });

  it("needs a team id, or an enterprise id for an org-wide install", async () => {
    const database = await backends.fresh(backend);
    await expect(database.installations.deleteTeamData({})).rejects.toThrow(/needs a team id/);
    await expect(
      database.installations.deleteTeamData({ teamId: "T1", isEnterpriseInstall: true }),
    ).rejects.toThrow(/needs an enterprise id/);
  });
});
