import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { registerFlaskOrDjangoCommand } from "./flask-or-django.js";

export function registerCommands(app: App, deps: Deps): void {
  registerFlaskOrDjangoCommand(app, deps);
}
