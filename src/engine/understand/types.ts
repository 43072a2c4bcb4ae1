import type { DECISION_TOPICS, FrameworkId } from "../knowledge-schema.js";
import type { ProjectProfile } from "../profile.js";
import type { Hypothesis } from "../what-if.js";
import type { MythHit } from "./myths.js";

export type { MythHit };

/** What a message is. */
export type Intent = "feature" | "decision" | "help" | "thanks" | "chatter" | "pushback" | "unknown";

/** What a question about the decision asks: the call, the case against one, how sure, what would change it, another framework. */
export type DecisionTopic = (typeof DECISION_TOPICS)[number];

/** Where the message was written. */
export interface UnderstandContext {
  /** It replies in the thread of one of our recommendations (else: a mention, a DM, a slash command). */
  hasRecommendation?: boolean;
  /** That recommendation's verdict: "why not the other one?" then names a framework. */
  verdict?: FrameworkId | "either";
}

export interface FeatureScore {
  featureId: string;
  title: string;
  /** 0..1: how much of the message this feature accounts for. */
  score: number;
}

/** A one-line project description read as the questionnaire's answers ("a small online shop"). */
export interface QuickTake {
  /** Only the answers the sentence gives, by question id ({ project_type: "ecommerce", size: "small" }). */
  answers: Record<string, string>;
  /** Features the sentence says the project needs. */
  needs: string[];
  /** A complete profile for `recommend` and for prefilling the form: the answers over the defaults, the sentence as notes. */
  profile: ProjectProfile;
}

interface Common {
  /** 0..1: how much of the message the winning reading accounts for. */
  score: number;
  /** Set when the reading is a guess: say so, and offer `runnersUp` as "did you mean" buttons. */
  unsure: boolean;
  /** The message asks something (by meaning, not only by "?"): "tl;dr what's the plan" does. */
  isQuestion: boolean;
  /** The best features not in the answer, best first (at most 3). */
  runnersUp: FeatureScore[];
}

export type Understanding =
  | (Common & {
      intent: "feature";
      /** The features asked about, best first: one, or several for "auth and caching?". */
      features: FeatureScore[];
      /** Set when the question is about one of the article's myths, for the first feature. */
      myth?: MythHit;
    })
  | (Common & { intent: "decision"; topic: "verdict"; quickTake?: QuickTake })
  | (Common & {
      intent: "decision";
      topic: "why_not";
      framework?: FrameworkId;
      /** "why flask?" of the one that lost: what counts for it, then what outweighs it. */
      asksFor?: boolean;
    })
  | (Common & { intent: "decision"; topic: "confidence" })
  | (Common & {
      intent: "decision";
      topic: "flip";
      /** What the message supposes instead of the project's answers ("what if it stays tiny?"), when it reads any. */
      hypothesis?: Hypothesis;
    })
  | (Common & {
      intent: "decision";
      topic: "alternative";
      /** The framework named ("FastAPI"), when one is. */
      alternative?: string;
    })
  | (Common & {
      intent: "pushback";
      /** The framework they would rather use, when it can be told. */
      prefers?: FrameworkId;
      /** The answers their reason gives ("we know flask"), when it gives any. */
      hypothesis?: Hypothesis;
    })
  | (Common & {
      intent: "help" | "thanks" | "chatter" | "unknown";
      /**
       * Surely about another matter, worded like ours: colleagues' business ("should we deploy on
       * friday?", "who has the replica creds?", "which vendor did we pick for payments?"). In a
       * thread it needs no "I don't know that one" unless the app is addressed.
       */
      elsewhere?: true;
    });
