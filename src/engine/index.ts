/** The engine's public surface: everything Slack and the terminal use comes from here. */

export { type AdrDecision, type AdrInput, AdrInputError, renderAdr } from "./adr.js";
export type { Confidence, ConfidenceLabel } from "./confidence.js";
export {
  applyDecisionEvent,
  DECISION_STATUSES,
  DEFAULT_WHO_MAY_DECIDE,
  type DecisionErrorCode,
  type DecisionEvent,
  type DecisionState,
  type DecisionStatus,
  decidedAgainstRecommendation,
  isNextStatus,
  mayDecide,
  proposedDecision,
  statusRank,
  type TransitionResult,
  WHO_MAY_DECIDE,
  type WhoMayDecide,
} from "./decision-log.js";
export { directAnswer } from "./direct-answer.js";
export {
  type ExplainOptions,
  explainFeature,
  type FeatureExplanation,
  type FrameworkAnswer,
} from "./explain-feature.js";
export type { CaveatItem, Factor, ProConItem, ProsCons } from "./explanation.js";
export { type FeatureMatch, findNeedsInText, matchFeature } from "./feature-matcher.js";
export { getKnowledge, type Knowledge, KnowledgeError, loadKnowledge } from "./knowledge.js";
export type {
  AddOn,
  Detail,
  Feature,
  FrameworkId,
  Myth,
  PackageRef,
  PackageSource,
  Provenance,
  Question,
} from "./knowledge-schema.js";
export { type NamedPackage, packageNamed } from "./package-named.js";
export {
  defaultProfile,
  type ParsedProfile,
  ProfileError,
  type ProfileIssue,
  type ProjectProfile,
  parseProfile,
  projectProfileSchema,
  toProfile,
} from "./profile.js";
export { kindWords, PLAIN_FORMAT, type ProvenanceFormat, provenanceLabel } from "./provenance.js";
export { type NotesReading, type Recommendation, recommend, recommendProfile } from "./recommend.js";
export type { Verdict } from "./scoring.js";
export type { AnswerChange, Flip, WhatWouldChange } from "./sensitivity.js";
export { ONLY_BUILDING_ELSE, onlyBuildingElseFlips } from "./sensitivity.js";
export {
  type AnswerDisagreement,
  type BaseAnswers,
  type ComparisonCell,
  type ComparisonRow,
  compareViews,
  type PersonAnswers,
  type PersonView,
  type TeamViews,
  type ViewsComparison,
} from "./team-views.js";
export { endsWithQuestionMark } from "./text.js";
export {
  buildUnderstander,
  type DecisionTopic,
  type FeatureScore,
  HELP_WORDS,
  type Intent,
  loadUnderstander,
  type MythHit,
  type PipelineOptions,
  type QuickTake,
  type UnderstandContext,
  type Understander,
  type Understanding,
  understand,
  understandWith,
} from "./understand/index.js";
export { type Hypothesis, type WhatIf, whatIf } from "./what-if.js";
