import type { FrameworkId } from "../knowledge-schema.js";
import type { Analysed } from "./analyse.js";

/**
 * Disagreement opened as one ("disagree — …", "i'd push back on this", "not sold on the pick") and what it
 * is with: the verdict, or another thing. Push-back worded otherwise ("nah, flask suits us better") is the
 * classifiers' and the stance rules' to read; `pushesBackOnAnother` (decision-object.ts) declines
 * push-back words aimed at a named other matter wherever they stand ("push back on the q3 roadmap").
 */
export type Disagreement = "verdict" | "another";

/**
 * What a message that opens with disagreement disagrees with: "verdict" (the pick or the app by name,
 * the verdict's framework, or words about the frameworks after it: "disagree — we'll end up ripping out
 * half of django"), "another" (a colleague's deadline, a take that backs the verdict: "disagree, django's
 * the right call here"), or undefined when it opens otherwise or says nothing more ("not convinced.",
 * the classifiers' to read). "This"/"that"/"you" after it may be a colleague's message as likely as the
 * recommendation, so they need words about the frameworks too.
 */
export function disagreementOpened(
  a: Analysed,
  verdict: FrameworkId,
  aboutTheFrameworks: (from: number) => boolean,
): Disagreement | undefined {
  const words = a.words;
  let i = 0;
  while (i < 4 && LEAD_INS.has(words[i] as string)) i++;
  const phrase = DISAGREEING.find((p) => p.every((w, k) => words[i + k] === w));
  if (phrase === undefined) return undefined;
  const end = i + phrase.length;
  const clause = a.tokens[i]?.clause;
  const endsAt = (k: number) => a.tokens[k] === undefined || a.tokens[k]?.clause !== clause;
  const next = a.tokens[end];
  const joined = !endsAt(end) && JOINING.has(next?.word as string);
  const object = words[end + 1] as string;
  // "not convinced django is right for us": what is doubted is the verdict's framework itself.
  if (!endsAt(end) && next?.word === verdict) return "verdict";
  // "not sold on django" (not "disagree with django being overkill"); "disagree with the pick", "this
  // recommendation", "the bot" (not "the choice of caterer").
  const named =
    (joined && object === verdict && words[end + 2] !== "being") ||
    (joined &&
      DETERMINERS.has(object) &&
      PICK_WORDS.has(words[end + 2] as string) &&
      (endsAt(end + 3) || !AFTER_ANOTHER_THING.has(words[end + 3] as string)));
  const pronoun = joined && PRONOUNS.has(object) && endsAt(end + 2);
  const from = pronoun ? end + 2 : end;
  if (words.slice(from).every((w) => SAYS_NOTHING.has(w))) return undefined;
  if (!named && !endsAt(end) && !pronoun) return "another";
  if (!named && !aboutTheFrameworks(from)) return "another";
  const backed = words.some((w, at) => w === verdict && judged(words, at, BACKING));
  return backed ? "another" : "verdict";
}

/** Verbs of seeming: "flask feels like the better fit", "django is the right call". */
const SEEMING = new Set("is feels seems looks sounds".split(" "));
/** Words that judge one framework the better pick: "the better fit", "lighter", "the right call". */
export const BETTER: ReadonlySet<string> = new Set(
  "better right lighter simpler easier nicer cleaner leaner saner fit choice call pick winner".split(" "),
);
/** Words that back a framework as well as judge it better: "django is exactly what we need", "perfect". */
const BACKING = new Set([...BETTER, ..."perfect exactly fine great good ideal solid best".split(" ")]);

/**
 * The framework named at `at` is judged in `words` of `judging`, as a fact: "flask feels like the better
 * fit to me", "django's the right call" (read "django the right call"). "But" turns it round: "flask
 * feels lighter, but…"; "not" denies it.
 */
export function judged(words: readonly string[], at: number, judging: ReadonlySet<string>): boolean {
  const next = words[at + 1] as string;
  if (!(SEEMING.has(next) || next === "the") || words.includes("but")) return false;
  const after = words.slice(at + 1, at + 6);
  return !after.includes("not") && after.some((w) => judging.has(w));
}

/** Words that open disagreement: "disagree", "push back", "not sold", "not convinced". */
const DISAGREEING = ["disagree", "push back", "pushing back", "not sold", "not convinced", "unconvinced"].map(
  (p) => p.split(" "),
);
/** Words before the disagreement: "i'd", "respectfully, i", "hard", "honestly i'd have to". */
const LEAD_INS = new Set(
  "i id im ill respectfully honestly hard strongly really gently kinda somewhat gonna gotta have to going must need still hmm ok so well sorry but yeah".split(
    " ",
  ),
);
/** Words that join the disagreement to what it is with: "on this", "with the pick". */
const JOINING = new Set(["on", "with", "about"]);
/** Words before a word for the recommendation: "the pick", "this recommendation", "your reasoning". */
const DETERMINERS = new Set(["the", "this", "that", "your", "its"]);
/** What names the recommendation, its reasons or the app that made it. */
const PICK_WORDS = new Set(
  "pick verdict recommendation rec call choice decision suggestion reasoning reasons logic analysis conclusion answer assessment bot tool app".split(
    " ",
  ),
);
/** After a word for the pick, words that make it another thing's: "the choice of caterer", "that call on the offsite". */
const AFTER_ANOTHER_THING = new Set(["of", "on", "for", "about", "to"]);
/** "This", "that", "it" or "you" alone: the message it answers, the app's or a colleague's. */
const PRONOUNS = new Set(["this", "that", "it", "you"]);
/** Words that end a remark and qualify nothing: "we already know flask tho", "not convinced tbh". */
export const FILLERS: ReadonlySet<string> = new Set(
  "tho though anyway anyways now too lol btw tbh imo honestly atm everyday daily mostly really basically usually".split(
    " ",
  ),
);
/** Words that add nothing to disagreement: the fillers, "to be honest" (tbh), "in my opinion", "at all". */
const SAYS_NOTHING = new Set([
  ...FILLERS,
  ..."to be honest in my humble opinion frankly at all yet here sorry".split(" "),
]);
