import { expandShorthand } from "./shorthand.js";
import type { Stemmer } from "./stemmers.js";
import type { Resolved, Vocabulary } from "./vocabulary.js";

/** A typed word as the model reads it. */
export interface Reading {
  /** The word it stands for: as typed, expanded from shorthand, or corrected to a known word. */
  word: string;
  /** The word as typed (after shorthand): character n-grams are taken from it. */
  typed: string;
  stem: string;
  /** 1 as typed; less when corrected, split or completed. */
  weight: number;
  /** Training saw the word (or the one it was corrected to). */
  known: boolean;
}

const CACHE_LIMIT = 20_000;

/**
 * Reads typed words: shorthand first ("pg" → postgres), then a word training never saw is split
 * ("githubactions"), completed ("memcache") or corrected ("cachng"). Each typed word is read once
 * and kept (the cache is emptied when full, so memory stays bounded whatever people type).
 */
export class Lexicon {
  /**
   * Each typed word: whether reading it searches for typos, its readings with and without, and, for a
   * real word read as typed rather than as a topic word, its reading as a typo (null when none).
   */
  private readonly cache = new Map<
    string,
    {
      costly: boolean;
      full?: readonly Reading[];
      plain?: readonly Reading[];
      typo?: readonly Reading[] | null;
    }
  >();

  constructor(
    private readonly stem: Stemmer,
    private readonly vocabulary: Vocabulary | undefined,
    /** Stems no real word is corrected into: the domain words, which would make a question ours. */
    private readonly topics?: ReadonlySet<string>,
  ) {}

  /**
   * @param correct false: the word is not corrected for typos (the costly search), when it would
   * need that; else read in full. Either way the reading depends on the word alone.
   */
  read(typed: string, correct = true): readonly Reading[] {
    const entry = this.entry(typed);
    if (correct || !entry.costly) {
      if (entry.full === undefined) {
        const { readings, typo } = this.readUncached(typed, true);
        entry.full = readings;
        entry.typo = typo ?? null;
      }
      return entry.full;
    }
    entry.plain ??= this.readUncached(typed, false).readings;
    return entry.plain;
  }

  /**
   * The reading as a typo of a topic word, when `read` gave a real word as typed instead ("cashing"
   * for caching): for a message that says nothing else. Call after `read`.
   */
  asTypo(typed: string): readonly Reading[] | undefined {
    return this.cache.get(typed)?.typo ?? undefined;
  }

  /** Reading the word in full searches for typos (a word training never saw, or a rare form). */
  costly(typed: string): boolean {
    return this.entry(typed).costly;
  }

  private entry(typed: string) {
    let entry = this.cache.get(typed);
    if (entry === undefined) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      const vocabulary = this.vocabulary;
      const costly =
        vocabulary !== undefined &&
        expandShorthand(typed).some((w) => vocabulary.searchesTypos(w, this.stem(w)));
      entry = { costly };
      this.cache.set(typed, entry);
    }
    return entry;
  }

  /** The word as typed, stemmed, with no shorthand or correction. */
  asTyped(typed: string): readonly Reading[] {
    return [{ word: typed, typed, stem: this.stem(typed), weight: 1, known: true }];
  }

  private readUncached(
    typed: string,
    correct: boolean,
  ): { readings: Reading[]; typo: Reading[] | undefined } {
    const readings: Reading[] = [];
    const typo: Reading[] = [];
    let guarded = false;
    for (const word of expandShorthand(typed)) {
      const stem = this.stem(word);
      const found = this.vocabulary?.resolve(word, stem, correct) ?? [{ word, stem, weight: 1 }];
      const asTyped = this.topics && this.vocabulary?.asTypedIfReal(word, stem, found, this.topics);
      if (asTyped) guarded = true;
      this.push(readings, word, stem, asTyped ?? found);
      this.push(typo, word, stem, found);
    }
    return { readings, typo: guarded ? typo : undefined };
  }

  private push(out: Reading[], word: string, stem: string, resolved: readonly Resolved[]): void {
    const first = resolved[0];
    if (!first) {
      out.push({ word, typed: word, stem, weight: 1, known: false });
    } else if (resolved.length === 2 && resolved.map((r) => r.word).join("") === word) {
      // Two known words run together ("githubactions"): both.
      for (const r of resolved) out.push({ ...r, typed: r.word, known: true });
    } else {
      out.push({ ...first, typed: word, known: this.vocabulary !== undefined });
    }
  }
}
