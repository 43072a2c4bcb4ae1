import type { FrameworkId, Knowledge, Recommendation } from "../../engine/index.js";
import { IDS } from "../ids.js";
import type { DecisionStatusModel } from "./decision-status.js";
import { type Button, type KnownBlock, mrkdwn, type PlainTextOption, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import {
  confidenceLine,
  flipLine,
  headline,
  heldUp,
  reasonBrief,
  reasonLine,
} from "./recommendation-lines.js";
import { type TeamModel, teamBlocks, teamIsActive } from "./team-section.js";
import { bullets, link, truncate } from "./text.js";

const nameOf = (knowledge: Knowledge, id: FrameworkId) => knowledge.meta.frameworks[id].name;

export interface RecommendationModel {
  knowledge: Knowledge;
  rec: Recommendation;
  askedBy: string;
  /** Who last edited the answers, when they were edited. */
  editedBy?: string;
  /** Compact answers for the "Edit answers" button (see encodeAnswers in services/codecs). */
  editValue: string;
  /** The team's part: the decision's status, teammates' views, votes and their buttons. */
  team?: TeamModel;
}

/** The message's top-level text: a complete sentence, since notifications and screen readers read only this. */
export function notificationText(
  knowledge: Knowledge,
  rec: Recommendation,
  askedBy: string,
  status?: DecisionStatusModel,
): string {
  const split = `${nameOf(knowledge, "django")} ${rec.scores.django}, ${nameOf(knowledge, "flask")} ${rec.scores.flask}`;
  // Notifications and screen readers get the decision too, not only the blocks.
  const state =
    status?.status === "decided"
      ? `Decided: ${nameOf(knowledge, status.framework)}. `
      : status?.status === "superseded"
        ? "Superseded by a later decision. "
        : "";
  return `${state}Recommendation for <@${askedBy}>'s project: ${headline(knowledge, rec)} (${split}; ${heldUp(rec)}).`;
}

function featureOptions(knowledge: Knowledge): PlainTextOption[] {
  return knowledge.features
    .slice(0, LIMITS.staticOptions)
    .map((f) => ({ text: plain(truncate(f.title, LIMITS.optionText)), value: f.id }));
}

function button(actionId: string, text: string, value: string, label: string): Button {
  return { type: "button", action_id: actionId, text: plain(text), value, accessibility_label: label };
}

function actions(model: RecommendationModel): KnownBlock {
  return {
    type: "actions",
    block_id: "recommendation_actions",
    elements: [
      {
        ...button(
          IDS.showDetails,
          "Details",
          model.editValue,
          "Pros, cons, caveats, your answers and sources",
        ),
        style: "primary",
      },
      button(
        IDS.editAnswers,
        "Edit answers",
        model.editValue,
        "Edit the answers and update this recommendation",
      ),
      {
        type: "static_select",
        action_id: IDS.askFeature,
        placeholder: plain("Ask about a feature"),
        options: featureOptions(model.knowledge),
      },
      button(
        IDS.exportAdr,
        "Export as ADR",
        model.editValue,
        "Export as a decision record: a canvas, or a file",
      ),
      button(IDS.feedbackHelpful, ":thumbsup:", "helpful", "This recommendation was helpful"),
      button(IDS.feedbackNotHelpful, ":thumbsdown:", "not_helpful", "This recommendation was not helpful"),
    ],
  };
}

/**
 * The recommendation as posted in the channel: short enough to read at a glance (the verdict, how sure,
 * three reasons, what would change it, the buttons). Everything else is behind Details.
 */
export function recommendationBlocks(model: RecommendationModel): KnownBlock[] {
  const { rec, knowledge } = model;
  // Once the team has a say (views, votes, a decision), the reasons shrink to the main one, by name, to
  // make room (Details has them all).
  const brief = teamIsActive(model.team);
  const why = brief
    ? rec.factors.slice(0, 1).map((f) => `${reasonBrief(knowledge, f)} ${link(f.source, "docs")}`)
    : rec.factors.slice(0, 3).map((f) => `${reasonLine(knowledge, f)} ${link(f.source, "docs")}`);
  const team = model.team
    ? teamBlocks(knowledge, model.team, rec.verdict, model.editValue)
    : { status: [], lines: [], actions: [] };
  const context = [`Asked by <@${model.askedBy}>`];
  if (model.editedBy === model.askedBy) context.push("answers edited");
  else if (model.editedBy) context.push(`answers edited by <@${model.editedBy}>`);
  // Shorter once the team's lines need the room.
  context.push(brief ? "ask about features in the thread" : "reply in this thread to ask about a feature");
  return [
    { type: "header", text: plain(truncate(headline(knowledge, rec), LIMITS.headerText)) },
    ...team.status,
    { type: "section", text: mrkdwn(truncate(confidenceLine(knowledge, rec), LIMITS.sectionText)) },
    ...(why.length > 0
      ? [{ type: "section" as const, text: mrkdwn(truncate(bullets(why), LIMITS.sectionText)) }]
      : []),
    { type: "section", text: mrkdwn(truncate(flipLine(rec), LIMITS.sectionText)) },
    ...team.lines,
    actions(model),
    ...team.actions,
    { type: "context", elements: [mrkdwn(truncate(context.join(" · "), LIMITS.sectionText))] },
  ];
}
