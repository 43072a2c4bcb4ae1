/**
 * Helpful / Not helpful on a recommendation: one answer per person per recommendation; a second click
 * replaces the first.
 */
import type { Kysely } from "kysely";
import {
  type ChoiceInput,
  type ChoiceRepository,
  choiceRepository,
  type StoredChoice,
} from "./personal-choices.js";
import type { Clock } from "./rows.js";
import type { Schema } from "./schema.js";

export const FEEDBACK_VALUES = ["helpful", "not_helpful"] as const;
export type FeedbackValue = (typeof FEEDBACK_VALUES)[number];

export type FeedbackInput = ChoiceInput<FeedbackValue>;
export type StoredFeedback = StoredChoice<FeedbackValue>;
export type FeedbackRepository = ChoiceRepository<FeedbackValue>;

export function feedbackRepository(db: Kysely<Schema>, now: Clock): FeedbackRepository {
  return choiceRepository(db, now, "feedback", FEEDBACK_VALUES, "feedback");
}
