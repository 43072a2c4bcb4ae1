import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { appHomeOpened } from "./app-home-opened.js";
import { appMention } from "./app-mention.js";
import { appUninstalled } from "./app-uninstalled.js";
import { message } from "./message.js";
import { tokensRevoked } from "./tokens-revoked.js";

export function registerEvents(app: App<AppContext>, deps: Deps): void {
  app.event("app_home_opened", appHomeOpened(deps));
  app.event("app_mention", appMention(deps));
  app.event("message", message(deps));
  app.event("app_uninstalled", appUninstalled(deps));
  app.event("tokens_revoked", tokensRevoked(deps));
}
