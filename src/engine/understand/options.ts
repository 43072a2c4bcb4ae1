import type { Stemmer, StemmerName } from "./stemmers.js";
import { TUNING, type Tuning } from "./tuning.js";

/** The choices the understanding pipeline can be built with; README's comparison measures them. */
export interface PipelineOptions {
  stemmer: StemmerName;
  /** Overrides `stemmer` with any word → form function (to measure other libraries' lemmas). */
  customStem?: Stemmer;
  /** Drop function words before retrieval (they still count for question and negation cues). */
  dropStopwords: boolean;
  /**
   * Two indexes: one over every example with function words kept tells what kind of message it is
   * ("what can you do" is help); one over the features without them tells which feature.
   */
  twoStage: boolean;
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
  /** How many of a label's best documents count towards its score, and at what weight after the first. */
  neighbours: number;
  neighbourWeight: number;
  /** Thresholds from scores to answers. */
  tuning: Tuning;
}

export const DEFAULT_OPTIONS: PipelineOptions = {
  stemmer: "porter2",
  dropStopwords: false,
  twoStage: true,
  spelling: "own",
  descriptions: true,
  boost: { title: 2, aliases: 2, example: 1, description: 0.1 },
  neighbours: 3,
  neighbourWeight: 0.5,
  tuning: TUNING,
};
