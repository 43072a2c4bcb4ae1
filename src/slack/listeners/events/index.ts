import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appMention } from "./app-mention.js";
import { message } from "./message.js";

export function registerEvents(app: App<AppContext>, deps: Deps): void {
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("app_mention", appMention(deps));
  app.event("message", message(deps));
}
