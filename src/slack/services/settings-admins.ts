import type { InstallationQuery } from "@slack/bolt";
import type { Logger } from "pino";
import type { InstallationRepository } from "../../storage/index.js";

/** Who may change a workspace's settings, and why them. */
export interface SettingsChangers {
  users: readonly string[];
  are: "installer" | "admins";
}

/** The request's workspace, as Bolt's context names it. */
export interface WorkspaceOfRequest {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

export interface SettingsAdmins {
  /** Who may change this workspace's settings (App Home's "who may decide"). */
  of(workspace: WorkspaceOfRequest, log: Logger): Promise<SettingsChangers>;
}

/**
 * Many workspaces: the person who installed the app (the installation row keeps their user id), so each
 * workspace's own installer decides for it. One workspace: there is no installation row, and telling a
 * workspace admin apart would take `users:read`, a scope the app does not ask for; so the people the
 * operator names in SETTINGS_ADMINS (none: nobody, and the defaults stand).
 */
export function settingsAdmins(
  installs:
    | { kind: "one"; admins: readonly string[] }
    | { kind: "many"; installations: InstallationRepository },
): SettingsAdmins {
  if (installs.kind === "one") {
    const users = [...installs.admins];
    return { of: async () => ({ users, are: "admins" }) };
  }
  return {
    async of(workspace, log) {
      const query: InstallationQuery<boolean> = {
        teamId: workspace.teamId,
        enterpriseId: workspace.enterpriseId,
        isEnterpriseInstall: workspace.isEnterpriseInstall === true,
      };
      try {
        const installation = await installs.installations.fetchInstallation(query);
        return { users: installation.user.id ? [installation.user.id] : [], are: "installer" };
      } catch (err) {
        log.warn({ err }, "could not read who installed the app; nobody may change settings for now");
        return { users: [], are: "installer" };
      }
    },
  };
}
