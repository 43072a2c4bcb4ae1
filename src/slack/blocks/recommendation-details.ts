import {
  type FrameworkId,
  type Knowledge,
  ONLY_BUILDING_ELSE,
  onlyBuildingElseFlips,
  type Recommendation,
} from "../../engine/index.js";
import { type KnownBlock, type ModalView, mrkdwn, mrkdwnVerbatim, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { confidenceLine, headline, reasonInFull } from "./recommendation-lines.js";
import { bullets, inertText, link, truncate } from "./text.js";

const nameOf = (knowledge: Knowledge, id: FrameworkId) => knowledge.meta.frameworks[id].name;

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

const section = (text: string): KnownBlock => ({
  type: "section",
  text: mrkdwn(truncate(text, LIMITS.sectionText)),
});

function prosCons(knowledge: Knowledge, rec: Recommendation, f: FrameworkId): string {
  const { pros, cons } = rec.prosCons[f];
  const lines = [
    ...pros.map((p) => `:white_check_mark: ${p.text} ${link(p.source, "docs")}`),
    ...cons.map((c) => `:warning: ${c.text} ${link(c.source, "docs")}`),
  ];
  if (lines.length === 0) lines.push("Nothing that weighs for this project.");
  return `*${nameOf(knowledge, f)} for this project*\n${lines.join("\n")}`;
}

/**
 * Everything behind the message's Details button: pros and cons, caveats, the answers and the sources;
 * `team`, when given, are the team's own answers compared (who answered what) and the votes.
 */
export function recommendationDetailsView(
  knowledge: Knowledge,
  rec: Recommendation,
  team: KnownBlock[] = [],
): ModalView {
  const blocks: KnownBlock[] = [
    section(`*${headline(knowledge, rec)}.* ${confidenceLine(knowledge, rec)}`),
    { type: "divider" },
  ];
  if (rec.factors.length > 0) {
    const reasons = rec.factors.map((f) => `${reasonInFull(knowledge, f)} ${link(f.source, "docs")}`);
    blocks.push(section(`*Why*\n${bullets(reasons)}`));
  }
  blocks.push(section(prosCons(knowledge, rec, rec.verdict === "flask" ? "flask" : "django")));
  blocks.push(section(prosCons(knowledge, rec, rec.verdict === "flask" ? "django" : "flask")));
  blocks.push(
    section(
      rec.flips.length > 0
        ? `*What would change the verdict*${onlyBuildingElseFlips(knowledge, rec.flips) ? `\n${ONLY_BUILDING_ELSE}` : ""}\n${bullets(rec.flips.map((f) => f.text))}`
        : `*What would change the verdict*\n${rec.whatWouldChange.text}`,
    ),
  );
  if (rec.caveats.length > 0) {
    const lines = rec.caveats.map((c) => {
      const alt = c.alternative ? ` ${link(c.alternative.url, c.alternative.name)}` : "";
      return `${c.text}${alt} ${link(c.source, "docs")}`;
    });
    blocks.push(section(`*Worth knowing*\n${bullets(lines)}`));
  }
  blocks.push({ type: "divider" });
  const answers = [`*Your answers*\n${answersSummary(knowledge, rec)}`];
  if (rec.profile.notes.trim())
    answers.push(`Notes: “${inertText(truncate(rec.profile.notes.trim(), 1000))}”`);
  if (rec.notes.text) answers.push(rec.notes.text);
  // Verbatim: the notes are echoed as typed.
  blocks.push({ type: "section", text: mrkdwnVerbatim(truncate(answers.join("\n"), LIMITS.sectionText)) });
  blocks.push(...team);
  const { flask, django } = knowledge.meta.frameworks;
  blocks.push({
    type: "context",
    elements: [
      mrkdwn(
        truncate(
          `Sources: ${link(flask.docs, `${flask.name} docs`)} · ${link(django.docs, `${django.name} docs`)} and the links above · knowledge ${knowledge.meta.knowledgeVersion}, reviewed ${knowledge.meta.reviewed}`,
          LIMITS.sectionText,
        ),
      ),
    ],
  });
  return {
    type: "modal",
    title: plain("Recommendation details"),
    close: plain("Close"),
    blocks,
  };
}
