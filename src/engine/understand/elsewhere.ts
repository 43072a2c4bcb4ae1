import type { Knowledge } from "../knowledge.js";
import type { Parts } from "./also-asked.js";
import type { Analysed } from "./analyse.js";
import { saysForUs } from "./for-us.js";
import { afterLeadIns, opensAsQuestion } from "./question.js";

/**
 * Alternatives' names that are everyday words too: "express shipping", "the spring launch", "a node in the
 * graph", "a bottle of wine". Named alone they may mean either, so they never decide a reading here.
 */
const EVERYDAY = new Set([
  "express",
  "spring",
  "node",
  "bottle",
  "falcon",
  "pyramid",
  "tornado",
  "quart",
  "gin",
]);
/** An alternative's name that is an everyday word too ("express", "spring"). */
export const isEverydayName = (word: string): boolean => EVERYDAY.has(word);

/** Words before the name that make it a comparison: "like in rails", "similar to laravel" (and "compare…"). */
const COMPARING = new Set(["like", "than", "unlike", "similar", "vs", "versus"]);
/** "how does rails handle …", "how do laravel queues work": the other framework is what is asked about. */
const ASKED_OF = new Set(["does", "do", "can", "would"]);
const WH = new Set(["how", "what", "why", "where"]);
/** Words that weigh what is asked of a framework against our needs: "what we need", "better", "everything". */
const AGAINST_OUR_NEEDS: ReadonlySet<string> = new Set("instead better need needs everything".split(" "));
/** Things built with a framework, after its name: "an express app", "a gin api". */
const TECH_HEADS = new Set("app apps api apis server backend service services codebase monolith".split(" "));
/** After "in <name>": what it is done with ("sessions in express with a redis store"). */
const BUILT_WITH = new Set(["with", "using", "via"]);
/** Words that weigh it for us instead: "would an express app be better here". */
const WEIGHS = new Set("instead better rather option consider considering worth".split(" "));
/** Openers of a yes/no question whose subject follows: "does fastapi have…", "can sanic do…". */
const YES_NO = new Set(["does", "do", "can", "will", "is", "has"]);
/** What a framework is asked to have or do: "does fastapi have an admin", "can sanic handle websockets". */
const HAS_OR_DOES = new Set(
  "have has support supports do does handle handles ship ships come comes include includes offer offers provide provides".split(
    " ",
  ),
);

/** The one-word names of the other frameworks (data/examples.json, alternatives) that are no everyday word. */
export function alternativeNames(knowledge: Knowledge): Set<string> {
  return new Set(
    knowledge.examples.alternatives
      .flatMap((alt) => alt.words)
      .filter((w) => !w.includes(" ") && !EVERYDAY.has(w)),
  );
}

/**
 * A question about another framework's own feature, not about Flask's or Django's: its name is where
 * the asked thing lives ("how do i set up sessions in laravel", "jwt auth in nodejs") or what is asked
 * about ("how does rails handle rolling back a migration"). Named as background ("coming from rails",
 * "for rails developers", "we're using laravel"), in comparison ("like in rails"), or with a name that
 * is an everyday word too ("express shipping"; not "an express app", "jobs in express?"), it leaves the
 * question ours; so does naming Flask or Django (the caller checks).
 */
export function askedOfAnotherFramework(names: ReadonlySet<string>, a: Analysed): boolean {
  return a.tokens.some((t) => {
    // Most words are no framework's name: read nothing more for them.
    if (!names.has(t.word) && !EVERYDAY.has(t.word)) return false;
    const sentence = a.tokens.filter((u) => u.sentence === t.sentence);
    const at = sentence.indexOf(t);
    const next = sentence[at + 1];
    // A thing built with it, said of any such thing: "a large express app", "an express api" (not "our
    // express api" or "the spring backend", which ours may talk to).
    const headed =
      TECH_HEADS.has(next?.word ?? "") &&
      [sentence[at - 1]?.word, sentence[at - 2]?.word].some((w) => w === "a" || w === "an");
    // An everyday name is the framework there, or after "in" at the end of its clause ("background jobs
    // in express?") or before what it is done with ("sessions in express with a redis store"); "in
    // spring" is the season.
    const everyday =
      EVERYDAY.has(t.word) &&
      (headed ||
        (sentence[at - 1]?.word === "in" &&
          t.word !== "spring" &&
          (next === undefined || next.clause !== t.clause || BUILT_WITH.has(next.word))));
    if (!names.has(t.word) && !everyday) return false;
    // In a sentence that asks ("how do migrations work? in rails it was rake db:migrate" tells), and
    // with nothing comparing before it ("how does the orm compare to active record in rails?").
    if (!opensAsQuestion(sentence.map((u) => u.word))) return false;
    if (sentence.slice(0, at).some((u) => COMPARING.has(u.word) || u.word.startsWith("compar"))) return false;
    const before = sentence[at - 1]?.word ?? "";
    const twoBefore = sentence[at - 2]?.word ?? "";
    if (before === "in") return true;
    // "how do you structure a large express app?", "how do i unit test handlers in an express app".
    if (headed && !sentence.some((u) => WEIGHS.has(u.word))) return true;
    return ASKED_OF.has(before) && WH.has(twoBefore);
  });
}

/**
 * "does fastapi have an admin panel?", "can sanic do websockets": another framework the subject of a
 * yes/no question about what it has or does. Neither its feature nor the alternative is asked of ours.
 */
export function asksWhatAnotherHas(nameAt: (at: number) => number, a: Analysed): boolean {
  return a.tokens.some((t) => {
    // How many words the framework's name takes from here ("spring boot": 2), 0 when none starts here.
    const length = nameAt(t.at);
    if (length === 0) return false;
    const sentence = a.tokens.filter((u) => u.sentence === t.sentence);
    const at = sentence.indexOf(t);
    // "does fastapi do what we need?", "can rails handle what we're building?" weigh it for us.
    const after = sentence.slice(at + length + 1).map((u) => u.word);
    const forUs = saysForUs(after) || after.some((w) => AGAINST_OUR_NEEDS.has(w));
    return (
      YES_NO.has(sentence[at - 1]?.word ?? "") &&
      afterLeadIns(sentence.map((u) => u.word)) === at - 1 &&
      HAS_OR_DOES.has(sentence[at + length]?.word ?? "") &&
      !forUs
    );
  });
}

/** Words that open a part telling where the team comes from: "coming from rails, …", "switching off laravel, …". */
export const TRANSITIONS: ReadonlySet<string> = new Set(
  "coming moving migrating switching having".split(" "),
);

/** Words after a transition that say it is left: "coming from", "moving off", "switching away". */
const LEAVING = new Set(["from", "off", "away"]);
/** "having used laravel for years": what the team has done with it. */
const HAVING_DONE = new Set("used worked built written done spent shipped been".split(" "));

/**
 * Another framework named in the background is left behind, so the question is about ours: the part
 * opens with where the team comes from ("coming from laravel, how does routing work?", "having used
 * rails for years, …"), or the asking part says "here" ("we're a laravel shop. how do migrations work
 * here?"). Named otherwise ("we're a laravel shop. how do migrations work?", "moving to fastapi, …",
 * "having trouble with laravel, …") it may be what the question is about.
 */
export function leftBehind(a: Analysed, parts: Parts, segment: number): boolean {
  const words = (parts.alone.get(segment)?.tokens ?? []).map((t) => t.word);
  const at = afterLeadIns(words);
  const opener = words[at] ?? "";
  const next = words[at + 1] ?? "";
  if (TRANSITIONS.has(opener) && (opener === "having" ? HAVING_DONE.has(next) : LEAVING.has(next)))
    return true;
  return a.tokens.some((t) => t.word === "here" && !parts.scene.has(t.segment));
}
