/** What to answer a question with: pure, from the engine and the blocks (posting is in post-answer). */
import {
  endsWithQuestionMark,
  explainFeature,
  type FeatureScore,
  type FrameworkId,
  type Hypothesis,
  type Knowledge,
  onlyBuildingElseFlips,
  type ProjectProfile,
  type QuickTake,
  type Recommendation,
  recommendProfile,
  type Understanding,
  understand,
  whatIf,
} from "../../engine/index.js";
import {
  alternativeAnswer,
  confidenceAnswer,
  flipAnswer,
  pushbackAnswer,
  verdictAnswer,
  whatIfAnswer,
  whyNotAnswer,
} from "../blocks/decision-answer.js";
import { didYouMeanBlocks } from "../blocks/did-you-mean.js";
import { featureAnswerBlocks, featureAnswerText } from "../blocks/feature-answer.js";
import { featuresBriefBlocks, featuresBriefText } from "../blocks/features-brief.js";
import { helpBlocks, unknownQuestionBlocks } from "../blocks/help.js";
import type { KnownBlock } from "../blocks/kit.js";
import { quickTakeBlocks } from "../blocks/quick-take.js";
import { headline, heldUp } from "../blocks/recommendation-lines.js";
import { decodeSlackEntities } from "../blocks/text.js";
import { encodeAnswers } from "./codecs.js";

/** A message to answer, and what is known of where it was written. */
export interface Conversation {
  text: string;
  /** The person addressed the bot (a mention, a DM): an unknown question still gets an answer. */
  addressed: boolean;
  /** The project behind the thread, when it is one of our recommendations. */
  profile?: ProjectProfile;
  /** The verdict of that recommendation. */
  verdict?: FrameworkId | "either";
  /** True when there is no recommendation here: the answer says how to get one. */
  noProject: boolean;
  /**
   * A one-sentence project description gets a quick take even where a recommendation is known (the
   * agent pane: the recommendation beside it may be another project's). Threads answer from theirs.
   */
  quickTakeFirst?: boolean;
}

/**
 * What the person typed: mentions (`<@U…>`) removed so "@flask-or-django admin?" reads as "admin?",
 * then Slack's entities decoded. Mentions go first: a typed "<@U1>" arrives as "&lt;@U1&gt;" and stays text.
 */
export function withoutMentions(text: string): string {
  return decodeSlackEntities(text.replace(/<@[A-Z0-9]+(\|[^>]*)?>/g, " ")).trim();
}

/**
 * The message opens by naming someone other than the bot ("<@U0999> can you help with this?"): it
 * is for them, not for us, however it reads.
 */
export function opensToSomeoneElse(text: string, botUserId: string | undefined): boolean {
  const first = /^\s*<@([A-Z0-9]+)(\|[^>]*)?>/.exec(text);
  return first !== null && first[1] !== botUserId;
}

export type Answer = { text: string; blocks: KnownBlock[] } | undefined;

/** The feature answer as a message, or undefined when the feature id is unknown. */
export function featureAnswer(
  knowledge: Knowledge,
  featureId: string,
  opts: {
    profile?: ProjectProfile;
    question?: string;
    noProject: boolean;
    mythIndex?: number;
  },
): Answer {
  const explanation = explainFeature(
    featureId,
    opts.profile,
    knowledge,
    opts.question ? { question: opts.question } : {},
  );
  if (!explanation) return undefined;
  const myth = opts.mythIndex !== undefined ? explanation.myths[opts.mythIndex] : undefined;
  return {
    text: featureAnswerText(explanation),
    blocks: featureAnswerBlocks({
      explanation,
      suggestRecommendation: opts.noProject,
      ...(opts.question ? { question: opts.question } : {}),
      ...(myth ? { myth } : {}),
    }),
  };
}

/** What to say to a message; undefined means stay quiet (chatter, thanks, statements in a thread). */
export function answerFor(knowledge: Knowledge, q: Conversation): Answer {
  return composeAnswer(knowledge, q).answer;
}

/** An answer, and what it is about in a few words (an assistant thread's title), when that is clear. */
export interface Composed {
  answer: Answer;
  topic?: string;
  /** The answer draws on the recommendation's project (its answers, its verdict). */
  usesProject?: boolean;
  /** A question about a recommendation's decision, asked where there is none to answer from. */
  needsRecommendation?: boolean;
}

/** `answerFor`, also naming the topic: the one place a Slack surface turns a message into an answer. */
export function composeAnswer(knowledge: Knowledge, q: Conversation): Composed {
  const text = withoutMentions(q.text);
  if (text === "") return q.addressed ? { answer: helpAnswer(knowledge), topic: HELP_TOPIC } : NONE;
  let u = understand(knowledge, text, {
    hasRecommendation: q.profile !== undefined,
    ...(q.verdict ? { verdict: q.verdict } : {}),
  });
  if (q.quickTakeFirst && q.profile && u.intent === "decision" && u.topic === "verdict") {
    // Read as if no recommendation were known: a sentence that describes a project (what it is, how
    // big…, not only a feature word, which "what's the call?" can look like) gives a quick take.
    const fresh = understand(knowledge, text, {});
    const describes = fresh.intent === "decision" && fresh.topic === "verdict" && fresh.quickTake;
    if (describes && Object.keys(describes.answers).length > 0) u = fresh;
  }
  const asked = q.addressed || u.isQuestion;
  // A guess is never passed off as an answer: a feature guess offers "did you mean", any other guess
  // is treated as not understood (a quick take says itself that it is read from one sentence). An
  // alternative named under a recommendation is answered even when read unsurely ("why django and not
  // fastapi?" had got "I don't know that one"); other unsure decision readings are often colleagues'
  // questions ("should I rebase my django branch?").
  const quickAllowed = !q.profile || q.quickTakeFirst === true;
  const quick = u.intent === "decision" && u.topic === "verdict" && u.quickTake !== undefined && quickAllowed;
  const decided =
    u.intent === "decision" &&
    u.topic === "alternative" &&
    u.alternative !== undefined &&
    q.profile !== undefined;
  const intent = u.unsure && u.intent !== "feature" && !quick && !decided ? "unknown" : u.intent;
  switch (intent) {
    case "feature": {
      if (!asked || u.intent !== "feature") return NONE;
      // A remark the layer half reads as a feature ("celery gave us headaches in prod") is not
      // answered in a thread, like any guess there: only a plain question is.
      if (u.unsure && !q.addressed && !endsWithQuestionMark(text)) return NONE;
      const topic = featureTopic(u.features);
      if (u.features.length > 1) {
        return {
          answer: severalFeatures(knowledge, u.features, text, q.profile),
          topic,
          ...(q.profile ? { usesProject: true } : {}),
        };
      }
      if (u.unsure) {
        return { answer: didYouMean(text, [...u.features, ...plausible(u.runnersUp, 0.1)]) };
      }
      return {
        answer: featureAnswer(knowledge, u.features[0]?.featureId ?? "", {
          question: text,
          noProject: q.noProject,
          ...(q.profile ? { profile: q.profile } : {}),
          ...(u.myth ? { mythIndex: u.myth.index } : {}),
        }),
        topic,
        ...(q.profile ? { usesProject: true } : {}),
      };
    }
    case "decision":
      if (!asked || u.intent !== "decision") return NONE;
      if (quick && u.topic === "verdict" && u.quickTake) return quickTake(knowledge, u.quickTake, text);
      return decisionAnswer(knowledge, u, text, q.profile);
    case "pushback":
      return q.profile && u.intent === "pushback"
        ? {
            answer: pushback(knowledge, q.profile, u.prefers, u.hypothesis),
            topic: FLIP_TOPIC,
            usesProject: true,
          }
        : NONE;
    case "help":
      return asked ? { answer: helpAnswer(knowledge), topic: HELP_TOPIC } : NONE;
    case "thanks":
      return q.addressed ? { answer: welcome() } : NONE;
    case "chatter":
      return q.addressed ? { answer: helpAnswer(knowledge), topic: HELP_TOPIC } : NONE;
    case "unknown":
      // In a thread, what it cannot read stays unanswered unless it is plainly a question to it, and a
      // colleagues' question about another matter ("who has the replica creds?") unless it is addressed.
      if (!q.addressed && (!endsWithQuestionMark(text) || (u.intent === "unknown" && u.elsewhere)))
        return NONE;
      if (plausible(u.runnersUp, 0.3).length > 0)
        return { answer: didYouMean(text, plausible(u.runnersUp, 0.3)) };
      return {
        answer: {
          text: "I don't know that one yet. Ask about one feature, for example: what about the admin?",
          blocks: unknownQuestionBlocks(knowledge, text, q.profile !== undefined, q.addressed),
        },
      };
  }
}

const NONE: Composed = { answer: undefined };
const HELP_TOPIC = "What I can answer";
const FLIP_TOPIC = "What would change the verdict";

function featureTopic(features: FeatureScore[]): string | undefined {
  const titles = features.slice(0, 3).map((f) => f.title);
  if (titles.length === 0) return undefined;
  return titles.length === 1 ? `${titles[0]}: Flask or Django` : titles.join(", ");
}

function welcome(): NonNullable<Answer> {
  const text = "You're welcome! Ask me about any feature, or about the decision, whenever you like.";
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

function helpAnswer(knowledge: Knowledge): NonNullable<Answer> {
  return { text: "Flask or Django? Here is what I can do.", blocks: helpBlocks(knowledge, true) };
}

/** Candidates worth a button: a near-zero score is noise, not a suggestion. */
function plausible(candidates: readonly FeatureScore[], min: number): FeatureScore[] {
  return candidates.filter((c) => c.score >= min);
}

function didYouMean(text: string, candidates: FeatureScore[]): Answer {
  const unique = candidates.filter((c, i) => candidates.findIndex((d) => d.featureId === c.featureId) === i);
  if (unique.length === 0) return undefined;
  return { text: "Did you mean one of these topics?", blocks: didYouMeanBlocks(text, unique) };
}

function severalFeatures(
  knowledge: Knowledge,
  features: FeatureScore[],
  text: string,
  profile: ProjectProfile | undefined,
): Answer {
  const explanations = features
    .slice(0, 3)
    // The question too, so a detail asked about ("file uploads and caching?") answers that detail.
    .map((f) => explainFeature(f.featureId, profile, knowledge, { question: text }))
    .filter((e) => e !== undefined);
  return { text: featuresBriefText(explanations), blocks: featuresBriefBlocks(explanations, text) };
}

function decisionAnswer(
  knowledge: Knowledge,
  u: Extract<Understanding, { intent: "decision" }>,
  text: string,
  profile: ProjectProfile | undefined,
): Composed {
  const alternatives = `Alternatives to ${knowledge.meta.frameworks.flask.name} and ${knowledge.meta.frameworks.django.name}`;
  if (!profile) {
    if (u.topic === "verdict" && u.quickTake) return quickTake(knowledge, u.quickTake, text);
    if (u.topic === "alternative") {
      return {
        answer: {
          text: "What I know of alternatives to Flask and Django.",
          blocks: alternativeAnswer(knowledge, u.alternative, knowledge.caveats),
        },
        topic: alternatives,
      };
    }
    return {
      answer: {
        text: "I answer questions about the decision under a recommendation. Start one with /flask-or-django.",
        blocks: helpBlocks(knowledge, true),
      },
      needsRecommendation: true,
    };
  }
  const rec = recommendProfile(profile, knowledge);
  return { ...decidedAnswer(knowledge, u, rec, profile, alternatives), usesProject: true };
}

function decidedAnswer(
  knowledge: Knowledge,
  u: Extract<Understanding, { intent: "decision" }>,
  rec: Recommendation,
  profile: ProjectProfile,
  alternatives: string,
): Composed {
  switch (u.topic) {
    case "verdict":
      return {
        answer: { text: `${headline(knowledge, rec)}.`, blocks: verdictAnswer(knowledge, rec) },
        topic: "The verdict and its reasons",
      };
    case "why_not": {
      const against = u.framework ?? (rec.verdict === "flask" ? "django" : "flask");
      const name = knowledge.meta.frameworks[against].name;
      const asksFor = u.asksFor === true && rec.verdict !== against;
      return {
        answer: {
          text: asksFor
            ? `What counts for ${name}, and what outweighs it, for this project.`
            : `What counts against ${name} for this project.`,
          blocks: whyNotAnswer(knowledge, rec, against, asksFor),
        },
        topic: asksFor ? `Why ${name}?` : `Why not ${name}?`,
      };
    }
    case "confidence":
      return {
        answer: { text: `How sure: ${heldUp(rec)}.`, blocks: confidenceAnswer(knowledge, rec) },
        topic: "How sure the verdict is",
      };
    case "flip":
      if (u.hypothesis) {
        const supposed = whatIf(knowledge, profile, rec.verdict, u.hypothesis);
        return {
          answer: { text: supposed.text, blocks: whatIfAnswer(knowledge, rec, supposed) },
          topic: FLIP_TOPIC,
        };
      }
      return {
        answer: {
          text: "What would change the verdict.",
          blocks: flipAnswer(rec, onlyBuildingElseFlips(knowledge, rec.flips)),
        },
        topic: FLIP_TOPIC,
      };
    case "alternative":
      return {
        answer: {
          text: "What I know of alternatives for this project.",
          // The project's own caveats: another project's note ("an async-first API? look at FastAPI")
          // is no answer for a site that needs none of it.
          blocks: alternativeAnswer(knowledge, u.alternative, knowledge.caveats, rec.caveats),
        },
        topic: alternatives,
      };
  }
}

function pushback(
  knowledge: Knowledge,
  profile: ProjectProfile,
  prefers: FrameworkId | undefined,
  hypothesis: Hypothesis | undefined,
): Answer {
  const rec = recommendProfile(profile, knowledge);
  const supposed = hypothesis ? whatIf(knowledge, profile, rec.verdict, hypothesis) : undefined;
  return {
    text: "What would change the verdict.",
    blocks: pushbackAnswer(knowledge, rec, prefers, supposed),
  };
}

function quickTake(knowledge: Knowledge, take: QuickTake, sentence: string): Composed {
  const rec = recommendProfile(take.profile, knowledge);
  const understood = knowledge.singleQuestions.flatMap((q) => {
    const option = q.options.find((o) => o.value === take.answers[q.id]);
    return option ? [`${q.short}: ${option.label}`] : [];
  });
  for (const id of take.needs) understood.push(knowledge.featureById.get(id)?.title ?? id);
  return {
    answer: {
      text: `Quick take from one sentence: ${headline(knowledge, rec)}.`,
      blocks: quickTakeBlocks({
        knowledge,
        rec,
        sentence,
        understood,
        // The sentence is not prefilled as notes: notes are read for needs on submit, so a need the
        // person unticks would come back from them. What it named is ticked and chosen already.
        prefillValue: encodeAnswers({ answers: take.answers, needs: take.needs, notes: "" }),
      }),
    },
    topic: `Quick take: ${headline(knowledge, rec)}`,
  };
}
