/** Text normalisation shared by feature matching and notes reading. Pure and total: never throws. */

/** Longest input we look at; a question is never longer, and it bounds the work per call. */
export const MAX_INPUT = 500;

const SLACK_LINK = /<([^<>|]*)(?:\|([^<>]*))?>/g;

/**
 * Removes Slack markup: mentions (`<@U123>`, `<!channel>`, `<#C1|general>`) vanish, links keep
 * their label (`<https://x|label>` → `label`), bare links vanish.
 */
export function stripSlackMarkup(text: string): string {
  return text.replace(SLACK_LINK, (_m, target: string, label: string | undefined) => {
    if (target.startsWith("@") || target.startsWith("!") || target.startsWith("#")) return " ";
    return label ? ` ${label} ` : " ";
  });
}

/** Lower-cases, drops accents, Slack markup and punctuation, and splits into words. */
export function words(text: string, max: number = MAX_INPUT): string[] {
  const clean = stripSlackMarkup(text.slice(0, max))
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/&amp;/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  return clean === "" ? [] : clean.split(" ");
}

/** Plurals of words that end in "ie", which the "ies" → "y" rule would get wrong. */
const IE_WORDS = new Set([
  "cookie",
  "movie",
  "newbie",
  "rookie",
  "selfie",
  "zombie",
  "goodie",
  "freebie",
  "calorie",
]);

/** A light English stemmer for plurals: "migrations" → "migration", "queries" → "query". */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) {
    const ie = word.slice(0, -1);
    return IE_WORDS.has(ie) ? ie : `${word.slice(0, -3)}y`;
  }
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** Every string made by deleting `depth` characters or fewer (the SymSpell neighbourhood). */
export function deletions(word: string, depth: number): Set<string> {
  const out = new Set<string>([word]);
  let frontier = [word];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const v = w.slice(0, i) + w.slice(i + 1);
        if (!out.has(v)) {
          out.add(v);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return out;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}
