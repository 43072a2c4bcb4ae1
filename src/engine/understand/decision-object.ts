import { type Analysed, GRAMMAR_WORDS } from "./analyse.js";
import { isFrameworkName } from "./frameworks.js";
import { type AliasHit, DECISION, isDomain, type Label, type Model } from "./model.js";
import { afterLeadIns } from "./question.js";
import { DAYS, MONTHS, timeWords } from "./time-words.js";

type Token = Analysed["tokens"][number];

/** Words after which a question about a decision names what it is about: "the verdict on …", "sure about …". */
const ABOUT = new Set("on about in over against regarding".split(" "));
/** Words before a noun phrase's own words, or that stand for the decision itself: "in that", "on the …". */
const LEADING = new Set(
  "the a an my their this that these those which what whether it its we you they i".split(" "),
);
/** Whose: the app's ("your assumptions") or the team's own ("our constraints") is this decision's. */
const OURS = new Set(["your", "our"]);
/** Words that end a noun phrase and start another circumstance: "the pick regarding our legacy codebase". */
const NEXT_CIRCUMSTANCE = new Set([...ABOUT, "that", "given", "considering", "including", "concerning"]);
/** When, not what: "given our deadline in november". */
const WHEN = timeWords([...MONTHS, ...DAYS], "day days week weeks month months quarter year years");
/** Pronouns: the thing at hand. */
const PRONOUNS = new Set("it this that these those them".split(" "));
/** Prepositions that end a choosing phrase's object: what follows says when or where. */
const PREPOSITIONS = new Set("over for at in on by during after before from into without".split(" "));
/** Days: what a meeting is moved to. */
const DAYS_OFFERED = timeWords(DAYS, "weekend");
/** Words that offer the words either side of them as the options: "aws or gcp", "greenhouse instead of lever". */
export const CHOICE_WORDS: ReadonlySet<string> = new Set(["or", "vs", "versus", "than", "over", "instead"]);
/** Words between an option and the choice word: "instead of the …", "or a …". */
const BETWEEN_OPTIONS = new Set(["the", "a", "an", "of"]);
/** Words that address the app or its answer: a question using them asks about this decision. */
const ADDRESSING = new Set("you your youre u ur recommendation recommended verdict".split(" "));
/** "is it a slam dunk?", "is this a no-brainer": the thing at hand, in a thread the recommendation. */
const AT_HAND = /^(is|was|isnt|wasnt) (it|this|that)$/;
/**
 * Two words that are neither this decision's nor a feature's: "how confident is sales that the q4
 * webinar fills up?" (one may be chance: a project's own word, an idiom no example has).
 */
const FOREIGN_ENOUGH = 2;

/** Words of quality, stop words, that may open a noun phrase: "a good standing desk", "the best ci". */
const QUALITY = new Set("good better best bad decent nice solid cheap easy".split(" "));

/** Nouns for what this decision chooses: "which stack should we go with?", "which approach would you take?". */
const WHAT_IS_CHOSEN = new Set(
  "stack stacks technology technologies framework frameworks approach approaches option options".split(" "),
);

/** What the message says, as far as telling our decision from another one needs. */
export interface DecisionReading {
  /** The decision topic read (a kind label, "decision:verdict"). */
  label: Label;
  /** The feature aliases the message names. */
  hits: readonly AliasHit[];
  /** The message may describe a project, as a verdict question outside a thread does ("which for a small shop?"). */
  describesProject: () => boolean;
  /** A quick take reads a project in the message ("small api for an iot gadget"), in a thread or not. */
  findsProject: () => boolean;
}

/**
 * Whether a word may belong to a question about this decision: a word such questions use (examples,
 * the quick take's cues, a noun for what is chosen), a feature's alias or (with `domain`) domain word,
 * or a grammar word, which says what about nothing ("after", "since").
 */
export function oursBy(model: Model, hits: readonly AliasHit[], domain = true): (t: Token) => boolean {
  const named = new Set(hits.flatMap((h) => h.all));
  return (t) =>
    model.decisionStems.has(t.stem) ||
    named.has(t.at) ||
    (domain && isDomain(model, t)) ||
    GRAMMAR_WORDS.has(t.word) ||
    WHAT_IS_CHOSEN.has(t.word);
}

/**
 * Where the noun phrase after the decision's own word (an anchor) and a preposition in the same clause
 * starts, its leading words skipped, and that clause; none when the phrase is the team's or the app's
 * ("our constraints", "your assumptions").
 */
function phraseAfter(
  model: Model,
  a: Analysed,
  label: Label,
  preposition: (word: string) => boolean,
): { at: number; clause: number; preposition: number } | undefined {
  const anchors = model.anchors.get(label);
  if (!anchors) return undefined;
  const at = a.tokens.findIndex((t) => anchors.has(t.stem));
  if (at < 0) return undefined;
  const clause = (a.tokens[at] as Token).clause;
  const i = a.tokens.findIndex((t, j) => j > at && t.clause === clause && preposition(t.word));
  if (i < 0 || OURS.has(a.tokens[i + 1]?.word ?? "")) return undefined;
  let j = i + 1;
  while (j < a.tokens.length && LEADING.has((a.tokens[j] as Token).word)) j++;
  return { at: j, clause, preposition: i };
}

/**
 * The noun phrase after the decision's own word (an anchor) and "on", "about", "in"…, in the same
 * clause, uses a word that is not ours: "what's the verdict on the pricing page redesign?", "what would
 * change your mind about moving standup to 10am". "how confident are you in that", "sure about the
 * admin?", "your assumptions" and "our constraints" stay ours.
 */
function namesAnotherObject(model: Model, a: Analysed, label: Label, ours: (t: Token) => boolean): boolean {
  // "are you sure the invoice was sent?": how sure of a clause that follows, whose subject tells.
  const sureOf = label === `${DECISION}confidence` ? (w: string) => w === "the" : () => false;
  const found = phraseAfter(model, a, label, (w) => ABOUT.has(w) || sureOf(w));
  if (!found) return false;
  const { clause } = found;
  for (let j = found.at; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Token;
    if (t.stop || t.clause !== clause || NEXT_CIRCUMSTANCE.has(t.word)) return false;
    // Numbers and dates are the project's sizes and deadlines ("in 3 weeks"), not another subject.
    if (/\d/.test(t.word) || WHEN.has(t.word)) continue;
    if (!ours(t)) return true;
  }
  return false;
}

/** Where a clause opens with "which" (after any lead-in), or -1: "a monolith which talks to…" relates. */
function clauseOpeningWhich(a: Analysed): number {
  return a.tokens.findIndex((t, i) => {
    if (t.word !== "which") return false;
    const before = a.tokens.slice(0, i + 1).filter((u) => u.clause === t.clause);
    return afterLeadIns(before.map((u) => u.word)) === before.length - 1;
  });
}

/**
 * A clause that opens with "which" chooses a kind of thing that is not ours: "which cloud provider should
 * we go with?", "which payments provider should we pick?": a word of its noun phrase (up to the first
 * function word) is not ours ("which framework handles background jobs better?" is ours), and a "which"
 * inside a clause relates, it does not ask ("a monolith which talks to our erp").
 */
export function choosesAnotherKind(a: Analysed, ours: (t: Token) => boolean): boolean {
  const at = clauseOpeningWhich(a);
  if (at < 0) return false;
  let j = at + 1;
  while (j < a.tokens.length) {
    const t = a.tokens[j] as Token;
    if (t.word !== "of" && !LEADING.has(t.word) && !/\d/.test(t.word)) break;
    j++;
  }
  // Every word of the noun phrase is ours: "which payments provider", "which tech lead" are not.
  const clause = a.tokens[at]?.clause;
  const phrase: Token[] = [];
  for (; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Token;
    if (t.stop || t.clause !== clause || GRAMMAR_WORDS.has(t.word)) break;
    phrase.push(t);
  }
  // "tech" alone is the technology chosen ("which tech would you pick?"); before a noun, that noun's kind.
  if (phrase.length === 1 && phrase[0]?.word === "tech") return false;
  return phrase.some((t) => !ours(t));
}

/**
 * A "which" question whose head noun is a feature's alias chooses within that feature: "which task
 * queue should we pick?", "which django version should we start on?", "which version of flask?". With
 * "of" and something else after it, the alias is that thing's: "which version of the employee handbook
 * is the current one?" asks of another matter ("another").
 */
export function choosesWithinFeature(
  a: Analysed,
  hits: readonly AliasHit[],
): "feature" | "another" | undefined {
  const named = new Set(hits.flatMap((h) => h.all));
  const at = clauseOpeningWhich(a);
  if (at < 0) return undefined;
  let j = at + 1;
  while (
    j < a.tokens.length &&
    (LEADING.has((a.tokens[j] as Token).word) || isFrameworkName((a.tokens[j] as Token).word))
  )
    j++;
  const head = a.tokens[j];
  if (head === undefined || !named.has(head.at)) return undefined;
  while (j + 1 < a.tokens.length && named.has((a.tokens[j + 1] as Token).at)) j++;
  if (a.tokens[j + 1]?.word !== "of") return "feature";
  let k = j + 2;
  while (k < a.tokens.length && LEADING.has((a.tokens[k] as Token).word)) k++;
  const object = a.tokens[k];
  return object === undefined || isFrameworkName(object.word) || named.has(object.at) ? "feature" : "another";
}

/** "something else", "anything else": an option left open. */
const ELSE = new Set(["something", "anything", "smth"]);

/**
 * The options offered either side of "or", "vs", "instead of"… are both words not ours: "which one
 * should we pick, aws or gcp?", "why not greenhouse instead of lever". "a close call or a coin flip"
 * offers ours; a framework named makes the whole question ours (the caller checks).
 */
function offersOtherOptions(model: Model, a: Analysed, ours: (t: Token) => boolean): boolean {
  const option = (t: Token | undefined) =>
    t !== undefined && !t.stop && !model.otherFrameworks.has(t.stem) && !/\d/.test(t.word) && !ours(t);
  const tokens = a.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (!CHOICE_WORDS.has(t.word)) continue;
    let l = i - 1;
    while (l >= 0 && BETWEEN_OPTIONS.has((tokens[l] as Token).word)) l--;
    let r = i + 1;
    while (r < tokens.length && BETWEEN_OPTIONS.has((tokens[r] as Token).word)) r++;
    const left = tokens[l];
    const right = tokens[r];
    // "what if we did the demo day on friday instead": a day, then "instead" ending the clause ("what
    // do people use these days instead?" names no day).
    const day = left !== undefined && isDayOrHour(left) && !THESE.has(tokens[l - 1]?.word ?? "");
    if (t.word === "instead" && left?.clause === t.clause && day && right?.clause !== t.clause) return true;
    if (left?.clause !== t.clause || right?.clause !== t.clause) continue;
    // "inter or something else?": only the one option named decides.
    if (ELSE.has(right.word) && tokens[r + 1]?.word === "else" && option(left)) return true;
    if (option(left) && option(right)) return true;
    // Times or days either side: a meeting moved, not a stack ("3pm instead of 2", "tuesday or wednesday").
    if (timesOffered(left, right)) return true;
  }
  return false;
}

/** Words that make a time word a while, not a day: "these days", "those days". */
const THESE = new Set(["these", "those"]);

/** A weekday or a clock time: "on friday instead" moves a meeting ("june instead" may move a deadline). */
const isDayOrHour = (t: Token) => /^\d{1,2}(am|pm)$/.test(t.typed) || A_DAY.has(t.word);
const A_DAY = timeWords(DAYS);

/** A clock time ("3pm"; "10:30" reaches here as two numbers, and two numbers are no time) or a day or month. */
const isTime = (t: Token) => /^\d{1,2}(am|pm)$/.test(t.typed) || WHEN.has(t.word);

/** Two times offered, or a time and a bare hour ("3pm or 2"). */
function timesOffered(left: Token, right: Token): boolean {
  const hour = (t: Token) => /^\d{1,2}$/.test(t.typed);
  return (isTime(left) && (isTime(right) || hour(right))) || (hour(left) && isTime(right));
}

/**
 * What a verdict question asks a pick for is no project: the noun phrase after "for" ends on a word not
 * ours ("what's your recommendation for a password manager?", "what would you pick for lunch?"). Its
 * head noun is what tells: "for a small team", "for a chat app" are ours, whatever words qualify them.
 * "all" when none of the phrase's words is ours ("a birthday gift"), "head" when only its head is not.
 */
function picksForAnother(
  model: Model,
  a: Analysed,
  label: Label,
  ours: (t: Token) => boolean,
): "head" | "all" | undefined {
  const found = phraseAfter(model, a, label, (w) => w === "for");
  if (!found) return undefined;
  const { clause } = found;
  const words: Token[] = [];
  for (let j = found.at; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Token;
    // "a good standing desk": a word of quality before the noun phrase's own words.
    if (words.length === 0 && QUALITY.has(t.word)) continue;
    if (t.stop || t.clause !== clause || NEXT_CIRCUMSTANCE.has(t.word) || GRAMMAR_WORDS.has(t.word)) break;
    if (!/\d/.test(t.word) && !WHEN.has(t.word)) words.push(t);
  }
  const head = words[words.length - 1];
  if (head === undefined || ours(head)) return undefined;
  // "all" only right after the pick itself ("recommend for a birthday gift"): "booking portal for a yoga
  // studio, what should we build it with?" describes the project before asking.
  const picked = PICKED.has(a.tokens[found.preposition - 1]?.word ?? "");
  return words.some(ours) || !picked ? "head" : "all";
}

/** Words of picking right before "for": what follows is what the pick is for. */
const PICKED = new Set(
  "recommend recommendation recommendations suggest suggestion suggestions pick choose use get buy".split(
    " ",
  ),
);

/**
 * What the message compares with is not ours: "is there a cheaper option than aws?", "any alternative
 * to confluence?". "better than both", "lighter than flask" and another web stack ("than rails") stay ours.
 */
export function comparedWithAnother(model: Model, a: Analysed, ours: (t: Token) => boolean): boolean {
  const tokens = a.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const against =
      t.word === "than" || (t.word === "to" && /^alternatives?$/.test(tokens[i - 1]?.word ?? ""));
    if (!against) continue;
    let j = i + 1;
    while (j < tokens.length && LEADING.has((tokens[j] as Token).word)) j++;
    const next = tokens[j];
    if (next === undefined || next.stop || next.clause !== t.clause || /\d/.test(next.word)) continue;
    if (!model.otherFrameworks.has(next.stem) && !ours(next)) return true;
  }
  return false;
}

/**
 * Phrases after which comes what is chosen, weighed or suggested: "switch to …", "why not …", "what about
 * …", "would you recommend …", "go with …". Not "instead of", which names what is left ("celery instead
 * of cron jobs").
 */
const CHOOSING_PHRASES = [
  "switch to",
  "switching to",
  "move to",
  "moving to",
  "migrate to",
  "why not",
  "what about",
  "how about",
  "recommend",
  "go with",
  "going with",
  "use",
  "using",
  "adopt",
  "try",
  "trying",
  // What is learned is chosen too: "how hard is it to pick up haskell".
  "pick up",
  "picking up",
  "learn",
  "learning",
].map((p) => p.split(" "));
/** The same, by first word: most words open none. */
const CHOOSING_BY_FIRST = new Map<string, string[][]>();
for (const p of CHOOSING_PHRASES)
  CHOOSING_BY_FIRST.set(p[0] as string, [...(CHOOSING_BY_FIRST.get(p[0] as string) ?? []), p]);

/**
 * What a decision's own phrase chooses is a thing of another domain: "should we switch to linear", "why
 * not asana?", "would you recommend notion". Its first word of substance tells ("why not something
 * lighter?", "what about the admin?", "what about pydantic?" stay ours); a pronoun ("why not it?") or
 * nothing after it ("why not?") chooses nothing else.
 */
export function choosesAnotherThing(
  model: Model,
  a: Analysed,
  ours: (t: Token) => boolean,
  unseenCounts = true,
): boolean {
  const tokens = a.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const opening = CHOOSING_BY_FIRST.get((tokens[i] as Token).word);
    const phrase = opening?.find((p) => p.every((w, k) => tokens[i + k]?.word === w));
    if (!phrase) continue;
    const clause = (tokens[i] as Token).clause;
    for (let j = i + phrase.length; j < tokens.length; j++) {
      const t = tokens[j] as Token;
      if (t.clause !== clause) break;
      // A pronoun chooses the thing at hand ("should we use it today?"); a preposition says when or
      // where, not what ("any tips for learning over the weekend?").
      if (PRONOUNS.has(t.word) || PREPOSITIONS.has(t.word)) break;
      if (t.stop || LEADING.has(t.word)) continue;
      // A day offered is a meeting's, not a stack: "why not friday for the team lunch?".
      if (DAYS_OFFERED.has(t.word)) return true;
      if (/\d/.test(t.word) || WHEN.has(t.word)) continue;
      // A word training never saw ("linear", "asana"; unless `unseenCounts` is off: a package of ours
      // may be one, "huey", "peewee"), or saw only in questions we cannot answer.
      const foreign = (unseenCounts && !t.known) || model.offTopic.has(t.stem);
      if (foreign && !model.otherFrameworks.has(t.stem) && !ours(t)) return true;
      break;
    }
  }
  return false;
}

/**
 * Push-back on another matter: what it disagrees with or is wrong about uses a word not ours ("i disagree
 * with the new pto policy"), or it says so only in a pair of function words ("i don't", "not really")
 * beside a word not ours ("i don't have permission to view the okr sheet").
 */
export function pushesBackOnAnother(
  model: Model,
  a: Analysed,
  hits: readonly AliasHit[],
  onlyPairs: boolean,
): boolean {
  const ours = oursBy(model, hits);
  if (onlyPairs && foreignWords(a, ours) > 0) return true;
  const found = phraseAfter(model, a, "pushback", (w) => w === "with" || ABOUT.has(w));
  if (!found) return false;
  for (let j = found.at; j < a.tokens.length; j++) {
    const t = a.tokens[j] as Token;
    if (t.stop || t.clause !== found.clause || NEXT_CIRCUMSTANCE.has(t.word)) return false;
    if (/\d/.test(t.word) || WHEN.has(t.word)) continue;
    if (!ours(t)) return true;
  }
  return false;
}

/** How many words are not ours (numbers and dates aside). */
function foreignWords(a: Analysed, ours: (t: Token) => boolean): number {
  let n = 0;
  for (const t of a.terms) if (!/\d/.test(t.word) && !WHEN.has(t.word) && !ours(t)) n++;
  return n;
}

/** The message addresses the app or its answer ("how sure are you", "the recommendation"), or the thing at hand. */
export function addressesOurs(a: Analysed): boolean {
  if (a.words.some((w) => ADDRESSING.has(w))) return true;
  const i = afterLeadIns(a.words);
  return AT_HAND.test(a.words.slice(i, i + 2).join(" "));
}

/**
 * A question worded about a decision that is about another one: it names another object ("the verdict
 * on the pricing page redesign"), compares with something not ours ("a cheaper option than aws"), asks
 * a pick for something that is no project ("your recommendation for a password manager"), another kind
 * of thing chosen ("which ci vendor"), other options ("aws or gcp?"), or uses words that no question
 * about our decision uses ("how confident is sales that the q4 webinar fills up?"). The last two do not
 * count when the message addresses the app or its answer ("which approach would you take?", "is it a
 * slam dunk?"), nor for a verdict question that may describe a project ("small api for an iot gadget,
 * what should we use"). Naming Flask or Django, or an alternative for an alternative's topic, makes it
 * ours; the caller checks that first. Without `domain`, a feature's domain words count as not ours.
 */
export function aboutAnotherDecision(
  model: Model,
  a: Analysed,
  reading: DecisionReading,
  domain = true,
): boolean {
  const ours = oursBy(model, reading.hits, domain);
  if (namesAnotherObject(model, a, reading.label, ours) || offersOtherOptions(model, a, ours)) return true;
  // A feature's domain word chosen is ours even in the strict reading: "what about pydantic?".
  // With an alias named, a word never seen may be a package of that feature's: "how about peewee
  // instead of sqlalchemy" (the feature reading answers).
  const unseenCounts = reading.hits.length === 0;
  if (
    comparedWithAnother(model, a, ours) ||
    choosesAnotherThing(model, a, oursBy(model, reading.hits), unseenCounts)
  )
    return true;
  // Asked even of the app ("your recommendation for …"); a project described there is ours.
  const verdict = reading.label === `${DECISION}verdict`;
  // Outside a thread a project may be described there ("for a webhook receiver"), unless none of its
  // words is ours and the quick take reads no project ("what do you recommend for a birthday gift?").
  const forAnother = verdict ? picksForAnother(model, a, reading.label, ours) : undefined;
  if (forAnother === "all" && !reading.findsProject()) return true;
  if (forAnother === "head" && !reading.describesProject()) return true;
  // Asked even of the app: "which ci provider do you recommend?".
  if (choosesAnotherKind(a, ours)) return true;
  if (addressesOurs(a)) return false;
  if (foreignWords(a, ours) < FOREIGN_ENOUGH) return false;
  return !(verdict && reading.describesProject());
}
