import type { App } from "@slack/bolt";
import type { AppContext } from "../context.js";
import type { Deps } from "../deps.js";
import { registerActions } from "./actions/index.js";
import { registerAssistant } from "./assistant/index.js";
import { registerCommands } from "./commands/index.js";
import { registerEvents } from "./events/index.js";
import { registerFunctions } from "./functions/index.js";
import { registerShortcuts } from "./shortcuts/index.js";
import { registerViews } from "./views/index.js";

/** Every listener, registered from one place: one routing table per kind, as in Bolt's samples. */
export function registerListeners(app: App<AppContext>, deps: Deps): void {
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerEvents(app, deps);
  registerAssistant(app, deps);
  registerFunctions(app, deps);
}
