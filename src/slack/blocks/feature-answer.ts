import { type FeatureExplanation, type FeatureScore, type Myth, supportWords } from "../../engine/index.js";
import { IDS } from "../ids.js";
import { type KnownBlock, mrkdwn, plain } from "./kit.js";
import { LIMITS } from "./limits.js";
import { escapeMrkdwn, link, truncate } from "./text.js";

export interface FeatureAnswerModel {
  explanation: FeatureExplanation;
  /** The question as asked; echoed escaped, so it can never ping anyone or carry a link. */
  question?: string;
  /** The myth the question was about, when it was one. */
  myth?: Myth;
  /** Other features the question named: offered as buttons. */
  others: FeatureScore[];
  /** No project here (a mention outside a recommendation's thread): say how to get one. */
  suggestRecommendation: boolean;
}

/** Who wins on this feature, in words; the framework names are the knowledge base's own. */
function verdictWord(e: FeatureExplanation): string {
  const winner = e.verdict.winner;
  if (winner === "flask" || winner === "django") return e[winner].name;
  return winner === "tie" ? "A tie" : "It depends";
}

export function featureAnswerText(e: FeatureExplanation): string {
  return `${e.title}: ${e.verdict.text}`;
}

function side(name: string, s: FeatureExplanation["flask"]): string {
  const packages = s.packages.length > 0 ? ` (${s.packages.join(", ")})` : "";
  return truncate(
    `*${name}*: ${supportWords(s.support)}${packages}\n${s.how}\n${link(s.docs, `${name} docs`)}`,
    LIMITS.fieldText,
  );
}

/** The side-by-side answer for one feature. */
export function featureAnswerBlocks(model: FeatureAnswerModel): KnownBlock[] {
  const e = model.explanation;
  const blocks: KnownBlock[] = [];
  if (model.question) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(truncate(`You asked: “${escapeMrkdwn(truncate(model.question.trim(), 200))}”`, 1000)),
      ],
    });
  }
  if (model.myth) {
    blocks.push({
      type: "section",
      text: mrkdwn(
        truncate(
          `:mag: *Checked fact.* It is often said that ${model.myth.claim.replace(/\.$/, "")}. In fact: ${model.myth.correction} ${link(model.myth.source, "source")}`,
          LIMITS.sectionText,
        ),
      ),
    });
  }
  blocks.push({
    type: "section",
    text: mrkdwn(truncate(`*${e.title}* · ${verdictWord(e)}: ${e.verdict.text}`, LIMITS.sectionText)),
    fields: [mrkdwn(side(e.flask.name, e.flask)), mrkdwn(side(e.django.name, e.django))],
  });
  if (e.forProject) {
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`*For your project:* ${e.forProject}`, LIMITS.sectionText)),
    });
  }
  if (model.suggestRecommendation) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwn(
          "For a recommendation tailored to your project, type `/flask-or-django` and answer a few questions.",
        ),
      ],
    });
  }
  if (model.others.length > 0) {
    blocks.push({
      type: "actions",
      block_id: "follow_up_features",
      elements: model.others.slice(0, 5).map((o) => ({
        type: "button" as const,
        action_id: `${IDS.followUpFeature}_${o.featureId}`,
        text: plain(truncate(`Also: ${o.title}`, LIMITS.buttonText)),
        value: o.featureId,
        accessibility_label: truncate(`Answer about ${o.title} too`, LIMITS.accessibilityLabel),
      })),
    });
  }
  blocks.push({
    type: "context",
    elements: [
      mrkdwn(
        `Sources: ${link(e.flask.docs, "Flask docs")} · ${link(e.django.docs, "Django docs")} · knowledge ${e.knowledgeVersion}`,
      ),
    ],
  });
  return blocks;
}
