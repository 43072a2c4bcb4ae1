import type { FrameworkId, Knowledge, Verdict } from "../../engine/index.js";
import { link, slackDate } from "./text.js";

/** Another decision in the same channel, with its message's link when Slack gave one. */
export interface LinkedDecision {
  /** When it was decided (epoch ms), to name it. */
  at: number;
  url?: string;
}

/** What the message says about its decision: the status, compactly. */
export type DecisionStatusModel =
  | { status: "proposed" }
  | {
      status: "decided";
      framework: FrameworkId;
      by: string;
      at: number;
      recommended: Verdict;
      against: boolean;
      supersedes?: LinkedDecision;
      /** A live revisit reminder's date (epoch ms). */
      revisitAt?: number;
    }
  | {
      status: "superseded";
      framework: FrameworkId | null;
      by: string | null;
      at: number | null;
      supersededBy?: LinkedDecision;
    };

function other(kind: string, d: LinkedDecision): string {
  // A link's label can't hold a date token (no markup inside markup), so only "decision" links.
  return `${kind} the ${slackDate(d.at)} ${d.url ? link(d.url, "decision") : "decision"}`;
}

/**
 * One line: "Proposed", "Decided: Flask by @x on Nov 28, 2026 …" or "Superseded by …"; dates show
 * in the reader's time zone (slackDate).
 */
export function decisionStatusLine(knowledge: Knowledge, model: DecisionStatusModel): string {
  const name = (f: FrameworkId) => knowledge.meta.frameworks[f].name;
  if (model.status === "proposed") return "*Proposed:* not decided yet";
  if (model.status === "decided") {
    const parts = [
      `:white_check_mark: *Decided: ${name(model.framework)}* by <@${model.by}> on ${slackDate(model.at)}${model.against ? ", against the verdict" : ""}`,
    ];
    if (model.supersedes) parts.push(other("supersedes", model.supersedes));
    if (model.revisitAt !== undefined) parts.push(`revisit ${slackDate(model.revisitAt)}`);
    return parts.join(" · ");
  }
  const was =
    model.framework && model.by && model.at !== null
      ? ` · was ${name(model.framework)}, by <@${model.by}> on ${slackDate(model.at)}`
      : "";
  const by = model.supersededBy ? ` ${other("by", model.supersededBy)}` : "";
  return `:leftwards_arrow_with_hook: *Superseded*${by}${was}`;
}
