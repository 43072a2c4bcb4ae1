import { directAnswer } from "./direct-answer.js";
import { answerSources } from "./explanation.js";
import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import type { AddOn, Feature, FrameworkId, Myth, Provenance } from "./knowledge-schema.js";
import type { ProjectProfile } from "./profile.js";
import { kindWords, provenanceLabel } from "./provenance.js";

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
  /** Lower-case words that name this feature (title, id and aliases): what a question about it may say. */
  topicWords: string[];
  knowledgeVersion: string;
}

export interface ExplainOptions {
  /** The question as asked: a yes/no question about one framework gets a `direct` answer. */
  question?: string;
}

/** What the feature's verdict does to this project's recommendation, without repeating the verdict. */
function weight(knowledge: Knowledge, winner: Feature["verdict"]["winner"]): string {
  if (winner === "flask" || winner === "django")
    return `It counts for ${knowledge.meta.frameworks[winner].name} in your recommendation.`;
  if (winner === "tie") return "Both serve it well, so it does not tip your recommendation.";
  return "Which serves it better depends on the details in the verdict.";
}

function sides(feature: Feature): string {
  const say = (id: FrameworkId) => kindWords(feature[id].provenance);
  return `in Flask that is ${say("flask")}, in Django ${say("django")}`;
}

/** Something specific about this project, or nothing: no boilerplate for topics it did not weigh. */
function forProject(knowledge: Knowledge, feature: Feature, profile: ProjectProfile): string | undefined {
  if (feature.need) {
    const { phrase, criterion } = feature.need;
    const notesNeeds = findNeedsInText(profile.notes, knowledge);
    const then = `${sides(feature)}. ${weight(knowledge, feature.verdict.winner)}`;
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

function topicWordsOf(feature: Feature): string[] {
  const words = new Set<string>();
  for (const text of [feature.title, feature.id.replace(/_/g, " "), ...feature.aliases]) {
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
    topicWords: topicWordsOf(feature),
    knowledgeVersion: knowledge.meta.knowledgeVersion,
  };
  const project = profile ? forProject(knowledge, feature, profile) : undefined;
  if (project) explanation.forProject = project;
  const direct = options.question ? directAnswer(explanation, options.question) : undefined;
  if (direct) explanation.direct = direct;
  return explanation;
}
