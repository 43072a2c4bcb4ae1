import { getKnowledge } from "../../src/engine/index.js";

/**
 * The answer a person picks when they take each question's usual choice. The form preselects nothing,
 * so tests that need a complete submission choose these explicitly.
 */
export function defaultAnswer(questionId: string): string | undefined {
  return getKnowledge().singleQuestions.find((q) => q.id === questionId)?.default;
}

/** The same, as the `selected_option` Slack sends. */
export function defaultOption(blockId: string): { value: string } | null {
  const value = defaultAnswer(blockId.replace(/^q_/, ""));
  return value === undefined ? null : { value };
}
