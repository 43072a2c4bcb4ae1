import { CLAUSE_MARK, tokenize } from "../text.js";
import type { Stemmer } from "./stemmers.js";

/**
 * Words that carry no topic and no intent: articles, pronouns, auxiliaries, prepositions and
 * filler. Words that carry intent stay ("why", "not", "or", "better", "sure", "instead").
 */
export const STOPWORDS = new Set(
  (
    "a an the and also am are as at be been being but by can could did do does doing for from had has " +
    "have having he her here hers him his i if im in into is it its itll itd ive just me mine my of " +
    "on onto our ours she so some such that thats the their theirs them then there theres these they " +
    "this those to too u ur us was we were weve whats what when where who whom will with you youre your " +
    "yours hey hi hello pls please bot about does doe would id wed whether lets let get got gonna wanna " +
    "like really actually basically kinda sorta ok okay um uh hmm quick question q need needs want wants must"
  ).split(" "),
);

/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_WORDS = new Set(["but", "however", "though", "although", "except", "yet", "whereas"]);
/** Words that join asks: "auth and caching", "celery or rq", "i18n plus caching". */
const SEGMENT_WORDS = new Set(["and", "or", "plus", "also", "n"]);

/** One index term: the stem of a word that carries meaning, and where its word was. */
export interface Term {
  stem: string;
  /** The word as typed (normalised). */
  word: string;
  /** Position in `Analysed.words`. */
  at: number;
  /** Which clause it is in: split at punctuation and "but", so a negation stays in its clause. */
  clause: number;
  /** Which part of a list of asks it is in: split at punctuation, "and", "or", "plus", "also". */
  segment: number;
}

export interface Analysed {
  /** The words, normalised, without clause marks. */
  words: string[];
  /** The words that carry meaning, stemmed. */
  terms: Term[];
  /** The text had a question mark. */
  questionMark: boolean;
}

export interface AnalyseOptions {
  stem: Stemmer;
  /** Drop STOPWORDS from the terms (measured: see README). */
  dropStopwords: boolean;
  /** Longest text read, in characters. */
  max?: number;
}

/** Normalises, splits into words and clauses, drops stopwords and stems what is left. */
export function analyse(text: string, options: AnalyseOptions): Analysed {
  const tokens = tokenize(text, options.max);
  const words: string[] = [];
  const terms: Term[] = [];
  let clause = 0;
  let segment = 0;
  for (const token of tokens) {
    if (token === CLAUSE_MARK || CLAUSE_WORDS.has(token)) {
      if (words.length > 0) clause++;
    }
    if (token === CLAUSE_MARK || CLAUSE_WORDS.has(token) || SEGMENT_WORDS.has(token)) {
      if (words.length > 0) segment++;
      if (token === CLAUSE_MARK) continue;
    }
    const at = words.push(token) - 1;
    if (options.dropStopwords && STOPWORDS.has(token)) continue;
    terms.push({ stem: options.stem(token), word: token, at, clause, segment });
  }
  return { words, terms, questionMark: text.slice(0, options.max).includes("?") };
}
