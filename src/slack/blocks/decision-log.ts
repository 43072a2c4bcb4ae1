import { DECISION_STATUSES, type Knowledge } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type DecisionFacts, decisionWords } from "./decision-words.js";
import { type KnownBlock, mrkdwn, type PlainTextOption, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { link, slackDate, truncate } from "./text.js";

/** App Home's filter: every status, or one. */
export const STATUS_FILTERS = ["all", ...DECISION_STATUSES] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** How many decisions App Home lists at most (one block each, well inside the 100 a view may have). */
export const HOME_DECISIONS_SHOWN = 20;

/** One row of the log. */
export interface HomeDecision extends DecisionFacts {
  channel: string;
  messageTs: string;
  askedBy: string;
  decidedBy: string | null;
  /** When the recommendation was posted, and when it was decided (epoch ms). */
  postedAt: number;
  decidedAt: number | null;
  /** The recommendation message's link, when the workspace's address is known. */
  link?: string;
}

export interface HomeLog {
  filter: StatusFilter;
  /** Newest first, at most HOME_DECISIONS_SHOWN. */
  rows: HomeDecision[];
  /** How many match the filter. */
  total: number;
  /** How many the team has, of any status. */
  all: number;
  /** The database could not be read: the log says so instead. */
  unavailable?: boolean;
}

const FILTER_WORDS: Record<StatusFilter, string> = {
  all: "All statuses",
  proposed: "Proposed",
  decided: "Decided",
  superseded: "Superseded",
};

const option = (f: StatusFilter): PlainTextOption => ({ text: plain(FILTER_WORDS[f]), value: f });

/** The row's value for "Export as ADR": which message (the team comes from the request). */
export const decisionRef = (d: { channel: string; messageTs: string }) => `${d.channel}/${d.messageTs}`;

function row(knowledge: Knowledge, d: HomeDecision): KnownBlock {
  const facts = [`<#${d.channel}>`, `posted ${slackDate(d.postedAt)}`, `asked by <@${d.askedBy}>`];
  if (d.decidedBy)
    facts.push(`decided by <@${d.decidedBy}>${d.decidedAt ? ` on ${slackDate(d.decidedAt)}` : ""}`);
  if (d.link) facts.push(link(d.link, "open the message"));
  return {
    type: "section",
    text: mrkdwn(truncate(`${decisionWords(knowledge, d)}\n${facts.join(" · ")}`, LIMITS.sectionText)),
    accessory: {
      type: "button",
      action_id: IDS.exportAdr,
      text: plain("Export as ADR"),
      value: decisionRef(d),
      accessibility_label: "Export this decision as a record: a canvas, or a Markdown file",
    },
  };
}

function countLine(log: HomeLog): string {
  const which = log.filter === "all" ? "" : ` ${log.filter}`;
  if (log.rows.length < log.total) return `Showing ${log.rows.length} of ${log.total}${which}, newest first.`;
  return `${log.total}${which} ${log.total === 1 ? "decision" : "decisions"}, newest first.`;
}

function emptyLine(log: HomeLog): string {
  if (log.unavailable)
    return "I couldn't read your team's decisions just now: my database isn't answering. Open this tab again in a minute.";
  if (log.all === 0)
    return "No decisions yet. Type `/flask-or-django` in a channel to get a recommendation: it is listed here, proposed, until someone marks it as decided.";
  return `No ${log.filter} decisions. Choose *${FILTER_WORDS.all}* to see the other ${log.all}.`;
}

/** The team's decision log on App Home: a status filter, "showing N of M", one row per decision. */
export function decisionLogBlocks(knowledge: Knowledge, log: HomeLog): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "section",
      block_id: IDS.homeLogBlock,
      text: mrkdwn("*Your team's decisions*"),
      accessory: {
        type: "static_select",
        action_id: IDS.homeStatusFilter,
        placeholder: plain("Filter by status"),
        options: STATUS_FILTERS.map(option),
        initial_option: option(log.filter),
      },
    },
  ];
  if (log.rows.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(emptyLine(log)) });
    return blocks;
  }
  blocks.push({ type: "context", elements: [mrkdwn(countLine(log))] });
  for (const d of log.rows.slice(0, HOME_DECISIONS_SHOWN)) blocks.push(row(knowledge, d));
  return blocks;
}

/** A filter value from Slack (a select's option), or "all". */
export function statusFilterOf(value: unknown): StatusFilter {
  return (STATUS_FILTERS as readonly unknown[]).includes(value) ? (value as StatusFilter) : "all";
}

/** The filter a published Home tab shows: its select's chosen option, or the one it was published with. */
export function homeFilterOf(view: unknown): StatusFilter {
  const v = view as {
    state?: { values?: Record<string, Record<string, { selected_option?: { value?: unknown } | null }>> };
    blocks?: Array<{ block_id?: string; accessory?: { initial_option?: { value?: unknown } } }>;
  } | null;
  const chosen = v?.state?.values?.[IDS.homeLogBlock]?.[IDS.homeStatusFilter]?.selected_option?.value;
  const shown = v?.blocks?.find((b) => b.block_id === IDS.homeLogBlock)?.accessory?.initial_option?.value;
  return statusFilterOf(chosen ?? shown);
}
