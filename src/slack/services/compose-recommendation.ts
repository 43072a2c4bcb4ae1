import {
  type Knowledge,
  type ProjectProfile,
  type Recommendation,
  recommendProfile,
} from "../../engine/index.js";
import { notificationText, recommendationBlocks } from "../blocks/recommendation.js";
import {
  encodeAnswers,
  type RecommendationPayload,
  recommendationMetadata,
  recommendationPayload,
} from "./codecs.js";
import type { OutgoingMessage } from "./delivery.js";

/** The whole recommendation message (text, blocks, metadata) for a profile, its payload and the engine's result. */
export function recommendationMessage(
  knowledge: Knowledge,
  profile: ProjectProfile,
  askedBy: string,
  editedBy?: string,
): { message: OutgoingMessage; payload: RecommendationPayload; rec: Recommendation } {
  const rec = recommendProfile(profile, knowledge);
  const payload = recommendationPayload(rec, askedBy);
  return {
    rec,
    payload,
    message: {
      text: notificationText(knowledge, rec, askedBy),
      blocks: recommendationBlocks({
        knowledge,
        rec,
        askedBy,
        editValue: encodeAnswers(rec.profile, askedBy),
        ...(editedBy ? { editedBy } : {}),
      }),
      metadata: recommendationMetadata(payload),
    },
  };
}
