import type { Knowledge, Question } from "../engine/index.js";

/** One answer a person can pick, as the terminal shows it. */
export interface Choice {
  value: string;
  label: string;
  description?: string;
}

/** The options of a single or multi question (the multi one offers the features a project can need). */
export function choicesFor(q: Question, knowledge: Knowledge): Choice[] {
  if (q.kind === "single") {
    return q.options.map((o) => ({
      value: o.value,
      label: o.label,
      ...(o.description ? { description: o.description } : {}),
    }));
  }
  if (q.kind === "multi") return knowledge.needFeatures.map((f) => ({ value: f.id, label: f.need.label }));
  return [];
}

/** "Full-stack" and "full stack" mean full_stack: lower case, dashes and spaces as underscores. */
export function normalizeValue(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, "_");
}

/** The choice a person typed: its number (1-based), its id, or its exact label; undefined if none. */
export function findChoice(raw: string, choices: readonly Choice[]): Choice | undefined {
  const text = raw.trim();
  if (/^\d+$/.test(text)) return choices[Number(text) - 1];
  const id = normalizeValue(text);
  const lower = text.toLowerCase();
  return choices.find((c) => c.value === id || c.label.toLowerCase() === lower);
}
