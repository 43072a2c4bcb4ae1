import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { compareShortcut } from "./compare.js";

export function registerShortcuts(app: App<AppContext>, deps: Deps): void {
  app.shortcut(IDS.shortcut, compareShortcut(deps));
}
