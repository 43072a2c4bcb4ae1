import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { registerAppHomeOpened } from "./app-home-opened.js";
import { registerAppMention } from "./app-mention.js";
import { registerMessage } from "./message.js";

export function registerEvents(app: App, deps: Deps): void {
  registerAppHomeOpened(app, deps);
  registerAppMention(app, deps);
  registerMessage(app, deps);
}
