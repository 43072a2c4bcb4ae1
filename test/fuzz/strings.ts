/**
 * Text a person might type (or paste) into Slack: commands, feature words and typos, Slack markup that must
 * never ping or link, odd Unicode (zero-width, RTL, emoji sequences, lone surrogates) and huge strings.
 */
import type { Rng } from "./prng.js";

/** A user id no real payload uses: any "<@U0FUZZ" in a message the app sends came from fuzz input. */
export const FUZZ_USER = "U0FUZZ123";
/** A crafted link: the app must never pass it through as a live link. */
export const EVIL_LINK = "<https://evil.example";

/** Markup that must never reach a rendered text unescaped. */
export const FORBIDDEN_MARKUP = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  `<@${FUZZ_USER.slice(0, 6)}`,
  EVIL_LINK,
];

export const MARKUP = [
  "<!channel>",
  "<!here>",
  "<!everyone>",
  `<@${FUZZ_USER}>`,
  `<@${FUZZ_USER}|mallory>`,
  "<#C0FUZZ99|general>",
  "<!subteam^S0FUZZ|@devs>",
  "<https://x|y>",
  `${EVIL_LINK}|click here>`,
  "<mailto:a@b.c|mail>",
  "&amp;<>",
  "&lt;!channel&gt;",
  "*bold*",
  "_italic_",
  "~strike~",
  "`code`",
  "```block```",
  "> quoted",
  ":tada:",
  "https://example.com/a?b=c",
];

export const ODD_UNICODE = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\ufeff",
  "\u202e",
  "\u200f",
  "\u2066",
  "שלום",
  "مرحبا بالعالم",
  "👍🏽",
  "🏳️‍🌈",
  "👨‍👩‍👧‍👦",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "\u0000",
  "\u0007",
  "e\u0301",
  "ﬁ",
  "İ",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "Ⅻ",
  "\u3000",
  "漢字",
  "\n",
  "\t",
  "\r\n",
];

export const JUNK = [
  "null",
  "undefined",
  "NaN",
  "__proto__",
  "constructor",
  "toString",
  "{}",
  "[]",
  '{"a":1}',
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "$" + "{x}",
  "{{x}}",
  "%00",
  "\\",
  '"',
  "'",
  "0",
  "-1",
  "1e309",
];

export const COMMAND_WORDS = ["", " ", "help", "HELP", " Help ", "usage", "?", "topics", "list", "TOPICS"];

export const PHRASES = [
  "what about async?",
  "admin vs orm",
  "is django slow?",
  "does flask have an admin",
  "migrations",
  "how do I deploy",
  "rest api and auth",
  "tell me about templates",
  "which is better",
  "thanks!",
  "lol",
  "ok",
];

function typo(rng: Rng, word: string): string {
  if (word.length < 2) return `${word}x`;
  const i = rng.int(0, word.length - 1);
  switch (rng.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + String.fromCharCode(97 + rng.int(0, 25)) + word.slice(i);
    case 2:
      return i + 1 < word.length
        ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
        : `${word}${word}`;
    default:
      return word.toUpperCase();
  }
}

function randomCodePoints(rng: Rng, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.5) s += String.fromCharCode(32 + rng.int(0, 94));
    else if (r < 0.8) s += String.fromCodePoint(rng.int(0xa0, 0x2fff));
    else if (r < 0.95) s += String.fromCodePoint(rng.int(0x1f300, 0x1faff));
    else s += String.fromCharCode(rng.int(0xd800, 0xdfff)); // lone surrogate halves
  }
  return s;
}

export class TextFuzzer {
  private readonly words: string[];

  constructor(
    private readonly rng: Rng,
    featureWords: string[],
  ) {
    this.words = featureWords;
  }

  private piece(): string {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.2) return rng.pick(this.words);
    if (r < 0.3) return typo(rng, rng.pick(this.words));
    if (r < 0.5) return rng.pick(MARKUP);
    if (r < 0.65) return rng.pick(ODD_UNICODE);
    if (r < 0.75) return rng.pick(JUNK);
    if (r < 0.9) return rng.pick(PHRASES);
    return randomCodePoints(rng, rng.int(1, 12));
  }

  /** A string of at most `max` characters (UTF-16 units). */
  text(max = 5000): string {
    const rng = this.rng;
    const r = rng.next();
    let s: string;
    if (r < 0.1) s = rng.pick(COMMAND_WORDS);
    else if (r < 0.35) s = this.piece();
    else if (r < 0.8) {
      const parts: string[] = [];
      for (let i = rng.int(2, 8); i > 0; i--) parts.push(this.piece());
      s = parts.join(rng.pick([" ", "", "\n", " · "]));
    } else if (r < 0.9) {
      // Huge: a mix of pieces up to the maximum.
      const parts: string[] = [];
      let n = 0;
      const target = rng.chance(0.5) ? max : rng.int(200, max);
      while (n < target) {
        const p = this.piece();
        parts.push(p);
        n += p.length + 1;
      }
      s = parts.join(" ");
    } else if (r < 0.95) s = rng.pick(["a", "<!channel> ", "👍🏽", "\u200b", "&"]).repeat(max);
    else s = randomCodePoints(rng, rng.int(1, 300));
    return s.length > max ? s.slice(0, max) : s;
  }
}
