import type { Knowledge } from "../knowledge.js";
import { stripSlackMarkup } from "../text.js";
import type { Analysed } from "./analyse.js";
import { preferredFramework, questionedFramework } from "./frameworks.js";
import { findMyth } from "./myths.js";
import { needsIn } from "./needs.js";
import { DEFAULT_OPTIONS, type PipelineOptions } from "./options.js";
import { isQuestion } from "./question.js";
import { quickTake } from "./quick-take.js";
import {
  analyseFor,
  buildRetrieval,
  type Holdout,
  type LabelScore,
  type Retrieval,
  rankLabels,
} from "./retrieval.js";
import type { FeatureScore, DecisionTopic as Topic, UnderstandContext, Understanding } from "./types.js";

/** A knowledge base with its index built: what `understand` needs, made once per knowledge base. */
export interface Understander {
  knowledge: Knowledge;
  /** Every example, function words kept: what kind of message it is. */
  intents: Retrieval;
  /** Features only, function words dropped: which feature (the same index when not two-stage). */
  features: Retrieval;
}

const FEATURE = "feature:";
const DECISION = "decision:";
const MAX_RUNNERS_UP = 3;

const built = new WeakMap<Knowledge, Understander>();

/** The index for this knowledge base, built on first use (about 30 ms) and kept. */
export function understanderFor(knowledge: Knowledge): Understander {
  let u = built.get(knowledge);
  if (!u) {
    u = buildUnderstander(knowledge);
    built.set(knowledge, u);
  }
  return u;
}

/** Builds an index with other choices, or without some examples (to measure; see scripts/eval.ts). */
export function buildUnderstander(
  knowledge: Knowledge,
  options: PipelineOptions = DEFAULT_OPTIONS,
  holdout?: Holdout,
): Understander {
  const intents = buildRetrieval(knowledge, options, holdout);
  const features = options.twoStage
    ? buildRetrieval(knowledge, { ...options, dropStopwords: true }, holdout, true)
    : intents;
  return { knowledge, intents, features };
}

const round = (n: number) => Math.round(Math.min(1, n) * 100) / 100;

function featureScore(knowledge: Knowledge, s: LabelScore): FeatureScore {
  const featureId = s.label.slice(FEATURE.length);
  return {
    featureId,
    title: knowledge.featureById.get(featureId)?.title ?? featureId,
    score: round(s.coverage),
  };
}

/**
 * Every feature the message asks about: the best one, and for "admin and auth?" or "caching, celery
 * and i18n" each other part of the message that on its own reads surely as another feature.
 */
function featuresAsked(
  u: Understander,
  analysed: Analysed,
  ranking: LabelScore[],
  top: LabelScore,
): LabelScore[] {
  const tuning = u.features.options.tuning;
  const asked = [top];
  const segments = new Set(analysed.terms.map((t) => t.segment));
  if (segments.size < 2) return asked;
  for (const segment of segments) {
    const [best] = rankLabels(u.features, analysed, (t) => t.segment === segment);
    if (!best?.label.startsWith(FEATURE) || asked.some((a) => a.label === best.label)) continue;
    if (best.coverage >= tuning.alsoAsked && best.evidence >= tuning.minEvidence) {
      asked.push(ranking.find((r) => r.label === best.label) ?? best);
    }
  }
  return asked;
}

function alternativeNamed(u: Understander, words: readonly string[]): string | undefined {
  const text = ` ${words.join(" ")} `;
  for (const alt of u.knowledge.examples.alternatives) {
    if (alt.words.some((w) => text.includes(` ${w.toLowerCase()} `))) return alt.name;
  }
  return undefined;
}

/** Framework names alone ("flask?", "django vs flask") ask nothing we can answer. */
const FRAMEWORK_WORDS = new Set(["flask", "django", "python", "vs", "versus", "or", "and"]);

/** Reads a message with a built index; `understand` is this with the index built once per knowledge base. */
export function understandWith(
  u: Understander,
  input: unknown,
  context: UnderstandContext = {},
): Understanding {
  const text = typeof input === "string" ? input : "";
  const tuning = u.intents.options.tuning;
  const analysed = analyseFor(u.intents, text);
  const question = isQuestion(analysed);
  const topical = u.features === u.intents ? analysed : analyseFor(u.features, text);
  const ranking = rankLabels(u.intents, analysed);
  const features = rankLabels(u.features, topical, undefined, (l) => l.startsWith(FEATURE));
  const runnersUp = (exclude: readonly string[]) =>
    features
      .filter((f) => !exclude.includes(f.label))
      .slice(0, MAX_RUNNERS_UP)
      .map((f) => featureScore(u.knowledge, f));
  const [kind] = ranking;
  const [feature] = features;
  // A feature that accounts for every topical word clearly beats a reading carried by function
  // words ("what about i18n" is not "what about FastAPI").
  const featureWins =
    feature !== undefined &&
    (kind?.label.startsWith(FEATURE) === true ||
      (feature.coverage >= tuning.sure && feature.coverage >= (kind?.coverage ?? 0) + tuning.featureLead));
  // For a feature, how sure we are is how much of the topical words the feature accounts for.
  const top = featureWins ? feature : kind;
  const onlyFrameworks = analysed.words.every((w) => FRAMEWORK_WORDS.has(w));
  if (!top || onlyFrameworks || top.coverage < tuning.cutoff || top.evidence < tuning.minEvidence) {
    return {
      intent: question ? "unknown" : "chatter",
      score: round(top?.coverage ?? 0),
      unsure: true,
      isQuestion: question,
      runnersUp: runnersUp([]),
    };
  }
  const second = featureWins ? features[1] : ranking[1];
  const unsure =
    top.coverage < tuning.sure || (second !== undefined && second.score >= tuning.close * top.score);
  const common = { score: round(top.coverage), unsure, isQuestion: question };

  if (top.label.startsWith(FEATURE)) {
    // A statement that names a feature ("I used the admin at my last job") is chatter, not a question.
    if (!question) return { intent: "chatter", ...common, runnersUp: runnersUp([]) };
    const asked = featuresAsked(u, topical, features, top);
    const labels = asked.map((a) => a.label);
    const first = asked[0]?.label.slice(FEATURE.length) as string;
    const myth = findMyth(u.knowledge, u.features, topical, first);
    return {
      intent: "feature",
      ...common,
      features: asked.map((a) => featureScore(u.knowledge, a)),
      runnersUp: runnersUp(labels),
      ...(myth ? { myth } : {}),
    };
  }
  if (top.label.startsWith(DECISION)) {
    const topic = top.label.slice(DECISION.length) as Topic;
    const base = { intent: "decision" as const, ...common, runnersUp: runnersUp([]) };
    switch (topic) {
      case "verdict": {
        if (context.hasRecommendation) return { ...base, topic };
        const needs = needsIn(u.knowledge, u.features, text, topical);
        const take = quickTake(u.knowledge, u.features, stripSlackMarkup(text), topical, needs);
        return { ...base, topic, ...(take ? { quickTake: take } : {}) };
      }
      case "why_not": {
        const framework = questionedFramework(analysed.words, context.verdict);
        return { ...base, topic, ...(framework ? { framework } : {}) };
      }
      case "alternative": {
        const alternative = alternativeNamed(u, analysed.words);
        return { ...base, topic, ...(alternative ? { alternative } : {}) };
      }
      default:
        return { ...base, topic };
    }
  }
  if (top.label === "pushback") {
    const fallback =
      context.verdict === "flask" ? "django" : context.verdict === "django" ? "flask" : undefined;
    const prefers = preferredFramework(analysed.words, fallback);
    return { intent: "pushback", ...common, runnersUp: runnersUp([]), ...(prefers ? { prefers } : {}) };
  }
  const intent = top.label as "help" | "thanks" | "chatter" | "unknown";
  return { intent, ...common, runnersUp: runnersUp([]) };
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
  const u = understanderFor(knowledge);
  return needsIn(knowledge, u.features, typeof text === "string" ? text : "");
}
