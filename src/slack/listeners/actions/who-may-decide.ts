import { z } from "zod";
import { WHO_MAY_DECIDE, type WhoMayDecide } from "../../../engine/index.js";
import { homeFilterOf } from "../../blocks/decision-log.js";
import { onlyThemWords } from "../../blocks/team-settings.js";
import type { Deps } from "../../deps.js";
import { publishHome } from "../../services/app-home.js";
import type { StaticSelectArgs } from "../args.js";

const Choice = z.enum(WHO_MAY_DECIDE);

const SAVED: Record<WhoMayDecide, string> = {
  asker: "Saved: only the person who asked for a recommendation may now mark it as decided.",
  anyone: "Saved: anyone in the workspace may now mark a recommendation as decided.",
};

const NO_TEAM =
  "I couldn't save that: Slack didn't say which workspace this tab belongs to. Open the app's Home tab again and choose once more.";

/**
 * App Home's "who may mark a recommendation as decided": stored for the workspace when the person may
 * change it (the installer, or SETTINGS_ADMINS with one workspace). Anyone else (the select shows only
 * to them, but a request can claim anything) is told who can; the tab is published again either way.
 * Who may change it is asked once (many workspaces: one read of the installation) and shown from that.
 */
export function whoMayDecide(deps: Deps) {
  return async ({ ack, body, action, context }: StaticSelectArgs): Promise<void> => {
    await ack();
    const { log } = context;
    const user = body.user.id;
    const choice = Choice.safeParse(action.selected_option?.value);
    const teamId = context.teamId;
    let notice: string;
    const changers = await deps.settingsAdmins.of(context, log);
    if (!teamId) {
      log.warn("who_may_decide without a team id");
      notice = NO_TEAM;
    } else if (!choice.success) {
      log.warn({ value: action.selected_option?.value }, "who_may_decide with an unknown choice");
      notice = "That choice isn't one I know. Please pick one of the options.";
    } else if (!changers.users.includes(user)) {
      log.warn({ choice: choice.data }, "who_may_decide refused: not someone who may change settings");
      notice = `You can't change who may decide. ${onlyThemWords(changers)}`;
    } else {
      try {
        await deps.database.teamSettings.update({
          teamId,
          enterpriseId: context.enterpriseId ?? null,
          updatedBy: user,
          whoMayDecide: choice.data,
        });
        log.info({ whoMayDecide: choice.data }, "who may decide changed");
        notice = SAVED[choice.data];
      } catch (err) {
        log.error({ err }, "could not save who may decide");
        notice =
          "I couldn't save that: my database isn't answering right now. Please choose it again in a few minutes.";
      }
    }
    await publishHome(deps, context, {
      user,
      workspace: context,
      filter: homeFilterOf(body.view),
      hash: body.view?.hash,
      notice,
      changers,
    });
  };
}
