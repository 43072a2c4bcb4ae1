import { answerSources } from "./explanation.js";
import { findNeedsInText } from "./feature-matcher.js";
import type { Knowledge } from "./knowledge.js";
import type { Feature, Myth } from "./knowledge-schema.js";
import type { ProjectProfile } from "./profile.js";

export interface FrameworkAnswer {
  name: string;
  how: string;
  support: Feature["flask"]["support"];
  packages: string[];
  docs: string;
}

export interface FeatureExplanation {
  featureId: string;
  title: string;
  flask: FrameworkAnswer;
  django: FrameworkAnswer;
  verdict: Feature["verdict"];
  /** What it means for this project, when a profile is given ("You said you need …"). */
  forProject?: string;
  myths: Myth[];
  knowledgeVersion: string;
}

const SUPPORT_WORDS: Record<FrameworkAnswer["support"], string> = {
  built_in: "built in",
  extension: "an extension",
  third_party: "a third-party package",
  none: "not provided",
};

export function supportWords(support: FrameworkAnswer["support"]): string {
  return SUPPORT_WORDS[support];
}

/** What the feature's verdict does to this project's recommendation, without repeating the verdict. */
function weight(knowledge: Knowledge, winner: Feature["verdict"]["winner"]): string {
  if (winner === "flask" || winner === "django")
    return `It counts for ${knowledge.meta.frameworks[winner].name} in your recommendation.`;
  if (winner === "tie") return "Both serve it well, so it does not tip your recommendation.";
  return "Which serves it better depends on the details in the verdict.";
}

function forProject(knowledge: Knowledge, feature: Feature, profile: ProjectProfile): string {
  const sides = `in Flask that is ${supportWords(feature.flask.support)}, in Django ${supportWords(feature.django.support)}`;
  if (feature.need) {
    const { phrase, criterion } = feature.need;
    const notesNeeds = findNeedsInText(profile.notes, knowledge);
    if (profile.needs.includes(feature.id))
      return `You said you need ${phrase}: ${sides}. ${weight(knowledge, feature.verdict.winner)}`;
    if (notesNeeds.includes(feature.id))
      return `Your notes mention ${phrase}: ${sides}. ${weight(knowledge, feature.verdict.winner)}`;
    const because = answerSources(knowledge, profile, notesNeeds).get(criterion) ?? [];
    if (because.length > 0) {
      return `Your answers make this matter (${because.join("; ")}): ${sides}. ${weight(knowledge, feature.verdict.winner)}`;
    }
    return `You did not list ${phrase} as a need, so this did not weigh in your recommendation.`;
  }
  // A question about this feature (database → databases) answers for the project in its own words.
  for (const q of knowledge.singleQuestions) {
    if (q.feature !== feature.id) continue;
    const note = q.options.find((o) => o.value === profile.answers[q.id])?.note;
    if (note) return note;
  }
  return "This is not one of the things your recommendation weighed; the verdict holds for most projects.";
}

/** The side-by-side answer for one feature, or undefined for an unknown id. */
export function explainFeature(
  featureId: string,
  profile: ProjectProfile | undefined,
  knowledge: Knowledge,
): FeatureExplanation | undefined {
  const feature = knowledge.featureById.get(featureId);
  if (!feature) return undefined;
  const side = (id: "flask" | "django"): FrameworkAnswer => ({
    name: knowledge.meta.frameworks[id].name,
    how: feature[id].how,
    support: feature[id].support,
    packages: feature[id].packages,
    docs: feature[id].docs,
  });
  return {
    featureId: feature.id,
    title: feature.title,
    flask: side("flask"),
    django: side("django"),
    verdict: feature.verdict,
    ...(profile ? { forProject: forProject(knowledge, feature, profile) } : {}),
    myths: feature.myths,
    knowledgeVersion: knowledge.meta.knowledgeVersion,
  };
}
