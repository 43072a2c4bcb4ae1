import type { Knowledge, TeamViews, Verdict } from "../../engine/index.js";
import type { VoteTally } from "../../storage/index.js";
import { type KnownBlock, mrkdwn, mrkdwnVerbatim } from "./kit.js";
import { LIMITS } from "./limits.js";
import { mention, verdictWords } from "./team-lines.js";
import { escapeMrkdwn, truncate } from "./text.js";

/** People given a sentence each in Details; beyond them, a count. */
const PEOPLE_SHOWN = 20;

const section = (text: string): KnownBlock => ({
  type: "section",
  text: mrkdwn(truncate(text, LIMITS.sectionText)),
});

/** "*Size*: <@a> Medium (asked) · <@b> Large, which alone changes it": one question, everyone's answer. */
function rowLine(views: TeamViews, row: TeamViews["comparison"]["rows"][number]): string {
  const cells = row.cells.map((c, i) => {
    const person = views.comparison.people[i];
    const asked = person?.isBase ? " (asked)" : "";
    const answer = c.answer === "" ? "no notes" : escapeMrkdwn(c.answer);
    const flips = c.changesOutcome ? ", which alone changes the verdict" : "";
    return `${mention(c.userId)}${asked} ${answer}${flips}`;
  });
  return `*${row.short}*: ${cells.join(" · ")}`;
}

/**
 * Details' full comparison of the team's views: each person's own verdict and what they answered
 * differently (the engine's sentences), then who answered what on each question where someone differs,
 * and the votes with every name.
 */
export function viewsComparisonBlocks(
  knowledge: Knowledge,
  verdict: Verdict,
  views: TeamViews | undefined,
  votes: VoteTally | undefined,
): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (views && views.people.length > 1) {
    blocks.push({ type: "divider" }, section("*The team's own answers*"));
    const shown = views.people.slice(0, PEOPLE_SHOWN);
    for (const p of shown)
      blocks.push({ type: "section", text: mrkdwnVerbatim(truncate(p.line, LIMITS.sectionText)) });
    if (views.people.length > shown.length)
      blocks.push(section(`…and ${views.people.length - shown.length} more.`));
    const differing = views.comparison.rows.filter((r) => r.differs);
    if (differing.length > 0)
      blocks.push({
        type: "section",
        text: mrkdwnVerbatim(
          truncate(
            `*Who answered what*\n${differing.map((r) => rowLine(views, r)).join("\n")}`,
            LIMITS.sectionText,
          ),
        ),
      });
  }
  if (votes && verdict !== "either" && votes.agree.length + votes.pickOther.length > 0) {
    const other = verdictWords(knowledge, verdict === "flask" ? "django" : "flask");
    const list = (ids: string[]) => (ids.length > 0 ? ids.map(mention).join(", ") : "nobody");
    blocks.push(
      section(
        `*Votes*\nAgree with ${verdictWords(knowledge, verdict)}: ${list(votes.agree)}\nWould pick ${other}: ${list(votes.pickOther)}`,
      ),
    );
  }
  return blocks;
}
