import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { askFeature } from "./ask-feature.js";
import { didYouMean } from "./did-you-mean.js";
import { editAnswers } from "./edit-answers.js";
import { feedback } from "./feedback.js";
import { prefillQuestionnaire } from "./prefill-questionnaire.js";
import { showDetails } from "./show-details.js";
import { startComparison } from "./start-comparison.js";

export function registerActions(app: App<AppContext>, deps: Deps): void {
  app.action(IDS.editAnswers, editAnswers(deps));
  app.action(IDS.showDetails, showDetails(deps));
  app.action(IDS.askFeature, askFeature(deps));
  app.action(IDS.feedbackHelpful, feedback(deps, "helpful"));
  app.action(IDS.feedbackNotHelpful, feedback(deps, "not_helpful"));
  app.action(new RegExp(`^${IDS.didYouMean}_`), didYouMean(deps));
  app.action(IDS.openQuestionnaire, startComparison(deps));
  app.action(IDS.prefillQuestionnaire, prefillQuestionnaire(deps));
}
