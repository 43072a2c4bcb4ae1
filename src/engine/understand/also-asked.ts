import type { Analysed } from "./analyse.js";
import { TRANSITIONS } from "./elsewhere.js";
import {
  type AliasHit,
  aliasShare,
  featureProbabilities,
  isDomain,
  kindProbabilities,
  type Model,
  mixFeatureProbabilities,
} from "./model.js";
import { afterLeadIns, opensAsQuestion, requests } from "./question.js";
import type { Tuning } from "./tuning.js";

/** Who speaks, opening a part: "we deploy on heroku", "i mostly learn from tutorials". */
const SPEAKERS = new Set("i im ive id we were weve wed".split(" "));
/**
 * Words that open a part setting the scene rather than asking: "we're on postgres, …", "on our redis
 * box, …", "coming from rails, …".
 */
const SCENE_OPENERS = new Set([
  ...SPEAKERS,
  ...TRANSITIONS,
  ..."our my its this that thats they theyre on in at with for from since given using after behind inside under".split(
    " ",
  ),
]);
/** Function words an item of a list may have: "the admin panel", "login for customers", "caching of pages". */
const LIST_WORDS = new Set(
  "a an the our my your their and or plus for of with in on to into per by from".split(" "),
);

/** Prepositions that make what follows a circumstance of the ask: "sessions on deploy", "tests for the orm". */
const GOVERNING = new Set(
  "on in for from of to into inside behind at during after before under over across per via by without".split(
    " ",
  ),
);
/** Nouns that say what kind of answer is wanted, not about what: "pytest debugger setup?", "celery websockets story". */
const ANSWER_NOUNS = new Set(
  "setup story options option support approach situation choices tooling tools".split(" "),
);
/** Words that open a part adding an ask to the one before: "… plus how far it scales", "and also …". */
const ADDING = new Set(["plus", "also"]);
/** Words that make the next one a qualifier of the ask, not a topic: "roles per team", "per-user permissions". */
const QUALIFYING = new Set(["per", "each"]);

/** Words skipped when looking for a preposition before an alias: "in the cache", "on our db". */
const DETERMINERS = new Set("the a an my our your their its this that these those".split(" "));

/**
 * The alias is what another word acts on or is about: a preposition's object, with any words of
 * its noun phrase between ("what happens to sessions on deploy", "tests for database migrations").
 */
function governed(a: Analysed, hit: AliasHit, first: AliasHit): boolean {
  const start = a.tokens.findIndex((t) => t.at === Math.min(...hit.at));
  for (let i = start - 1; i >= 0; i--) {
    const t = a.tokens[i] as Analysed["tokens"][number];
    // "admin panel with per-user permissions": "per" governs the word after it, not the alias further on.
    if (QUALIFYING.has(t.word) && i < start - 1) return false;
    if (GOVERNING.has(t.word)) return true;
    if (first.at.includes(t.at) || (t.stop && !DETERMINERS.has(t.word))) return false;
  }
  return false;
}

/** Whether a message is long enough to tell its background before it asks (tuning.longMessage). */
function isLong(a: Analysed, tuning: Tuning): boolean {
  return tuning.longMessage > 0 && a.terms.length > tuning.longMessage;
}

/** What each part of a message is, worked out once per message. */
export interface Parts {
  /** The parts in order. */
  order: number[];
  /** Parts that set the scene: their feature words are context, not asks. */
  scene: Set<number>;
  /** Parts that open as a question after any lead-in: "how do we debug prod", "and can those emails…". */
  asking: Set<number>;
  /**
   * Parts that are an item of a list of asks: a few topic words and nothing that tells ("the admin
   * panel"), after a part that asks or requests in the same sentence ("tell me about caching, the orm
   * and i18n"), or in a one-sentence message that is nothing but a list. Before the question, or in a
   * sentence of their own, such items are background ("single vm, postgres + gunicorn, nothing fancy. …", "how do
   * i ship this? stack: django, postgres, redis").
   */
  items: Set<number>;
  /** Parts the next part adds an ask to ("raw perf under load plus how far it goes horizontally"): asks too. */
  added: Set<number>;
  /** The first word of each part after any lead-in, as typed. */
  opener: Map<number, string>;
  /** Each part as a message of its own. */
  alone: Map<number, Analysed>;
}

/**
 * Reads the parts of a message. A part before the last sets the scene when it opens with who speaks
 * or a preposition ("we're on postgres, what's the deploy story"); in a long message, also when it
 * tells, neither asking nor listing, before a part that asks ("the admin screens look great, but
 * interns shouldn't delete orders. how do we restrict that").
 */
export function partsOfMessage(a: Analysed, tuning: Tuning): Parts {
  const words = new Map<number, Analysed["tokens"]>();
  for (const t of a.tokens) {
    const list = words.get(t.segment);
    if (list) list.push(t);
    else words.set(t.segment, [t]);
  }
  const alone = new Map<number, Analysed>();
  for (const [segment, tokens] of words) {
    const terms = tokens.filter((t) => !t.stop);
    alone.set(segment, { words: a.words, tokens, terms, questionMark: a.questionMark });
  }
  const order = [...words.keys()];
  const asking = new Set<number>();
  const listed = new Set<number>();
  const opener = new Map<number, string>();
  const introduced = new Set<number>();
  const requesting = new Set<number>();
  // The sentence in which a part asked or requested: items after it in that sentence are its list.
  let askedIn = -1;
  for (const [segment, tokens] of words) {
    const plain = tokens.map((t) => t.word);
    const start = afterLeadIns(plain);
    if (opensAsQuestion(plain)) asking.add(segment);
    opener.set(segment, (tokens[start] as Analysed["tokens"][number]).typed);
    const terms = tokens.filter((t) => !t.stop).length;
    if (terms <= tuning.listItemTerms && tokens.every((t) => !t.stop || LIST_WORDS.has(t.word)))
      listed.add(segment);
    const sentence = (tokens[0] as Analysed["tokens"][number]).sentence;
    if (askedIn === sentence) introduced.add(segment);
    if (requests(plain.slice(start))) requesting.add(segment);
    if (asking.has(segment) || requesting.has(segment)) askedIn = sentence;
  }
  // A sentence that is nothing but a list ("caching, admin, orm, celery, i18n?") lists its asks.
  const oneSentence = a.tokens.every((t) => t.sentence === a.tokens[0]?.sentence);
  const onlyList = oneSentence && order.every((s) => asking.has(s) || listed.has(s));
  const items = new Set([...listed].filter((s) => onlyList || introduced.has(s)));
  const scene = new Set<number>();
  const added = new Set<number>();
  const long = tuning.sceneStatements > 0 && isLong(a, tuning);
  let askedLater = false;
  for (let i = order.length - 2; i >= 0; i--) {
    const segment = order[i] as number;
    askedLater ||= asking.has(order[i + 1] as number);
    // "we need the admin for the ops folks, and separately …" asks for the admin: a request tells nothing.
    const tells = !asking.has(segment) && !items.has(segment) && !requesting.has(segment);
    // "we need an admin for staff, …" asks for something: it sets no scene.
    const opensScene = SCENE_OPENERS.has(opener.get(segment) ?? "") && !requesting.has(segment);
    // "raw perf under load plus how far it goes horizontally": a part the next one adds to is an ask too.
    const next = (words.get(order[i + 1] as number) ?? []).slice(0, 2);
    const addedTo = next.some((t) => ADDING.has(t.word));
    if (opensScene || (long && tells && askedLater && !addedTo)) scene.add(segment);
    else if (addedTo) added.add(segment);
  }
  return { order, scene, asking, items, added, opener, alone };
}

const index = (model: Model, h: AliasHit) => model.featureIds.indexOf(h.featureId);

/** The index of the largest value. */
function best(p: Float64Array): number {
  let b = 0;
  for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[b] as number)) b = i;
  return b;
}

/**
 * Two features' aliases that are all a message says are both asked, even with no "and" between them
 * ("templates i18n", "auth roles?"), when each alias's word is mostly about its feature in the
 * examples ("async views" is about async: "view" names routing in passing) and neither is a
 * preposition's object ("permissions in the admin"). A longer message naming a second feature's word
 * is usually about one ("how do i cache results from the orm").
 */
function pairedInOneBreath(model: Model, a: Analysed, first: number, hits: AliasHit[]): number[] {
  const tuning = model.options.tuning;
  if (a.terms.length > tuning.pairTerms) return [];
  // Cheap checks first: two features named, the first's word telling.
  const named = new Set(hits.map((h) => index(model, h)));
  if (named.size < 2) return [];
  const telling = (h: AliasHit) => aliasShare(model, a, h) >= tuning.pairShare;
  const firstHit = hits.find((h) => index(model, h) === first);
  if (!firstHit || !telling(firstHit)) return [];
  const covered = new Set(hits.flatMap((h) => h.all));
  // A word that alone reads best as one of the named features belongs to its ask: "token" in "json api
  // token auth", "params" in "url params form validation".
  const own = (t: Analysed["terms"][number]) => {
    if (tuning.pairOwnWords === 0) return false;
    const alone: Analysed = { words: a.words, tokens: [t], terms: [t], questionMark: a.questionMark };
    const p = mixFeatureProbabilities(
      model,
      featureProbabilities(model, alone),
      kindProbabilities(model, alone),
    );
    return named.has(best(p));
  };
  // Numbers say how many, not what: "login w/ 2 roles". Nor do the answer's kind and a qualifier.
  const says = (t: Analysed["terms"][number]) =>
    !/^\d+$/.test(t.word) && !ANSWER_NOUNS.has(t.word) && !QUALIFYING.has(a.words[t.at - 1] ?? "");
  const loose = a.terms.filter((t) => !covered.has(t.at) && says(t) && !own(t)).length;
  if (loose > tuning.pairLoose) return [];
  const out: number[] = [];
  for (const h of hits) {
    const i = index(model, h);
    if (i === first || !telling(h)) continue;
    // Either one a preposition's object: one ask with a circumstance ("permissions in the admin").
    if (tuning.pairGoverned > 0 && (governed(a, h, firstHit) || governed(a, firstHit, h))) continue;
    out.push(i);
  }
  return out;
}

/** Every feature asked: the best, and each other part of the message that reads surely as another. */
export function featuresAsked(
  model: Model,
  a: Analysed,
  first: number,
  hits: AliasHit[],
  fp: Float64Array,
  parts: Parts,
  /** Filled with how surely its part reads each feature added from another part. */
  partReadings?: Map<number, number>,
): number[] {
  const asked = [first];
  const tuning = model.options.tuning;
  // Two features' aliases in one ask ("forms csrf protection?"): both, when the whole message reads
  // as the second too.
  for (const h of hits) {
    const i = index(model, h);
    if (!asked.includes(i) && (fp[i] as number) >= tuning.bothAliases) asked.push(i);
  }
  if (tuning.pairTerms > 0) {
    for (const i of pairedInOneBreath(model, a, first, hits)) if (!asked.includes(i)) asked.push(i);
  }
  if (parts.order.length < 2) return asked;
  // In a long message the other parts often tell ("we already cache in redis"): only those that ask
  // or list count. A single question none of whose parts opens as one ("json api plus token auth for the
  // mobile app?") asks with all of them.
  const oneQuestion =
    a.questionMark &&
    a.tokens.every((t) => t.sentence === a.tokens[0]?.sentence) &&
    parts.order.every((s) => !parts.asking.has(s) && !parts.items.has(s));
  const asksOnly = tuning.longAsks > 0 && isLong(a, tuning) && !oneQuestion;
  const readings = new Map<string, Float64Array>();
  for (const segment of parts.order) {
    if (tuning.sceneParts > 0 && parts.scene.has(segment)) continue;
    if (asksOnly && !parts.asking.has(segment) && !parts.items.has(segment) && !parts.added.has(segment))
      continue;
    // A later part where someone speaks of themselves tells, it does not ask: "does it cache pages
    // well? we deploy on heroku" asks about caching alone.
    const speaks = SPEAKERS.has(parts.opener.get(segment) ?? "");
    if (tuning.speakerParts > 0 && segment !== parts.order[0] && speaks) continue;
    // A part with no domain word of its own adds nothing: not worth reading ("…, and so on").
    const part = parts.alone.get(segment) as Analysed;
    if (!part.terms.some((t) => isDomain(model, t))) continue;
    const inSegment = hits.filter((h) => h.segment === segment).map((h) => index(model, h));
    // Read by both classifiers, like the whole message: "how long has it been around" is history.
    // A part worded like one already read reads the same ("db, db, db, …").
    const key = part.tokens.map((t) => `${t.typed}\u0000${t.stem}`).join(" ");
    let p = readings.get(key);
    if (!p) {
      p = tuning.segmentMix
        ? mixFeatureProbabilities(model, featureProbabilities(model, part), kindProbabilities(model, part))
        : featureProbabilities(model, a, (t) => t.segment === segment);
      readings.set(key, p);
    }
    const chosen =
      inSegment.length > 0
        ? inSegment.reduce((x, y) => ((p[y] as number) > (p[x] as number) ? y : x))
        : best(p);
    if (asked.includes(chosen)) continue;
    const sure =
      (inSegment.includes(chosen) && (p[chosen] as number) >= tuning.alsoAlias) ||
      (p[chosen] as number) >= tuning.alsoAsked;
    if (sure) {
      asked.push(chosen);
      partReadings?.set(chosen, p[chosen] as number);
    }
  }
  return asked;
}
