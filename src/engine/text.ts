/** Text normalisation for understanding messages and reading notes. Pure and total: never throws. */

/** Longest message we look at; a question is never longer, and it bounds the work per call. */
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

/** How much raw text is read for `max` characters of plain text: links and mentions take room. */
const MARKUP_ROOM = 4;

/**
 * The text without Slack markup, cut at `max` characters. Markup goes first, so a long link or a
 * mention does not use up the budget, nor a link cut in half leak its address's words.
 */
export function plainText(text: string, max: number = MAX_INPUT): string {
  return stripSlackMarkup(text.slice(0, max * MARKUP_ROOM)).slice(0, max);
}

/** Question marks, the full-width one included ("？"). */
const QUESTION_MARK = /[?？]/;

/**
 * Text without markup (`plainText`) asks with a question mark: outside links, "…watch?v=abc" being an
 * address, not a question.
 */
export function hasQuestionMark(plain: string): boolean {
  return QUESTION_MARK.test(plain);
}

/** The text ends with a question mark, outside links. */
export function endsWithQuestionMark(text: string, max?: number): boolean {
  return QUESTION_MARK.test(plainText(text, max).trim().slice(-1));
}

/** Folded hands: "please" next to words ("can you help? 🙏"), thanks on their own. */
const PRAY = /:pray:|🙏/gu;
const HAS_PRAY = /:pray:|🙏/u;
/** Anything but printable ASCII, tabs and line breaks: such text takes every pass. */
const NOT_PLAIN_ASCII = /[^\t\n\r -~]/;
/**
 * Emoji that say something people also say in words; every other emoji is dropped. A thanks ends
 * its sentence: "👍 how about async" thanks, then asks.
 */
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [
    /:(pray|\+1|thumbsup|raised_hands|heart|tada|clap|muscle|ok_hand|100|white_check_mark):|🙏|👍|🙌|❤️?|🎉|👏|💯|👌|✅/gu,
    " thanks. ",
  ],
  [/:(thinking_face|thinking|face_with_raised_eyebrow|confused):|🤔|🤨|😕/gu, " hmm "],
  [/:(-1|thumbsdown|no_entry):|👎/gu, " nah "],
];
const OTHER_EMOJI_CODE = /:[a-z0-9_+'-]+:/g;

/**
 * Marks where a clause ends (comma, semicolon, plus, full stop, dash, line break), so "auth, caching"
 * reads as two asks and "no admin; we need auth" keeps the negation in its own clause.
 */
export const CLAUSE_MARK = "|";
/** Marks where a sentence ends (full stop, question or exclamation mark, line break): also a clause break. */
export const SENTENCE_MARK = "||";

/**
 * Lower-cases, drops accents, Slack markup and punctuation, and splits into words; clause breaks
 * become CLAUSE_MARK, sentence ends SENTENCE_MARK. Apostrophes are dropped inside words ("don't" →
 * "dont", "what's" → "whats"), and code words split into their parts (`@login_required` → "login
 * required").
 */
export function tokenize(text: string, max: number = MAX_INPUT): string[] {
  return tokenizePlain(plainText(text, max));
}

/** A list's number: "2) ", "(2) ". */
const LIST_NUMBER = /(?<=^|\s)\(?(\d{1,2})\)\s/g;

/**
 * A numbered list asks one question per number ("1) how are releases versioned 2) how active is …"):
 * each number of the run 1, 2, 3… ends a sentence; any other bracketed number stays a number ("a small
 * team (about 4) and: 1) admin 2) auth").
 */
function splitNumberedList(text: string): string {
  if (!text.includes(")")) return text;
  let next = 1;
  return text.replace(LIST_NUMBER, (whole, n: string) => {
    if (Number(n) !== next) return whole;
    next++;
    return ` ${SENTENCE_MARK} `;
  });
}

/** A dot inside a file name or a version ends no sentence: "app.py", "node.js", "4.2". */
const DOT_IN_NAME =
  /(?<=\d)\.(?=\d)|(?<=[\p{L}\d])\.(?=(?:py|js|ts|jsx|tsx|json|md|txt|html|css|yml|yaml|toml|cfg|ini|sql|sh|env|rb|go|io|com|org|net|dev)\b)/gu;

/** Words that may open an idiom below: one pass finds none in most messages. */
const IDIOM_WORDS =
  /\b(?:flask|django) (?:meetups?|workshops?|conferences?|conf|stickers?|swag|hoodies?|t-?shirts?)\b|\b(?:on a scale (?:of|from)|scale of) (?:\d+|one|zero) ?(?:-|to) ?(?:\d+|ten)\b|\bsign(?:ed|s|ing)? off\b|\bsign-?offs?\b|\boff the rails\b|\bguard rails\b|\bquarts? of\b/g;

/**
 * Idioms whose words would read as ours: an event or merchandise named after a framework is not the
 * framework ("the django meetup next week", "the flask workshop tickets"; a tutorial or a talk may still
 * teach it); "on a scale of 1-10 how sure" asks for a rating, not about scaling ("scale from 1 to 50
 * instances" is scaling); "has legal signed off on the contract" approves, not signs in; other
 * frameworks' names in everyday idioms ("going off the rails", not "on the rails stack"; "guard rails";
 * "a quart of milk").
 */
function idioms(found: string): string {
  if (found.startsWith("flask") || found.startsWith("django"))
    return ` ${found.slice(found.indexOf(" ") + 1)}`;
  if (found.includes("scale")) return " ";
  if (found.startsWith("sign"))
    return found.includes("-") || found.endsWith("offs") || found.endsWith("signoff")
      ? " approval "
      : " approve ";
  if (found.endsWith("rails")) return found.startsWith("guard") ? " guardrails " : " off track ";
  return " jug of ";
}

/** `tokenize` for text already without Slack markup and cut (`plainText`). */
export function tokenizePlain(plain: string): string[] {
  let clean = plain.replace(/&amp;|&/g, " and ").replace(/&lt;|&gt;|&quot;|&#39;/g, " ");
  if (HAS_PRAY.test(clean) && /\p{L}/u.test(clean.replace(PRAY, " ").replace(OTHER_EMOJI_CODE, " ")))
    clean = clean.replace(PRAY, " please ");
  // Plain ASCII (most messages) has no emoji, accents or curly quotes to read: those passes are skipped.
  const ascii = !NOT_PLAIN_ASCII.test(clean);
  if (!ascii || clean.includes(":")) {
    for (const [pattern, word] of EMOJI_WORDS) clean = clean.replace(pattern, word);
    clean = clean.replace(OTHER_EMOJI_CODE, " ");
  }
  if (!ascii) clean = clean.normalize("NFKD").replace(/\p{M}+/gu, "");
  clean = splitNumberedList(clean)
    .toLowerCase()
    // "we'll" is "we will", not "well" (a lead-in word); other apostrophes just go: "don't" → "dont".
    .replace(/(\p{L})['’]ll\b/gu, "$1 will")
    // "flask's simplicity" names Flask: the frameworks' possessive is their name, not "flasks".
    .replace(/\b(flask|django)['’]s\b/g, "$1")
    .replace(/(\p{L})['’](\p{L})/gu, "$1$2")
    // "as well as" joins asks like "and": "unit tests as well as a debugger".
    .replace(/\bas well as\b/g, " and ")
    // "on-call" is a rota, not "the call" a decision asks for.
    .replace(/\bon-call\b/g, "oncall")
    // The app's own name ("/flask-or-django", "the flask or django bot") names no framework; "a flask or
    // django app" is a project.
    .replace(/\/?\bflask-or-django\b|\bflask or django (?=bot\b)/g, " bot ")
    // A flask of coffee is a thermos: "the flask of coffee in the kitchen is empty" names no framework.
    .replace(
      /\b(?:hip|thermos|vacuum|water|coffee|tea) flasks?\b|\bflasks? of (?=(?:coffee|tea|water|soup|cocoa|whiske?y)\b)/g,
      " thermos ",
    )
    .replace(IDIOM_WORDS, idioms)
    .replace(DOT_IN_NAME, " ")
    .replace(/[\n.!?？…]+/gu, ` ${SENTENCE_MARK} `)
    // "testing/debugging" lists two asks like "testing, debugging" (letters either side: not "24/7").
    .replace(/[,;+—–]+|\s-+\s|\s\/\s|(?<=\p{L}{3})\/(?=\p{L}{3})/gu, ` ${CLAUSE_MARK} `)
    .replace(/[^\p{L}\p{N}|]+/gu, " ")
    .trim();
  return clean === "" ? [] : clean.split(" ");
}

/** The words only, without clause or sentence marks. */
export function words(text: string, max: number = MAX_INPUT): string[] {
  return tokenize(text, max).filter((w) => w !== CLAUSE_MARK && w !== SENTENCE_MARK);
}

/** Rows reused from call to call (the function is synchronous); longer words get their own. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal string alignment distance (Levenshtein plus adjacent swaps), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > rowA.length) {
    rowA = new Int32Array(2 * (n + 1));
    rowB = new Int32Array(2 * (n + 1));
    rowC = new Int32Array(2 * (n + 1));
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) {
    prev[j] = j;
    prev2[j] = 0;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
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

/**
 * How many typos a word of this length may carry and still be recognised. Words of four letters or
 * fewer get none: too many real words sit one letter apart ("roll" and "role").
 */
export function typoBudget(length: number): number {
  if (length >= 8) return 2;
  if (length >= 5) return 1;
  return 0;
}

/** "A", "A and B", "A, B and C". */
export function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** Lower-case words of a short text, "'s" dropped: what the direct answer and a detail's phrases compare. */
export function plainWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

/** A light plural fold, enough to meet "websockets" and "websocket", "uploads" and "upload". */
export function foldPlural(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}
