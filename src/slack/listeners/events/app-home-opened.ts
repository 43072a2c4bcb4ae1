import { homeView } from "../../blocks/home.js";
import type { Deps } from "../../deps.js";
import type { EventArgs } from "../args.js";

/** The App Home tab, published each time it is opened (it is cheap and always current). */
export function appHomeOpened({ knowledge }: Deps) {
  return async ({ event, client }: EventArgs<"app_home_opened">): Promise<void> => {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView(knowledge) });
  };
}
