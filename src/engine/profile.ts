import { z } from "zod";
import type { Knowledge } from "./knowledge.js";

/**
 * A team's answers. Single-choice answers are keyed by question id (the ids live in
 * data/questions.json, so the modal, the terminal and the engine can never drift apart).
 */
export interface ProjectProfile {
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

export interface ProfileIssue {
  /** The question id the problem is about ("size", "needs", "notes"), or "profile". */
  field: string;
  message: string;
}

export class ProfileError extends Error {
  override name = "ProfileError";
  constructor(readonly issues: ProfileIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join("\n"));
  }
}

function oneOf(values: readonly string[]): string {
  return `must be one of: ${values.join(", ")}`;
}

const schemas = new WeakMap<Knowledge, z.ZodType<ProjectProfile, unknown>>();

/** The zod schema for a profile, built from the questions; errors list the valid values. */
export function projectProfileSchema(knowledge: Knowledge): z.ZodType<ProjectProfile, unknown> {
  const known = schemas.get(knowledge);
  if (known) return known;
  const answerShape: Record<string, z.ZodType<string, unknown>> = {};
  for (const q of knowledge.singleQuestions) {
    const values = q.options.map((o) => o.value) as [string, ...string[]];
    answerShape[q.id] = z.enum(values, { error: () => oneOf(values) }).default(q.default);
  }
  const needIds = knowledge.needFeatures.map((f) => f.id) as [string, ...string[]];
  const notesMax = knowledge.notesQuestion.maxLength;
  const needsMax = knowledge.needsQuestion.max;
  const schema = z.strictObject(
    {
      answers: z
        .strictObject(answerShape, {
          error: (issue) =>
            issue.code === "unrecognized_keys"
              ? `unknown question ${issue.keys.map((key) => `"${key}"`).join(", ")}; the questions are: ${knowledge.singleQuestions.map((q) => q.id).join(", ")}`
              : "must be an object of answers",
        })
        // prefault, not default: the empty object still goes through the schema, so every answer gets its default.
        .prefault({}),
      needs: z
        .array(z.enum(needIds, { error: () => oneOf(needIds) }), {
          error: (issue) => (issue.code === "invalid_type" ? "must be a list of features" : undefined),
        })
        .max(needsMax, { error: `at most ${needsMax} features` })
        .prefault(knowledge.needsQuestion.default)
        .transform((needs) => [...new Set(needs)]),
      notes: z
        .string({ error: "must be text" })
        .max(notesMax, { error: `must be at most ${notesMax} characters` })
        .prefault(""),
    },
    {
      error: (issue) =>
        issue.code === "unrecognized_keys"
          ? `unknown field ${issue.keys.map((key) => `"${key}"`).join(", ")}; a profile has answers, needs and notes`
          : "must be an object with answers, needs and notes",
    },
  ) as unknown as z.ZodType<ProjectProfile, unknown>;
  schemas.set(knowledge, schema);
  return schema;
}

export type ParsedProfile = { ok: true; profile: ProjectProfile } | { ok: false; issues: ProfileIssue[] };

export function parseProfile(input: unknown, knowledge: Knowledge): ParsedProfile {
  const result = projectProfileSchema(knowledge).safeParse(input);
  if (result.success) return { ok: true, profile: result.data };
  const issues = result.error.issues.map((issue) => {
    const [first, second] = issue.path;
    const field = first === "answers" && typeof second === "string" ? second : String(first ?? "profile");
    return { field, message: issue.message };
  });
  return { ok: false, issues };
}

/** Parses or throws a ProfileError whose message lists what is wrong and the valid values. */
export function toProfile(input: unknown, knowledge: Knowledge): ProjectProfile {
  const parsed = parseProfile(input, knowledge);
  if (!parsed.ok) throw new ProfileError(parsed.issues);
  return parsed.profile;
}

/** Every question at its default. */
export function defaultProfile(knowledge: Knowledge): ProjectProfile {
  return toProfile({}, knowledge);
}
