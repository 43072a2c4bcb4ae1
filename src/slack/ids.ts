/** Every callback, block and action id the app uses, so listeners and blocks agree. */
export const IDS = {
  command: "/flask-or-django",
  questionnaire: "questionnaire",
  shortcut: "compare_frameworks",
  /** Input blocks are `q_<question id>`; each input's action id is `value`. */
  questionBlock: (questionId: string) => `q_${questionId}`,
  inputAction: "value",
  destinationBlock: "q_destination",
  editAnswers: "edit_answers",
  showDetails: "show_details",
  askFeature: "ask_feature",
  feedbackHelpful: "feedback_helpful",
  feedbackNotHelpful: "feedback_not_helpful",
  openQuestionnaire: "open_questionnaire",
  /** "Did you mean" buttons are `did_you_mean_<feature id>`: each answers in place of the question. */
  didYouMean: "did_you_mean",
  /** Opens the questions prefilled with what a one-sentence quick take understood. */
  prefillQuestionnaire: "prefill_questionnaire",
  /** The same from the agent pane, whose form asks where to post (the pane's DM is no place for it). */
  panePrefillQuestionnaire: "pane_prefill_questionnaire",
  /** Decisions the team owns: a teammate's own answers, votes, deciding, the revisit reminder. */
  teamActions: "team_actions",
  addView: "add_view",
  voteAgree: "vote_agree",
  votePickOther: "vote_pick_other",
  markDecided: "mark_decided",
  cancelReminder: "cancel_reminder",
  /** The "Mark as decided" modal and its inputs (each input's action id is `value`). */
  decideModal: "decide",
  decideFramework: "decide_framework",
  decideReason: "decide_reason",
  decideRevisit: "decide_revisit",
  metadataEventType: "flask_or_django_recommendation",
  /** The Workflow Builder step (manifest `functions`): the same recommendation from a workflow's inputs. */
  recommendFunction: "recommend_framework",
  /** "Export as ADR": on a recommendation (its value the answers) and on each App Home row (`C…/ts`). */
  exportAdr: "export_adr",
  /** App Home's decision log: the status filter (a static select that re-publishes the tab). */
  homeStatusFilter: "home_status_filter",
  homeLogBlock: "home_decision_log",
  /** App Home's "who may mark a recommendation as decided" (the person who installed the app changes it). */
  homeWhoMayDecide: "home_who_may_decide",
} as const;
