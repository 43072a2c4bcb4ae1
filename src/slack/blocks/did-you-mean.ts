import type { FeatureScore } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { inertText, truncate } from "./text.js";

/** When the reading is a guess: up to three features to pick from; a click answers in place. */
export function didYouMeanBlocks(question: string, candidates: readonly FeatureScore[]): KnownBlock[] {
  return [
    {
      type: "section",
      text: {
        ...mrkdwn(
          truncate(
            `I'm not sure what “${inertText(truncate(question.trim(), 200))}” is about. Did you mean one of these?`,
            LIMITS.sectionText,
          ),
        ),
        verbatim: true,
      },
    },
    {
      type: "actions",
      block_id: "did_you_mean",
      elements: candidates.slice(0, 3).map((c) => ({
        type: "button" as const,
        action_id: `${IDS.didYouMean}_${c.featureId}`,
        text: plain(truncate(c.title, LIMITS.buttonText)),
        value: c.featureId,
        accessibility_label: truncate(`Answer about ${c.title}`, LIMITS.accessibilityLabel),
      })),
    },
  ];
}
