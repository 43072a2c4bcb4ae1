import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { decideSubmitted } from "./decide-submitted.js";
import { questionnaireSubmitted } from "./questionnaire-submitted.js";

export function registerViews(app: App<AppContext>, deps: Deps): void {
  app.view(IDS.questionnaire, questionnaireSubmitted(deps));
  app.view(IDS.decideModal, decideSubmitted(deps));
}
