import type { Analysed, Term } from "./analyse.js";
import { ownersIn } from "./possessive.js";

/**
 * What a framework is weighed for, when a message names it after "for", and whether that is a thing
 * not ours: "would phoenix work for our next team trip?", "is koa a good pick for our office plant's
 * name?", "would fastapi suit the data team's java stuff?". A thing of ours ("for us", "for this", "for
 * our ingestion service") leaves the framework weighed for this project.
 */

/** Words that give a reason for what was said before them. */
export const REASON_WORDS: ReadonlySet<string> = new Set(["because", "since", "cause", "coz"]);
/** Words that end what a framework is weighed for and start why or when: "for our api since…", "if…". */
export const FOR_WHAT_ENDS: ReadonlySet<string> = new Set([
  ...REASON_WORDS,
  "given",
  "as",
  "if",
  "when",
  "considering",
]);
/** Words before what a thing is weighed for: "for our offsite", "would it suit my hobby app". */
const WEIGHED_FOR = new Set(["for", "suit", "suits"]);
/** Someone else's, before a product: "for their service", "his api". */
const THEIRS = new Set(["their", "his", "her"]);
/** Words that end what a thing is for and start what it is weighed against: "for our api than flask", "suit their product better". */
const COMPARING = new Set(["than", "instead", "rather", "better", "worse", "more", "less"]);
/** Words that start a clause of their own inside the object: "for the edge api we're planning". */
const CLAUSE_OPENERS = new Set(
  // As the words read "i'm", "we're", "they've": "im", "were", "theyve".
  "we i they you he she it that which who im ive id were weve youre theyre theyve".split(" "),
);

/** Whose a thing may be, when another one: "the other team's app", "the data team's stuff". */
const TEAMS = new Set(
  "team teams squad department dept org company group client clients agency startup".split(" "),
);
/** What someone's own may be: "a side gig", "my pet project", "a personal thing". */
const OWN_THINGS = new Set("project projects gig hustle thing things app site blog".split(" "));
/** Relatives and others whose thing is never ours: "my brother's startup", "the intern's summer project". */
const RELATIVES = new Set(
  "brother sister nephew niece cousin friend mom dad wife husband partner kid son daughter intern roommate neighbour neighbor".split(
    " ",
  ),
);
/** Words that make a team another one, wherever it is: "our sister company's", "the partner agency's". */
const OTHER_TEAM = new Set(["other", "another", "sister", "partner", "parent"]);
/** Words before an owner that make it ours or anyone's: "our team's api", "the team's needs", "my team's". */
const DETERMINERS = new Set(["our", "my", "your", "the", "this", "whole"]);
/**
 * A mark of another one or someone's own: "a hobby app", "the other team's", "another company", "a side
 * gig", "my pet project", "a personal thing" (not "the admin side", "the other services in our stack", "a
 * pet adoption site", "our personal finance app").
 */
function marksAnothers(w: Term, next: Term | undefined): boolean {
  const after = next?.typed ?? "";
  if (w.typed === "hobby") return true;
  if (w.typed === "other" || w.typed === "another") return TEAMS.has(after) || after === "project";
  return (w.typed === "side" || w.typed === "pet" || w.typed === "personal") && OWN_THINGS.has(after);
}
/** Gatherings and outings: what a framework is weighed for there is no product ("for our team retreat"). */
const GATHERINGS = new Set(
  "offsite retreat party lunch dinner hackathon trip picnic wedding holiday vacation bowling".split(" "),
);
/** Things no product is, as what is weighed ("a good name for", "the theme for") or what it is for. */
const NO_PRODUCT = new Set(
  "name names theme topic mascot logo fridge thesis homework assignment league gig raffle costume".split(" "),
);

/** How a message's words read to the model. */
export interface PurposeReading {
  /** A word only questions about other matters use ("retro", "payroll"). */
  offTopic(term: Term): boolean;
}

/** What a product may be called: with one of these last, what it is for is ours ("our recipe api"). */
const PRODUCTS = new Set(
  "app apps api apis service services backend site website platform product project system tool bot dashboard portal mvp feature shop store marketplace saas crm cms".split(
    " ",
  ),
);

/** The words a "for" at `at` names: the rest of its clause, up to a reason or a clause of its own. */
function objectOf(a: Analysed, at: number): Term[] {
  const start = a.tokens[at];
  const object: Term[] = [];
  for (let i = at + 1; i < a.tokens.length; i++) {
    const t = a.tokens[i] as Term;
    if (
      t.clause !== start?.clause ||
      FOR_WHAT_ENDS.has(t.word) ||
      CLAUSE_OPENERS.has(t.word) ||
      COMPARING.has(t.word)
    )
      break;
    object.push(t);
  }
  return object;
}

/**
 * Another owns the word: a person, whoever's ("my brother's startup", "the intern's summer project"), or a
 * team named as another ("the data team's", "our sister company's"; not "our platform team's", "the
 * team's"). The words read "team's" as "teams".
 */
function anotherOwns(a: Analysed, owners: readonly string[], t: Term): boolean {
  if (!t.typed.endsWith("s")) return false;
  const owner = t.typed.slice(0, -1);
  if (!owners.includes(owner)) return false;
  if (RELATIVES.has(owner)) return true;
  if (!TEAMS.has(owner)) return false;
  // What qualifies the team, back to its determiner: "the data team's", "our platform team's".
  const qualifiers: string[] = [];
  for (let i = t.at - 1; i >= Math.max(0, t.at - 4); i--) {
    const w = a.words[i] as string;
    if (DETERMINERS.has(w)) {
      if (w === "our" || w === "my" || w === "your") return qualifiers.some((q) => OTHER_TEAM.has(q));
      break;
    }
    qualifiers.push(w);
  }
  return qualifiers.length > 0;
}

/**
 * A "for" in the clause where another framework is named (`at`) names a thing not ours: another one or
 * someone's own ("our other team's billing app", "my hobby app", "the data team's java stuff"), a
 * gathering ("for our team retreat"), a thing no product is ("a good name for our ping pong table", "for
 * my thesis"), or, unless a product is named last, a word only other matters use.
 */
export function forAnotherPurpose(a: Analysed, text: string, reading: PurposeReading, at: number): boolean {
  const { clause, sentence } = a.tokens[at] ?? {};
  const owners = ownersIn(text);
  // The name's clause, or the sentence's opening "for": "for my brother's startup, would rails be better?".
  const opens = (t: Term) => t.sentence === sentence && a.tokens[t.at - 1]?.sentence !== sentence;
  const read = a.tokens.filter(
    (t) => WEIGHED_FOR.has(t.word) && (t.clause === clause || (t.word === "for" && opens(t))),
  );
  // Whose each is: someone else's or another one ("our other team's billing app", "my hobby app").
  const anothersIn = (object: readonly Term[]) =>
    object.some((w, i) => marksAnothers(w, object[i + 1]) || anotherOwns(a, owners, w));
  // "for our service than for their service": a product of ours named outright weighs it for us.
  const ours = (t: Term) => {
    const object = objectOf(a, t.at);
    return (
      object[0]?.word === "our" && PRODUCTS.has(object[object.length - 1]?.word ?? "") && !anothersIn(object)
    );
  };
  if (read.some(ours)) return false;
  return read.some((t) => {
    const object = objectOf(a, t.at);
    const head = object[object.length - 1];
    if (!head) return false;
    // What is weighed, right before: "a good name for", "the theme for our hack week".
    const before = a.tokens[t.at - 1];
    const weighed = before?.clause === t.clause ? before : undefined;
    // As typed: "theme" is no typo of "there".
    if (NO_PRODUCT.has(head.typed) || (weighed && NO_PRODUCT.has(weighed.typed))) return true;
    if (anothersIn(object)) return true;
    // A product is ours unless it is theirs: "for their service" (not "would it suit their needs", our users').
    if (PRODUCTS.has(head.word)) return object.some((w) => THEIRS.has(w.typed));
    // "for our team retreat", "for our lunch and learn" (not "our lunch ordering app", "our trip planner").
    if (GATHERINGS.has(head.typed) || (head.typed === "learn" && object.some((w) => w.typed === "lunch")))
      return true;
    return object.some((w) => reading.offTopic(w));
  });
}
