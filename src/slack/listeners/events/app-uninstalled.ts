import type { Deps } from "../../deps.js";
import { deleteTeamData, installationTargetOf } from "../../services/team-data.js";
import type { EventArgs } from "../args.js";

/**
 * The app was uninstalled from a workspace (or an org): its installation and everything stored for it go
 * at once. Bolt skips authorization for this event, since the tokens are already revoked.
 */
export function appUninstalled({ database }: Deps) {
  return async ({ context }: EventArgs<"app_uninstalled">): Promise<void> => {
    await deleteTeamData(database, context.log, installationTargetOf(context), "app_uninstalled");
  };
}
