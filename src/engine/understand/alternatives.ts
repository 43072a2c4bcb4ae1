import type { Knowledge } from "../knowledge.js";
import type { Analysed } from "./analyse.js";
import { CHOICE_WORDS } from "./decision-object.js";
import { isEverydayName } from "./elsewhere.js";
import { FIT, saysForUs } from "./for-us.js";
import { isFrameworkName } from "./frameworks.js";
import type { Model } from "./model.js";
import { anothersOwnBusiness } from "./own-business.js";
import { forAnotherPurpose, type PurposeReading } from "./purpose.js";
import { opensAsQuestion } from "./question.js";
import { expandShorthand } from "./shorthand.js";
import { suggestedAt } from "./suggesting.js";

/**
 * Other web frameworks named in a message: where each is named, whether it is asked about, offered,
 * suggested or weighed for this project, or named only as its own business or another thing's. The
 * names come from data/examples.json's alternatives.
 */

/** Words that set two things side by side: "spring boot vs django". */
const VERSUS = new Set(["vs", "versus"]);

/**
 * Where each alternative is named, in the order of data/examples.json's alternatives. A name that is an
 * everyday word too ("express", "spring", "node") names the framework only where nothing qualifies it:
 * at the end of its clause, or before "instead", "for", "js"… ("what about express?", "spring boot",
 * "why not express, our frontend devs know node"); "express shipping options?" and "what about spring
 * break" name none.
 */
export function alternativesNamed(model: Model, a: Analysed): readonly NamedAlternative[] {
  const known = namedIn.get(a);
  if (known) return known;
  const found: NamedAlternative[] = [];
  const words = a.words;
  const byFirst = alternativeWords(model.knowledge);
  for (let at = 0; at < words.length; at++) {
    // The longest name at a place: "asp net core", not "asp net" before "core".
    let longest: NamedAlternative | undefined;
    for (const { name, parts } of byFirst.get(words[at] as string) ?? []) {
      if (!parts.every((p, j) => words[at + j] === p)) continue;
      if (parts.length === 1 && isEverydayName(parts[0] as string) && !standsAlone(a, at)) continue;
      if (!longest || parts.length > longest.length) longest = { name, at, length: parts.length };
    }
    if (longest) found.push(longest);
  }
  namedIn.set(a, found);
  return found;
}

/** An alternative named in a message: its name, where, and how many words. */
export interface NamedAlternative {
  name: string;
  at: number;
  length: number;
}

/** Each message's alternatives, found once: half a dozen rules ask. */
const namedIn = new WeakMap<Analysed, readonly NamedAlternative[]>();

const alternativeIndex = new WeakMap<Knowledge, Map<string, Array<{ name: string; parts: string[] }>>>();

/** The alternatives' names as words, by their first word (made once per knowledge base). */
function alternativeWords(knowledge: Knowledge): Map<string, Array<{ name: string; parts: string[] }>> {
  let index = alternativeIndex.get(knowledge);
  if (!index) {
    index = new Map();
    for (const alt of knowledge.examples.alternatives) {
      for (const typed of alt.words) {
        // As a message reads them: "next js" is "next javascript" once shorthand is expanded.
        const parts = typed
          .toLowerCase()
          .split(" ")
          .flatMap((w) => expandShorthand(w));
        const list = index.get(parts[0] as string) ?? [];
        list.push({ name: alt.name, parts });
        index.set(parts[0] as string, list);
      }
    }
    alternativeIndex.set(knowledge, index);
  }
  return index;
}

/** Words after an everyday name that leave it the framework's: "express instead", "node js", "rails for this". */
const AFTER_NAME = new Set(
  "instead then for with or vs versus here though tho too js javascript framework".split(" "),
);

/** The word at `at` ends its clause, or a word that leaves it a name follows. */
export function standsAlone(a: Analysed, at: number): boolean {
  // Every word has its token at the same place (analyse.ts pushes both together).
  const token = a.tokens[at];
  const next = a.tokens[at + 1];
  if (!token || !next) return true;
  return next.clause !== token.clause || next.sentence !== token.sentence || AFTER_NAME.has(next.word);
}

export function alternativeNamed(model: Model, a: Analysed): string | undefined {
  // "what about litestar or sanic?" names both, in the order of the words: "Litestar or Sanic".
  const found = alternativesNamed(model, a);
  const names = [...new Set(found.map((n) => n.name))];
  return names.length > 0 ? names.join(" or ") : undefined;
}

/**
 * The alternative a verdict question offers as one of its options, a choice word at most two words
 * before it or four after ("which is the best pick: flask, django or fastapi?", "is fastapi a better
 * option than flask or django?"), not one it names in passing ("given our node frontend", "for the
 * spring launch").
 */
export function alternativeOffered(model: Model, a: Analysed): string | undefined {
  const words = a.words;
  for (const { name, at, length } of alternativesNamed(model, a)) {
    const around = [...words.slice(Math.max(0, at - 2), at), ...words.slice(at + length, at + length + 4)];
    if (around.some((w) => CHOICE_WORDS.has(w))) return name;
  }
  return undefined;
}

/** Words that may stand beside a name asked alone: "spring boot instead?", "rails then?". */
const ALONE_WITH = new Set(["instead", "then", "maybe", "perhaps", "tho", "though"]);

/**
 * Another framework named as what is asked about, where the kind classifier reads nothing of ours:
 * suggested ("why not express, our frontend devs know node"), compared ("spring boot vs django"), or
 * asked alone ("laravel? our agency uses php"). Not when another stack
 * that is none of the alternatives is named too ("laravel vs symfony"), nor an everyday word in its
 * own sense ("what about spring break").
 */
export function alternativeAsked(model: Model, a: Analysed): string | undefined {
  const found = alternativesNamed(model, a);
  if (new Set(found.map((f) => f.name)).size !== 1) return undefined;
  const named = new Set(found.flatMap((f) => Array.from({ length: f.length }, (_, k) => f.at + k)));
  const { name, at, length } = found[0] as NamedAlternative;
  const words = a.words;
  const token = a.tokens[at];
  // "hono? it's the new hotness for apis", "spring boot instead? the rest of the company is java": the
  // name asked alone, its reason told (not asked) in another sentence, whatever that reason names.
  // The name said again is what the rest is about: "phoenix? the offsite is in phoenix this year".
  const again = words.some((w, i) => w === words[at] && i !== at);
  const alone =
    !again &&
    a.tokens.every(
      (t) => t.sentence !== token?.sentence || (t.at >= at && t.at < at + length) || ALONE_WITH.has(t.word),
    );
  const told = (sentence: number) =>
    sentence !== token?.sentence &&
    !opensAsQuestion(a.tokens.filter((t) => t.sentence === sentence).map((t) => t.word));
  if (
    a.terms.some(
      (t) =>
        model.offTopic.has(t.stem) &&
        !model.otherFrameworks.has(t.stem) &&
        !named.has(t.at) &&
        !(alone && told(t.sentence)),
    )
  )
    return undefined;
  const end = at + length;
  const after = a.tokens[end];
  const ends = after === undefined || after.sentence !== token?.sentence || after.clause !== token?.clause;
  const leaves = ends || AFTER_NAME.has(words[end] as string);
  const suggested = suggestedAt(words, at);
  // An everyday name compared with a thing that is no framework is its everyday sense: "gin vs vodka
  // for the party?", "express vs standard shipping".
  const otherSide = VERSUS.has(words[end] as string)
    ? words[end + 1]
    : VERSUS.has(words[at - 1] as string)
      ? words[at - 2]
      : undefined;
  const everydayThing =
    isEverydayName(words[at] as string) &&
    otherSide !== undefined &&
    !isFrameworkName(otherSide) &&
    !alternativeWords(model.knowledge).has(otherSide);
  const compared = !everydayThing && (words.includes("compare") || words.some((w) => VERSUS.has(w)));
  return (suggested && leaves) || alone || (compared && (leaves || words.some(isFrameworkName)))
    ? name
    : undefined;
}

/** Another framework's own business (own-business.ts), with the alternatives this message names. */
export function othersOwnBusiness(model: Model, a: Analysed, text: string): boolean {
  return anothersOwnBusiness(a, text, alternativesNamed(model, a), isAlternativeWord(model));
}
/** Whether a word starts an alternative's name ("sanic", "spring"). */
export const isAlternativeWord = (model: Model) => (word: string) =>
  alternativeWords(model.knowledge).has(word);

/**
 * Two other frameworks compared with each other: "spring boot versus quarkus?", "is fastapi faster than
 * node?", "what's the difference between starlette and fastapi?".
 */
export function comparesOthers(model: Model, a: Analysed): boolean {
  if (!a.words.some((w) => VERSUS.has(w) || w === "than" || w.startsWith("compar") || w === "difference"))
    return false;
  // "is fastapi better than rails for a team like ours?", "…and which would fit this?" weigh them for us.
  if (saysForUs(a.words)) return false;
  const names = new Set(alternativesNamed(model, a).map((n) => n.name));
  // "fastify vs express benchmarks": an everyday name beside "vs" is a framework's.
  a.words.forEach((w, i) => {
    if (!isEverydayName(w) || !(VERSUS.has(a.words[i - 1] ?? "") || VERSUS.has(a.words[i + 1] ?? ""))) return;
    const one = alternativeWords(model.knowledge)
      .get(w)
      ?.find((n) => n.parts.length === 1);
    if (one) names.add(one.name);
  });
  return names.size > 1;
}

/** After "<name> for": "phoenix for this?", "koa for us?", "hono for our api?". */
const FOR_THIS = new Set(["this", "us", "our"]);
/** Words after the name when the framework itself is weighed: a verb, a judgement, a joining or function word. */
const WEIGHED_AFTER_NAME = new Set(
  "work works fit fits suit suits be make makes do handle cover stack compare really actually still here instead rather better worth enough overkill good great ready mature viable suitable fine ok okay solid reasonable sensible since because given as so if when with to on in for or than over a an".split(
    " ",
  ),
);
/** What is built with it, weighed as it: "a nestjs backend instead", "a fastapi service". */
const BUILT_WITH_IT = new Set("backend backends api apis app apps service services server stack".split(" "));
/** A thing the team has in hand, not weighed: "the legacy rails app". */
const IN_HAND = new Set(["legacy", "existing", "current", "old"]);

/**
 * One other framework weighed for this project in a question: "did you consider nestjs? our frontend is
 * ts", "is litestar a reasonable choice for us given the openapi requirement?". Flask or Django named
 * only as what it would replace ("build this on sanic rather than django").
 */
export function weighedForUs(model: Model, a: Analysed, text: string, featureNamed: boolean): boolean {
  const all = alternativesNamed(model, a);
  const words = a.words;
  // "is actix or axum an option if we want rust": two offered as one choice, read from the last.
  const [one, two] = all;
  const offered =
    all.length === 2 &&
    one !== undefined &&
    words[one.at + one.length] === "or" &&
    two?.at === one.at + one.length + 1;
  const named = offered ? all.slice(1) : all;
  if (new Set(named.map((n) => n.name)).size !== 1) return false;
  if (!saysForUs(words)) return false;
  const { at, length } = named[0] as NamedAlternative;
  // The framework itself weighed, not a thing named after it: "would koa work", "is litestar a good
  // fit", "hono for this?" (not "the fastapi logo", "rails-style commit messages").
  const after = a.tokens[at + length];
  const weighedItself =
    after === undefined ||
    after.clause !== a.tokens[at]?.clause ||
    after.stop ||
    WEIGHED_AFTER_NAME.has(after.word) ||
    BUILT_WITH_IT.has(after.word);
  if (!weighedItself) return false;
  // Weighed: a word of fit ("would hono work for us", "a reasonable choice for us"), or "for this" right
  // after the name ("phoenix for this?").
  const forThis = words[at + length] === "for" && FOR_THIS.has(words[at + length + 1] ?? "");
  if (!words.some((w) => FIT.has(w)) && !forThis) return false;
  // Weighed for a thing not ours: "a good choice for our offsite?".
  if (forAnotherPurpose(a, text, purposeReading(model), at)) return false;
  const suggested = all.some((n) => suggestedAt(words, n.at));
  // An everyday name ("spring or summer for the offsite?"; not "spring boot") or a name said again
  // ("phoenix? the offsite is in phoenix") is its everyday sense; a thing in hand ("the legacy rails
  // app") is not weighed.
  if (length === 1 && isEverydayName(words[at] as string) && !suggested) return false;
  if (words.some((w, i) => w === words[at] && i !== at)) return false;
  if (words.some((w) => IN_HAND.has(w))) return false;
  // A feature named is what is asked, unless the other framework is suggested.
  if (featureNamed && !suggested) return false;
  return !words.some(isFrameworkName) || words.some((w) => CHOICE_WORDS.has(w) || w === "rather");
}

/**
 * Another framework named, and what something is weighed for names a thing not ours (purpose.ts): "is
 * koa a good pick for our office plant's name?", "for my thesis i'm comparing fastapi and flask".
 */
export function weighedForAnotherThing(model: Model, a: Analysed, text: string): boolean {
  return alternativesNamed(model, a).some((n) => forAnotherPurpose(a, text, purposeReading(model), n.at));
}

/** How the purpose rules read words with each model (made once per model). */
const purposeReadings = new WeakMap<Model, PurposeReading>();
function purposeReading(model: Model): PurposeReading {
  let reading = purposeReadings.get(model);
  if (!reading) {
    reading = { offTopic: (t) => model.offTopic.has(t.stem) && !model.otherFrameworks.has(t.stem) };
    purposeReadings.set(model, reading);
  }
  return reading;
}

/**
 * One other framework suggested, whatever the rest of the message reads as: "why not laravel, it has
 * everything django has" (a reason naming ours). The name, or undefined.
 */
export function alternativeSuggested(model: Model, a: Analysed): string | undefined {
  const found = alternativesNamed(model, a);
  if (found.length === 0 || new Set(found.map((f) => f.name)).size !== 1) return undefined;
  const { name, at } = found[0] as NamedAlternative;
  // "why django if we already use fastapi for the ml service?" tells what is used, suggests nothing.
  const before = a.words[at - 1];
  return suggestedAt(a.words, at) && before !== "use" && before !== "using" ? name : undefined;
}
