import type { FrameworkId, Knowledge, Recommendation } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type Button, type KnownBlock, mrkdwn, type PlainTextOption, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { bullets, escapeMrkdwn, link, truncate } from "./text.js";

const nameOf = (knowledge: Knowledge, id: FrameworkId) => knowledge.meta.frameworks[id].name;

export interface RecommendationModel {
  knowledge: Knowledge;
  rec: Recommendation;
  askedBy: string;
  /** Who last edited the answers, when they were edited. */
  editedBy?: string;
  /** Compact answers for the "Edit answers" button (see encodeAnswers in services/codecs). */
  editValue: string;
}

export function headline(knowledge: Knowledge, rec: Recommendation): string {
  if (rec.verdict === "either") return "Flask or Django: either fits this project";
  return `${nameOf(knowledge, rec.verdict)} is the better fit for this project`;
}

/** The message's top-level text: a complete sentence, since notifications and screen readers read only this. */
export function notificationText(rec: Recommendation, askedBy: string): string {
  return `Recommendation for <@${askedBy}>'s project: ${rec.summary}`;
}

function bar(score: number): string {
  const filled = Math.round(score / 10);
  return "▰".repeat(filled) + "▱".repeat(10 - filled);
}

/** The two scores: number first (what a screen reader needs), then a short bar for the eye. */
function scoreFields(knowledge: Knowledge, rec: Recommendation) {
  return (["django", "flask"] as const).map((f) =>
    mrkdwn(`*${nameOf(knowledge, f)}*: ${rec.scores[f]} out of 100\n${bar(rec.scores[f])}`),
  );
}

/** A short summary of the answers, in the questionnaire's own words. */
export function answersSummary(knowledge: Knowledge, rec: Recommendation): string {
  const parts: string[] = [];
  for (const q of knowledge.singleQuestions) {
    const o = q.options.find((x) => x.value === rec.profile.answers[q.id]);
    if (o) parts.push(`${q.short}: ${o.label}`);
  }
  const needs = rec.profile.needs.map((id) => knowledge.featureById.get(id)?.title ?? id);
  parts.push(`${knowledge.needsQuestion.short}: ${needs.length > 0 ? needs.join(", ") : "none listed"}`);
  return parts.join(" · ");
}

function factorLines(knowledge: Knowledge, rec: Recommendation): string {
  const lines = rec.factors.map(
    (f) =>
      `*${f.label}* (+${Math.round(f.points)} for ${nameOf(knowledge, f.favours)}): ${f.why} ${link(f.source, "docs")}`,
  );
  return `*Why*\n${bullets(lines)}`;
}

function prosConsField(knowledge: Knowledge, rec: Recommendation, f: FrameworkId): string {
  const { pros, cons } = rec.prosCons[f];
  const lines = [
    ...pros.slice(0, 2).map((p) => `:white_check_mark: ${p.text} ${link(p.source, "docs")}`),
    ...cons.slice(0, 2).map((c) => `:warning: ${c.text} ${link(c.source, "docs")}`),
  ];
  return truncate(`*${nameOf(knowledge, f)} for this project*\n${lines.join("\n")}`, LIMITS.fieldText);
}

function featureOptions(knowledge: Knowledge): PlainTextOption[] {
  return knowledge.features
    .slice(0, LIMITS.staticOptions)
    .map((f) => ({ text: plain(truncate(f.title, LIMITS.optionText)), value: f.id }));
}

function actions(model: RecommendationModel): KnownBlock {
  const edit: Button = {
    type: "button",
    action_id: IDS.editAnswers,
    text: plain("Edit answers"),
    value: model.editValue,
    accessibility_label: "Edit the answers and update this recommendation",
  };
  const helpful: Button = {
    type: "button",
    action_id: IDS.feedbackHelpful,
    text: plain(":thumbsup: Helpful"),
    value: "helpful",
    accessibility_label: "This recommendation was helpful",
  };
  const notHelpful: Button = {
    type: "button",
    action_id: IDS.feedbackNotHelpful,
    text: plain(":thumbsdown: Not helpful"),
    value: "not_helpful",
    accessibility_label: "This recommendation was not helpful",
  };
  return {
    type: "actions",
    block_id: "recommendation_actions",
    elements: [
      edit,
      {
        type: "static_select",
        action_id: IDS.askFeature,
        placeholder: plain("Ask about a feature"),
        options: featureOptions(model.knowledge),
      },
      helpful,
      notHelpful,
    ],
  };
}

/** The recommendation message posted in the channel. */
export function recommendationBlocks(model: RecommendationModel): KnownBlock[] {
  const { rec, knowledge } = model;
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(truncate(headline(knowledge, rec), LIMITS.headerText)) },
    {
      type: "section",
      text: mrkdwn(truncate(rec.summary, LIMITS.sectionText)),
      fields: scoreFields(knowledge, rec),
    },
    { type: "divider" },
  ];
  if (rec.factors.length > 0) {
    blocks.push({ type: "section", text: mrkdwn(truncate(factorLines(knowledge, rec), LIMITS.sectionText)) });
  }
  blocks.push({
    type: "section",
    fields: [mrkdwn(prosConsField(knowledge, rec, "django")), mrkdwn(prosConsField(knowledge, rec, "flask"))],
  });
  if (rec.flips.length > 0) {
    blocks.push({
      type: "section",
      text: mrkdwn(
        truncate(
          `*What would change the verdict*\n${bullets(rec.flips.map((f) => f.text))}`,
          LIMITS.sectionText,
        ),
      ),
    });
  }
  if (rec.caveats.length > 0) {
    const lines = rec.caveats.map((c) => {
      const alt = c.alternative ? ` ${link(c.alternative.url, c.alternative.name)}` : "";
      return `${c.text}${alt} ${link(c.source, "docs")}`;
    });
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`*Worth knowing*\n${bullets(lines)}`, LIMITS.sectionText)),
    });
  }
  const context: string[] = [`Asked by <@${model.askedBy}>`];
  if (model.editedBy) context.push(`answers edited by <@${model.editedBy}>`);
  context.push(answersSummary(knowledge, rec));
  if (rec.notes.text) context.push(rec.notes.text);
  if (rec.profile.notes.trim())
    context.push(`Notes: “${escapeMrkdwn(truncate(rec.profile.notes.trim(), 300))}”`);
  blocks.push({
    type: "context",
    elements: [mrkdwn(truncate(context.join(" · "), LIMITS.sectionText))],
  });
  blocks.push(actions(model));
  blocks.push({
    type: "context",
    elements: [
      mrkdwn(
        `:speech_balloon: Anyone can reply in this thread to ask about one feature, e.g. “what about the admin?” · Knowledge ${knowledge.meta.knowledgeVersion}, reviewed ${knowledge.meta.reviewed}`,
      ),
    ],
  });
  return blocks;
}
