import type { Knowledge } from "./knowledge.js";
import { findNeedsInText, understand } from "./understand/index.js";
import type { FeatureScore, MythHit } from "./understand/types.js";

export type { FeatureScore, MythHit };
export { findNeedsInText };

export type FeatureMatch =
  | (FeatureScore & {
      kind: "match";
      /** The best other features, best first (at most 3). */
      runnersUp: FeatureScore[];
      /** Other features the question names too ("admin and auth?"). */
      alsoAsked: FeatureScore[];
      /** Set when the question is about one of the article's myths. */
      myth?: MythHit;
    })
  | { kind: "unknown"; suggestions: FeatureScore[] };

/**
 * The feature a question is about, for callers that only answer features: `understand` read as a
 * feature question. Anything else it understands (a decision question, thanks) is "unknown" here.
 */
export function matchFeature(text: unknown, knowledge: Knowledge): FeatureMatch {
  const u = understand(knowledge, text);
  if (u.intent !== "feature") return { kind: "unknown", suggestions: u.runnersUp };
  const [best, ...also] = u.features as [FeatureScore, ...FeatureScore[]];
  return {
    kind: "match",
    ...best,
    runnersUp: u.runnersUp,
    alsoAsked: also,
    ...(u.myth ? { myth: u.myth } : {}),
  };
}
