import type { Analysed, Term } from "./analyse.js";
import { NEGATIONS } from "./negations.js";
import { DAYS, timeWords } from "./time-words.js";

/** Words that open a question: "how…", "is it…", "can we…", "tell me…", "thoughts on…". */
const OPENERS = new Set(
  (
    "what whats how hows why which who whos when where wheres is isnt are arent does doesnt do dont did " +
    "didnt can cant could couldnt should shouldnt would wouldnt will wont shall may might must has hasnt " +
    "have havent am tell explain compare describe show walk thoughts thought opinion opinions wdyt " +
    "any anyone anybody whether eli5 tldr recap summary summarise summarize remind"
  ).split(" "),
);
/** Words said before the question proper: "so what's the call", "ok but how…", "tl;dr what's the plan". */
const LEAD_INS = new Set(
  [
    "so ok okay ok and but also plus n btw hey hi yo then well quick q tl dr tldr um uh hmm soo sooo right ah oh",
    "and or fwiw ftr iirc afaik honestly genuinely seriously anyway anyways",
    // Words that number or add an ask: "…, and separately what's the least painful way to deploy".
    "separately secondly second thirdly additionally finally lastly bonus question qs another",
  ]
    .join(" ")
    .split(" "),
);
/** Words that make a statement ask ("I wonder how…", "curious about…", "confused about…"). */
const ASKING = new Set(
  "wonder wondering curious unsure unclear confused explain tell clarify question".split(" "),
);
/** Words that ask only when negated: "not sure which…", "don't know how…", "no idea if…" ("I know how…" tells). */
const ASKING_NEGATED = new Set("know idea sure clear".split(" "));
/** Words that make a statement a request: "we need background jobs", "worried about performance". */
const REQUESTING = new Set(
  "need needs want wants require requires must worried concerned looking".split(" "),
);
/** What a requesting word must not be followed by: "we must have broken it", "looking at the admin now". */
const NOT_A_REQUEST: Readonly<Record<string, ReadonlySet<string>>> = {
  must: new Set(["have", "ve", "be"]),
  looking: new Set(["at", "back", "good", "great", "fine"]),
};

/** A word negated by one of the two words before it. */
function negated(words: readonly string[], j: number): boolean {
  return NEGATIONS.has(words[j - 1] as string) || NEGATIONS.has(words[j - 2] as string);
}
const WH = new Set("what whats how why which who when where whether".split(" "));
/** Statements start with who is speaking; fragments ("admin panel", "orm migrations") do not. */
const SUBJECTS = new Set(
  "i im ive id we were weve wed our my it its itll this that thats they theyre he she you youre lol haha no not gonna lets".split(
    " ",
  ),
);

/** Verbs of being or seeming: "jinja is fine", "celery has been solid", "the docs look great". */
const BEING = new Set(
  "is isnt are arent was wasnt were werent has have had been seems seem seemed looks look looked feels felt worked works".split(
    " ",
  ),
);
/** Words that judge: what makes "<topic> is …" an opinion told, not a question asked. */
const JUDGING = new Set(
  (
    "fine good great nice solid ok okay awesome amazing excellent brilliant decent lovely neat " +
    "terrible awful bad horrible painful pain nightmare lifesaver overkill meh underrated overrated " +
    "perfect flawless rock rocks sucks clunky slick smooth best worst favourite favorite " +
    "fun done finished ready cursed broken clean elegant readable intuitive beautiful"
  ).split(" "),
);
/** Words that, later in a message, make it ask: a question's verb or a tag ("…, right", "…, correct"). */
const ASKS_LATER = new Set(
  "is isnt are arent does doesnt do dont did didnt can cant could should would will need needs want right correct yeah yes possible impact ideas thoughts".split(
    " ",
  ),
);
/**
 * Words after a verb of being that state how things stand ("the db is on rds already", "it's already
 * decided") or when a thing is ("the office move is friday").
 */
const STATED = timeWords(DAYS, "already on decided sorted settled handled chosen picked managed");
/** Past forms that do not end in "-ed": "the migration broke the build", "celery ran for hours". */
const IRREGULAR_PAST = new Set(
  "ran broke went took made gave came built found left sent wrote saw began ate cut spent lost won fought forgot kept".split(
    " ",
  ),
);
/**
 * What follows a verb told in the past: its object, how it went, or when ("saved us", "pushed the login
 * page", "went fine", "ran yesterday").
 */
const TOLD_AFTER = new Set(
  (
    "us me them him her it the a an some our my their this that all yesterday again twice " +
    "fine clean forever nothing back today finally earlier overnight last well great smoothly badly"
  ).split(" "),
);
/** After a past form that opens the message (its subject dropped): where it went ("deployed to prod"). */
const TOLD_FIRST_AFTER = new Set(["to", "with", "up", "out", "over", "off"]);
/** Of those, the particles of phrasal verbs ("set up", "timed out"), which may also make an adjective. */
const PARTICLES = new Set(["up", "out", "over", "off"]);
/** Past participles that open a fragment question: "based on our answers", "built in auth", "related to celery". */
const NOT_TOLD = new Set(
  "based related compared built needed required supported recommended suggested preferred".split(" "),
);

/** Words that end in "-ed" and are no past form: "memcached with django", "speed up the admin". */
const NOT_PAST = new Set([
  "memcached",
  "embed",
  "hundred",
  "sacred",
  "wicked",
  "naked",
  "rugged",
  "shed",
  "sled",
  "fred",
]);

/** A past form: "deployed", "broke" (not "speed", "need", "memcached"). */
export const isPast = (w: string) =>
  IRREGULAR_PAST.has(w) || (w.length > 3 && w.endsWith("ed") && !w.endsWith("eed") && !NOT_PAST.has(w));

/** Verbs of shipping work said with "it" alone: "ship it", "merge it" (a go-ahead, not a question). */
const GO_AHEAD = new Set("ship merge deploy push approve send land".split(" "));
/** When: what an "-ing" verb may be followed by in a status told ("deploying after lunch"). */
const STATUS_TIME = timeWords(
  DAYS,
  "after before at in on by this the next later soon now lunch afternoon morning evening eod weekend asap shortly",
);

/**
 * A go-ahead or a status told without a subject: "ship it", "merge it lol", "deploying after lunch",
 * "merging now". "deploying django on heroku" names what, so it may ask.
 */
function toldGoAhead(words: readonly string[], start: number): boolean {
  const first = words[start] as string;
  const rest = words.slice(start + 1);
  if (GO_AHEAD.has(first) && rest[0] === "it" && rest.length <= 2) return true;
  return (
    first.length > 5 && first.endsWith("ing") && rest.length > 0 && rest.every((w) => STATUS_TIME.has(w))
  );
}

/**
 * The message opens with a past form, its subject dropped, and an object, a place or a time after it:
 * "deployed the admin yesterday", "pushed the migration", "upgraded to django 5 over the weekend". A
 * question later ("…, how do we roll back") still asks.
 */
function toldWithoutSubject(words: readonly string[], start: number): boolean {
  const verb = words[start] as string;
  if (!isPast(verb) || NOT_TOLD.has(verb)) return false;
  const next = words[start + 1] as string;
  // "deployed to prod", "upgraded to django 5"; a particle is the verb's only before what it acts on or
  // when ("set up the repo", "logged out yesterday"): "timed out requests", "signed up users" name things.
  const particle =
    PARTICLES.has(next) && !(start + 2 >= words.length || TOLD_AFTER.has(words[start + 2] as string));
  if ((!TOLD_AFTER.has(next) && !TOLD_FIRST_AFTER.has(next)) || particle) return false;
  return !words.slice(start + 1).some((w) => w === "or" || WH.has(w) || ASKS_LATER.has(w));
}
/** Words after a verb of being that turn it into a question: "was it", "is there". */
const INVERTED = new Set("it there this that they".split(" "));
/** Verbs that tell of the past. */
const PAST = new Set("was wasnt were werent had".split(" "));
/** Words after "has"/"have" that make it a story so far: "has been", "have never", "has always". */
const SINCE = new Set("been never always".split(" "));
/** How many words a topic may take before its verb ("the admin and the orm are great"), and the verb before its judgement. */
const TOPIC_WORDS = 6;
const JUDGED_WITHIN = 4;

/**
 * The message opens with an opinion of a topic: a few words, none asking or saying who speaks, a
 * verb of being, then a judgement ("jinja is fine", "the orm in django is really nice", "flask-login
 * worked great"). What a topic is like without a judgement may still ask ("testing is a big deal"), and so
 * does an opinion followed by a choice or a question.
 */
function judgesTopic(words: readonly string[], start: number): boolean {
  // A choice offered or a question after it still asks: "caching is great in django or flask", "celery
  // has been great, what about rq", "…, rq any good".
  if (words.slice(start + 1).some((w) => w === "or" || w === "any" || WH.has(w))) return false;
  // So does a question that follows the verb without a mark, or a tag: "caching saved us last black
  // friday so does flask have the same", "csrf is on by default, right".
  const asksAfter = (j: number) => words.slice(j + 1).some((w) => ASKS_LATER.has(w));
  for (let j = start + 1; j <= Math.min(start + TOPIC_WORDS, words.length - 1); j++) {
    const w = words[j] as string;
    if (BEING.has(w)) {
      // "the orm, was it any good", "caching is there a default": the verb opens a question.
      if (INVERTED.has(words[j + 1] as string) || asksAfter(j)) return false;
      // Told in the past, it is experience: "websockets were the reason we left", "jinja has never let us down".
      if (PAST.has(w) || ((w === "has" || w === "have") && SINCE.has(words[j + 1] as string))) return true;
      if (STATED.has(words[j + 1] as string)) return true;
      return words.slice(j + 1, j + 1 + JUDGED_WITHIN).some((x) => JUDGING.has(x));
    }
    if (OPENERS.has(w) || SUBJECTS.has(w)) return false;
    // Told in the past with an object after it: "caching saved us last black friday", "the orm
    // generated some wild sql yesterday" ("login required decorator" names a thing).
    if (isPast(w) && TOLD_AFTER.has(words[j + 1] as string)) return !asksAfter(j);
  }
  return false;
}

/** Words that, opening the last clause, turn a statement into a question: "we're on pg, does it matter". */
const CLAUSE_OPENERS = new Set(
  (
    "what whats how hows why which who whos when where is isnt are arent does doesnt do dont did didnt " +
    "can cant could couldnt should shouldnt would wouldnt will wont has hasnt have havent any anything " +
    "thoughts"
  ).split(" "),
);

/** The last clause opens as a question ("…, which handles that better", "…, any gotchas"). */
function lastClauseAsks(analysed: Analysed): boolean {
  const tokens = analysed.tokens;
  const last = tokens[tokens.length - 1];
  if (!last || last.clause === 0) return false;
  let i = tokens.length - 1;
  while (i > 0 && (tokens[i - 1] as Term).clause === last.clause) i--;
  while (i < tokens.length - 1 && LEAD_INS.has((tokens[i] as Term).word)) i++;
  return CLAUSE_OPENERS.has((tokens[i] as Term).word);
}

/**
 * Whether the message asks something, by meaning as well as by "?": a question opener after any
 * lead-in ("so what's the call"), an asking statement ("I wonder how auth works"), or anything
 * that does not open like a statement ("admin panel", "jwt auth for the api"). Statements start
 * with who is speaking or what they speak of: "I used the admin…", "we shipped…", "it was fine".
 */
export function isQuestion(analysed: Analysed): boolean {
  if (analysed.questionMark) return true;
  const w = analysed.words;
  const i = afterLeadIns(w);
  const first = w[i];
  if (first === undefined) return false;
  // "will start the django tutorial tonight": a plan told, though "will" opens questions too.
  if (toldPlan(w, i) && !lastClauseAsks(analysed)) return false;
  // "don't forget the security training", "don't panic but the admin login is broken": told, though
  // "don't" opens questions too ("don't forget to explain how csrf works" asks).
  if (i === 0 && first === "dont" && (w[1] === "forget" || w[1] === "panic") && w[2] !== "to") return false;
  if (OPENERS.has(first) || lastClauseAsks(analysed)) return true;
  if (asksInWords(w, i)) return true;
  if (requests(w.slice(i))) return true;
  // "heads up: the migration runs tonight", "reminder: training closes friday".
  if (announces(w)) return false;
  return (
    !SUBJECTS.has(first) &&
    !judgesTopic(w, i) &&
    !toldWithoutSubject(w, i) &&
    !toldGoAhead(w, i) &&
    !toldAgreeing(w, i)
  );
}

/** Agreement told: "makes sense given the admin stuff", "sounds good", "fair enough". */
const AGREEING = [
  ["makes", "sense"],
  ["make", "sense"],
  ["sounds", "good"],
  ["sounds", "right"],
  ["sounds", "fair"],
  ["sounds", "reasonable"],
  ["fair", "enough"],
  ["fair", "point"],
  ["good", "point"],
  ["good", "call"],
  ["got", "it"],
  ["works", "for", "me"],
  ["fine", "by", "me"],
];
function toldAgreeing(w: readonly string[], from: number): boolean {
  return AGREEING.some((p) => p.every((x, k) => w[from + k] === x));
}

/** Verbs of a plan told without its subject: "will start the django tutorial tonight". */
const PLAN_VERBS = new Set(
  "start try look check read deploy ship push test write update add set finish do go get send ping follow review merge spike prototype play dig build skim watch port migrate install".split(
    " ",
  ),
);
/** "will start the django tutorial tonight", "gonna try the admin tomorrow": a plan told, subject dropped. */
function toldPlan(w: readonly string[], from: number): boolean {
  const at =
    w[from] === "will" || w[from] === "gonna"
      ? from + 1
      : w[from] === "going" && w[from + 1] === "to"
        ? from + 2
        : -1;
  return at > 0 && PLAN_VERBS.has(w[at] as string);
}

/** Words of wanting that, before "to know", "to understand"…, ask: "i'd like to understand how…". */
const WANTING = new Set("like love keen want wanna trying need curious eager".split(" "));
/** What is wanted, asked: "to know", "to understand", "to learn", "to hear", "to figure out". */
const TO_LEARN = new Set("know understand learn hear figure".split(" "));

/**
 * A statement that asks in words ("I wonder how auth works", "not sure which…", "i'd like to understand
 * how flask handles csrf"): an asking word, or wanting to know, then a question word, "about" or "if".
 */
function asksInWords(w: readonly string[], from: number): boolean {
  for (let j = from; j < w.length - 1; j++) {
    const word = w[j] as string;
    const asking =
      ASKING.has(word) ||
      (ASKING_NEGATED.has(word) && negated(w, j)) ||
      (TO_LEARN.has(word) && w[j - 1] === "to" && WANTING.has(w[j - 2] as string));
    if (asking && w.slice(j + 1, j + 4).some((x) => WH.has(x) || x === "about" || x === "if")) return true;
  }
  return false;
}

/** The message says in words that it asks, whatever its form ("i'm wondering why it picked django"). */
export function asksInWordsAnywhere(analysed: Analysed): boolean {
  return asksInWords(analysed.words, afterLeadIns(analysed.words));
}

/** A plain question: a question mark, or a question word first after any lead-in ("so can i…"). */
export function asksPlainly(analysed: Analysed): boolean {
  if (analysed.questionMark) return true;
  return opensAsQuestion(analysed.words) || lastClauseAsks(analysed);
}

/** Where the words start after any lead-in ("so", "and", "but", "tl;dr"…); the last word is never skipped. */
export function afterLeadIns(words: readonly string[]): number {
  let i = 0;
  while (i < words.length - 1 && LEAD_INS.has(words[i] as string)) i++;
  return i;
}

/** Words open a question after any lead-in: "how do we debug…", "and can those emails…", "what about…". */
export function opensAsQuestion(words: readonly string[]): boolean {
  return OPENERS.has(words[afterLeadIns(words)] as string);
}

/** Words ask for something within their first few words: "we need…", "looking for…", "i want…". */
export function requests(words: readonly string[]): boolean {
  for (let j = 0; j < Math.min(4, words.length); j++) {
    const w = words[j] as string;
    if (!REQUESTING.has(w) || negated(words, j) || NOT_A_REQUEST[w]?.has(words[j + 1] as string)) continue;
    return true;
  }
  return false;
}

/**
 * An announcement, opened or closed as one: "heads up", "fyi", "psa", "reminder", "friendly reminder"
 * ("need a way to send reminder emails" asks).
 */
function announces(words: readonly string[]): boolean {
  const [first, second] = words;
  if (first === "fyi" || first === "psa" || first === "reminder") return true;
  if (second === "reminder" && (first === "friendly" || first === "quick" || first === "gentle")) return true;
  if (first === "heads" && second === "up") return true;
  // "deploying the survey to everyone tomorrow, heads up".
  return words.at(-2) === "heads" && words.at(-1) === "up";
}
