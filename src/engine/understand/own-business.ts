import type { Analysed } from "./analyse.js";
import { SOMEONE } from "./commands.js";
import { FIT, saysForUs, weighsAFit } from "./for-us.js";
import { ownersIn } from "./possessive.js";
import { suggestedAt } from "./suggesting.js";

/**
 * Another framework's own business, not weighed for this project: its news, people, versions and
 * things, someone else's use of it, people asked about their own use, someone's own purpose. Neither an
 * alternative nor a feature of ours. `named` is where other frameworks are named (the first word of each
 * name); `isName` tells a word that starts an alternative's name.
 */

/** Where another framework is named: its first word and how many words it takes. */
export interface NameAt {
  at: number;
  length: number;
}

/** Another framework's own things: "the fastapi docs", "a rails dev", "litestar tutorials", "a fastapi sticker". */
const ITS_OWN = new Set(
  "docs doc documentation site website release releases changelog dev devs developer developers engineer engineers job jobs repo repository github issue issues bug bugs benchmark benchmarks version versions maintainer maintainers author authors conference conf meetup podcast newsletter course courses tutorial tutorials talk talks book books channel channels video videos youtube workshop workshops bootcamp training certification discord forum subreddit core girls sticker stickers swag hoodie shirt tshirt users".split(
    " ",
  ),
);
/** Another one's, right before the name: "the other rails app" (whose it is anywhere: THEIRS). */
const ANOTHERS = new Set(["other", "another"]);
/** Making a framework, right before its name: "whoever maintains sanic". */
const MAKING = new Set("maintains maintained created authored wrote contributes contributed".split(" "));
/** Someone else's, anywhere in the name's sentence: "their rails app", "for the ml team's inference service". */
const THEIRS = new Set(["their", "his", "her", "teams"]);
/** News of a framework: "fastapi 0.115 broke our models", "litestar was called starlite", "fastapi crossed 80k stars". */
const NEWS = new Set(
  "renamed rename named became become broke released deprecated acquired called crossed introduced til fyi".split(
    " ",
  ),
);
/** Words that tell news in any sentence: "masonite is a legit python framework? TIL". */
const TELLING_NEWS = new Set(["til", "fyi"]);

/**
 * Another framework's own business, not weighed for this project: its versions ("rails 8 solid
 * queue"), its docs, people or benchmarks ("we're hiring a rails dev"), its own things ("pyramid's
 * traversal routing"), another team's use of it ("on the data team's fastapi service"), people asked
 * about their own use ("fastapi. anyone here used it?"), backing it ("should we donate to fastapi?"),
 * another project or someone's own purpose, or news of it ("litestar was called starlite before").
 * Neither an alternative nor a feature of ours.
 */
export function anothersOwnBusiness(
  a: Analysed,
  text: string,
  named: readonly NameAt[],
  isName: (word: string) => boolean,
): boolean {
  const words = a.words;
  // "considering sanic for my side project": another project's pick, however it is weighed.
  if (named.length > 0 && words.some((w, i) => w === "project" && anotherProject(words, i))) return true;
  // "anyone here used rails in prod?": people asked about their own use.
  if (named.length > 0 && asksWhoUsed(a, named[0] as NameAt)) return true;
  // "is it worth us sponsoring fastapi?": backing it, however it is weighed.
  if (named.some((n) => backedAt(a, n.at))) return true;
  // Weighed anywhere, it is weighed for us: "what about fastapi 0.110 instead?".
  if (weighsIt(words)) return false;
  // "worth a look for my weekend thing", "for a personal blog would you use pyramid?": someone's own
  // purpose, however it is suggested.
  if (named.length > 0 && forSomeoneElse(words) && !saysForUs(withoutPeopleHere(words))) return true;
  // Suggested, it is weighed for us: "why not fastapi? the fastapi docs are excellent".
  if (named.some((n) => suggestedAt(words, n.at))) return false;
  // "with python 3.13 out, does fastapi make more sense for this?", "their frontend folks know node,
  // would express work for us?": weighed for us, whatever else it tells.
  // Not a thing of its own weighed ("is the rails meetup worth attending for us?").
  if (weighsAFit(words) && !named.some((n) => ITS_OWN.has(wordAfterName(words, n)))) return false;
  if (ownedByAnother(a, text, isName)) return true;
  // "fastapi crossed 80k github stars", "is litestar still sponsored?": its standing.
  if (named.length > 0 && words.some((w) => STANDING.has(w))) return true;
  // "did fastapi ever hit 1.0 or is it still 0.x": its version.
  if (named.length > 0 && VERSION.test(text)) return true;
  // "masonite is a legit python framework? TIL": news, told in any sentence.
  if (named.length > 0 && words.some((w) => TELLING_NEWS.has(w))) return true;
  for (const { at, length } of named) {
    const next = wordAfterName(words, { at, length });
    if (/^\d/.test(next) || ITS_OWN.has(next) || ANOTHERS.has(words[at - 1] ?? "")) return true;
    // "should the job ad list fastapi experience?", hiring for it (not "our team has plenty of fastapi
    // experience", a reason to weigh it).
    if (next === "experience" && (!saysForUs(words) || words.some((w) => HIRING.has(w)))) return true;
    // "tiangolo works on fastapi", "whoever maintains sanic": its people.
    if (MAKING.has(words[at - 1] ?? "") || (words[at - 1] === "on" && words[at - 2] === "works")) return true;
    // "moving their internal api off falcon": someone else's, in the name's sentence.
    const sentence = a.tokens[at]?.sentence;
    if (a.tokens.some((t) => t.sentence === sentence && THEIRS.has(t.word))) return true;
    // News told in the name's own sentence ("TIL fastapi is starlette + pydantic").
    if (a.tokens.some((t) => t.sentence === sentence && NEWS.has(t.word))) return true;
  }
  return false;
}

/**
 * People asked about their own use of another framework, not whether it fits us: "anyone here used
 * rails in prod?", "has anybody heard of masonite?", "who's worked with hono?". "Here" after the person
 * means among us; words of ours elsewhere weigh it for us ("has anyone tried fastapi for a project like
 * ours?").
 */
function asksWhoUsed(a: Analysed, { at, length }: NameAt): boolean {
  const words = a.words;
  const person = words.findIndex(
    (w, i) => SOMEONE.has(w) || (WHO.has(w) && (words[i + 1] === "here" || USED.has(words[i + 1] ?? ""))),
  );
  if (person < 0) return false;
  // "anyone here used rails?", or the person after the name: "is fastapi something anyone here has used?",
  // "fastapi. anyone here used it?" (the name alone before).
  const nameSentence = a.tokens[at]?.sentence;
  const sameSentence =
    a.tokens[person]?.sentence === nameSentence ||
    // Not "pyramid? anyone still use that", which asks if it is alive.
    (!words.includes("still") &&
      a.tokens.every((t) => t.sentence !== nameSentence || (t.at >= at && t.at < at + length)));
  const used =
    person < at ? words.slice(person + 1, at) : sameSentence ? words.slice(person + 1, person + 5) : [];
  if (!used.some((w) => USED.has(w))) return false;
  const rest = withoutPeopleHere(withoutTag(a));
  return !saysForUs(rest) && !weighsIt(rest) && !rest.some((w) => FIT.has(w) && !USED.has(w));
}
/** A sentence's closing tag, kept in place as "": "someone on the data team uses fastapi, right?". */
function withoutTag(a: Analysed): string[] {
  return a.words.map((w, i) => {
    const t = a.tokens[i];
    const prev = a.tokens[i - 1];
    const next = a.tokens[i + 1];
    const closes = !next || next.sentence !== t?.sentence;
    return TAGS.has(w) && closes && prev !== undefined && prev.clause !== t?.clause ? "" : w;
  });
}
/** A tag that closes a sentence and asks for agreement ("…, right?"), not the fit it reads as elsewhere. */
const TAGS = new Set(["right"]);
/** The words without "here" right after a person asked: "has anybody here used rails?" is not "here" as ours. */
function withoutPeopleHere(words: readonly string[]): string[] {
  return words.filter(
    (w, i) => !(w === "here" && (SOMEONE.has(words[i - 1] ?? "") || WHO.has(words[i - 1] ?? ""))),
  );
}
/** The word after a name, past its own suffix: "that express.js talk" reads "express javascript talk". */
function wordAfterName(words: readonly string[], { at, length }: NameAt): string {
  const end = at + length;
  return (words[end] === "javascript" ? words[end + 1] : words[end]) ?? "";
}

/**
 * Someone's own purpose: "for my weekend thing", "a personal thing", "asking for a friend", "my friend's
 * startup" (not "personal take", "my friend says…").
 */
function forSomeoneElse(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      (w === "personal" && words[i + 1] !== "take") ||
      (w === "friend" && words[i - 1] === "a" && words[i - 2] === "for") ||
      w === "friends" ||
      (w === "my" && words[i - 1] === "for" && !OURS_OR_IDIOM.has(words[i + 1] as string)),
  );
}
/** What "for my" may name that is ours, or an idiom: "for my team", "for my part", "for my money". */
const OURS_OR_IDIOM = new Set("team project company org app api service product part money two".split(" "));

/** "Who" asking of people: "who here has used…", "who's worked with…". */
const WHO = new Set(["who", "whos"]);
/** Words of a person's own use of a thing: "used", "worked with", "heard of", "familiar with". */
const USED = new Set(
  "use used uses using tried try work worked working know knows knew heard played run runs running ran shipped deployed experience familiar".split(
    " ",
  ),
);

/** How another framework stands in the world: its stars, its sponsors. */
const STANDING = new Set(
  "stars sponsor sponsors sponsored sponsoring sponsorship funding funded popular popularity trending".split(
    " ",
  ),
);
/**
 * Backing a framework, as the words' stems: "sponsoring fastapi", "donated to the litestar project". Its
 * standing (STANDING) is news of it; backing is an act of ours, read only before its name.
 */
const BACKING = new Set(["sponsor", "fund", "donat"]);
/**
 * A word of backing at most three words before the name, in its clause, and no other clause weighing it
 * for us ("we sponsor fastapi, would it work for our api?" weighs it).
 */
function backedAt(a: Analysed, at: number): boolean {
  const clause = a.tokens[at]?.clause;
  const backed = a.tokens.some(
    (t) => t.at < at && t.at >= at - 3 && t.clause === clause && BACKING.has(t.stem),
  );
  return backed && !weighsAFit(a.words.filter((_, i) => a.tokens[i]?.clause !== clause));
}
/**
 * A thing another framework owns: "sanic's author", "pyramid's traversal routing", "starlette's
 * BackgroundTasks"; unless weighed for us ("would fastapi's dependency injection help us here?") or
 * what ours is compared with.
 */
export function ownedByAnother(a: Analysed, text: string, isName: (word: string) => boolean): boolean {
  const owners = ownersIn(text);
  if (owners.length === 0) return false;
  // The words read "sanic's" as "sanics" or as "sanic".
  const possessive = (w: string) => owners.some((o) => isName(o) && (w === o || w === `${o}s`));
  const words = a.words;
  const at = words.findIndex(possessive);
  // Weighed for us ("could we borrow fastapi's docs approach for our api docs?"), or what ours is
  // compared with ("is the orm as nice as rails's active record?").
  if (
    at < 0 ||
    saysForUs(words) ||
    words.slice(0, at).some((w) => COMPARED_WITH.has(w) || w.startsWith("compar"))
  )
    return false;
  return true;
}

/** Words before what ours is compared with: "as nice as rails's", "faster than node's", "like laravel's". */
const COMPARED_WITH = new Set(["as", "than", "like", "unlike", "vs", "versus", "with"]);

/** A version number: "did fastapi ever hit 1.0", "is it still 0.x" (not "1.5 million requests"). */
const VERSION =
  /(^|[\s(])v?\d+\.(\d+|x)\b(?![.,]?\d)(?!\s*(k|m|million|thousand|users|requests|rps|req|%|percent|gb|mb|ms|s|sec|seconds|x)\b)/i;

/** Words of hiring: experience of a framework asked for in a candidate. */
const HIRING = new Set(
  "job jobs ad ads hiring hire hires candidate candidates recruiter recruiting cv resume interview interviews applicants".split(
    " ",
  ),
);
/** Words before "project" that make it another one: "my side project", "the other project". */
const OTHER_PROJECT = new Set(["side", "other", "another", "personal", "pet", "hobby", "hackathon"]);
/**
 * "project" at `i` is another one: "my side project", "for a toy project" (not "is fastapi a toy
 * project?", which judges the framework).
 */
function anotherProject(words: readonly string[], i: number): boolean {
  const before = words[i - 1] as string;
  if (OTHER_PROJECT.has(before)) return true;
  return before === "toy" && words.slice(Math.max(0, i - 4), i - 1).includes("for");
}

/** Words that weigh a thing for us: "instead", "better", "an option". */
const WEIGHING = new Set(
  "instead better option alternative switch switching consider contender stronger smarter".split(" "),
);
/** Words after "candidate" that make it a person applying: "candidate tracking", "candidate experience". */
const CANDIDATES_OWN = new Set(
  "tracking experience pipeline portal screening profile profiles interview interviews pool sourcing search list".split(
    " ",
  ),
);
/** Words a "why" asks of a framework left out: "why wasn't it considered?", "why not recommended?". */
const LEFT_OUT = new Set("considered recommend recommended picked chosen suggested".split(" "));

/**
 * A thing weighed for us: a word of weighing ("instead", "a serious contender"), "in the running",
 * "measure up", a stronger "candidate" (not a release candidate, not "candidate tracking"), or why it
 * was left out.
 */
function weighsIt(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      WEIGHING.has(w) ||
      (w === "running" && words[i - 1] === "the" && words[i - 2] === "in") ||
      (w === "measure" && words[i + 1] === "up") ||
      (w === "candidate" && words[i - 1] !== "release" && !CANDIDATES_OWN.has(words[i + 1] as string)) ||
      (LEFT_OUT.has(w) && words.includes("why")),
  );
}
