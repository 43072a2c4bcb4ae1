import type { StemmerName } from "./stemmers.js";

/** The choices the understanding pipeline can be built with; README's comparison measures them. */
export interface PipelineOptions {
  stemmer: StemmerName;
  /** Drop function words before retrieval (they still count for question and negation cues). */
  dropStopwords: boolean;
  /**
   * How misspelt, run-together and shortened words are matched: "own" corrects them against the
   * index's words first (typos keep their first letter; compounds split in two known words; a
   * prefix of five letters or more completes to a known word); "minisearch" uses MiniSearch's
   * fuzzy and prefix search; "none" matches words exactly.
   */
  spelling: "own" | "minisearch" | "none";
  /** Index each feature's how-it-works text and verdict as well as its title, aliases and examples. */
  descriptions: boolean;
  /** How much a match in each field counts. */
  boost: { title: number; aliases: number; example: number; description: number };
}

export const DEFAULT_OPTIONS: PipelineOptions = {
  stemmer: "porter2",
  dropStopwords: true,
  spelling: "own",
  descriptions: true,
  boost: { title: 2, aliases: 2, example: 1, description: 0.3 },
};
