/** What to answer a question with: pure, from the engine and the blocks (posting is in post-answer). */
import {
  explainFeature,
  type FeatureScore,
  type Knowledge,
  matchFeature,
  type ProjectProfile,
} from "../../engine/index.js";
import { featureAnswerBlocks, featureAnswerText } from "../blocks/feature-answer.js";
import { helpBlocks, unknownQuestionBlocks } from "../blocks/help.js";
import type { KnownBlock } from "../blocks/kit.js";
import { decodeSlackEntities } from "../blocks/text.js";

export interface Question {
  channel: string;
  /** The thread to answer in. */
  threadTs: string;
  text: string;
  /** The person addressed the bot (a mention, a DM): an unknown question still gets an answer. */
  addressed: boolean;
  /** The project behind the thread, when it is one of our recommendations. */
  profile?: ProjectProfile;
  /** True when there is no recommendation here: the answer says how to get one. */
  noProject: boolean;
}

const QUESTION_START =
  /^(what|whats|how|hows|does|do|is|are|can|could|should|which|why|when|where|tell me|explain|compare)\b/i;

/** A reply is "plainly a question" when it ends with "?" or opens like one. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith("?") || QUESTION_START.test(t);
}

/**
 * What the person typed: mentions (`<@U…>`) removed so "@flask-or-django admin?" reads as "admin?",
 * then Slack's entities decoded. Mentions go first: a typed "<@U1>" arrives as "&lt;@U1&gt;" and stays text.
 */
export function withoutMentions(text: string): string {
  return decodeSlackEntities(text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ")).trim();
}

export type Answer = { text: string; blocks: KnownBlock[] } | undefined;

/** The feature answer as a message, or undefined when the feature id is unknown. */
export function featureAnswer(
  knowledge: Knowledge,
  featureId: string,
  opts: {
    profile?: ProjectProfile;
    question?: string;
    others?: FeatureScore[];
    noProject: boolean;
    mythIndex?: number;
  },
): Answer {
  const explanation = explainFeature(featureId, opts.profile, knowledge);
  if (!explanation) return undefined;
  const myth = opts.mythIndex !== undefined ? explanation.myths[opts.mythIndex] : undefined;
  return {
    text: featureAnswerText(explanation),
    blocks: featureAnswerBlocks({
      explanation,
      others: opts.others ?? [],
      suggestRecommendation: opts.noProject,
      ...(opts.question ? { question: opts.question } : {}),
      ...(myth ? { myth } : {}),
    }),
  };
}

/** What to say to a question; undefined means stay quiet (chatter in a thread). */
export function answerFor(knowledge: Knowledge, q: Question): Answer {
  const text = withoutMentions(q.text);
  if (text === "") {
    return q.addressed
      ? { text: "Flask or Django? Here is what I can do.", blocks: helpBlocks(knowledge, true) }
      : undefined;
  }
  const match = matchFeature(text, knowledge);
  if (match.kind === "unknown") {
    if (!q.addressed && !looksLikeQuestion(text)) return undefined;
    return {
      text: "I don't know that one yet. Ask about one feature, for example: what about the admin?",
      blocks: unknownQuestionBlocks(knowledge, text, match.suggestions),
    };
  }
  return featureAnswer(knowledge, match.featureId, {
    question: text,
    others: match.alsoAsked,
    noProject: q.noProject,
    ...(q.profile ? { profile: q.profile } : {}),
    ...(match.myth ? { mythIndex: match.myth.index } : {}),
  });
}
