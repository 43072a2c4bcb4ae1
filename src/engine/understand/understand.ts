import { detailIn, questionWords } from "../detail-asked.js";
import type { Knowledge } from "../knowledge.js";
import type { FrameworkId } from "../knowledge-schema.js";
import { stripSlackMarkup } from "../text.js";
import type { Hypothesis } from "../what-if.js";
import { featuresAsked, type Parts, partsOfMessage } from "./also-asked.js";
import {
  alternativeAsked,
  alternativeNamed,
  alternativeOffered,
  alternativeSuggested,
  alternativesNamed,
  comparesOthers,
  isAlternativeWord,
  othersOwnBusiness,
  standsAlone,
  weighedForAnotherThing,
  weighedForUs,
} from "./alternatives.js";
import { type Analysed, GRAMMAR_WORDS } from "./analyse.js";
import { askedAfter } from "./asked-after.js";
import {
  aboutTheApp,
  addressesSomeoneElse,
  afterSupposing,
  asksForChore,
  asksForTheGist,
  asksHowClose,
  asksHowItWent,
  asksOfColleagues,
  asksToDoSomethingElse,
  asksWhatWouldFlip,
  asksWhichTime,
  asksWho,
  asksWhyAlone,
  asksWhyFramework,
  isHelpCommand,
  offersHelp,
  type Supposition,
  shouldDoNotChoose,
  supposition,
} from "./commands.js";
import {
  aboutAnotherDecision,
  addressesOurs,
  choosesAnotherKind,
  choosesAnotherThing,
  choosesWithinFeature,
  comparedWithAnother,
  oursBy,
  pushesBackOnAnother,
} from "./decision-object.js";
import { BETTER, type Disagreement, disagreementOpened, FILLERS, judged } from "./disagreement.js";
import { askedOfAnotherFramework, asksWhatAnotherHas, isEverydayName, leftBehind } from "./elsewhere.js";
import {
  asksCaseAgainst,
  asksForAlternativesTo,
  asksIfBetter,
  asksOnlyCaseAgainst,
  asksTooMuch,
  asksWhatsAgainst,
  caseAgainstFramework,
  FRAMEWORK_NAMES,
  frameworksNamed,
  isFrameworkName,
  namedAgainst,
  opensYesNo,
  otherFramework,
  preferredFramework,
  questionedFramework,
} from "./frameworks.js";
import {
  type AliasHit,
  ANY_FEATURE,
  aliasHits,
  analyseWith,
  anchorsIn,
  assembleModel,
  buildModel,
  DECISION,
  featureProbabilities,
  type Holdout,
  isDomain,
  kindProbabilities,
  kindReadings,
  type Model,
  mixFeatureProbabilities,
  stemmerOf,
} from "./model.js";
import { findMyth } from "./myths.js";
import { needsIn } from "./needs.js";
import { NEGATIONS } from "./negations.js";
import { DEFAULT_OPTIONS, type PipelineOptions } from "./options.js";
import { ownedByAnother } from "./own-business.js";
import { FOR_WHAT_ENDS, REASON_WORDS } from "./purpose.js";
import { afterLeadIns, asksInWordsAnywhere, asksPlainly, isPast, isQuestion } from "./question.js";
import { quickTake } from "./quick-take.js";
import { fromShipped, readShipped } from "./shipped.js";
import type { FeatureScore, DecisionTopic as Topic, UnderstandContext, Understanding } from "./types.js";

/** A knowledge base with its model built: what `understand` needs, made once per knowledge base. */
export type Understander = Model;

const MAX_RUNNERS_UP = 3;

const built = new WeakMap<Knowledge, Understander>();

/** The model for this knowledge base, loaded (or trained) on first use and kept. */
export function understanderFor(knowledge: Knowledge): Understander {
  let u = built.get(knowledge);
  if (!u) {
    u = loadUnderstander(knowledge);
    built.set(knowledge, u);
  }
  return u;
}

/**
 * The model as the app starts it: the shipped one (data/generated/understanding-model.json, made by
 * `npm run train`) when it was trained on exactly this knowledge base and these options, else
 * trained now.
 */
export function loadUnderstander(
  knowledge: Knowledge,
  options: PipelineOptions = DEFAULT_OPTIONS,
): Understander {
  const shipped = readShipped(knowledge, options);
  if (!shipped) return buildModel(knowledge, options);
  return assembleModel(knowledge, options, fromShipped(shipped, options, stemmerOf(options)));
}

/** Builds a model with other choices, or without some examples (to measure; see scripts/eval.ts). */
export function buildUnderstander(
  knowledge: Knowledge,
  options: PipelineOptions = DEFAULT_OPTIONS,
  holdout?: Holdout,
): Understander {
  return buildModel(knowledge, options, holdout);
}

const round = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

/** How much the kind reading makes it a feature question, any feature. */
function featureShare(model: Model, kp: Float64Array): number {
  const groups = model.kindGroups;
  let sum = 0;
  for (let i = 0; i < kp.length; i++) if (groups.of[i] === groups.feature) sum += kp[i] as number;
  return sum;
}

function featureScore(model: Model, index: number, p: number): FeatureScore {
  const featureId = model.featureIds[index] as string;
  return {
    featureId,
    title: model.knowledge.featureById.get(featureId)?.title ?? featureId,
    score: round(p),
  };
}

/** The indices of the `n` largest values, largest first (n is small: a full sort is not needed). */
function ranked(p: Float64Array, n = MAX_RUNNERS_UP + 1): number[] {
  const out: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const v = p[i] as number;
    let j = out.length;
    while (j > 0 && v > (p[out[j - 1] as number] as number)) j--;
    if (j < n) {
      out.splice(j, 0, i);
      if (out.length > n) out.pop();
    }
  }
  return out;
}

/** Words that say what is weighed is a stack: "another framework", "a lighter stack". */
const KIND_OF_STACK = new Set("framework frameworks stack stacks language languages lang".split(" "));
/** Where each clause starts: "arjun here — who's on call?" asks its question in the second. */
function clauseStarts(a: Analysed): ReadonlySet<number> {
  return new Set(a.tokens.filter((t, i) => i === 0 || a.tokens[i - 1]?.clause !== t.clause).map((t) => t.at));
}

/** Words of a request for help: the app or its workings named ("what can you do", "how do i redo the questionnaire"). */
const HELP_CUES = new Set(
  "help usage command commands you u ya your yourself bot app thing tool questionnaire questions question ask asking answer answers recommendation rec recommendations redo rerun restart form modal inputs verdict pick result share export".split(
    " ",
  ),
);

/** Words of doubt: "not sold on django here", "unsure django is the right fit" still push back. */
const DOUBT = new Set(
  "not no never nah unsure doubt doubts doubtful skeptical sceptical convinced sold fan dont isnt wont cant".split(
    " ",
  ),
);

/** Framework names and joining words alone ("flask?", "django vs flask") ask nothing we can answer. */
const FRAMEWORK_ONLY = new Set(["flask", "django", "python", "vs", "versus", "or", "and"]);

/**
 * The project's answers a clause states about the project or the team, read as a quick take reads a
 * description: from `at`, or from the first such clause anywhere (push-back gives its reason anywhere:
 * "nah flask suits us better, we know flask"). An answer verb gives answers ("it stays tiny"), a need
 * verb features ("we needed websockets": what is built stays as it was); "what if celery goes down?"
 * and "what if i'm out next week?" state nothing of either.
 */
function supposedIn(model: Model, a: Analysed, at?: number, it?: FrameworkId): Hypothesis | undefined {
  const words = a.words;
  let found: Supposition | undefined;
  for (let i = at ?? 0; i < (at === undefined ? words.length : at + 1) && !found; i++) {
    found = supposition(words, i);
  }
  if (!found) return undefined;
  // "what if we knew flask?" states what "we know flask" does; in push-back for Flask, "we already
  // know it" does too.
  const rest = words
    .slice(found.from)
    .map((w) => (w === "knew" ? "know" : w === "it" && it ? it : w))
    .join(" ");
  const read = analyseWith(model, rest);
  const take = quickTake(model, rest, read, needsIn(model, rest, read));
  if (!take) return undefined;
  if (found.kind === "need") return take.needs.length > 0 ? { answers: {}, needs: take.needs } : undefined;
  if (found.kind === "drop")
    return take.needs.length > 0 ? { answers: {}, needs: [], dropped: take.needs } : undefined;
  const answers = { ...take.answers };
  if (FRAMEWORK_NAMES.every((f) => read.words.includes(f))) delete answers.experience;
  return Object.keys(answers).length > 0 ? { answers, needs: [] } : undefined;
}

/**
 * A reason given as a feature rather than a clause: "we prefer django because of the admin", "flask,
 * due to the websockets": the features named there, as needs to weigh.
 */
function reasonIn(model: Model, a: Analysed): Hypothesis | undefined {
  const words = a.words;
  const i = words.findIndex(
    (w, k) => (w === "because" && words[k + 1] === "of") || (w === "due" && words[k + 1] === "to"),
  );
  if (i < 0) return undefined;
  const rest = words.slice(i + 2).join(" ");
  const needs = needsIn(model, rest, analyseWith(model, rest));
  return needs.length > 0 ? { answers: {}, needs } : undefined;
}

/** The feature one of whose details the message names ("rate limiting" is a detail of security), if any. */
function featureOfDetail(model: Model, text: string): string | undefined {
  const asked = questionWords(text);
  for (const feature of model.knowledge.features) if (detailIn(feature, asked)) return feature.id;
  return undefined;
}

/** Words for a kind of framework, not a feature's thing: "i'd go with a microframework". */
const FRAMEWORK_KINDS = new Set(["microframework", "lightweight", "minimal", "minimalist", "batteries"]);

/** Verbs of picking, and "with" after "go": what follows is what is picked. */
const PICKING = new Set(["with", "use", "pick", "choose", "prefer"]);

/** What is picked is a feature's thing, not a framework: "i'd just go with postgres", "let's use celery". */
function picksAFeature(a: Analysed, hits: readonly AliasHit[]): boolean {
  const named = new Set(hits.flatMap((h) => h.all));
  return a.tokens.some((t, i) => {
    if (!PICKING.has(t.word)) return false;
    let j = i + 1;
    while (j < a.tokens.length && ["the", "a", "an", "just"].includes((a.tokens[j] as typeof t).word)) j++;
    const next = a.tokens[j];
    return next !== undefined && named.has(next.at) && !FRAMEWORK_KINDS.has(next.word);
  });
}

/** Words that name what would be left or replaced: "better than X", "instead of X", "an alternative to X". */
const LEAVING_MARKS = [
  ["than"],
  ["instead", "of"],
  ["alternative", "to"],
  ["alternatives", "to"],
  ["replace"],
  ["replacement", "for"],
];
/** Words in what is left that may be a framework: "better than both", "instead of it", "a python backend". */
const LEFT_GENERIC = new Set(
  "both either it this that them these those one ones other others python backend backends".split(" "),
);
/** What the team runs now, being replaced: "instead of our legacy app", "replace the current scripts". */
const TEAMS_OWN = new Set(["our", "current", "existing", "legacy", "old"]);
/** Words that make "than" a count: "more than 5 devs". */
const QUANTITY = new Set(["more", "less", "fewer", "bigger", "larger", "smaller"]);
/** Words before what is left that qualify it: "than the pandas step", "instead of 2 week sprints". */
const LEFT_LEADING = new Set(["the", "a", "an", "our", "my", "just", "plain", "using", "doing"]);

/**
 * What an alternative would replace is named, and it is no framework: "would polars be a better fit than
 * pandas", "is there an alternative to 2 week sprints", "could it replace the pandas step". "better than
 * both", "instead of django", "lighter than flask" leave a framework.
 */
function leavesNoFramework(model: Model, a: Analysed): boolean {
  const words = a.words;
  for (let i = 0; i < words.length; i++) {
    const mark = LEAVING_MARKS.find((m) => m.every((w, k) => words[i + k] === w));
    // "with more than 5 devs" counts; it replaces nothing.
    if (!mark || (mark[0] === "than" && QUANTITY.has(words[i - 1] as string))) continue;
    let j = i + mark.length;
    const clause = a.tokens[i]?.clause;
    // "instead of our legacy php app", "to replace the current cgi scripts": the team's own stack,
    // which one of ours would replace.
    if (TEAMS_OWN.has(words[j] as string) || TEAMS_OWN.has(words[j + 1] as string)) continue;
    while (j < words.length && (LEFT_LEADING.has(words[j] as string) || /^\d+$/.test(words[j] as string)))
      j++;
    const phrase: string[] = [];
    for (; j < words.length && a.tokens[j]?.clause === clause; j++) {
      // A function word ends the phrase, unless it names a stack ("a separate python backend").
      if (a.tokens[j]?.stop && words[j] !== "python") break;
      phrase.push(words[j] as string);
    }
    if (phrase.length === 0) continue;
    const framework = (w: string) =>
      isFrameworkName(w) ||
      LEFT_GENERIC.has(w) ||
      FRAMEWORK_KINDS.has(w) ||
      KIND_OF_STACK.has(w) ||
      model.alternativeNames.has(w) ||
      isEverydayName(w);
    if (!phrase.some(framework)) return true;
  }
  return false;
}

/**
 * A yes/no question whose subject is a word not ours: "wouldn't jira be better for this?" pushes back on
 * nothing of this decision ("would it be better…", "isn't flask…" may).
 */
function asksOfAnotherThing(model: Model, a: Analysed, hits: readonly AliasHit[]): boolean {
  const start = afterLeadIns(a.words);
  if (!opensYesNo(a.words[start])) return false;
  const subject = a.tokens.find((t) => t.at === start + 1);
  return subject !== undefined && !subject.stop && !oursBy(model, hits, false)(subject);
}

/** What `kindOf` needs to know of the message besides its words and the kind readings. */
interface KindCues {
  /** A domain word or an alias is present. */
  domain: boolean;
  /** The aliases the message names (read once, in `readMessage`). */
  hits: readonly AliasHit[];
  /** A plain question (a question mark, or a question word first). */
  asks: boolean;
  /** The message as typed, for the quick take. */
  text: string;
  /** Under a recommendation. */
  inThread: boolean;
  /** How surely the message reads as its likeliest feature. */
  featureSure: number;
  /** The feature one of whose details the message names (read on first use, once). */
  detail: () => string | undefined;
  /** The message's parts, when words not ours in its background are to be told apart (tuning.sceneWords). */
  parts?: Parts;
}

/**
 * The kind of message: the most probable kind that the message also gives a reason for. A feature
 * question needs a word that carries domain meaning (or an alias); a decision question a word or
 * pair of its own ("flip", "why not", "confident", a framework's name); an "unknown" reading gives
 * way to a feature question whose alias or domain word nothing off-topic contradicts.
 */
function kindOf(
  model: Model,
  a: Analysed,
  kp: Float64Array,
  { domain, hits, asks, text, inThread, parts, featureSure, detail }: KindCues,
): { label: string; p: number; chatter: number; elsewhere?: true } {
  // Background told before the question ("since we run everything in docker compose, how do you attach
  // a debugger") does not make the question another stack's: words not ours there count only when the
  // asking part says nothing of a feature itself ("snowflake vs bigquery… has anyone decided?"), or
  // name another framework the team is not leaving behind ("we're a laravel shop. how do migrations work?").
  // Read only when such a word is there: most messages have none.
  let asksOwnFeature: boolean | undefined;
  const counts = (t: Analysed["terms"][number]) => {
    if (parts === undefined || !parts.scene.has(t.segment)) return true;
    if (model.otherFrameworks.has(t.stem) && !leftBehind(a, parts, t.segment)) return true;
    asksOwnFeature ??= asksAFeature(model, parts, hits);
    return !asksOwnFeature;
  };
  // A domain word next to an off-topic one, with neither framework named: "is rust worth learning",
  // "how do rails migrations work". Not ours, however the classifier reads it. A word corrected into an
  // off-topic one is a guess that rules nothing out: "are the docs decent" is not about a "descent".
  const guessed = (t: Analysed["terms"][number]) => t.weight < 1 && t.typed !== t.word;
  const offTopic = a.terms.some((t) => model.offTopic.has(t.stem) && !guessed(t) && counts(t));
  const framework = a.words.some(isFrameworkName);
  // A word training never saw, nor anything like it ("junit", "vercel"): often another stack's name.
  const unseen = a.terms.some((t) => !t.known && counts(t));
  const groups = model.kindGroups;
  const sums = new Float64Array(groups.labels.length);
  for (let i = 0; i < kp.length; i++) {
    const g = groups.of[i] as number;
    sums[g] = (sums[g] as number) + (kp[i] as number);
  }
  const order = [...sums.keys()].sort((x, y) => (sums[y] as number) - (sums[x] as number));
  const chatter = groups.chatter < 0 ? 0 : (sums[groups.chatter] as number);
  const featureP = groups.feature < 0 ? 0 : (sums[groups.feature] as number);
  // The readings ruled out so far: what is left is read as conditional on them being impossible.
  let ruledOut = 0;
  // A question about another framework's own feature ("sessions in express"): not ours.
  // Any alternative's name, an everyday one too ("does express have sessions built in?", "does spring boot
  // have an admin panel?"): as the subject of "does … have" it can only be the framework.
  const nameAt = (at: number) =>
    alternativesNamed(model, a).find((n) => n.at === at)?.length ??
    (isEverydayName(a.words[at] as string) ? 1 : 0);
  const anotherHas = !framework && asksWhatAnotherHas(nameAt, a);
  const elsewhereAsked = anotherHas || (!framework && askedOfAnotherFramework(model.alternativeNames, a));
  // Another framework's news or people, not weighed for us (read on first use: two readings ask).
  let own: boolean | undefined;
  const ownBusiness = () => {
    own ??= othersOwnBusiness(model, a, text);
    return own;
  };
  // A thing another framework owns ("pyramid's traversal routing"), read on first use: two rules ask.
  let owned: boolean | undefined;
  const ownedElsewhere = () => {
    owned ??= !framework && ownedByAnother(a, text, isAlternativeWord(model));
    return owned;
  };
  // A feature reading set aside for a word not ours.
  let blockedFeature = false;
  // A feature's words about another thing: what another thing is chosen for ("how about jira for the
  // docs"), the app itself with no feature named ("how do i add you to another channel"), or a comparison
  // with a thing not ours ("is vue easier to learn than react"). Read on first use.
  let chose: boolean | undefined;
  const choosesAnother = () => {
    if (chose === undefined) {
      const ours = oursBy(model, hits);
      chose =
        !framework &&
        (choosesAnotherThing(model, a, ours, false) ||
          (hits.length === 0 && aboutTheApp(a.words)) ||
          comparedWithAnother(model, a, ours));
    }
    return chose;
  };
  // A decision-worded message about another matter: declined if it asks, a remark if not.
  const declined = (p: number) => ({
    label: isQuestion(a) ? "unknown" : "chatter",
    p,
    chatter,
    elsewhere: true as const,
  });
  const renorm = model.options.tuning.renormalise > 0;
  for (const g of order) {
    const label = groups.labels[g] as string;
    const p = renorm ? (sums[g] as number) / Math.max(1e-9, 1 - ruledOut) : (sums[g] as number);
    ruledOut += sums[g] as number;
    if (label === ANY_FEATURE) {
      // An off-topic word blocks a feature reading unless the classifier is all but certain.
      const sure = p >= model.options.tuning.noDomainKeep && !offTopic && !unseen;
      const blocked =
        elsewhereAsked ||
        // "quart vs starlette for websockets": two others compared with each other.
        (!framework && comparesOthers(model, a)) ||
        // "pyramid's traversal routing": its own feature.
        ownedElsewhere() ||
        (offTopic && !framework && p < model.options.tuning.offTopicKeep) ||
        (unseen && !framework && p < model.options.tuning.unseenKeep) ||
        ((domain || sure) && choosesAnother());
      if ((domain || sure) && !blocked) return { label, p, chatter };
      blockedFeature ||= blocked && domain;
      continue;
    }
    if (label.startsWith(DECISION)) {
      // A word of its own ("flip", "instead", a framework's name) anchors a decision question; a pair
      // of function words ("what about", "is it") only when no domain word says it is about a feature.
      // An everyday word that names no framework here anchors nothing: "what about spring break".
      const everyday = new Set(
        a.tokens.filter((t) => isEverydayName(t.word) && !standsAlone(a, t.at)).map((t) => t.stem),
      );
      const anchors = anchorsIn(model, a, label).filter((x) => !everyday.has(x));
      // "spring boot or quarkus?", "laravel vs symfony": other stacks among themselves are not ours.
      const elsewhere = a.terms.some((t) => model.offTopic.has(t.stem) && !model.otherFrameworks.has(t.stem));
      if (label === `${DECISION}alternative` && elsewhere && !framework) continue;
      // "does fastapi have an admin panel?": another framework's own, not an alternative for us.
      if (anotherHas) continue;
      // "rails 8 solid queue, anyone tried it?", "we're hiring a rails dev": its own business too.
      if (label === `${DECISION}alternative` && !framework && ownBusiness()) return declined(p);
      // "would rails be a fun topic for our lunch and learn?": weighed, but for a thing not ours.
      if (label === `${DECISION}alternative` && weighedForAnotherThing(model, a, text)) return declined(p);
      // "spring boot versus quarkus?": two other frameworks compared with each other, not with ours.
      if (label === `${DECISION}alternative` && !framework && comparesOthers(model, a)) return declined(p);
      // "recommend a movie", "how sure is the weather": a word from questions we cannot answer.
      if (
        label !== `${DECISION}alternative` &&
        offTopic &&
        !framework &&
        model.options.tuning.decisionOffTopic > 0
      )
        continue;
      // "what's the verdict on the pricing page redesign?", "which dockerfile instruction sets the user":
      // worded like ours, about another decision or choice. Nothing else in such a message is ours either.
      const namesAlternative = label === `${DECISION}alternative` && alternativeNamed(model, a) !== undefined;
      // Outside a thread a verdict question is how people describe their project ("booking portal for a
      // yoga studio, what should we build it with?"); in one, a quick take must find the project in it.
      let found: boolean | undefined;
      const findsProject = () => {
        found ??= quickTake(model, stripSlackMarkup(text), a, needsIn(model, text, a)) !== undefined;
        return found;
      };
      const describesProject = () => !inThread || findsProject();
      // "which task queue should we pick?", "which django version should we start on?": the feature's answer.
      const within = label === `${DECISION}verdict` ? choosesWithinFeature(a, hits) : undefined;
      if (within === "feature") continue;
      if (within === "another") return declined(p);
      // "should we add django admin?": a feature named, with a verb that chooses no framework.
      if (label === `${DECISION}verdict` && hits.length > 0 && shouldDoNotChoose(a.words)) continue;
      if (
        !framework &&
        !namesAlternative &&
        aboutAnotherDecision(model, a, { label, hits, describesProject, findsProject })
      )
        return declined(p);
      // With no feature named, a feature's everyday words ("vendor", "launch", "hiring") are not ours
      // either: "which vendor did we pick for payments?", "how sure is marketing about the launch date?".
      // Declined, unless the message reads surely as a feature ("what if we need to add a column later?").
      // A condition ("what if we need to upload images?") or the app addressed ("is the recommendation
      // solid for a payments product?") keeps the project's words the project's, and so does a feature's
      // detail ("what about rate limiting?").
      if (
        hits.length === 0 &&
        !framework &&
        !a.words.includes("if") &&
        !addressesOurs(a) &&
        !namesAlternative &&
        aboutAnotherDecision(model, a, { label, hits, describesProject, findsProject }, false) &&
        (opensYesNo(a.words[afterLeadIns(a.words)]) || detail() === undefined)
      ) {
        if (featureSure < model.options.tuning.wordSure) return declined(p);
        continue;
      }
      // "what would you recommend instead of trello for sprint boards": a pick to replace another thing.
      if (label === `${DECISION}verdict` && !framework && !namesAlternative && leavesNoFramework(model, a)) {
        if (hits.length > 0) continue;
        return declined(p);
      }
      // An alternative asked needs a word of its own that names no feature ("lighter", "alternatives"), an
      // alternative or a framework named, or a feature's detail (read below): "what about lunch?" asks of
      // none, "what about the api?" of a feature, "what about rate limiting?" of security's detail.
      if (label === `${DECISION}alternative` && !namesAlternative && !framework) {
        // "would a spreadsheet be better here?" weighs a thing against the whole, not a detail of a feature.
        const weighs = opensYesNo(a.words[afterLeadIns(a.words)]);
        if (!weighs && detail() !== undefined) return { label, p, chatter };
        // "should we use celery instead of cron?": what is picked is a feature's thing.
        if (picksAFeature(a, hits)) continue;
        // "something lighter than sqlalchemy?" asks about the ORM; "is there an alternative to 2 week
        // sprints" about another matter.
        if (leavesNoFramework(model, a)) {
          if (hits.length > 0) continue;
          return declined(p);
        }
        // "graviton an option for the runners?", "karpenter instead?": a word never seen, with no framework
        // or stack named, is the other thing weighed (the frameworks we know are named: "hono an option?").
        if (unseen && hits.length === 0 && !a.words.some((w) => KIND_OF_STACK.has(w))) return declined(p);
        const named = new Set(
          a.tokens.filter((t) => hits.some((h) => h.all.includes(t.at))).map((t) => t.stem),
        );
        if (!anchors.some((x) => !x.includes("_") && !named.has(x))) {
          if (domain) continue;
          return declined(p);
        }
      }
      if (anchors.some((x) => !x.includes("_")) || (anchors.length > 0 && !domain))
        return { label, p, chatter };
      continue;
    }
    // Push-back says so in words of its own ("disagree", "nah", "prefer") or names a framework: "would
    // notion be better here?" is worded like "would flask be better here?" but pushes back on nothing,
    // and "which monitoring tool should we go with?" chooses another kind of thing.
    const pushesBack = () => {
      const own = anchorsIn(model, a, label);
      return (
        own.length > 0 &&
        !choosesAnotherKind(a, oursBy(model, hits)) &&
        !asksOfAnotherThing(model, a, hits) &&
        // A word of push-back of its own ("disagree", "prefer") outweighs the thing picked.
        !(own.every((x) => x.includes("_")) && picksAFeature(a, hits)) &&
        // "i disagree with the new pto policy", "i don't have permission to view the okr sheet".
        !pushesBackOnAnother(
          model,
          a,
          hits,
          own.every((x) => x.includes("_")),
        )
      );
    };
    if (label === "pushback" && !framework && !pushesBack())
      return { label: asks ? "unknown" : "chatter", p, chatter };
    // A feature question about something not ours ("can this talk to mssql on our windows shop") asks
    // for no help, however likely help is once a feature is ruled out (0.65 there).
    if (blockedFeature && label === "help") return { label: asks ? "unknown" : "chatter", p, chatter };
    // Help is asked of the app: with a word not ours ("what about linear instead of jira for tracking
    // this?", "gin and tonics at the offsite?") and nothing of the app named, it is another matter.
    if (label === "help" && (offTopic || unseen) && !a.words.some((w) => HELP_CUES.has(w)))
      return { label: asks ? "unknown" : "chatter", p, chatter };
    // Help that names a feature by its alias asks about the feature: "can you show me what the admin looks
    // like?", "help me understand the admin" (the command word alone was read before).
    if (label === "help" && hits.length > 0 && !offTopic && !elsewhereAsked && !choosesAnother()) {
      const rest = Math.max(1e-9, 1 - (sums[g] as number));
      return { label: ANY_FEATURE, p: featureP / rest, chatter };
    }
    // Chatter is a remark: a message that asks something is not chatter ("can i use pandas in a flask app").
    if (
      label === "chatter" &&
      (asks || asksInWordsAnywhere(a)) &&
      model.options.tuning.questionNotChatter > 0
    )
      continue;
    // "spring boot vs django", "why not express, our frontend devs know node": another framework asked;
    // in a thread, "is litestar a reasonable choice for us?": another framework weighed for this project.
    if (
      label === "unknown" &&
      !anotherHas &&
      !ownBusiness() &&
      // "fastify vs express benchmarks": asked, but of two others compared with each other.
      !(!framework && comparesOthers(model, a)) &&
      (alternativeAsked(model, a) !== undefined ||
        (inThread && asks && weighedForUs(model, a, text, hits.length > 0)))
    )
      return { label: `${DECISION}alternative`, p, chatter };
    if (
      label === "unknown" &&
      domain &&
      !offTopic &&
      !elsewhereAsked &&
      !choosesAnother() &&
      !ownedElsewhere() &&
      !(unseen && !framework && featureP < model.options.tuning.unseenKeep)
    ) {
      if (featureP >= model.options.tuning.overrule) return { label: ANY_FEATURE, p: featureP, chatter };
    }
    return { label, p, chatter };
  }
  return { label: "unknown", p: 0, chatter };
}

/**
 * A part of the message that does not set the scene names a feature by its alias, or reads as one on its
 * own at least `tuning.sceneWords` surely.
 */
function asksAFeature(model: Model, parts: Parts, hits: readonly AliasHit[]): boolean {
  if (hits.some((h) => !parts.scene.has(h.segment))) return true;
  return parts.order.some((segment) => {
    if (parts.scene.has(segment)) return false;
    const part = parts.alone.get(segment) as Analysed;
    const p = mixFeatureProbabilities(
      model,
      featureProbabilities(model, part),
      kindProbabilities(model, part),
    );
    return Math.max(...p) >= model.options.tuning.sceneWords;
  });
}

/** Reads a message with a built model; `understand` is this with the model built once per knowledge base. */
export function understandWith(
  model: Understander,
  input: unknown,
  context: UnderstandContext = {},
): Understanding {
  const text = typeof input === "string" ? input : "";
  const a = analyseWith(model, text);
  const u = readMessage(model, text, a, context);
  // "disagree — we'll end up ripping out half of django" is push-back, "hard disagree on the friday
  // launch" a remark, however the classifiers read them.
  const disagreement = disagreementIn(model, a, context);
  if (u.intent === "pushback" && disagreement === "another")
    return { intent: "chatter", score: u.score, unsure: false, isQuestion: false, runnersUp: u.runnersUp };
  // "we prefer flask because we only need a json api": push-back whose reason names a feature.
  if ((u.intent === "feature" || u.intent === "chatter") && !asksPlainly(a)) {
    const pushed =
      pushedBackFor(model, a, context) ??
      (u.intent === "chatter" ? toldAgainst(model, a, context) : undefined) ??
      preferenceLast(model, a, context) ??
      (disagreement === "verdict" && context.verdict !== undefined && context.verdict !== "either"
        ? pushback(model, a, otherFramework(context.verdict))
        : undefined);
    if (pushed) return pushed;
  }
  // Thanks or a remark first, then a question: the question is what to answer.
  if (u.intent !== "thanks" && u.intent !== "chatter") return u;
  const rest = askedAfter(a, text);
  if (rest === undefined) return u;
  const later = readMessage(model, rest, analyseWith(model, rest), context);
  return later.intent === "feature" || later.intent === "decision" || later.intent === "help" ? later : u;
}

/** "since 2019", "since last year": "since" of time gives no reason. */
function sinceWhen(words: readonly string[], at: number): boolean {
  const next = words[at + 1] ?? "";
  return (
    words[at] === "since" && (/\d/.test(next) || ["last", "then", "forever", "ages", "the"].includes(next))
  );
}

/**
 * Push-back followed by its reason ("we prefer flask because we only need a json api", "honestly we'd
 * rather use flask, we only need an api"): the reason can read as a feature question or a remark on its
 * own, so the words before it are read alone. Push-back there is the reading, weighed by the reason.
 */
function pushedBackFor(model: Model, a: Analysed, context: UnderstandContext): Understanding | undefined {
  if (!context.hasRecommendation) return undefined;
  const first = a.tokens[0];
  // The reason: after "because", "since"…, or a next clause that states something of the project or the
  // team ("…, we only need an api"; "flask is so minimal, i love it" gives none).
  const at = a.tokens.findIndex(
    (t, i) =>
      i > 0 &&
      ((REASON_WORDS.has(t.word) && !sinceWhen(a.words, t.at)) ||
        (t.clause !== a.tokens[i - 1]?.clause &&
          t.sentence === first?.sentence &&
          supposition(a.words, t.at) !== undefined)),
  );
  if (at <= 0) return undefined;
  const head = a.tokens.slice(0, at).map((t) => t.typed);
  // "we have used flask for years since it is simple" tells a story, with its reason.
  if (!head.some(isFrameworkName) || head.some(isPast)) return undefined;
  const said = head.join(" ");
  const read = readMessage(model, said, analyseWith(model, said), context);
  // Agreeing with the verdict, with a reason, is a remark: "django is the better call because of the admin".
  if (read.intent !== "pushback" || (read.prefers !== undefined && read.prefers === context.verdict))
    return undefined;
  const hypothesis = supposedIn(model, a, undefined, read.prefers) ?? reasonIn(model, a);
  return { ...read, ...(hypothesis ? { hypothesis } : {}) };
}

/** Who speaks for the team: "we", "our devs", "the team". */
const TEAM = [
  "we",
  "our team",
  "the team",
  "our devs",
  "the devs",
  "our developers",
  "everyone",
  "our whole team",
].map((t) => t.split(" "));
/** Words between the team and its verb: "we already have", "our devs are all". */
const TEAM_ADVERBS = new Set("already all really just still only mostly kinda honestly basically".split(" "));
/** Present-tense verbs of what the team is, knows or feels: a stance, not a story ("we used flask once"). */
const STANCE_VERBS = new Set(
  "know knows use uses have has love loves like likes prefer prefers hate hates are is run runs".split(" "),
);

/** Words between a stance's verb and the name: "are all flask people", "have a flask codebase". */
const BETWEEN_STANCE = new Set([...TEAM_ADVERBS, "a", "an", "the", "on", "in", "with", "using", "our"]);
/** Words of leaving a framework: a story of moving off it is no stance for it. */
const LEAVING_WORDS = new Set(
  "away off leaving leave left retire retiring drop dropping ditch ditching replace replacing hurts migrating".split(
    " ",
  ),
);
/**
 * Its reason told first, push-back last: "from an ops pov django is more moving parts, i'd push for
 * flask tbh". The last clause, read alone, prefers the framework that lost and names it; the rest is
 * its reason.
 */
function preferenceLast(model: Model, a: Analysed, context: UnderstandContext): Understanding | undefined {
  const verdict = context.verdict;
  if (!context.hasRecommendation || (verdict !== "flask" && verdict !== "django")) return undefined;
  const last = a.tokens.at(-1)?.clause;
  const from = a.tokens.findIndex((t) => t.clause === last);
  if (from <= 0) return undefined;
  const said = a.tokens
    .slice(from)
    .map((t) => t.typed)
    .join(" ");
  // "i'd never push for flask" prefers nothing.
  if (a.words.slice(from).some((w) => NEGATIONS.has(w))) return undefined;
  if (!frameworksNamed(said.split(" ")).some((n) => n.id !== verdict)) return undefined;
  const read = readMessage(model, said, analyseWith(model, said), context);
  if (read.intent !== "pushback" || read.prefers === verdict || read.unsure) return undefined;
  return pushback(model, a, otherFramework(verdict));
}

/** A remark's and push-back's words of weight: "this feels like overkill", "we're a tiny team". */
const JUDGING_WEIGHT = new Set(
  "overkill heavy heavier heavyweight bloat bloated light lighter lightweight minimal simple simpler complex tiny small batteries".split(
    " ",
  ),
);
/** Whose weight is judged: ours or the thing at hand ("we're a tiny team", not "that's a small change"). */
const OURS_OR_IT = new Set(["we", "were", "our", "us", "it", "its", "this"]);

/**
 * The words from `from` on are about the frameworks: a name (ours or another), a feature, or a judgement
 * of weight said of us or of it.
 */
function aboutTheFrameworks(model: Model, a: Analysed, from: number): boolean {
  const rest = a.tokens.slice(from);
  if (rest.some((t) => isFrameworkName(t.word))) return true;
  const weighed = rest.some(
    (t) => JUDGING_WEIGHT.has(t.word) && rest.some((u) => u.clause === t.clause && OURS_OR_IT.has(u.word)),
  );
  if (weighed) return true;
  if (alternativesNamed(model, a).some((n) => n.at >= from)) return true;
  return aliasHits(model, a).some((h) => h.at.some((at) => at >= from));
}

/** Disagreement opened as one, and what it is with (disagreement.ts); read in a thread only. */
function disagreementIn(model: Model, a: Analysed, context: UnderstandContext): Disagreement | undefined {
  const verdict = context.verdict;
  if (!context.hasRecommendation || (verdict !== "flask" && verdict !== "django")) return undefined;
  return disagreementOpened(a, verdict, (from) => aboutTheFrameworks(model, a, from));
}

/**
 * Push-back preferring `prefers`, its reason read as answers to weigh it by ("nah, flask suits us
 * better, we know flask"): a rule's reading is sure (`common` omitted), a classifier's carries its own.
 */
function pushback(
  model: Model,
  a: Analysed,
  prefers: FrameworkId | undefined,
  common: Pick<Understanding, "score" | "unsure" | "isQuestion" | "runnersUp"> = SURE_STATEMENT,
): Understanding {
  const hypothesis = supposedIn(model, a, undefined, prefers) ?? reasonIn(model, a);
  return {
    intent: "pushback",
    ...common,
    ...(prefers ? { prefers } : {}),
    ...(hypothesis ? { hypothesis } : {}),
  };
}
const SURE_STATEMENT = { score: 1, unsure: false, isQuestion: false, runnersUp: [] };

/**
 * In a thread, the team's present stance against the verdict, told as a fact: "we already have flask in
 * prod", "our devs are all flask people", "the team hates django". Push-back with that fact as its
 * reason; a story ("we used flask at my last job") or a stance for the verdict is a remark.
 */
function toldAgainst(model: Model, a: Analysed, context: UnderstandContext): Understanding | undefined {
  const verdict = context.verdict;
  if (!context.hasRecommendation || (verdict !== "flask" && verdict !== "django")) return undefined;
  const named = frameworksNamed(a.words);
  if (new Set(named.map((n) => n.id)).size !== 1) return undefined;
  const words = a.words;
  const at = (named[0] as { at: number }).at;
  const teamStance = TEAM.some((team) =>
    words.some((_, i) => {
      if (i >= at || !team.every((w, k) => words[i + k] === w)) return false;
      let j = i + team.length;
      while (TEAM_ADVERBS.has(words[j] as string)) j++;
      // Only a few words between the verb and the name ("we already have flask", "our devs are all flask
      // people"), or the name drawn as the conclusion ("we use sqlalchemy everywhere already so flask");
      // "we are moving away from flask" is no stance for it.
      return (
        j < at &&
        STANCE_VERBS.has(words[j] as string) &&
        (words.slice(j + 1, at).every((w) => BETWEEN_STANCE.has(w)) || words[at - 1] === "so")
      );
    }),
  );
  // "we have a flask app we want to retire": leaving it, whatever the stance's words.
  if (words.some((w) => LEAVING_WORDS.has(w))) return undefined;
  const judgedBetter = judged(words, at, BETTER);
  if (!teamStance && !judgedBetter) return undefined;
  // "we have a django meetup tomorrow": the name qualifies another thing (a word no decision question
  // uses); a filler after it ("we already know flask tho", "our devs use flask daily") qualifies nothing.
  const next = a.tokens[at + 1];
  const filler = next !== undefined && FILLERS.has(next.typed);
  if (!judgedBetter && next !== undefined && !next.stop && !filler && !model.decisionStems.has(next.stem))
    return undefined;
  const prefers = preferredFramework(words, undefined);
  if (prefers === undefined || prefers === verdict) return undefined;
  return pushback(model, a, prefers);
}

/** "the recommended way to …", "recommended approach for …", "best practice for …": a how-to. */
function asksRecommendedWay(words: readonly string[], hits: readonly AliasHit[]): boolean {
  return words.some((w, i) => {
    if ((w !== "recommended" && w !== "best") || !HOW_NOUNS.has(words[i + 1] as string)) return false;
    // "django is the recommended approach", "the recommended way to go", "…for our auth-heavy app, flask
    // or django?": the recommendation itself.
    if (words.slice(Math.max(0, i - 3), i).some(isFrameworkName) || words.includes("or")) return false;
    if (words[i + 3] === "go" || words[i + 2] === "forward") return false;
    // The feature named in the how-to itself, before any reason ("because of the admin", "given…").
    const reason = words.findIndex((u, k) => k > i && FOR_WHAT_ENDS.has(u));
    return hits.some((h) => (h.at[0] as number) > i && (reason < 0 || (h.at[0] as number) < reason));
  });
}
/** What a how-to asks for after "recommended": "way", "approach", "setup", "practice". */
const HOW_NOUNS = new Set(
  "way ways approach approaches setup practice practices pattern patterns".split(" "),
);

/** A decision reading without what every reading carries (score, unsure, isQuestion, runners-up). */
type RuledDecision =
  Extract<Understanding, { intent: "decision" }> extends infer D
    ? D extends unknown
      ? Omit<D, "intent" | "score" | "unsure" | "isQuestion" | "runnersUp">
      : never
    : never;

/** What one message means, read once. */
function readMessage(
  model: Understander,
  text: string,
  a: Analysed,
  context: UnderstandContext,
): Understanding {
  const tuning = model.options.tuning;
  const question = isQuestion(a);
  const { alone, voted: kp } = kindReadings(model, a);
  const fp = mixFeatureProbabilities(model, featureProbabilities(model, a), alone);
  const order = ranked(fp);
  // Any reading but a feature offers its runners-up weighed by how much it reads as a feature question
  // at all: probabilities shared out over the features name one even for "anyone up for lunch?".
  const share = featureShare(model, kp);
  const runnersUp = (exclude: readonly number[], weight = share) =>
    a.terms.length === 0
      ? []
      : order
          .filter((i) => !exclude.includes(i))
          .slice(0, MAX_RUNNERS_UP)
          .map((i) => featureScore(model, i, weight * (fp[i] as number)));
  const nothing = (score: number): Understanding => ({
    intent: question ? "unknown" : "chatter",
    score: round(score),
    unsure: true,
    isQuestion: question,
    runnersUp: runnersUp([]),
  });
  // A statement: no answer, whatever it names.
  const remark = (score: number): Understanding => ({
    intent: "chatter",
    score: round(score),
    unsure: false,
    isQuestion: false,
    runnersUp: runnersUp([]),
  });
  // A question about the decision read by rule: sure, and asked.
  const ruled = (reading: RuledDecision): Understanding => ({
    intent: "decision",
    ...reading,
    score: 1,
    unsure: false,
    isQuestion: true,
    runnersUp: [],
  });
  // Framework names alone ask nothing ("flask?"), except both together: "flask or django?" asks the call.
  const both =
    a.words.includes("flask") && a.words.includes("django") && (a.questionMark || a.words.includes("or"));
  if (a.tokens.length === 0 || (a.words.every((w) => FRAMEWORK_ONLY.has(w)) && !both)) return nothing(0);
  // Asked for, or offered ("i can help with this"): a thread answers only what asks, like any help.
  if (isHelpCommand(a.words)) {
    const asks = question && !offersHelp(a.words);
    return { intent: "help", score: 1, unsure: false, isQuestion: asks, runnersUp: [] };
  }

  // "should we deploy on friday?", "should we restart the celery workers?": colleagues' chores in a
  // thread; "who has the replica creds?", anywhere: a question about people; "can someone review my PR?":
  // a request to colleagues (not "can someone give me the tl;dr", the gist); "this sprint or next?", in
  // a thread: when a plan is set, or a colleague addressed by name ("@priya can you…", "Arjun, are
  // you…"); "did the deploy go through?": how a thing in hand went.
  if (
    (context.hasRecommendation && asksForChore(a.words)) ||
    (asksWho(a.words) && !aboutTheApp(a.words) && !a.words.includes("you")) ||
    (asksOfColleagues(a.words, clauseStarts(a)) && !asksForTheGist(a.tokens.map((t) => t.typed))) ||
    (context.hasRecommendation && asksWhichTime(a.words)) ||
    (context.hasRecommendation && addressesSomeoneElse(text, a.tokens[0]?.known === false)) ||
    asksHowItWent(a.words)
  )
    return {
      intent: "unknown",
      score: 1,
      unsure: false,
      isQuestion: question,
      runnersUp: [],
      elsewhere: true,
    };
  // "why?" under a recommendation asks for its reasons, "tl;dr?" for the gist (its typed words: "late" is
  // no typo of "later"): the verdict, which gives both.
  if (
    context.hasRecommendation &&
    (asksWhyAlone(a.words) ||
      ((question || a.words.includes("please")) && asksForTheGist(a.tokens.map((t) => t.typed))))
  )
    return { intent: "decision", topic: "verdict", score: 1, unsure: false, isQuestion: true, runnersUp: [] };
  // "why django for a chat app?", "so why not flask + socketio?": the reasons, or the case against one.
  // "why django and not fastapi?" asks about FastAPI (below).
  // "would flask be better here?" asks the same of the framework named.
  // Not when it names a feature ("would flask be better for websockets?": the feature's comparison) or a
  // condition ("would flask be better if we only need an api?": a what-if).
  const better = () => {
    const framework = asksIfBetter(a.words.slice(afterLeadIns(a.words)));
    if (!framework || a.words.includes("if") || aliasHits(model, a).length > 0) return undefined;
    return { framework, not: false };
  };
  const why = context.hasRecommendation ? (asksWhyFramework(a.tokens) ?? better()) : undefined;
  if (why && alternativeNamed(model, a) === undefined) {
    const reasons = !why.not && why.framework === context.verdict;
    return ruled(
      reasons
        ? { topic: "verdict" }
        : { topic: "why_not", framework: why.framework, ...(why.not ? {} : { asksFor: true }) },
    );
  }
  // "what if it stays tiny?", "suppose we needed websockets": the verdict with those answers instead.
  const supposing = context.hasRecommendation ? afterSupposing(a.words) : -1;
  if (supposing >= 0) {
    const hypothesis = supposedIn(model, a, supposing);
    if (hypothesis) {
      return ruled({ topic: "flip", hypothesis });
    }
  }
  // In words of ours only: "is it a coin flip whether the demo happens friday?" is not.
  const oursOnly = () => !a.terms.some((t) => model.offTopic.has(t.stem) || !t.known);
  // "could it go either way?", "how much should we trust this pick?": how sure it is.
  if (context.hasRecommendation && question && asksHowClose(a.words) && oursOnly())
    return ruled({ topic: "confidence" });
  // "would that flip it?", "what would make you recommend flask instead": what would change it.
  if (context.hasRecommendation && asksWhatWouldFlip(a.words)) {
    const condition = a.words.indexOf("if");
    const hypothesis = condition >= 0 ? supposedIn(model, a, condition + 1) : undefined;
    return ruled({ topic: "flip", ...(hypothesis ? { hypothesis } : {}) });
  }
  // "is django overkill for this?", "what's wrong with flask for us?": the case against it answers.
  const asked = a.words.slice(afterLeadIns(a.words));
  const tooMuch = context.hasRecommendation
    ? (asksTooMuch(asked) ?? (question ? asksWhatsAgainst(asked, context.verdict) : undefined))
    : undefined;
  if (tooMuch) {
    return ruled({ topic: "why_not", framework: tooMuch });
  }
  // "alternatives to django?": the alternatives the recommendation's caveats name.
  if (context.hasRecommendation && asksForAlternativesTo(a.words)) {
    return ruled({ topic: "alternative" });
  }
  // "any drawbacks?" under a recommendation asks the case against it.
  if (context.hasRecommendation && asksOnlyCaseAgainst(a.terms.map((t) => t.word))) {
    const framework = caseAgainstFramework(a.words, context.verdict);
    return ruled({ topic: "why_not", ...(framework ? { framework } : {}) });
  }

  const hits = model.options.aliasesDecide ? aliasHits(model, a) : [];
  const namedWords = new Set(hits.flatMap((h) => h.all));
  const domain = hits.length > 0 || a.terms.some((t) => isDomain(model, t));
  const parts = partsOfMessage(a, tuning);
  // Read on first use: only an alternative reading asks for it.
  let detailed: { id: string | undefined } | undefined;
  const detail = () => {
    detailed ??= { id: featureOfDetail(model, text) };
    return detailed.id;
  };
  const read = kindOf(model, a, kp, {
    domain,
    hits,
    asks: asksPlainly(a),
    text,
    inThread: context.hasRecommendation === true,
    featureSure: Math.max(...fp),
    detail,
    parts: tuning.sceneWords > 0 ? parts : undefined,
  });
  // The downsides of a feature are a question about the feature ("what are the security risks of the
  // admin?"); of a framework, the case against it (below). The recommended way to do a feature's work is a
  // how-to ("what's the recommended way to run django on k8s?"), not the recommendation.
  const kind =
    read.label.startsWith(DECISION) &&
    hits.length > 0 &&
    (asksCaseAgainst(a.words) || asksRecommendedWay(a.words, hits))
      ? { ...read, label: ANY_FEATURE }
      : read;

  if (kind.label === ANY_FEATURE) {
    // An alias or code word decides ("what about caching?" reads like "what about FastAPI?").
    if (kind.p < tuning.cutoff && hits.length === 0) return nothing(kind.p);
    // A statement that names a feature ("I used the admin at my last job") is chatter, not a question,
    // when the kind classifier too sees some chatter in it ("admin panel for staff" is a question).
    if (!question && kind.chatter >= tuning.chatter) return remark(kind.chatter);
    // An alias in a part that sets the scene ("we're on postgres, …") does not name the feature asked:
    // another part's alias does, or else the classifiers' reading of the whole message.
    const inScene = (h: AliasHit) => tuning.sceneParts > 0 && parts.scene.has(h.segment);
    const asking = hits.filter((h) => !inScene(h));
    const deciding = asking.length > 0 || tuning.sceneClassify > 0 ? asking : hits;
    const hit = deciding.map((h) => model.featureIds.indexOf(h.featureId));
    const best = order[0] as number;
    // An alias decides, unless both classifiers together read another feature all but surely
    // ("db tables from python classes" names the database but asks about the ORM), or all but rule out
    // the alias's feature and read another fairly well.
    const read =
      hit.length > 0 &&
      !((fp[best] as number) >= tuning.aliasOverrule && !hit.includes(best)) &&
      !(
        hit.every((i) => (fp[i] as number) < tuning.aliasUnlikely) &&
        (fp[best] as number) >= tuning.aliasUnlikelyOverrule
      )
        ? hit.reduce((x, y) => ((fp[y] as number) > (fp[x] as number) ? y : x))
        : best;
    const partReadings = new Map<number, number>();
    let asked = featuresAsked(model, a, read, hits, fp, parts, partReadings);
    // A feature named only where the message sets the scene gives way to one that a part asking adds:
    // "we're on mysql, how do migrations work" asks about the ORM, "the admin screens look great, but
    // … how do we restrict that per group" about permissions.
    const named = hits.filter((h) => h.featureId === model.featureIds[read]);
    const giver = asked.find((i) => i !== read && partReadings.has(i));
    if (tuning.sceneYields > 0 && giver !== undefined && named.length > 0 && named.every(inScene))
      asked = [giver, ...asked.filter((i) => i !== read && i !== giver)];
    const first = asked[0] as number;
    // How much of the message the reading accounts for: all of it when an alias covers every topic
    // word as typed ("caching" 1); less for a typo ("cahcing"), a guess, or words left over.
    const firstHit = hits.find((h) => h.featureId === model.featureIds[first]);
    const weightOf = (t: Analysed["terms"][number]) => t.weight;
    const topical = a.terms.filter((t) => isDomain(model, t));
    const least = topical.length > 0 ? Math.min(...topical.map(weightOf)) : 1;
    // Grammar words say nothing of what is asked: "do both have built-in csrf?" is all csrf.
    const covered = firstHit
      ? a.terms.filter((t) => firstHit.at.includes(t.at)).reduce((s, t) => s + t.weight, 0) /
        Math.max(1, a.terms.filter((t) => !GRAMMAR_WORDS.has(t.word)).length)
      : 0;
    const score = Math.max(covered, (fp[first] as number) * least, partReadings.get(first) ?? 0);
    // A guess with no alias behind it is not an answer: "did you mean" buttons are (runnersUp).
    // …unless the kind classifier is sure it asks about a feature: then the best reading, flagged unsure.
    const guess = kind.p >= tuning.kindSure ? tuning.guessSure : tuning.guess;
    if (score < guess && !firstHit) return nothing(score);
    const firstId = model.featureIds[first] as string;
    const myth = findMyth(model, a, firstId);
    return {
      intent: "feature",
      score: round(score),
      // Unsure when the feature is a guess, or when no alias names it and it is not clear that a
      // feature is asked at all ("what about the page stuff?" reads as templates at 0.38;
      // "what about async?" names its feature).
      unsure: score < tuning.sure || (kind.p < tuning.sure && !firstHit),
      isQuestion: question,
      features: asked.map((i) => featureScore(model, i, fp[i] as number)),
      runnersUp: runnersUp(asked, 1),
      ...(myth ? { myth } : {}),
    };
  }
  if (kind.p < tuning.cutoffOther) return nothing(kind.p);
  const common = { score: round(kind.p), unsure: kind.p < tuning.sure, isQuestion: question };
  // In a thread, a remark worded like a decision question asks nothing: "that's why we went with django".
  // Elsewhere a statement may describe the project for a quick take ("we're building a small shop").
  if (kind.label.startsWith(DECISION) && !question && context.hasRecommendation) return remark(kind.p);
  if (kind.label.startsWith(DECISION)) {
    const topic = kind.label.slice(DECISION.length) as Topic;
    const base = { intent: "decision" as const, ...common, runnersUp: runnersUp([]) };
    // "why not laravel, it has everything django has": another framework suggested, whatever the topic.
    const suggested = topic !== "alternative" ? alternativeSuggested(model, a) : undefined;
    // "are you going with express for the side project?": suggested, but for another project.
    if (suggested && othersOwnBusiness(model, a, text)) return nothing(kind.p);
    if (suggested) return { ...base, topic: "alternative", alternative: suggested };
    switch (topic) {
      case "verdict": {
        // "should I rebase my flask branch?" is a colleague's question, not one about the pick.
        if (context.hasRecommendation && asksToDoSomethingElse(a.words, namedWords)) return nothing(kind.p);
        // "is fastapi a better option than flask or django?" asks about FastAPI, unless it describes a
        // project outside a thread: then the quick take, which can open the questions, answers better.
        const alternative = alternativeOffered(model, a);
        const instead = alternative ? { ...base, topic: "alternative" as const, alternative } : undefined;
        // "what are the downsides of django for us?" asks for the case against it, not for its reasons.
        if (context.hasRecommendation && !instead && asksCaseAgainst(a.words)) {
          const framework = caseAgainstFramework(a.words, context.verdict);
          return { ...base, topic: "why_not" as const, ...(framework ? { framework } : {}) };
        }
        if (context.hasRecommendation) return instead ?? { ...base, topic };
        const needs = needsIn(model, text, a);
        const take = quickTake(model, stripSlackMarkup(text), a, needs);
        if (!take && instead) return instead;
        return { ...base, topic, ...(take ? { quickTake: take } : {}) };
      }
      case "why_not": {
        const framework = asksCaseAgainst(a.words)
          ? caseAgainstFramework(a.words, context.verdict)
          : questionedFramework(a.words, context.verdict);
        // "why django?" under a Django verdict asks for its reasons, not for the case against it.
        if (
          framework !== undefined &&
          framework === context.verdict &&
          !namedAgainst(a.words) &&
          !asksCaseAgainst(a.words)
        )
          return { ...base, topic: "verdict" };
        return { ...base, topic, ...(framework ? { framework } : {}) };
      }
      case "alternative": {
        const alternative = alternativeNamed(model, a);
        // "what about rate limiting the api?" names no alternative but a detail of a feature.
        const detailed = alternative ? undefined : detail();
        if (detailed !== undefined) {
          const i = model.featureIds.indexOf(detailed);
          return {
            intent: "feature",
            ...common,
            unsure: false,
            features: [featureScore(model, i, 1)],
            runnersUp: runnersUp([i], 1),
          };
        }
        return { ...base, topic, ...(alternative ? { alternative } : {}) };
      }
      default:
        return { ...base, topic };
    }
  }
  if (kind.label === "pushback") {
    const fallback =
      context.verdict === "flask" ? "django" : context.verdict === "django" ? "flask" : undefined;
    const prefers = preferredFramework(a.words, fallback);
    // "welp, django it is" under a Django verdict goes along with it: a remark, not push-back
    // ("django?? really??" still asks).
    if (
      prefers !== undefined &&
      prefers === context.verdict &&
      !asksPlainly(a) &&
      !a.words.some((w) => DOUBT.has(w))
    )
      return { intent: "chatter", ...common, isQuestion: false, unsure: false, runnersUp: runnersUp([]) };
    return pushback(model, a, prefers, { ...common, runnersUp: runnersUp([]) });
  }
  const intent = kind.label as "help" | "thanks" | "chatter" | "unknown";
  return { intent, ...common, runnersUp: runnersUp([]), ...(kind.elsewhere ? { elsewhere: true } : {}) };
}

/**
 * What a message means: a question about features, about the decision, a request for help, thanks,
 * chatter, disagreement, or something we cannot answer. Pure; never throws; anything that is not a
 * string reads as an empty message.
 */
export function understand(
  knowledge: Knowledge,
  text: unknown,
  context: UnderstandContext = {},
): Understanding {
  return understandWith(understanderFor(knowledge), text, context);
}

/** Needs named in free text (the form's notes), negations respected: "no admin" names none. */
export function findNeedsInText(text: string, knowledge: Knowledge): string[] {
  return needsIn(understanderFor(knowledge), typeof text === "string" ? text : "");
}
