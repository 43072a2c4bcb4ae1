import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { registerQuestionnaireSubmitted } from "./questionnaire-submitted.js";

export function registerViews(app: App, deps: Deps): void {
  registerQuestionnaireSubmitted(app, deps);
}
