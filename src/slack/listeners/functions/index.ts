import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { recommendFramework } from "./recommend-framework.js";

/** What `app.function` takes: Bolt types it without the app's own context. */
type FunctionListener = Parameters<App["function"]>[1];

/** Workflow Builder steps (manifest `functions`): Bolt routes `function_executed` by callback id. */
export function registerFunctions(app: App<AppContext>, deps: Deps): void {
  // Our context (`context.log`) is set by createApp's middleware before any listener runs.
  app.function(IDS.recommendFunction, recommendFramework(deps) as unknown as FunctionListener);
}
