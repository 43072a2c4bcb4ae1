import type { FeatureExplanation } from "../../engine/index.js";
import { type KnownBlock, mrkdwn } from "./kit.js";
import { LIMITS } from "./limits.js";
import { inertText, link, truncate } from "./text.js";

/**
 * A side's documentation, named for what it is: where the framework has nothing of its own, its docs are
 * a package's ("Flask-Login docs"), not the framework's.
 */
function docsLink(s: FeatureExplanation["flask"]): string {
  const owner = [s.provenance, ...s.addOns]
    .flatMap((x) => ("packages" in x ? x.packages : []))
    .find((p) => p.docs === s.docs);
  return link(s.docs, `${owner?.name ?? s.name} docs`);
}

/** One feature in brief: its verdict, or the detail asked about ("File uploads"), each side with its source. */
function briefLine(e: FeatureExplanation): string {
  const d = e.detail;
  if (!d) return `*${e.title}*: ${e.verdict.text} ${docsLink(e.flask)} · ${docsLink(e.django)}`;
  const sources = `${link(d.flask.source, `${e.flask.name} source`)} · ${link(d.django.source, `${e.django.name} source`)}`;
  // Each side's text names its framework ("Flask hands you…", "The Django admin…").
  return `*${d.title}* (${e.title}): ${d.flask.text} ${d.django.text} ${sources}`;
}

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
    const forProject = e.forProject ? `\n_For your project:_ ${e.forProject}` : "";
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`${briefLine(e)}${forProject}`, LIMITS.sectionText)),
    });
  }
  blocks.push({
    type: "context",
    elements: [mrkdwn("Ask about one of them for the side-by-side answer.")],
  });
  return blocks;
}

export function featuresBriefText(explanations: FeatureExplanation[]): string {
  return explanations
    .map((e) => (e.detail ? `${e.detail.title} (${e.title})` : `${e.title}: ${e.verdict.text}`))
    .join(" ");
}
