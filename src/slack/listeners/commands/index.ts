import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { flaskOrDjango } from "./flask-or-django.js";

export function registerCommands(app: App<AppContext>, deps: Deps): void {
  app.command(IDS.command, flaskOrDjango(deps));
}
