import {
  type Detail,
  directAnswer,
  type FeatureExplanation,
  type Myth,
  type ProvenanceFormat,
  provenanceLabel,
} from "../../engine/index.js";
import { type KnownBlock, mrkdwn, mrkdwnVerbatim } from "./kit.js";
import { LIMITS } from "./limits.js";
import { inertText, link, truncate } from "./text.js";

export interface FeatureAnswerModel {
  explanation: FeatureExplanation;
  /** The question as asked; echoed escaped, so it can never ping anyone or carry a link. */
  question?: string;
  /** The myth the question was about, when it was one. */
  myth?: Myth;
  /** No project here (a mention outside a recommendation's thread): say how to get one. */
  suggestRecommendation: boolean;
}

export function featureAnswerText(e: FeatureExplanation): string {
  if (e.detail) return `${e.detail.title} (${e.title})${e.direct ? `: ${e.direct}` : ": Flask and Django"}`;
  return `${e.title}: ${e.direct ?? e.verdict.text}`;
}

/** One framework on the detail asked about, with its sources. */
function detailSide(name: string, d: Detail["flask"]): string {
  const links = [link(d.source, "source"), ...d.more.map((m) => link(m.url, m.title))].join(" · ");
  return truncate(`*${name}*\n${d.text}\n${links}`, LIMITS.fieldText);
}

/** Module names as code, each package linked to its own docs. */
const SLACK_FORMAT: ProvenanceFormat = {
  module: (name) => `\`${name}\``,
  pkg: (p) => link(p.docs, p.name),
};

function side(s: FeatureExplanation["flask"]): string {
  const label = provenanceLabel(s, SLACK_FORMAT);
  // Where the framework has nothing of its own, its docs are a package's, already linked in the label.
  const packageDocs = [s.provenance, ...s.addOns]
    .flatMap((x) => ("packages" in x ? x.packages : []))
    .map((p) => p.docs);
  const links = [
    ...(packageDocs.includes(s.docs) ? [] : [link(s.docs, `${s.name} docs`)]),
    ...s.more.map((m) => link(m.url, m.title)),
  ].join(" · ");
  return truncate(
    `*${s.name}*${label ? `: ${label}` : ""}\n${s.how}${links ? `\n${links}` : ""}`,
    LIMITS.fieldText,
  );
}

/** A claim read after "It is often said that": no full stop, and "The Django admin…" as "the Django admin…". */
function midSentence(claim: string): string {
  return claim.replace(/\.$/, "").replace(/^(The|A|An|It|There) /, (w) => w.toLowerCase());
}

/** The myth the question was about, unless it named a detail: "black friday traffic" is not "large projects". */
function mythAsked(model: FeatureAnswerModel): Myth | undefined {
  return model.explanation.detail ? undefined : model.myth;
}

/** The answer to a yes/no question, first; not when the question was a myth (its correction answers it). */
function directLine(model: FeatureAnswerModel): string | undefined {
  if (mythAsked(model)) return undefined;
  const e = model.explanation;
  return e.direct ?? (model.question ? directAnswer(e, model.question) : undefined);
}

/** The side-by-side answer for one feature. */
export function featureAnswerBlocks(model: FeatureAnswerModel): KnownBlock[] {
  const e = model.explanation;
  const blocks: KnownBlock[] = [];
  if (model.question) {
    blocks.push({
      type: "context",
      elements: [
        mrkdwnVerbatim(truncate(`You asked: “${inertText(truncate(model.question.trim(), 200))}”`, 1000)),
      ],
    });
  }
  const direct = directLine(model);
  if (direct) blocks.push({ type: "section", text: mrkdwn(truncate(direct, LIMITS.sectionText)) });
  const myth = mythAsked(model);
  if (myth) {
    blocks.push({
      type: "section",
      text: mrkdwn(
        truncate(
          `:mag: *Checked fact.* It is often said that ${midSentence(myth.claim)}. In fact: ${myth.correction} ${[link(myth.source, "source"), ...myth.more.map((m) => link(m.url, m.title))].join(" · ")}`,
          LIMITS.sectionText,
        ),
      ),
    });
  }
  if (e.detail) {
    // A detail the feature's own sheet does not cover answers alone; the sheet is one question away.
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`*${e.detail.title}* (${e.title})`, LIMITS.sectionText)),
      fields: [
        mrkdwn(detailSide(e.flask.name, e.detail.flask)),
        mrkdwn(detailSide(e.django.name, e.detail.django)),
      ],
    });
  } else {
    blocks.push({
      type: "section",
      text: mrkdwn(truncate(`*${e.title}*\n${e.verdict.text}`, LIMITS.sectionText)),
      fields: [mrkdwn(side(e.flask)), mrkdwn(side(e.django))],
    });
  }
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
  const whole = e.detail ? `For all of ${e.title}, ask “${e.title.toLowerCase()}?”. ` : "";
  blocks.push({ type: "context", elements: [mrkdwn(`${whole}Knowledge ${e.knowledgeVersion}`)] });
  return blocks;
}
