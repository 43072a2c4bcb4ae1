import type { App } from "@slack/bolt";
import type { AppContext } from "../../context.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { askFeature } from "./ask-feature.js";
import { cancelReminder } from "./cancel-reminder.js";
import { didYouMean } from "./did-you-mean.js";
import { exportAdrButton } from "./export-adr.js";
import { feedback } from "./feedback.js";
import { homeStatusFilter } from "./home-status-filter.js";
import { markDecided } from "./mark-decided.js";
import { ownAnswers } from "./own-answers.js";
import { prefillQuestionnaire } from "./prefill-questionnaire.js";
import { showDetails } from "./show-details.js";
import { startComparison } from "./start-comparison.js";
import { vote } from "./vote.js";
import { whoMayDecide } from "./who-may-decide.js";

export function registerActions(app: App<AppContext>, deps: Deps): void {
  app.action(IDS.editAnswers, ownAnswers(deps, "Edit answers"));
  app.action(IDS.addView, ownAnswers(deps, "Add my view"));
  app.action(IDS.showDetails, showDetails(deps));
  app.action(IDS.askFeature, askFeature(deps));
  app.action(IDS.feedbackHelpful, feedback(deps, "helpful"));
  app.action(IDS.feedbackNotHelpful, feedback(deps, "not_helpful"));
  app.action(new RegExp(`^${IDS.didYouMean}_`), didYouMean(deps));
  app.action(IDS.openQuestionnaire, startComparison(deps));
  app.action(IDS.prefillQuestionnaire, prefillQuestionnaire(deps));
  app.action(IDS.exportAdr, exportAdrButton(deps));
  app.action(IDS.homeStatusFilter, homeStatusFilter(deps));
  app.action(IDS.homeWhoMayDecide, whoMayDecide(deps));
  app.action(IDS.voteAgree, vote(deps));
  app.action(IDS.votePickOther, vote(deps));
  app.action(IDS.markDecided, markDecided(deps));
  app.action(IDS.cancelReminder, cancelReminder(deps));
}
