import type { App } from "@slack/bolt";
import type { Deps } from "../../deps.js";
import { registerFeatureFollowUp } from "./feature-follow-up.js";
import { registerOpenQuestionnaire } from "./open-questionnaire.js";
import { registerRecommendationActions } from "./recommendation-message.js";

export function registerActions(app: App, deps: Deps): void {
  registerRecommendationActions(app, deps);
  registerFeatureFollowUp(app, deps);
  registerOpenQuestionnaire(app, deps);
}
