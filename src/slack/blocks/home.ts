import type { Knowledge } from "../../engine/index.js";
import { type HomeView, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { startComparisonButton } from "./start-button.js";
import { link, truncate } from "./text.js";

/** The App Home tab: what the app does, a start button, the topics, and where the facts come from. */
export function homeView(knowledge: Knowledge): HomeView {
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
          `*Where the facts come from*\nEvery answer links to the official documentation: ${link(flask.docs, `${flask.name} ${flask.versions.join(", ")}`)} and ${link(django.docs, `${django.name} ${django.versions.join(" and ")}`)}. The knowledge base was last reviewed on ${knowledge.meta.reviewed} (version ${knowledge.meta.knowledgeVersion}).`,
        ),
      },
    ],
  };
}
