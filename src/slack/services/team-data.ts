import type { Logger } from "pino";
import type { Database, InstallationTarget } from "../../storage/index.js";

/** The install a request belongs to, from Bolt's context: a workspace, or an org for org-wide installs. */
export function installationTargetOf(context: {
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
}): InstallationTarget | undefined {
  const org = context.isEnterpriseInstall === true;
  if (org ? !context.enterpriseId : !context.teamId) return undefined;
  return { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: org };
}

/**
 * Deletes an install and everything stored for its workspace (or org) at once: the installation with its
 * tokens, recommendations and feedback. Logs ids and counts only. Throws when the database fails, so the
 * failure reaches the app's error log with the request's ids.
 */
export async function deleteTeamData(
  database: Pick<Database, "installations">,
  log: Logger,
  target: InstallationTarget | undefined,
  reason: string,
): Promise<void> {
  if (target === undefined) {
    log.warn({ reason }, "no team or enterprise id on the event; nothing to delete");
    return;
  }
  const deleted = await database.installations.deleteTeamData(target);
  log.info(
    { reason, teamId: target.teamId, enterpriseId: target.enterpriseId, deleted },
    "deleted the installation and the team's stored data",
  );
}
