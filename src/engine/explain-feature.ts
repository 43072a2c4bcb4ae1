import { detailAsked } from "./detail-asked.js";
import { directAnswer } from "./direct-answer.js";
import { answerSources } from "./explanation.js";
import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import type {
  AddOn,
  Detail,
  Feature,
  FrameworkId,
  FrameworkSide,
  Myth,
  Provenance,
} from "./knowledge-schema.js";
import type { ProjectProfile } from "./profile.js";
import { kindWords, provenanceLabel } from "./provenance.js";
import { inWords } from "./text.js";

export interface FrameworkAnswer {
  /** "Flask", "Django". */
  name: string;
  how: string;
  /** Where the capability comes from: built in (modules), an extension or third-party packages, or a quality. */
  provenance: Provenance;
  /** Parts that come from separate packages, each saying what it is for. */
  addOns: AddOn[];
  /** The provenance in words, e.g. "third-party package (Celery)"; empty for a quality. */
  label: string;
  /** The framework's own documentation page for this feature. */
  docs: string;
  /** Further official pages backing claims in `how`. */
  more: Array<{ title: string; url: string }>;
}

export interface FeatureExplanation {
  featureId: string;
  title: string;
  flask: FrameworkAnswer;
  django: FrameworkAnswer;
  verdict: Feature["verdict"];
  /**
   * The answer to a yes/no question about one framework, said first ("Yes, with Channels, an
   * official Django package, installed separately."). Only when a question was given and it is one.
   */
  direct?: string;
  /** What it means for this project, when a profile is given and there is something specific to say. */
  forProject?: string;
  myths: Myth[];
  /** The part of the feature the question names, when the feature's own answer does not cover it (rate limiting). */
  detail?: Detail;
  /** Lower-case words that name this feature (title, id and aliases): what a question about it may say. */
  topicWords: string[];
  /** The feature's aliases as the knowledge base spells them ("mysql", "sql server"). */
  aliases: readonly string[];
  knowledgeVersion: string;
}

export interface ExplainOptions {
  /** The question as asked: a yes/no question about one framework gets a `direct` answer. */
  question?: string;
}

/** Below this difference of fit a need tips the recommendation only a little. */
const SLIGHT = 0.1;

/**
 * What the need does to this project's recommendation: what its criterion's fits say, as the score
 * counts them (the feature's own verdict may weigh other things: serving a model is a tie as a
 * feature, but a small footprint, which Flask fits better, as a need).
 */
function weight(knowledge: Knowledge, criterionId: string): string {
  const criterion = knowledge.criteria.find((c) => c.id === criterionId);
  const delta = criterion ? criterion.fit.django - criterion.fit.flask : 0;
  if (delta === 0) return "Both fit it equally, so it does not tip your recommendation.";
  const toward = knowledge.meta.frameworks[delta > 0 ? "django" : "flask"].name;
  return `It counts${Math.abs(delta) < SLIGHT ? " a little" : ""} for ${toward} in your recommendation.`;
}

/** Where one framework's support comes from, add-ons included: "built in, with add-ons for CSRF protection". */
function sourceWords(side: FrameworkSide): string {
  const main = kindWords(side.provenance);
  if (side.addOns.length === 0) return main;
  const extra = `add-ons for ${inWords(side.addOns.map((a) => a.for))}`;
  return main === "" ? extra : `${main}, with ${extra}`;
}

/** "in Flask that is …; in Django …"; nothing when either is no matter of packages (a quality). */
function sides(feature: Feature): string | undefined {
  const say = (id: FrameworkId) => sourceWords(feature[id]);
  if (say("flask") === "" || say("django") === "") return undefined;
  return `in Flask that is ${say("flask")}; in Django ${say("django")}`;
}

/** Something specific about this project, or nothing: no boilerplate for topics it did not weigh. */
function forProject(knowledge: Knowledge, feature: Feature, profile: ProjectProfile): string | undefined {
  if (feature.need) {
    const { phrase, criterion } = feature.need;
    const notesNeeds = findNeedsInText(profile.notes, knowledge);
    const how = sides(feature);
    const counts = weight(knowledge, criterion);
    const then = how ? `${how}. ${counts}` : `${counts.charAt(0).toLowerCase()}${counts.slice(1)}`;
    if (profile.needs.includes(feature.id)) return `You said you need ${phrase}: ${then}`;
    if (notesNeeds.includes(feature.id)) return `Your notes mention ${phrase}: ${then}`;
    const because = answerSources(knowledge, profile, notesNeeds).get(criterion) ?? [];
    if (because.length > 0) return `Your answers make this matter (${because.join("; ")}): ${then}`;
    return undefined;
  }
  // A question about this feature (database → databases) answers for the project in its own words.
  for (const q of knowledge.singleQuestions) {
    if (q.feature !== feature.id) continue;
    const note = q.options.find((o) => o.value === profile.answers[q.id])?.note;
    if (note) return note;
  }
  return undefined;
}

function wordsOf(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const w of text.toLowerCase().split(/[^a-z0-9]+/)) if (w !== "") words.add(w);
  }
  return [...words];
}

/** The side-by-side answer for one feature, or undefined for an unknown id. */
export function explainFeature(
  featureId: string,
  profile: ProjectProfile | undefined,
  knowledge: Knowledge,
  options: ExplainOptions = {},
): FeatureExplanation | undefined {
  const feature = knowledge.featureById.get(featureId);
  if (!feature) return undefined;
  const side = (id: FrameworkId): FrameworkAnswer => ({
    name: knowledge.meta.frameworks[id].name,
    how: feature[id].how,
    provenance: feature[id].provenance,
    addOns: feature[id].addOns,
    label: provenanceLabel(feature[id]),
    docs: feature[id].docs,
    more: feature[id].more,
  });
  const explanation: FeatureExplanation = {
    featureId: feature.id,
    title: feature.title,
    flask: side("flask"),
    django: side("django"),
    verdict: feature.verdict,
    myths: feature.myths,
    topicWords: wordsOf([feature.title, feature.id.replace(/_/g, " "), ...feature.aliases]),
    aliases: feature.aliases,
    knowledgeVersion: knowledge.meta.knowledgeVersion,
  };
  const project = profile ? forProject(knowledge, feature, profile) : undefined;
  if (project) explanation.forProject = project;
  const direct = options.question ? directAnswer(explanation, options.question) : undefined;
  if (direct) explanation.direct = direct;
  const detail = options.question ? detailAsked(feature, options.question) : undefined;
  if (detail) explanation.detail = detail;
  return explanation;
}
