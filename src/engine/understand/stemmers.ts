import { stemmer as porter } from "stemmer";
import porter2 from "wink-porter2-stemmer";

/** Maps a word to the form it is indexed under ("deploying" → "deploy"). */
export type Stemmer = (word: string) => string;

/**
 * The stemmers measured (see README, "How questions are understood"). Porter2 is the default: with
 * the nearest examples' vote it measured as well as Porter (1980) or better on every set, and on
 * cross-validation (round 7); before that, Porter had measured at least as well.
 */
export const STEMMERS = {
  /** Porter's 2001 English (Snowball) stemmer: "deploying" and "deployment" both give "deploy". */
  porter2: porter2 as Stemmer,
  /** Porter's 1980 stemmer: "deploying" gives "deploi", "deployment" "deploy". */
  porter,
  /** No stemming: the word as typed. */
  none: (word: string) => word,
} satisfies Record<string, Stemmer>;

export type StemmerName = keyof typeof STEMMERS;

const CACHE_LIMIT = 20_000;

/** One memo per stemmer for the whole process: a stem never changes, whichever model asks. */
const memos = new WeakMap<Stemmer, Stemmer>();

/**
 * The same stemmer with a bounded memo: a message has few words and most recur, and Porter2 costs
 * about 2 µs a word. The memo is emptied when full, so memory stays bounded whatever people type.
 */
export function memoised(stem: Stemmer): Stemmer {
  const known = memos.get(stem);
  if (known) return known;
  const memo = new Map<string, string>();
  const fn: Stemmer = (word) => {
    let s = memo.get(word);
    if (s === undefined) {
      if (memo.size >= CACHE_LIMIT) memo.clear();
      s = stem(word);
      memo.set(word, s);
    }
    return s;
  };
  memos.set(stem, fn);
  return fn;
}
