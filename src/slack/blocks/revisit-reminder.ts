import type { FrameworkId, Knowledge, Recommendation } from "../../engine/index.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { bullets, slackDate, truncate } from "./text.js";

export interface RevisitReminderModel {
  knowledge: Knowledge;
  /** The recommendation the decision was made on (today's engine, from its stored answers). */
  rec: Recommendation;
  framework: FrameworkId;
  decidedBy: string;
  decidedAt: number;
  against: boolean;
}

/** Flip conditions shown at most. */
const FLIPS_SHOWN = 5;

/**
 * The reminder to revisit a decision, posted (scheduled) in the recommendation's thread: what was
 * decided, the conditions that would change the recommendation, and the question whether one now holds.
 * No metadata: Slack drops a scheduled message that has some.
 */
export function revisitReminderMessage(model: RevisitReminderModel): { text: string; blocks: KnownBlock[] } {
  const { knowledge, rec } = model;
  const framework = knowledge.meta.frameworks[model.framework].name;
  const decided = `On ${slackDate(model.decidedAt)} <@${model.decidedBy}> marked *${framework}* as the team's choice${model.against ? ", against the recommendation" : ""}.`;
  const conditions =
    rec.flips.length > 0
      ? bullets(rec.flips.slice(0, FLIPS_SHOWN).map((f) => f.text))
      : rec.whatWouldChange.text;
  const question =
    "Does any of these now hold? If so, post a new `/flask-or-django` in this channel and decide on it: it supersedes this decision (a decided recommendation's answers stay as they were decided on). If not, the decision stands.";
  return {
    text: `Time to revisit the decision for ${framework} made on ${slackDate(model.decidedAt)}: does anything that would change it now hold?`,
    blocks: [
      {
        type: "section",
        text: mrkdwn(truncate(`:calendar: *Time to revisit this decision.* ${decided}`, LIMITS.sectionText)),
      },
      {
        type: "section",
        text: mrkdwn(truncate(`*What would change the recommendation:*\n${conditions}`, LIMITS.sectionText)),
      },
      { type: "context", elements: [mrkdwn(question)] },
    ],
  };
}
