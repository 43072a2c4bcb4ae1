import type { FeatureScore, Knowledge } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { escapeMrkdwn, truncate } from "./text.js";

/** The topics it can answer, as one line of titles. */
export function topicsLine(k: Knowledge): string {
  return k.features.map((f) => f.title).join(" · ");
}

export function topicsBlocks(k: Knowledge): KnownBlock[] {
  return [
    { type: "section", text: mrkdwn("*I can compare Flask and Django on these topics:*") },
    { type: "section", text: mrkdwn(truncate(topicsLine(k), LIMITS.sectionText)) },
    {
      type: "context",
      elements: [
        mrkdwn(
          "Ask with `/flask-or-django admin`, or reply in a recommendation's thread: “what about async?”",
        ),
      ],
    },
  ];
}

export function helpBlocks(k: Knowledge, withButton: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: mrkdwn(
        [
          "*Flask or Django?* I help a team choose, and explain why.",
          "• `/flask-or-django`: answer a few questions; I post a recommendation here with the reasons, pros and cons, and what would change it.",
          "• `/flask-or-django &lt;feature&gt;`: a side-by-side answer on one feature, just for you (e.g. `/flask-or-django migrations`).",
          "• `/flask-or-django topics`: what I can answer.",
          "• Reply in a recommendation's thread, or mention me, to ask about one feature: “what about the admin?”",
        ].join("\n"),
      ),
    },
    { type: "context", elements: [mrkdwn(truncate(`Topics: ${topicsLine(k)}`, LIMITS.sectionText))] },
  ];
  if (withButton) {
    blocks.push({
      type: "actions",
      block_id: "help_actions",
      elements: [
        {
          type: "button",
          action_id: IDS.openQuestionnaire,
          style: "primary",
          text: plain("Start a comparison"),
          value: "start",
          accessibility_label: "Open the questions to compare Flask and Django for your project",
        },
      ],
    });
  }
  return blocks;
}

/** "I don't know that one": what it can answer, with an example. */
export function unknownQuestionBlocks(
  k: Knowledge,
  question: string,
  suggestions: FeatureScore[],
): KnownBlock[] {
  const maybe =
    suggestions.length > 0 ? ` Did you mean ${suggestions.map((s) => `*${s.title}*`).join(", ")}?` : "";
  return [
    {
      type: "section",
      text: mrkdwn(
        truncate(
          `I don't know that one: “${escapeMrkdwn(truncate(question.trim(), 200))}”.${maybe} Ask about one feature, for example “what about the admin?” or “async?”.`,
          LIMITS.sectionText,
        ),
      ),
    },
    { type: "context", elements: [mrkdwn(truncate(`I can answer: ${topicsLine(k)}`, LIMITS.sectionText))] },
  ];
}
