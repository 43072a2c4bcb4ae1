import { afterLeadIns } from "./question.js";

/**
 * The app's own command words. `/flask-or-django help` shows the usage; the same word alone in a
 * thread or a mention asks for it too, however few examples happen to say it (a classifier learns
 * a one-word message from other messages' words, and "help" alone is in few of them).
 */
export const HELP_WORDS: ReadonlySet<string> = new Set(["help", "usage"]);

/**
 * Words that may stand around a command word without changing it: "help me", "help pls", "i need
 * help", "can you help". Any other word makes it a question of its own ("help with caching").
 */
const COURTESY = new Set(
  (
    "me us our please pls plz hey hi bot the a some any i we need want can could would you u with this here out " +
    "using use so ok im confused stuck lost"
  ).split(" "),
);

/** The words (normalised) are a command word with at most courtesy around it. */
export function isHelpCommand(words: readonly string[]): boolean {
  return words.some((w) => HELP_WORDS.has(w)) && words.every((w) => HELP_WORDS.has(w) || COURTESY.has(w));
}

/** "can i help?", "could we help": someone offers help, nobody asks for it. */
export function offersHelp(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (
      ["can", "could", "shall", "may"].includes(words[i] as string) &&
      ["i", "we"].includes(words[i + 1] as string)
    )
      return true;
  }
  return false;
}

/** Asking for the reasons in a word or two, under a recommendation: "why?", "why this one?", "source?". */
const WHY_ALONE = new Set([
  "why",
  "why this",
  "why that",
  "why this one",
  "why that one",
  "why it",
  "why the pick",
  "why this pick",
  "why so",
  "why though",
  "how so",
  "how come",
  "reasons",
  "source",
  "sources",
  "says who",
  "based on what",
]);

/** The longest such ask, lead-ins included: "ok but based on what". */
const WHY_MOST_WORDS = 5;

/** The words, after any lead-in ("so why?", "ok but why"), only ask why the verdict is what it is. */
export function asksWhyAlone(words: readonly string[]): boolean {
  if (words.length > WHY_MOST_WORDS) return false;
  return WHY_ALONE.has(words.slice(afterLeadIns(words)).join(" "));
}

/** Words that may follow "why django" and leave it a question about the pick: "why django for a chat app?". */
const AFTER_WHY_FRAMEWORK = new Set(
  "for here with over instead and in given then now though tho at on again exactly really rather vs versus if when".split(
    " ",
  ),
);

/**
 * "why django for a chat app?", "so why not flask + socketio?": a question about the pick that opens
 * with "why" and a framework, followed by nothing, a new clause, or a circumstance. The framework and
 * whether it was "why not". "why django admin looks dated" asks about the admin, so a word that is
 * none of these after the name leaves the message to the classifier.
 */
export function asksWhyFramework(
  tokens: readonly { word: string; clause: number }[],
): { framework: "flask" | "django"; not: boolean } | undefined {
  const words = tokens.map((t) => t.word);
  let i = afterLeadIns(words);
  if (words[i] !== "why") return undefined;
  i++;
  const not = words[i] === "not";
  if (not) i++;
  const name = tokens[i];
  if (name?.word !== "flask" && name?.word !== "django") return undefined;
  const next = tokens[i + 1];
  if (next && next.clause === name.clause && !AFTER_WHY_FRAMEWORK.has(next.word)) return undefined;
  return { framework: name.word, not };
}

/** Openings that suppose other answers: "what if it stays tiny?", "suppose we needed websockets". */
const SUPPOSING = ["what if", "what about if", "what happens if", "suppose", "supposing", "say if"];

/** The words, after any lead-in, open by supposing something ("so what if we only had two weeks?"). */
export function supposes(words: readonly string[]): boolean {
  const rest = ` ${words.slice(afterLeadIns(words)).join(" ")} `;
  return SUPPOSING.some((s) => rest.startsWith(` ${s} `));
}

/** Verbs that say a feature is needed: "what if we needed websockets?" (not "need to add a column"). */
const NEED_VERBS = new Set("need needs needed require requires required want wants wanted".split(" "));

/** The words say something is needed ("need an admin"), not that something needs doing ("need to add"). */
export function saysANeed(words: readonly string[]): boolean {
  return words.some((w, i) => NEED_VERBS.has(w) && words[i + 1] !== "to");
}
