import type { Detail, Feature } from "./knowledge-schema.js";
import { foldPlural, plainWords } from "./text.js";

/** The question's or a phrase's words, plurals folded: "uploads" meets "upload". */
const words = (text: string) => new Set(plainWords(text).map(foldPlural));

/**
 * The detail of a feature a question names ("how do we handle file uploads?" → File uploads under
 * forms), or undefined. A phrase names it when every one of its words is in the question, so "limit
 * the rate" meets "rate limit"; of several, the one whose phrase has the most words wins. Pure.
 */
export function detailAsked(feature: Feature, question: string): Detail | undefined {
  return detailIn(feature, questionWords(question));
}

/** A question's words as `detailIn` reads them: made once to look through every feature. */
export const questionWords = (question: string): ReadonlySet<string> => words(question.slice(0, 500));

/** `detailAsked` over a question's words already read (`questionWords`). */
export function detailIn(feature: Feature, asked: ReadonlySet<string>): Detail | undefined {
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
