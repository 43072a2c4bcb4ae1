import { z } from "zod";
import type { Deps } from "../../deps.js";
import { deleteTeamData, installationTargetOf } from "../../services/team-data.js";
import type { EventArgs } from "../args.js";

const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);
/** The part of tokens_revoked we read: whose tokens went, by kind (both lists hold user ids). */
const RevokedTokens = z.object({
  tokens: z.object({
    oauth: z.array(SlackUserId).max(1000).optional(),
    bot: z.array(SlackUserId).max(1000).optional(),
  }),
});

/**
 * Tokens were revoked. The bot's token gone means the app can no longer act in that workspace: the
 * installation and the team's stored data go at once, as on app_uninstalled. Only people's user tokens
 * gone (the app asks for no user scopes, so this is rare): those tokens are dropped, the bot's kept.
 */
export function tokensRevoked({ database, manyWorkspaces }: Deps) {
  return async ({ event, context }: EventArgs<"tokens_revoked">): Promise<void> => {
    const { log } = context;
    const parsed = RevokedTokens.safeParse(event);
    if (!parsed.success) {
      log.warn("tokens_revoked without a readable token list; ignored");
      return;
    }
    const { oauth = [], bot = [] } = parsed.data.tokens;
    const target = installationTargetOf(context);
    if (bot.length > 0) {
      await deleteTeamData(database, log, target, "tokens_revoked");
      return;
    }
    // With one workspace's bot token the app holds no user tokens: nothing to drop.
    if (target === undefined || !manyWorkspaces) return;
    for (const userId of oauth) {
      await database.installations.deleteInstallation({
        teamId: target.teamId,
        enterpriseId: target.enterpriseId,
        isEnterpriseInstall: target.isEnterpriseInstall === true,
        userId,
      });
    }
    if (oauth.length > 0) log.info({ users: oauth.length }, "deleted revoked user tokens");
  };
}
