/**
 * The Workflow Builder step "Recommend Flask or Django" (manifest `functions.recommend_framework`): its
 * definition, generated from the questionnaire (data/questions.json) so the step and the modal never
 * drift (a test checks manifest.yml against it), and its inputs read back into a profile, with a
 * message naming each bad input.
 */
import { z } from "zod";
import {
  type Knowledge,
  type ProjectProfile,
  parseProfile,
  type Recommendation,
} from "../../engine/index.js";
import { IDS } from "../ids.js";
import { combinationErrors } from "./submission.js";

/** The step's inputs besides the questions, and its outputs. */
export const STEP = {
  channel: "channel",
  requestedBy: "requested_by",
  outputs: { verdict: "verdict", confidence: "confidence", summary: "summary", messageLink: "message_link" },
} as const;

/** An input or output parameter as the manifest declares it (Slack's types: string, number, array, slack#/types/…). */
export interface StepParameter {
  type: string;
  title: string;
  description: string;
  enum?: string[];
  choices?: Array<{ value: string; title: string; description?: string }>;
  items?: StepParameter | Omit<StepParameter, "title" | "description">;
  maxLength?: number;
}

export interface StepDefinition {
  title: string;
  description: string;
  input_parameters: { properties: Record<string, StepParameter>; required: string[] };
  output_parameters: { properties: Record<string, StepParameter>; required: string[] };
}

/** The step's manifest definition: one input per question (same ids, labels, choices and required-ness as the modal). */
export function recommendStepDefinition(knowledge: Knowledge): StepDefinition {
  const inputs: Record<string, StepParameter> = {};
  for (const q of knowledge.questions) {
    if (q.kind === "single") {
      inputs[q.id] = {
        type: "string",
        title: q.label,
        description: q.help,
        enum: q.options.map((o) => o.value),
        choices: q.options.map((o) => ({
          value: o.value,
          title: o.label,
          ...(o.description ? { description: o.description } : {}),
        })),
      };
    } else if (q.kind === "multi") {
      inputs[q.id] = {
        type: "array",
        title: q.label,
        description: q.help,
        items: {
          type: "string",
          enum: knowledge.needFeatures.map((f) => f.id),
          choices: knowledge.needFeatures.map((f) => ({ value: f.id, title: f.need.label })),
        },
      };
    } else {
      inputs[q.id] = { type: "string", title: q.label, description: q.help, maxLength: q.maxLength };
    }
  }
  inputs[STEP.channel] = {
    type: "slack#/types/channel_id",
    title: "Post the recommendation in",
    description:
      "Optional: a channel the app is a member of. Its thread then takes questions. Leave empty to only use the outputs.",
  };
  inputs[STEP.requestedBy] = {
    type: "slack#/types/user_id",
    title: "Requested by",
    description:
      "Whose project it is, e.g. the person who submitted the form. Needed to post the recommendation.",
  };
  return {
    title: "Recommend Flask or Django",
    description:
      "Scores Flask and Django against a project's answers and returns the verdict, how sure it is and why; optionally posts the full recommendation in a channel.",
    input_parameters: { properties: inputs, required: knowledge.singleQuestions.map((q) => q.id) },
    output_parameters: {
      properties: {
        [STEP.outputs.verdict]: {
          type: "string",
          title: "Verdict",
          description: "flask, django, or either (too close to call)",
        },
        [STEP.outputs.confidence]: {
          type: "number",
          title: "Confidence (%)",
          description: "How sure, 0 to 100: the share of plausible weightings under which the verdict holds",
        },
        [STEP.outputs.summary]: {
          type: "string",
          title: "Summary",
          description: "The verdict, the scores and how sure, in one sentence, then the main reasons",
        },
        [STEP.outputs.messageLink]: {
          type: "string",
          title: "Link to the recommendation",
          description: "A link to the posted recommendation, when a channel was given",
        },
      },
      required: [STEP.outputs.verdict, STEP.outputs.confidence, STEP.outputs.summary],
    },
  };
}

export type StepInputs =
  | { ok: true; profile: ProjectProfile; channel?: string; requestedBy?: string }
  | { ok: false; error: string };

const Raw = z.record(z.string(), z.unknown());
const channelId = z.string().regex(/^[CGD][A-Z0-9]{2,30}$/);
const userId = z.string().regex(/^[UW][A-Z0-9]{2,30}$/);

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const blank = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const quoted = (v: unknown) => `“${String(v).slice(0, 80)}”`;

/** A choice given as its value (`ecommerce`) or as its label (`An online shop or marketplace`), as a form might send it. */
function pick(choices: Array<{ value: string; label: string }>, raw: string): string | undefined {
  return choices.find((c) => same(c.value, raw) || same(c.label, raw))?.value;
}

/** The needs as a list: Workflow Builder sends an array; a form's text answer may be "admin, auth". */
function needList(raw: unknown): unknown[] | undefined {
  if (blank(raw)) return [];
  if (Array.isArray(raw)) return raw;
  if (typeof raw === "string") return raw.split(/[,;\n]/).filter((s) => s.trim() !== "");
  return undefined;
}

/** Reads the step's inputs into a profile, or one message naming every bad input (for `fail()`). */
export function parseStepInputs(knowledge: Knowledge, inputs: unknown): StepInputs {
  const raw = Raw.safeParse(inputs ?? {});
  if (!raw.success) return { ok: false, error: "The step's inputs did not arrive as a set of named values." };
  const given = raw.data;
  const problems: string[] = [];
  const name = (id: string, label: string) => `“${label}” (${id})`;

  const answers: Record<string, string> = {};
  for (const q of knowledge.singleQuestions) {
    const value = given[q.id];
    const choices = q.options.map((o) => ({ value: o.value, label: o.label }));
    const allowed = q.options.map((o) => o.value).join(", ");
    if (blank(value)) problems.push(`${name(q.id, q.label)} is required: choose one of ${allowed}.`);
    else {
      const chosen = typeof value === "string" ? pick(choices, value) : undefined;
      if (chosen) answers[q.id] = chosen;
      else problems.push(`${name(q.id, q.label)} got ${quoted(value)}, which is not one of ${allowed}.`);
    }
  }

  const needsQ = knowledge.needsQuestion;
  const needChoices = knowledge.needFeatures.map((f) => ({ value: f.id, label: f.need.label }));
  const listed = needList(given[needsQ.id]);
  const needs: string[] = [];
  if (!listed) problems.push(`${name(needsQ.id, needsQ.label)} must be a list of features.`);
  else {
    const unknown: string[] = [];
    for (const item of listed) {
      const chosen = typeof item === "string" ? pick(needChoices, item) : undefined;
      if (chosen) needs.push(chosen);
      else unknown.push(quoted(item));
    }
    if (unknown.length > 0) {
      problems.push(
        `${name(needsQ.id, needsQ.label)} has ${unknown.join(", ")}, not among the features: ${needChoices.map((c) => c.value).join(", ")}.`,
      );
    }
  }

  const notesQ = knowledge.notesQuestion;
  const notes = given[notesQ.id];
  if (!blank(notes) && typeof notes !== "string")
    problems.push(`${name(notesQ.id, notesQ.label)} must be text.`);
  else if (typeof notes === "string" && notes.length > notesQ.maxLength) {
    problems.push(
      `${name(notesQ.id, notesQ.label)} is ${notes.length} characters: keep it under ${notesQ.maxLength}.`,
    );
  }

  const channel = given[STEP.channel];
  if (!blank(channel) && !channelId.safeParse(channel).success) {
    problems.push(
      `“Post the recommendation in” (${STEP.channel}) got ${quoted(channel)}, which is not a channel.`,
    );
  }
  const requestedBy = given[STEP.requestedBy];
  if (!blank(requestedBy) && !userId.safeParse(requestedBy).success) {
    problems.push(`“Requested by” (${STEP.requestedBy}) got ${quoted(requestedBy)}, which is not a person.`);
  } else if (!blank(channel) && blank(requestedBy)) {
    problems.push(
      `“Requested by” (${STEP.requestedBy}) is needed to post the recommendation: set it to the person whose project it is (for example, the person who submitted the form).`,
    );
  }
  if (problems.length > 0) return { ok: false, error: problems.join(" ") };

  const parsed = parseProfile({ answers, needs, notes: typeof notes === "string" ? notes : "" }, knowledge);
  if (!parsed.ok) {
    return { ok: false, error: parsed.issues.map((i) => `${i.field}: ${i.message}.`).join(" ") };
  }
  const combination = Object.entries(combinationErrors(parsed.profile)).map(([block, message]) => {
    const q = knowledge.questions.find((question) => IDS.questionBlock(question.id) === block);
    return q ? `${name(q.id, q.label)}: ${message}` : message;
  });
  if (combination.length > 0) return { ok: false, error: combination.join(" ") };
  return {
    ok: true,
    profile: parsed.profile,
    ...(typeof channel === "string" && !blank(channel) ? { channel } : {}),
    ...(typeof requestedBy === "string" && !blank(requestedBy) ? { requestedBy } : {}),
  };
}

/** The step's outputs for a recommendation (and the posted message's link, when there is one). */
export function stepOutputs(rec: Recommendation, messageLink?: string): Record<string, string | number> {
  const reasons = rec.factors.slice(0, 3).map((f) => f.label);
  return {
    [STEP.outputs.verdict]: rec.verdict,
    [STEP.outputs.confidence]: Math.round(rec.confidence.share * 100),
    [STEP.outputs.summary]:
      reasons.length > 0 ? `${rec.summary} Main reasons: ${reasons.join("; ")}.` : rec.summary,
    ...(messageLink ? { [STEP.outputs.messageLink]: messageLink } : {}),
  };
}
