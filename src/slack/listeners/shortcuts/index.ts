import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { registerCompareShortcut } from "./compare.js";

export function registerShortcuts(app: App, deps: Deps): void {
  registerCompareShortcut(app, deps);
}
