import { homeFilterOf } from "../../blocks/decision-log.js";
import type { Deps } from "../../deps.js";
import { publishHome, viewHashOf } from "../../services/app-home.js";
import type { EventArgs } from "../args.js";

/**
 * The App Home tab, published each time it is opened (it is cheap and always current), with the
 * team's decisions under the filter the person chose last (the published view Slack sends back, whose
 * hash keeps this from undoing a tab published meanwhile: an export's notice).
 */
export function appHomeOpened(deps: Deps) {
  return async ({ event, context }: EventArgs<"app_home_opened">): Promise<void> => {
    if (event.tab !== "home") return;
    // Slack always names who opened the tab; a tab for no one cannot be published (views.publish refuses it).
    if (!event.user) {
      context.log.warn({ tab: event.tab }, "app_home_opened names no user: ignored");
      return;
    }
    await publishHome(deps, context, {
      user: event.user,
      workspace: context,
      filter: homeFilterOf(event.view),
      hash: viewHashOf(event.view),
    });
  };
}
