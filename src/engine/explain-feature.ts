import { getKnowledge, type Knowledge } from "./knowledge.js";
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

function forProject(k: Knowledge, feature: Feature, profile: ProjectProfile): string {
  const flask = supportWords(feature.flask.support);
  const django = supportWords(feature.django.support);
  if (feature.need && profile.needs.includes(feature.id)) {
    return `You said you need ${feature.need.phrase}: in Flask that is ${flask}, in Django ${django}. ${feature.verdict.text}`;
  }
  if (feature.need) {
    return `You did not list ${feature.need.phrase} as a need, so this did not weigh in your recommendation.`;
  }
  if (feature.id === "databases") {
    const q = k.singleQuestions.find((x) => x.id === "database");
    const db = q?.options.find((o) => o.value === profile.answers.database)?.label;
    if (db) return `You said you use ${db}. ${feature.verdict.text}`;
  }
  const size = k.singleQuestions
    .find((x) => x.id === "size")
    ?.options.find((o) => o.value === profile.answers.size);
  return size
    ? `For your project (${size.label.toLowerCase()}): ${feature.verdict.text}`
    : feature.verdict.text;
}

/** The side-by-side answer for one feature, or undefined for an unknown id. */
export function explainFeature(
  featureId: string,
  profile?: ProjectProfile,
  k: Knowledge = getKnowledge(),
): FeatureExplanation | undefined {
  const feature = k.featureById.get(featureId);
  if (!feature) return undefined;
  const side = (id: "flask" | "django"): FrameworkAnswer => ({
    name: k.meta.frameworks[id].name,
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
    ...(profile ? { forProject: forProject(k, feature, profile) } : {}),
    myths: feature.myths,
    knowledgeVersion: k.meta.knowledgeVersion,
  };
}
