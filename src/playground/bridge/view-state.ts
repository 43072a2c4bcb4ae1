import type { Json } from "../fake-slack/types.js";

/** What the page sends for one input: a value, several values, or nothing chosen. */
export type InputValue = string | string[] | null;

function optionsOf(element: Json): Json[] {
  const direct = Array.isArray(element.options) ? (element.options as Json[]) : [];
  const grouped = Array.isArray(element.option_groups)
    ? (element.option_groups as Json[]).flatMap((g) =>
        Array.isArray(g.options) ? (g.options as Json[]) : [],
      )
    : [];
  return [...direct, ...grouped];
}

/** The option object exactly as the app defined it (Slack sends it back whole). */
export function findOption(element: Json, value: string): Json | undefined {
  return optionsOf(element).find((o) => o.value === value);
}

/** One element's entry in `state.values`, as Slack builds it. */
export function elementState(element: Json, input: InputValue): Json {
  const type = element.type;
  const one = Array.isArray(input) ? input[0] : input;
  switch (type) {
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: one ? (findOption(element, one) ?? null) : null };
    case "multi_static_select":
    case "checkboxes": {
      const values = Array.isArray(input) ? input : input ? [input] : [];
      return { type, selected_options: values.map((v) => findOption(element, v)).filter(Boolean) };
    }
    case "conversations_select":
      return { type, selected_conversation: one || null };
    case "plain_text_input":
      return { type, value: one === null || one === undefined || one === "" ? null : one };
    default:
      return { type };
  }
}

function isEmpty(state: Json): boolean {
  if ("selected_option" in state) return state.selected_option === null;
  if ("selected_options" in state) return (state.selected_options as unknown[]).length === 0;
  if ("selected_conversation" in state) return state.selected_conversation === null;
  if ("value" in state) return state.value === null;
  return false;
}

/**
 * A modal's `state.values` from the page's inputs (keyed by block_id), and the errors Slack's own
 * client shows before anything is sent: required inputs left empty, text too short or too long.
 */
export function modalState(
  view: Json,
  inputs: Record<string, InputValue>,
): { values: Record<string, Record<string, Json>>; errors: Record<string, string> } {
  const values: Record<string, Record<string, Json>> = {};
  const errors: Record<string, string> = {};
  for (const block of (view.blocks as Json[] | undefined) ?? []) {
    if (block.type !== "input") continue;
    const element = block.element as Json | undefined;
    const blockId = block.block_id as string;
    if (!element || typeof element.action_id !== "string") continue;
    const state = elementState(element, inputs[blockId] ?? null);
    values[blockId] = { [element.action_id]: state };
    if (block.optional !== true && isEmpty(state)) {
      errors[blockId] = "Please complete this required field.";
    }
    const text = typeof state.value === "string" ? state.value : undefined;
    if (text !== undefined && typeof element.max_length === "number" && text.length > element.max_length) {
      errors[blockId] = `Please use at most ${element.max_length} characters.`;
    }
    if (text !== undefined && typeof element.min_length === "number" && text.length < element.min_length) {
      errors[blockId] = `Please use at least ${element.min_length} characters.`;
    }
  }
  return { values, errors };
}
