import type { Examples, Feature, Question } from "../knowledge-schema.js";
import { words } from "../text.js";

/** Every labelled example with where it sits in data/examples.json, for error messages. */
export function labelledExamples(examples: Examples): Array<{ label: string; text: string; where: string }> {
  const out: Array<{ label: string; text: string; where: string }> = [];
  const add = (section: string, prefix: string, groups: Record<string, string[]>) => {
    for (const [key, list] of Object.entries(groups)) {
      for (const [i, text] of list.entries()) {
        out.push({ label: `${prefix}${key}`, text, where: `${section}.${key}[${i}]` });
      }
    }
  };
  add("features", "feature:", examples.features);
  add("decisions", "decision:", examples.decisions);
  add("intents", "", examples.intents);
  return out;
}

/**
 * Checks across files: example features and profile cues name ids that exist, and no example sits
 * under two labels (compared as the words they are made of, so "Admin?" and "admin" are the same).
 */
export function checkExamples(examples: Examples, features: Feature[], questions: Question[]): string[] {
  const problems: string[] = [];
  const featureIds = new Set(features.map((f) => f.id));
  for (const id of Object.keys(examples.features)) {
    if (!featureIds.has(id)) problems.push(`data/examples.json at features.${id}: unknown feature "${id}"`);
  }
  const seen = new Map<string, { label: string; where: string }>();
  for (const { label, text, where } of labelledExamples(examples)) {
    const key = words(text).join(" ");
    const first = seen.get(key);
    if (first && first.label !== label) {
      problems.push(`data/examples.json at ${where}: "${text}" is also under ${first.where}`);
    } else if (first) {
      problems.push(`data/examples.json at ${where}: "${text}" appears twice`);
    }
    if (key === "") problems.push(`data/examples.json at ${where}: "${text}" has no words`);
    seen.set(key, { label, where });
  }
  for (const [questionId, options] of Object.entries(examples.profileCues)) {
    const q = questions.find((x) => x.id === questionId);
    if (q?.kind !== "single") {
      problems.push(`data/examples.json at profileCues.${questionId}: unknown single-choice question`);
      continue;
    }
    for (const value of Object.keys(options)) {
      if (!q.options.some((o) => o.value === value)) {
        problems.push(`data/examples.json at profileCues.${questionId}.${value}: unknown value "${value}"`);
      }
    }
  }
  return problems;
}
