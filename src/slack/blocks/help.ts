import type { Knowledge } from "../../engine/index.js";
import { type KnownBlock, mrkdwn, mrkdwnVerbatim } from "./kit.js";
import { LIMITS } from "./limits.js";
import { startComparisonButton } from "./start-button.js";
import { inertText, truncate } from "./text.js";

/** The topics it can answer, as one line of titles. */
export function topicsLine(knowledge: Knowledge): string {
  return knowledge.features.map((f) => f.title).join(" · ");
}

export function topicsBlocks(knowledge: Knowledge): KnownBlock[] {
  return [
    { type: "section", text: mrkdwn("*I can compare Flask and Django on these topics:*") },
    { type: "section", text: mrkdwn(truncate(topicsLine(knowledge), LIMITS.sectionText)) },
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

export function helpBlocks(knowledge: Knowledge, withButton: boolean): KnownBlock[] {
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
    { type: "context", elements: [mrkdwn(truncate(`Topics: ${topicsLine(knowledge)}`, LIMITS.sectionText))] },
  ];
  if (withButton) {
    blocks.push({
      type: "actions",
      block_id: "help_actions",
      elements: [startComparisonButton("start")],
    });
  }
  return blocks;
}

/**
 * "I don't know that one": what it can answer, with an example. No guess is named: readings sure enough
 * to offer come as "did you mean" buttons instead, and weaker ones only mislead ("what about htmx?" had
 * been asked whether it meant database support).
 */
export function unknownQuestionBlocks(
  knowledge: Knowledge,
  question: string,
  underRecommendation = false,
  allTopics = true,
): KnownBlock[] {
  // Under a recommendation the decision itself can be asked about too.
  const decision = underRecommendation
    ? ", or about the decision: “why not Flask?”, “how sure is it?”, “what if it stays tiny?”"
    : "";
  return [
    {
      type: "section",
      text: mrkdwnVerbatim(
        truncate(
          `I don't know that one: “${inertText(truncate(question.trim(), 200))}”. Ask about one feature, for example “what about the admin?” or “async?”${decision}.`,
          LIMITS.sectionText,
        ),
      ),
    },
    {
      type: "context",
      // In a thread nobody addressed it: a pointer, not the 26 topics under a colleague's question.
      elements: [
        mrkdwn(
          allTopics
            ? truncate(`I can answer: ${topicsLine(knowledge)}`, LIMITS.sectionText)
            : "`/flask-or-django topics` lists what I can answer.",
        ),
      ],
    },
  ];
}
