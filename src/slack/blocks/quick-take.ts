import type { Knowledge, Recommendation } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { confidenceLine, flipLine, headline, reasonLine } from "./recommendation-lines.js";
import { bullets, inertText, link, truncate } from "./text.js";

export interface QuickTakeModel {
  knowledge: Knowledge;
  rec: Recommendation;
  /** The sentence it was read from. */
  sentence: string;
  /** What was understood, in the questionnaire's words ("Building: An online shop"). */
  understood: string[];
  /** Encoded answers for the button that opens the questions prefilled. */
  prefillValue: string;
}

/** A first answer read from one sentence, clearly labelled as such, with a way to the full questions. */
export function quickTakeBlocks(model: QuickTakeModel): KnownBlock[] {
  const { knowledge, rec } = model;
  const understood =
    model.understood.length > 0 ? model.understood.join(" · ") : "nothing beyond the usual defaults";
  const reasons = rec.factors.slice(0, 2).map((f) => `${reasonLine(knowledge, f)} ${link(f.source, "docs")}`);
  return [
    {
      type: "context",
      elements: [
        {
          ...mrkdwn(
            truncate(
              `:zap: *Quick take from one sentence*: “${inertText(truncate(model.sentence.trim(), 200))}”. I read: ${understood}.`,
              LIMITS.sectionText,
            ),
          ),
          verbatim: true,
        },
      ],
    },
    {
      type: "section",
      text: mrkdwn(
        truncate(`*${headline(knowledge, rec)}.* ${confidenceLine(knowledge, rec)}`, LIMITS.sectionText),
      ),
    },
    ...(reasons.length > 0
      ? [{ type: "section" as const, text: mrkdwn(truncate(bullets(reasons), LIMITS.sectionText)) }]
      : []),
    { type: "section", text: mrkdwn(truncate(flipLine(rec), LIMITS.sectionText)) },
    {
      type: "actions",
      block_id: "quick_take_actions",
      elements: [
        {
          type: "button",
          action_id: IDS.prefillQuestionnaire,
          style: "primary",
          text: plain("Answer the questions"),
          value: model.prefillValue,
          accessibility_label: "Open the questions, prefilled with what I read, for a full recommendation",
        },
      ],
    },
  ];
}
