import type { Detail, Feature } from "./knowledge-schema.js";

/** Lower-case words, with a plural's "s" folded: "uploads" meets "upload". */
function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "")
      .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w)),
  );
}

/**
 * The detail of a feature a question names ("how do we handle file uploads?" → File uploads under
 * forms), or undefined. A phrase names it when every one of its words is in the question, so "limit
 * the rate" meets "rate limit"; of several, the one whose phrase has the most words wins. Pure.
 */
export function detailAsked(feature: Feature, question: string): Detail | undefined {
  const asked = words(question.slice(0, 500));
  let best: { detail: Detail; size: number } | undefined;
  for (const detail of feature.details) {
    for (const phrase of detail.words) {
      const needed = [...words(phrase)];
      if (needed.length === 0 || !needed.every((w) => asked.has(w))) continue;
      if (!best || needed.length > best.size) best = { detail, size: needed.length };
    }
  }
  return best?.detail;
}
