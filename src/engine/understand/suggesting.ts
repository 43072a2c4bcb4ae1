/** A suggestion of what follows: "why not express", "what about rails", "use litestar". */

/** Fillers between a suggesting phrase and the name: "why not just express". */
const FILLER_BEFORE_NAME = new Set(["just", "simply", "maybe", "perhaps"]);

/** Words that open a suggestion of what follows: "why not express", "what about rails". */
const SUGGESTING = [
  "why not",
  "what about",
  "how about",
  "how abt",
  "switch to",
  "go with",
  "use",
  "using",
  "went with",
  "going with",
  "consider",
  "considered",
  "considering",
  "look at",
  "looked at",
].map((p) => p.split(" "));

/** A suggesting phrase right before the word at `at`, a filler allowed between: "why not just express". */
export function suggestedAt(words: readonly string[], at: number): boolean {
  const before = FILLER_BEFORE_NAME.has(words[at - 1] as string) ? at - 1 : at;
  return SUGGESTING.some((p) => p.every((w, k) => words[before - p.length + k] === w));
}
