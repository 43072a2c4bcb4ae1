import { CLAUSE_MARK, hasQuestionMark, plainText, SENTENCE_MARK, tokenizePlain } from "../text.js";
import type { Lexicon } from "./lexicon.js";

/**
 * Words that carry no topic and no intent: articles, pronouns, auxiliaries, prepositions and
 * filler. Words that carry intent stay ("why", "not", "or", "better", "sure", "instead"). The kind
 * of message is read with them; which feature, without them.
 */
export const STOPWORDS = new Set(
  (
    "a an the and also am are as at be been being but by can could did do does doing for from had has " +
    "have having he her here hers him his i if im in into is it its itll itd ive just me mine my of " +
    "on onto our ours she so some such that thats the their theirs them then there theres these they " +
    "this those to too u ur us was we were weve whats what when where who whom will with you youre your " +
    "yours hey hi hello pls please bot about does doe would id wed whether lets let get got gonna wanna " +
    "like really actually basically kinda sorta ok okay um uh hmm quick question q need needs want wants must " +
    "how hows which why whats any anyone way ways thing things stuff one ones lol haha tbh honestly right now " +
    "should shall may might wont dont doesnt isnt arent cant there vs versus or than more most much many " +
    "better best good bad easy easier hard harder work works working use using used " +
    "someone somebody something anything everything anybody everyone everybody nobody " +
    "through across between over under via per even still already only very each every all " +
    // "websockets built in?", "natively", "ootb": how it comes, not what.
    "built builtin natively ootb"
  ).split(" "),
);

/**
 * Words of the closed classes (prepositions, conjunctions, ordinals, adverbs of time and frequency)
 * that are no stop words, since they can tell what kind of message it is ("instead", "without"), but
 * never say what it is about: whatever the examples, none is a domain word. "how many leave days after
 * the first year" names no feature with "after" and "first".
 */
export const GRAMMAR_WORDS = new Set(
  (
    "after before both either neither else enough first second third last next other others another " +
    "until till while within without since during around among against toward towards upon once twice " +
    "often usually sometimes always never ever almost again instead whatever whenever wherever however " +
    "though although unless because besides beyond behind below above near"
  ).split(" "),
);

/** Framework names say which side, not which feature. */
export const FRAMEWORK_WORDS = new Set(["flask", "django", "python", "py"]);

/** Words that start a new clause: a negation before them does not reach past them. */
const CLAUSE_WORDS = new Set(["but", "however", "though", "although", "except", "yet", "whereas"]);
/** Words that join asks: "auth and caching", "celery or rq", "i18n plus caching". */
const SEGMENT_WORDS = new Set(["and", "or", "plus", "also", "n"]);

/** One word of a message, as the model knows it. */
export interface Term {
  /** The stem it is indexed under: its own, or that of the known word it was corrected to. */
  stem: string;
  /** The word it stands for (normalised, shorthand expanded, corrected). */
  word: string;
  /** The word as typed (normalised, shorthand expanded). */
  typed: string;
  /** 1 when known as typed; less when corrected, split or completed. */
  weight: number;
  /** Training saw this word (or the word it was corrected to). */
  known: boolean;
  /** A function word (STOPWORDS) or a framework name: no topic. */
  stop: boolean;
  /** Position in `Analysed.words`. */
  at: number;
  /** Which clause it is in: split at punctuation and "but", so a negation stays in its clause. */
  clause: number;
  /** Which part of a list of asks it is in: split at punctuation, "and", "or", "plus", "also". */
  segment: number;
  /** Which sentence it is in: split at full stops, question and exclamation marks, line breaks. */
  sentence: number;
}

export interface Analysed {
  /** The words, normalised and shorthand expanded, without clause marks. */
  words: string[];
  /** Every word, function words included (what kind of message it is). */
  tokens: Term[];
  /** The words that carry a topic (which feature): no function words, no framework names. */
  terms: Term[];
  /** The text had a question mark. */
  questionMark: boolean;
}

/** How many of a message's words may be searched for typos: a message of prose has a handful at most. */
const TYPO_SEARCHES = 20;

/**
 * Normalises, expands shorthand, corrects, splits into clauses and segments, and stems. A real word
 * is read as typed, not as a topic word one typo away ("what's the daily routine for on-call?"),
 * unless it is all the message says ("what about cashing?"): then it is the typo it looks like.
 */
export function analyse(text: string, lexicon: Lexicon, max?: number, asTypos = false): Analysed {
  const plain = plainText(text, max);
  const raw = tokenizePlain(plain);
  const words: string[] = [];
  const tokens: Term[] = [];
  const terms: Term[] = [];
  let clause = 0;
  let segment = 0;
  let sentence = 0;
  let typoSearches = 0;
  // Where a real word was read as typed although it looks like a topic word's typo.
  const guarded = new Set<number>();
  for (const token of raw) {
    const mark = token === CLAUSE_MARK || token === SENTENCE_MARK;
    if (token === SENTENCE_MARK && words.length > 0) sentence++;
    if (mark || CLAUSE_WORDS.has(token)) {
      if (words.length > 0) clause++;
    }
    if (mark || CLAUSE_WORDS.has(token) || SEGMENT_WORDS.has(token)) {
      if (words.length > 0) segment++;
      if (mark) continue;
    }
    // A paste (a traceback, a log) brings many words training never saw: past a budget they are not
    // searched for typos, so one message costs a millisecond or so at most.
    const costly = lexicon.costly(token);
    if (costly) typoSearches++;
    // A function word is never "corrected" into a topic word ("even" is not "event").
    const full = !costly || typoSearches <= TYPO_SEARCHES;
    let readings = lexicon.read(token, full);
    // Only after a full read: past the budget, what an earlier message read must not count.
    const typo = full ? lexicon.asTypo(token) : undefined;
    if (typo) {
      if (asTypos) readings = typo;
      else guarded.add(words.length);
    }
    if (STOPWORDS.has(token) && readings.some((r) => r.weight < 1)) readings = lexicon.asTyped(token);
    for (const r of readings) {
      const at = words.push(r.word) - 1;
      const stop = STOPWORDS.has(r.word) || FRAMEWORK_WORDS.has(r.word);
      const term: Term = {
        stem: r.stem,
        word: r.word,
        typed: r.typed,
        weight: r.weight,
        known: r.known,
        stop,
        at,
        clause,
        segment,
        sentence,
      };
      tokens.push(term);
      if (!stop) terms.push(term);
    }
  }
  if (!asTypos && terms.length > 0 && terms.every((t) => guarded.has(t.at)))
    return analyse(text, lexicon, max, true);
  return { words, tokens, terms, questionMark: hasQuestionMark(plain) };
}
