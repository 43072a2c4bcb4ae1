import type { ClassifierOptions } from "./classifier.js";
import type { Stemmer, StemmerName } from "./stemmers.js";
import { TUNING, type Tuning } from "./tuning.js";

/** The choices the understanding pipeline can be built with; README's comparison measures them. */
export interface PipelineOptions {
  stemmer: StemmerName;
  /** Overrides `stemmer` with any word → form function (to measure other libraries' lemmas). */
  customStem?: Stemmer;
  /**
   * How misspelt, run-together and shortened words are matched: "own" corrects them against the
   * words training saw (typos keep their first letter; compounds split in two known words; a prefix
   * of five letters or more completes to a known word); "none" leaves them as typed.
   */
  spelling: "own" | "none";
  /** Character n-gram sizes taken from each word (typo robustness); empty for none. */
  grams: readonly number[];
  /** What a character n-gram weighs against a whole word. */
  gramWeight: number;
  /** What a pair of neighbouring words ("why not", "how sure") weighs, for the kind of message. */
  bigramWeight: number;
  /** The kind classifier learns each feature as its own label ("full") or all features as one. */
  kindLabels: "full" | "collapsed";
  /** The kind classifier also sees character n-grams (else words, word pairs and the first word). */
  kindGrams: boolean;
  /** Aliases and code words from data/features.json decide the feature when present. */
  aliasesDecide: boolean;
  /** The kind classifier's share when the two classifiers' feature readings are combined (0: Naive Bayes alone). */
  featureMix: number;
  /** What kind of message it is. */
  kindClassifier: ClassifierOptions;
  /** Which feature it asks about. */
  featureClassifier: ClassifierOptions;
  /**
   * The k training examples nearest a message vote on its kind; `share` is their vote's weight
   * against the kind classifier's (0: not asked).
   */
  neighbours: { share: number; k: number };
  /** Thresholds from probabilities to answers. */
  tuning: Tuning;
}

export const DEFAULT_OPTIONS: PipelineOptions = {
  stemmer: "porter2",
  spelling: "own",
  grams: [],
  gramWeight: 0.25,
  bigramWeight: 1,
  kindLabels: "full",
  kindGrams: false,
  aliasesDecide: true,
  featureMix: 0.4,
  kindClassifier: { kind: "logistic", alpha: 0.3, presence: true, epochs: 3, rate: 0.7, l2: 1e-4, orders: 8 },
  featureClassifier: { kind: "naive-bayes", alpha: 0.15, presence: true, epochs: 12, rate: 0.5, l2: 1e-4 },
  neighbours: { share: 0.15, k: 11 },
  tuning: TUNING,
};
