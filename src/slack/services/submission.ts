import { z } from "zod";
import { type Knowledge, type ProjectProfile, parseProfile } from "../../engine/index.js";
import { IDS } from "../ids.js";

/** The parts of a view_submission's state we read; anything else in it is ignored. */
const ValueSchema = z
  .object({
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
    value: z.string().nullish(),
    selected_conversation: z.string().nullish(),
  })
  .loose();
const StateSchema = z.record(z.string(), z.record(z.string(), ValueSchema));

export type Submission =
  | { ok: true; profile: ProjectProfile; destination?: string }
  | { ok: false; errors: Record<string, string> };

/** Combinations that make no sense, reported on the input a person should change (the workflow step too). */
export function combinationErrors(profile: ProjectProfile): Record<string, string> {
  const errors: Record<string, string> = {};
  if (profile.answers.size === "large" && profile.answers.timeline === "days") {
    errors[IDS.questionBlock("timeline")] =
      "A large project can't be learned and built in days. Choose more time, or a smaller size for the first version.";
  }
  return errors;
}

/** Reads the modal's answers into a profile, or the inline errors to show (keyed by input block_id). */
export function parseSubmission(
  knowledge: Knowledge,
  rawState: unknown,
  needsDestination: boolean,
): Submission {
  const state = StateSchema.safeParse((rawState as { values?: unknown } | undefined)?.values);
  if (!state.success) {
    return {
      ok: false,
      errors: {
        [IDS.questionBlock(knowledge.singleQuestions[0]?.id ?? "project_type")]:
          "Please answer again: the form arrived incomplete.",
      },
    };
  }
  const read = (questionId: string) => state.data[IDS.questionBlock(questionId)]?.[IDS.inputAction];
  const answers: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const q of knowledge.singleQuestions) {
    const value = read(q.id)?.selected_option?.value;
    if (value === undefined) errors[IDS.questionBlock(q.id)] = "Please choose one.";
    else answers[q.id] = value;
  }
  const needs = (read(knowledge.needsQuestion.id)?.selected_options ?? []).map((o) => o.value);
  const notes = read(knowledge.notesQuestion.id)?.value ?? "";
  let destination: string | undefined;
  if (needsDestination) {
    destination = state.data[IDS.destinationBlock]?.[IDS.inputAction]?.selected_conversation ?? undefined;
    if (!destination) errors[IDS.destinationBlock] = "Choose where to post the recommendation.";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const parsed = parseProfile({ answers, needs, notes }, knowledge);
  if (!parsed.ok) {
    for (const issue of parsed.issues) {
      const known = knowledge.questions.some((q) => q.id === issue.field);
      const block = IDS.questionBlock(
        known ? issue.field : (knowledge.singleQuestions[0]?.id ?? "project_type"),
      );
      const message =
        issue.field === knowledge.notesQuestion.id
          ? `Your notes are too long: keep them under ${knowledge.notesQuestion.maxLength} characters.`
          : `That answer isn't one I know (${issue.message}). Please choose again.`;
      errors[block] ??= message;
    }
    return { ok: false, errors };
  }
  const combination = combinationErrors(parsed.profile);
  if (Object.keys(combination).length > 0) return { ok: false, errors: combination };
  return { ok: true, profile: parsed.profile, ...(destination ? { destination } : {}) };
}
