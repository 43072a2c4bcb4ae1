import type { FeatureExplanation } from "../../engine/index.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { inertText, link, truncate } from "./text.js";

/** Several features asked at once ("admin and auth?"): each briefly, with its sources, in one reply. */
export function featuresBriefBlocks(explanations: FeatureExplanation[], question: string): KnownBlock[] {
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [
        {
          ...mrkdwn(truncate(`You asked: “${inertText(truncate(question.trim(), 200))}”`, 1000)),
          verbatim: true,
        },
      ],
    },
  ];
  for (const e of explanations) {
    const sources = `${link(e.flask.docs, `${e.flask.name} docs`)} · ${link(e.django.docs, `${e.django.name} docs`)}`;
    const forProject = e.forProject ? `\n_For your project:_ ${e.forProject}` : "";
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`*${e.title}*: ${e.verdict.text} ${sources}${forProject}`, LIMITS.sectionText)),
    });
  }
  blocks.push({
    type: "context",
    elements: [mrkdwn("Ask about one of them for the side-by-side answer.")],
  });
  return blocks;
}

export function featuresBriefText(explanations: FeatureExplanation[]): string {
  return explanations.map((e) => `${e.title}: ${e.verdict.text}`).join(" ");
}
