import { statusFilterOf } from "../../blocks/decision-log.js";
import type { Deps } from "../../deps.js";
import { publishHome } from "../../services/app-home.js";
import type { StaticSelectArgs } from "../args.js";

/** App Home's status filter: the tab again, with only the decisions of that status. */
export function homeStatusFilter(deps: Deps) {
  return async ({ ack, body, action, context }: StaticSelectArgs): Promise<void> => {
    await ack();
    await publishHome(deps, context, {
      user: body.user.id,
      workspace: context,
      filter: statusFilterOf(action.selected_option?.value),
      filterChosen: true,
      hash: body.view?.hash,
    });
  };
}
