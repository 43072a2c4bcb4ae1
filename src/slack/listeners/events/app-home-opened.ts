import type { App } from "@slack/bolt";
import { homeView } from "../../blocks/home.js";
import type { Deps } from "../../deps.js";

export function registerAppHomeOpened(app: App, deps: Deps): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.knowledge) });
  });
}
