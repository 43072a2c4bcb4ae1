/** What the agent side pane says that no other surface does: its greeting, prompts and pane-only replies. */
import type { Knowledge } from "../../engine/index.js";
import type { LoggedDecision } from "../services/decision-log.js";
import { decisionWords } from "./decision-words.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { startComparisonButton } from "./start-button.js";
import { slackDate, truncate } from "./text.js";

/** A suggested prompt: Slack shows the title; clicking it sends the message as the person's. */
export interface PanePrompt {
  title: string;
  message: string;
}

/** The pane's own prompts. The person's message is compared with these to recognise a click. */
export const PANE_PROMPTS = {
  compare: {
    title: "Compare Flask and Django for my project",
    message: "Compare Flask and Django for my project",
  },
  async: { title: "What about async?", message: "What about async?" },
  decisions: { title: "Show our team's decisions", message: "Show our team's decisions" },
  help: { title: "What can you answer?", message: "What can you answer?" },
} as const satisfies Record<string, PanePrompt>;

/** Slack shows at most four suggested prompts. */
export const MAX_PROMPTS = 4;

/** The prompts for a new thread; "Show our team's decisions" only when there is a decision log to show. */
export function suggestedPrompts(opts: { decisionLog: boolean }): { title: string; prompts: PanePrompt[] } {
  const prompts: PanePrompt[] = [PANE_PROMPTS.compare, PANE_PROMPTS.async];
  if (opts.decisionLog) prompts.push(PANE_PROMPTS.decisions);
  prompts.push(PANE_PROMPTS.help);
  return { title: "Try one of these:", prompts: prompts.slice(0, MAX_PROMPTS) };
}

export type PaneMessage = { text: string; blocks: KnownBlock[] };

const startActions = (): KnownBlock => ({
  type: "actions",
  block_id: "pane_actions",
  elements: [startComparisonButton("pane")],
});

/** How the pane describes the recommendation it found beside it (a channel mention and the verdict). */
function verdictWords(knowledge: Knowledge, verdict: "flask" | "django" | "either"): string {
  return verdict === "either" ? "either framework fits" : `${knowledge.meta.frameworks[verdict].name}`;
}

/** The greeting when a thread starts; it names the recommendation in the channel being viewed, if any. */
export function paneGreeting(
  knowledge: Knowledge,
  beside?: { channel: string; verdict: "flask" | "django" | "either" },
): PaneMessage {
  const text =
    "Hi! I compare Flask and Django for your project and answer questions about either: ask about a feature (“what about async?”), describe your project in one sentence for a quick take, or answer a few questions for a full recommendation.";
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(text) }];
  if (beside) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(
          `The latest recommendation in <#${beside.channel}> says *${verdictWords(knowledge, beside.verdict)}*. Ask me about it here: “why not the other one?”, “how sure?”, “what would change it?”`,
        ),
      ],
    });
  }
  blocks.push(startActions());
  return { text, blocks };
}

/** "Compare Flask and Django for my project": the two ways in, and the button to the questions. */
export function compareReply(): PaneMessage {
  const text =
    "Answer a few questions and I'll post a recommendation where you choose, with the reasons, the pros and cons for your project, and what would change it. Or describe the project in one sentence here (“flask or django for a small online shop?”) for a quick take.";
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }, startActions()] };
}

/** A question about a recommendation's decision, with none beside the pane to answer from. */
export function noRecommendationReply(channel: string | undefined): PaneMessage {
  const where = channel
    ? `I haven't seen a recommendation in <#${channel}> yet (or I'm not a member there), so there is no decision to explain.`
    : "Open this pane beside the channel where the recommendation was posted, and I'll answer from it.";
  const text = `${where} Describe your project in one sentence (“flask or django for a small online shop?”) for a quick take, or answer a few questions for a full recommendation.`;
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }, startActions()] };
}

/** A line above an answer that draws on the recommendation beside the pane, so it is clear which. */
export function aboutRecommendationNote(channel: string): KnownBlock {
  return {
    type: "context",
    elements: [mrkdwn(`About the latest recommendation in <#${channel}>, with its project's answers.`)],
  };
}

/** Something went wrong while answering: said in the thread, so the person is not left waiting. */
export function paneApology(): PaneMessage {
  const text =
    "Sorry, something went wrong on my side while answering. Please ask again; if it keeps happening, type `/flask-or-django help` in a channel.";
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }] };
}

/** There is no decision log to show (only reached by typing the prompt: the pane offers it only with one). */
export function noDecisionLogReply(): PaneMessage {
  const text =
    "I don't keep a log of your team's decisions yet: each recommendation lives in the channel where it was posted. Open this pane beside that channel to ask about it.";
  return { text, blocks: [{ type: "section", text: mrkdwn(text) }, startActions()] };
}

/** A team's recent decisions, newest first, one line each: when, where, what became of it, who asked. */
export function decisionsReply(knowledge: Knowledge, decisions: LoggedDecision[]): PaneMessage {
  if (decisions.length === 0) {
    const text =
      "Your team has no recommendations yet. Start one with the button below, or `/flask-or-django`.";
    return { text, blocks: [{ type: "section", text: mrkdwn(text) }, startActions()] };
  }
  const lines = decisions.map(
    (d) =>
      `• ${slackDate(d.at)} in <#${d.channel}>: ${decisionWords(knowledge, d)}, asked by <@${d.askedBy}>`,
  );
  const text = `Your team's ${decisions.length === 1 ? "latest decision" : `latest ${decisions.length} decisions`}.`;
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(`*${text}*`) },
      { type: "section", text: mrkdwn(truncate(lines.join("\n"), LIMITS.sectionText)) },
      {
        type: "context",
        elements: [mrkdwn("All of them, with filters and *Export as ADR*: this app's Home tab.")],
      },
    ],
  };
}
