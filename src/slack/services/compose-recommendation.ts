import {
  type Knowledge,
  type ProjectProfile,
  type Recommendation,
  recommendProfile,
} from "../../engine/index.js";
import { notificationText, recommendationBlocks } from "../blocks/recommendation.js";
import type { TeamModel } from "../blocks/team-section.js";
import {
  encodeAnswers,
  type RecommendationPayload,
  recommendationMetadata,
  recommendationPayload,
} from "./codecs.js";
import type { OutgoingMessage } from "./delivery.js";

/**
 * The whole recommendation message (text, blocks, metadata) for a profile, its payload and the engine's
 * result. `team` adds the team's part (status, views, votes, their buttons); `rec`, when the caller has
 * it already, saves recomputing it.
 */
export function recommendationMessage(
  knowledge: Knowledge,
  profile: ProjectProfile,
  askedBy: string,
  editedBy?: string,
  team?: TeamModel,
  made?: Recommendation,
): { message: OutgoingMessage; payload: RecommendationPayload; rec: Recommendation } {
  const rec = made ?? recommendProfile(profile, knowledge);
  const payload = recommendationPayload(rec, askedBy);
  return {
    rec,
    payload,
    message: {
      text: notificationText(knowledge, rec, askedBy, team?.status),
      blocks: recommendationBlocks({
        knowledge,
        rec,
        askedBy,
        editValue: encodeAnswers(rec.profile, askedBy),
        ...(editedBy ? { editedBy } : {}),
        ...(team ? { team } : {}),
      }),
      metadata: recommendationMetadata(payload),
    },
  };
}
