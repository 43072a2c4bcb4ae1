/** What the agent side pane answers: pure, through the same understanding layer as threads (`composeAnswer`). */
import type { Knowledge } from "../../engine/index.js";
import {
  aboutRecommendationNote,
  compareReply,
  decisionsReply,
  noDecisionLogReply,
  noRecommendationReply,
  PANE_PROMPTS,
  type PaneMessage,
} from "../blocks/assistant.js";
import type { KnownBlock } from "../blocks/kit.js";
import { LIMITS } from "../blocks/limits.js";
import { startComparisonButton } from "../blocks/start-button.js";
import { IDS } from "../ids.js";
import { composeAnswer, withoutMentions } from "./compose-answer.js";
import type { LoggedDecision } from "./decision-log.js";
import type { LatestRecommendation } from "./latest-recommendations.js";

export interface PaneQuestion {
  /** The message as Slack sent it. */
  text: string;
  /** The channel the person is viewing beside the pane, when Slack says. */
  viewing?: string;
  /** That channel's latest recommendation, when there is one. */
  recommendation?: LatestRecommendation;
  /** The team's decisions, when the person asked for them and there is a log. */
  decisions?: LoggedDecision[];
}

export interface PaneReply extends PaneMessage {
  /** What to name the thread after, when the topic is clear. */
  title?: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** True when the message is the pane's own suggested prompt `key` (clicked, or typed the same). */
export function isPrompt(text: string, key: keyof typeof PANE_PROMPTS): boolean {
  return same(withoutMentions(text), PANE_PROMPTS[key].message);
}

const OPENS_QUESTIONS = new Set<string>([
  IDS.openQuestionnaire,
  IDS.prefillQuestionnaire,
  IDS.panePrefillQuestionnaire,
]);

/**
 * In the pane, "Answer the questions" opens a form that asks where to post: from a thread the form
 * posts where it was clicked, and the pane's DM is no place for a recommendation.
 */
function askingWhereToPost(blocks: KnownBlock[]): KnownBlock[] {
  return blocks.map((b) =>
    b.type === "actions"
      ? {
          ...b,
          elements: b.elements.map((e) =>
            "action_id" in e && e.action_id === IDS.prefillQuestionnaire
              ? { ...e, action_id: IDS.panePrefillQuestionnaire }
              : e,
          ),
        }
      : b,
  );
}

function opensQuestions(blocks: KnownBlock[]): boolean {
  return blocks.some(
    (b) =>
      b.type === "actions" &&
      b.elements.some((e) => "action_id" in e && OPENS_QUESTIONS.has(String(e.action_id))),
  );
}

/** The answer to a message in a pane thread. Always says something: the person addressed the app. */
export function paneReply(knowledge: Knowledge, q: PaneQuestion): PaneReply {
  if (isPrompt(q.text, "compare")) return { ...compareReply(), title: PANE_PROMPTS.compare.title };
  if (isPrompt(q.text, "decisions")) {
    return q.decisions
      ? { ...decisionsReply(knowledge, q.decisions), title: "Our team's decisions" }
      : noDecisionLogReply();
  }
  const rec = q.recommendation;
  const composed = composeAnswer(knowledge, {
    text: q.text,
    addressed: true,
    noProject: rec === undefined,
    quickTakeFirst: true,
    ...(rec?.profile ? { profile: rec.profile, verdict: rec.verdict } : {}),
  });
  if (composed.needsRecommendation || !composed.answer) return noRecommendationReply(q.viewing);
  const blocks = askingWhereToPost(composed.answer.blocks);
  if (composed.usesProject && rec) blocks.unshift(aboutRecommendationNote(rec.channel));
  // Every answer leaves a way to the full recommendation, unless it already has one.
  if (!rec && !opensQuestions(blocks) && blocks.length < LIMITS.messageBlocks) {
    blocks.push({ type: "actions", block_id: "pane_actions", elements: [startComparisonButton("pane")] });
  }
  return {
    text: composed.answer.text,
    blocks: blocks.slice(0, LIMITS.messageBlocks),
    ...(composed.topic ? { title: composed.topic } : {}),
  };
}
