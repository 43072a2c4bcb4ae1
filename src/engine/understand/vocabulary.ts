import { editDistance, typoBudget } from "../text.js";
import { FRAMEWORK_WORDS, STOPWORDS } from "./analyse.js";
import { englishWords } from "./english.js";
import type { Stemmer } from "./stemmers.js";

/** A word of a message as the index knows it, and how sure we are it is that word (1 = as typed). */
export interface Resolved {
  /** The known word it stands for. */
  word: string;
  stem: string;
  weight: number;
}

const TYPO_WEIGHT = [1, 0.8, 0.6];
const PREFIX_WEIGHT = 0.85;
const COMPOUND_WEIGHT = 0.9;
const MIN_PREFIX = 5;
const COMPLETION_SHARE = 0.75;
const MIN_PART = 2;

/** A word that names no topic: a stop word or a framework's name. */
const functionWord = (w: string) => STOPWORDS.has(w) || FRAMEWORK_WORDS.has(w);
/** Words this long or shorter get no typo budget (too many real words sit one letter apart). */
const SHORT = 4;

/**
 * The words the index was built from, for matching what people mistype, run together or shorten.
 * Built from titles, aliases and examples only: long descriptions would give typos too many targets.
 */
export class Vocabulary {
  /** Stems present in training. */
  readonly stems: Set<string>;
  private readonly wordStem = new Map<string, string>();
  /** How often training saw each stem, all its words together. */
  private readonly stemCount = new Map<string, number>();
  /** Known words by first letter and length: typos keep the first letter, so only these are compared. */
  private readonly byInitial = new Map<string, string[]>();
  private readonly sorted: string[];
  private longest = 0;

  /**
   * @param words every word training saw, with how often: a word seen once ("celry") may itself be
   * someone's typo, so it is read as a more common word one typo away when there is one.
   */
  constructor(
    private readonly words: ReadonlyMap<string, number>,
    stems: Iterable<string>,
    private readonly stem: Stemmer,
    /** Each word's stem when already known (a shipped model): saves stemming every word again. */
    known?: ReadonlyMap<string, string>,
    /** Real words: never corrected into a topic word (`resolve`). Loaded on first need, not at start. */
    private readonly realWords: () => ReadonlySet<string> = englishWords,
  ) {
    this.stems = new Set(stems);
    for (const [w, n] of words) {
      if (this.wordStem.has(w)) continue;
      const s = known?.get(w) ?? stem(w);
      this.wordStem.set(w, s);
      this.stemCount.set(s, (this.stemCount.get(s) ?? 0) + n);
      this.longest = Math.max(this.longest, w.length);
      const initial = `${w[0]}${w.length}`;
      const list = this.byInitial.get(initial);
      if (list) list.push(w);
      else this.byInitial.set(initial, [w]);
    }
    this.sorted = [...this.wordStem.keys()].sort();
  }

  /** Every word with how often training saw it and its stem, and the stems: what rebuilds it. */
  parts(): { words: Array<[string, number, string]>; stems: string[] } {
    return {
      words: [...this.words].map(([w, n]) => [w, n, this.wordStem.get(w) as string]),
      stems: [...this.stems],
    };
  }

  /**
   * What a word stands for: itself when the index knows its stem; else the two known words it runs
   * together ("githubactions"); else the known word it is most of ("memcache" → "memcached"); else the
   * nearest known words by typos, keeping the first letter ("cachng" → "caching", but "bold" is not
   * "old"). Empty when it is none of these. `typos` false skips the typo search, the costly part.
   */
  resolve(word: string, stem: string, typos = true): Resolved[] {
    if (this.stems.has(stem)) {
      // Common as typed, or a new form of a common stem ("deploying"): itself.
      if (this.common(word, stem) || word.length < MIN_PREFIX || !typos) return [{ word, stem, weight: 1 }];
      const corrected = this.typo(word, true).filter((r) => (this.words.get(r.word) ?? 0) >= 2);
      return corrected.length > 0 ? corrected : [{ word, stem, weight: 1 }];
    }
    return this.compound(word) ?? this.completion(word) ?? (typos ? this.typo(word) : []);
  }

  /**
   * A real word read as a topic word (`found`, from `resolve`) is likely no typo: "routine" is not
   * routing, "transactions" not translations. Returns how to read it as typed (a form of a known stem,
   * or a word training never saw), or undefined when `found` stands. Readings into other words stand:
   * they are how the layer tells a message that is not ours ("decent" read as "descent" is no feature).
   */
  asTypedIfReal(
    word: string,
    stem: string,
    found: readonly Resolved[],
    topics: ReadonlySet<string>,
  ): Resolved[] | undefined {
    const invents = found.some((r) => r.weight < 1 && topics.has(r.stem) && !word.startsWith(r.word));
    if (!invents || !this.realWords().has(word)) return undefined;
    return this.stems.has(stem) ? [{ word, stem, weight: 1 }] : [];
  }

  /** Seen twice or more as typed, or a form of a stem seen three times or more: read as itself. */
  private common(word: string, stem: string): boolean {
    return (this.words.get(word) ?? 0) >= 2 || (this.stemCount.get(stem) ?? 0) >= 3;
  }

  /** Whether `resolve` would search for typos: the costly part of reading a word. */
  searchesTypos(word: string, stem: string): boolean {
    if (this.stems.has(stem)) return !this.common(word, stem) && word.length >= MIN_PREFIX;
    // Only words of letters are corrected, and no word shorter than SHORT.
    if (word.length < SHORT || !/^[a-z]+$/.test(word)) return false;
    return this.compound(word) === undefined && this.completion(word) === undefined;
  }

  /**
   * Two known words run together: the left part must be a word training saw as such (cheap to
   * check), the right part a known word or a form of a known stem ("github" + "actions"). Two function
   * words say nothing: "mypy" is no "my py", "pyright" no "py right".
   */
  private compound(word: string): Resolved[] | undefined {
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const left = word.slice(0, cut);
      const a = this.wordStem.get(left);
      if (a === undefined) continue;
      const right = word.slice(cut);
      if (functionWord(left) && functionWord(right)) continue;
      const b = this.wordStem.get(right) ?? this.stem(right);
      if (this.stems.has(b)) {
        return [
          { word: left, stem: a, weight: COMPOUND_WEIGHT },
          { word: right, stem: b, weight: COMPOUND_WEIGHT },
        ];
      }
    }
    return undefined;
  }

  private completion(word: string): Resolved[] | undefined {
    if (word.length < MIN_PREFIX) return undefined;
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid] as string) < word) lo = mid + 1;
      else hi = mid;
    }
    const found = this.sorted[lo];
    // Most of the word must be there: "memcache" is "memcached", but "click" is not "clickjacking".
    if (!found?.startsWith(word) || word.length < COMPLETION_SHARE * found.length) return undefined;
    return [{ word: found, stem: this.wordStem.get(found) as string, weight: PREFIX_WEIGHT }];
  }

  /**
   * A short word is corrected only when it is a known five-letter word with one letter left out
   * after the first ("admn" is "admin"); "roll" is no word with a letter dropped, so it stays "roll".
   */
  private dropped(word: string): Resolved[] {
    if (!/^[a-z]+$/.test(word)) return [];
    const found = (this.byInitial.get(`${word[0]}${SHORT + 1}`) ?? []).filter((c) => {
      for (let i = 1; i <= SHORT; i++) if (c.slice(0, i) + c.slice(i + 1) === word) return true;
      return false;
    });
    if (found.length !== 1) return [];
    const w = found[0] as string;
    return [{ word: w, stem: this.wordStem.get(w) as string, weight: TYPO_WEIGHT[1] as number }];
  }

  /**
   * The nearest known words by edit distance, keeping the first letter. Compares against every
   * known word of that letter and about that length (a few hundred at most); the lexicon keeps the
   * answer, so each new word is looked up once.
   */
  private typo(word: string, otherThanItself = false): Resolved[] {
    if (word.length === SHORT && !otherThanItself) return this.dropped(word);
    const budget = typoBudget(word.length);
    if (budget === 0 || word.length > this.longest + budget) return [];
    let best = budget + 1;
    let found: string[] = [];
    // Only words of letters are corrected: "v2", "2fa" and ids are not typos.
    if (!/^[a-z]+$/.test(word)) return [];
    const candidates: string[] = [];
    for (let n = word.length - budget; n <= word.length + budget; n++) {
      for (const c of this.byInitial.get(`${word[0]}${n}`) ?? []) candidates.push(c);
    }
    for (const candidate of candidates) {
      if (otherThanItself && candidate === word) continue;
      const allowed = Math.min(budget, typoBudget(candidate.length));
      const d = editDistance(word, candidate, allowed);
      if (d > allowed) continue;
      if (d < best) {
        best = d;
        found = [candidate];
      } else if (d === best && !found.includes(candidate)) found.push(candidate);
    }
    if (best > budget) return [];
    const weight = TYPO_WEIGHT[best] ?? 0;
    const out: Resolved[] = [];
    // Among equally near words, the commonest first ("migratoins" is "migrations", not a typo once made).
    found.sort((x, y) => (this.words.get(y) ?? 0) - (this.words.get(x) ?? 0));
    for (const w of found) {
      const stem = this.wordStem.get(w) as string;
      if (!out.some((r) => r.stem === stem)) out.push({ word: w, stem, weight });
    }
    return out;
  }
}
