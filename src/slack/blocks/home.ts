import type { Knowledge } from "../../engine/index.js";
import { decisionLogBlocks, type HomeLog } from "./decision-log.js";
import { type HomeView, type KnownBlock, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { startComparisonButton } from "./start-button.js";
import { type HomeSettings, teamSettingsBlocks } from "./team-settings.js";
import { link, truncate } from "./text.js";

/** What App Home shows about the team: its decisions, its settings, and a note on what just happened. */
export interface HomeModel {
  /** Said at the top: the outcome of what the person just did on the tab (an export, a setting). */
  notice?: string;
  /** Absent when the request named no workspace (then only the notice shows). */
  log?: HomeLog;
  /** Absent when they could not be read. */
  settings?: HomeSettings;
}

/** The team's part of the tab: a notice, the decision log, the setting, each after a divider. */
function teamBlocks(knowledge: Knowledge, model: HomeModel): KnownBlock[] {
  return [
    ...(model.notice
      ? [
          {
            type: "section" as const,
            text: mrkdwn(truncate(`:information_source: ${model.notice}`, LIMITS.sectionText)),
          },
        ]
      : []),
    ...(model.log ? [{ type: "divider" as const }, ...decisionLogBlocks(knowledge, model.log)] : []),
    ...(model.settings ? [{ type: "divider" as const }, ...teamSettingsBlocks(model.settings)] : []),
  ];
}

/**
 * The App Home tab: what the app does, a start button, the team's decisions and settings (when given),
 * the topics, and where the facts come from.
 */
export function homeView(knowledge: Knowledge, model?: HomeModel): HomeView {
  const { flask, django } = knowledge.meta.frameworks;
  return {
    type: "home",
    blocks: [
      { type: "header", text: plain("Flask or Django?") },
      {
        type: "section",
        text: mrkdwn(
          "I help a team choose between Flask and Django. Answer a few questions about your project and I'll post a recommendation: the verdict and how sure it is, the reasons, the pros and cons that matter for you, and what would change it. Then anyone can ask about one feature in its thread.",
        ),
      },
      {
        type: "actions",
        block_id: "home_actions",
        elements: [startComparisonButton("home")],
      },
      ...(model ? teamBlocks(knowledge, model) : []),
      { type: "divider" },
      { type: "section", text: mrkdwn("*Topics I can answer*") },
      {
        type: "section",
        text: mrkdwn(truncate(knowledge.features.map((f) => f.title).join(" · "), LIMITS.sectionText)),
      },
      {
        type: "context",
        elements: [
          mrkdwn("Try `/flask-or-django migrations` in any channel, or mention me with a question."),
        ],
      },
      { type: "divider" },
      {
        type: "section",
        text: mrkdwn(
          `*Where the facts come from*\nEvery answer links to its source: the official documentation of ${link(flask.docs, `${flask.name} ${flask.versions.join(", ")}`)} and ${link(django.docs, `${django.name} ${django.versions.join(" and ")}`)}, or the named package's own page. The knowledge base was last reviewed on ${knowledge.meta.reviewed} (version ${knowledge.meta.knowledgeVersion}).`,
        ),
      },
    ],
  };
}
