import { z } from "zod";

/**
 * The shape of everything in `data/`. Each file is checked against its schema once, at load,
 * so the rest of the engine can trust the types.
 */

export const FRAMEWORKS = ["flask", "django"] as const;
export const FrameworkId = z.enum(FRAMEWORKS);
export type FrameworkId = z.infer<typeof FrameworkId>;

const id = z.string().regex(/^[a-z][a-z0-9_]*$/, "ids are lower_snake_case");
/** Official documentation only: the frameworks' sites, or the package's own docs/PyPI page. */
const docUrl = z.url({ protocol: /^https$/ });
const text = z.string().trim().min(1);

export const MetaSchema = z.object({
  knowledgeVersion: text,
  reviewed: z.iso.date(),
  frameworks: z.object({
    flask: z.object({ name: text, versions: z.array(text).min(1), current: text, docs: docUrl }),
    django: z.object({ name: text, versions: z.array(text).min(1), current: text, docs: docUrl }),
  }),
});
export type Meta = z.infer<typeof MetaSchema>;

/** A scoring dimension: how well each framework fits it, and how much it counts. */
export const CriterionSchema = z.object({
  id,
  label: text,
  /** Global weight: the one number to change if you disagree with how much this counts. */
  weight: z.number().positive().max(10),
  /** How well each framework serves this criterion, 0..1. */
  fit: z.object({ flask: z.number().min(0).max(1), django: z.number().min(0).max(1) }),
  /** Why the criterion favours each framework, one sentence each (the one that wins is shown). */
  reason: z.object({ flask: text, django: text }),
  /** The official page behind each reason: the one shown is the one for the reason shown. */
  source: z.object({ flask: docUrl, django: docUrl }),
});
export type Criterion = z.infer<typeof CriterionSchema>;
export const CriteriaFileSchema = z.array(CriterionSchema).min(1);

/** How one answer raises the importance of criteria. */
const effects = z.record(id, z.number().min(0).max(3));

export const OptionSchema = z.object({
  value: id,
  label: z.string().trim().min(1).max(75),
  description: z.string().trim().max(75).optional(),
  effects: effects.default({}),
  /** Multiplies criteria after all effects are summed, e.g. a team that knows a framework barely cares how fast it is to learn. */
  scale: z.record(id, z.number().min(0).max(1)).default({}),
  /** Completes "If …, X would win" for flips, e.g. "your team already knew Flask". */
  ifPhrase: text,
  /** What this answer means for the question's feature, said when someone asks about that feature. */
  note: text.optional(),
  /** Ordinal position for ordered questions (size, time): a flip that moves one step is smaller. */
  rank: z.number().int().min(0).optional(),
});
export type Option = z.infer<typeof OptionSchema>;

const QuestionBase = {
  id,
  label: z.string().trim().min(1).max(150),
  /** Short label for summaries and the terminal. */
  short: z.string().trim().min(1).max(40),
  help: z.string().trim().min(1).max(150),
  /** Command-line flag name, e.g. "size" for --size. */
  flag: z.string().regex(/^[a-z][a-z-]*$/),
};

export const QuestionSchema = z.discriminatedUnion("kind", [
  z.object({
    ...QuestionBase,
    kind: z.literal("single"),
    ordered: z.boolean().default(false),
    /**
     * How big a change of this answer is, for what would change the verdict: building something else
     * (2) is a bigger change than how it is built (1), so a team hears first of the changes it can make.
     */
    changeSize: z.number().int().min(1).max(5).default(1),
    /** The feature this question is about (database → databases): its options' notes answer for the project. */
    feature: id.optional(),
    options: z.array(OptionSchema).min(2).max(100),
    default: id,
  }),
  z.object({
    ...QuestionBase,
    kind: z.literal("multi"),
    /** Options come from the features that declare a `need`. */
    optionsFrom: z.literal("features"),
    default: z.array(id),
    max: z.number().int().positive(),
  }),
  z.object({
    ...QuestionBase,
    kind: z.literal("text"),
    maxLength: z.number().int().positive().max(3000),
    placeholder: z.string().trim().max(150),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;
export const QuestionsFileSchema = z.array(QuestionSchema).min(1);

/** A package named as the way to get (part of) a feature, with its own documentation. */
const PackageRef = z.strictObject({ name: text, docs: docUrl });
export type PackageRef = z.infer<typeof PackageRef>;

/**
 * Who maintains an extension: the framework's own organisation (`pallets`, `django`) or Flask's
 * community organisation (`pallets-eco`). Anything else is a third-party package.
 */
export const ExtensionHome = z.enum(["pallets", "pallets-eco", "django"]);
export type ExtensionHome = z.infer<typeof ExtensionHome>;
const ExtensionRef = PackageRef.extend({ home: ExtensionHome });
export type ExtensionRef = z.infer<typeof ExtensionRef>;

/** A dotted Python name: the module or API that provides a built-in feature. */
const moduleName = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/,
    "a dotted Python name such as django.contrib.admin",
  );

const ExtensionSource = z.strictObject({
  kind: z.literal("extension"),
  /** Official (Pallets, Django) or pallets-eco packages, installed separately. */
  packages: z.array(ExtensionRef).min(1),
});
const ThirdPartySource = z.strictObject({
  kind: z.literal("third_party"),
  /** Packages maintained outside the framework's organisations. */
  packages: z.array(PackageRef).min(1),
});

/**
 * Where a capability comes from. A discriminated union, so wrong combinations cannot be written:
 * built in names modules and has no packages; extensions and third-party packages each carry
 * their own docs link; a quality (performance, the learning curve) has no label at all.
 */
export const ProvenanceSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("built_in"),
    modules: z.array(moduleName).min(1),
    /** A pip extra this needs, e.g. "flask[async]". */
    extra: z
      .string()
      .regex(/^[a-z][a-z0-9-]*\[[a-z0-9-]+\]$/)
      .optional(),
    /**
     * What the built-in part does not do, said after a plain yes so it is not half true: "for
     * development only, never in production". It reads after "but", and the side's docs back it.
     */
    limit: text.optional(),
  }),
  ExtensionSource,
  ThirdPartySource,
  z.strictObject({ kind: z.literal("quality") }),
]);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Part of a feature that comes from elsewhere: "object-level permissions" from django-guardian. */
export const AddOnSchema = z.discriminatedUnion("kind", [
  ExtensionSource.extend({ for: text }),
  ThirdPartySource.extend({ for: text }),
]);
export type AddOn = z.infer<typeof AddOnSchema>;
/** A provenance or add-on that names packages. */
export type PackageSource = Extract<Provenance | AddOn, { packages: unknown }>;

const frameworkSide = z.strictObject({
  /** How this framework does it, one or two plain sentences. */
  how: text,
  provenance: ProvenanceSchema,
  /** Parts that come from separate packages, each labelled for what it adds. */
  addOns: z.array(AddOnSchema).default([]),
  /** The framework's own documentation for this feature (or, where the framework has none, the package's). */
  docs: docUrl,
  /** Further official pages for claims in `how` that `docs` does not cover. */
  more: z.array(z.strictObject({ title: text, url: docUrl })).default([]),
});
export type FrameworkSide = z.infer<typeof frameworkSide>;

export const MythSchema = z.object({
  /** What the seed article (or common lore) claims. */
  claim: text,
  correction: text,
  source: docUrl,
  /** Further official pages for claims in the correction that `source` does not cover. */
  more: z.array(z.strictObject({ title: text, url: docUrl })).default([]),
  /** Phrasings people use when asking about this myth. */
  phrasings: z.array(text).default([]),
});
export type Myth = z.infer<typeof MythSchema>;

/** One framework's answer on a detail of a feature, with its own documentation. */
const DetailSide = z.strictObject({
  text,
  source: docUrl,
  /** Further official pages for claims in `text` that `source` does not cover. */
  more: z.array(z.strictObject({ title: text, url: docUrl })).default([]),
});

/**
 * A part of a feature people ask about by name that the feature's own answer does not cover: rate
 * limiting under security, file uploads under forms. A question naming it gets this first.
 */
export const DetailSchema = z.strictObject({
  title: z.string().trim().min(1).max(60),
  /** Lower-case phrases that name it; one matches when every one of its words is in the question. */
  words: z.array(z.string().trim().toLowerCase().min(1)).min(1),
  flask: DetailSide,
  django: DetailSide,
});
export type Detail = z.infer<typeof DetailSchema>;

export const FeatureSchema = z.object({
  id,
  title: z.string().trim().min(1).max(60),
  /** Words and phrasings people use for this feature (matching). Lower case. */
  aliases: z.array(z.string().trim().min(1)).min(2),
  flask: frameworkSide,
  django: frameworkSide,
  verdict: z.object({
    winner: z.enum(["flask", "django", "tie", "depends"]),
    text,
  }),
  /** When a project can "need" this feature: the option label and the criterion it feeds. */
  need: z
    .object({
      label: z.string().trim().min(1).max(75),
      /** "an admin panel": used in "You said you need …". */
      phrase: text,
      criterion: id,
      importance: z.number().positive().max(3).default(1),
    })
    .optional(),
  myths: z.array(MythSchema).default([]),
  details: z.array(DetailSchema).default([]),
});
export type Feature = z.infer<typeof FeatureSchema>;
export const FeaturesFileSchema = z.array(FeatureSchema).min(1);

/** A condition on the answers: every listed question must have one of the listed values. */
const Condition = z.record(id, z.array(id).min(1));

export const ProConSchema = z.object({
  id,
  framework: FrameworkId,
  kind: z.enum(["pro", "con"]),
  text,
  /**
   * The criteria this point bears on, the main one first: it is shown only when the main one carries
   * weight for the project, and never when the notes rule out a need behind any of them.
   */
  criteria: z.array(id).min(1),
  /** Shown only when one of these conditions holds (as for caveats), when the criteria alone are too broad. */
  whenAny: z.array(Condition).min(1).optional(),
  source: docUrl,
});
export type ProCon = z.infer<typeof ProConSchema>;
export const ProsConsFileSchema = z.array(ProConSchema).min(1);

export const CaveatSchema = z.object({
  id,
  /** Shown when any of these conditions holds. */
  whenAny: z.array(Condition).min(1),
  text,
  alternative: z.object({ name: text, url: docUrl }).optional(),
  /** The framework it counts against, when one: "why not Django?" then names it. */
  against: FrameworkId.optional(),
  source: docUrl,
});
export type Caveat = z.infer<typeof CaveatSchema>;
export const CaveatsFileSchema = z.array(CaveatSchema);

export const ScoringSchema = z.object({
  /** Below this margin (points between the two shares of the evidence) the verdict is "either". */
  tieMargin: z.number().min(0).max(50),
  /** Evidence added to both sides before scoring, so a tiny advantage never reads as 100 to 0. */
  prior: z.number().positive(),
  confidence: z
    .object({
      samples: z.number().int().min(10).max(5000),
      /** Each weight is multiplied by a factor drawn uniformly from [1 - spread, 1 + spread]. */
      spread: z.number().min(0).max(0.95),
      /** Each framework's fit on each criterion moves by up to ± this much (kept within 0..1). */
      fitSpread: z.number().min(0).max(0.5),
      seed: z.number().int(),
      /** At least this share of re-weightings keeps the verdict: a clear call. */
      clear: z.number().min(0).max(1),
      /** At least this share (below `clear`): leaning. Below it: a close call. */
      leaning: z.number().min(0).max(1),
    })
    .refine((c) => c.leaning <= c.clear, { message: "leaning must not be above clear", path: ["leaning"] }),
  maxFlips: z.number().int().min(0).max(10),
  maxFactors: z.number().int().min(1).max(10),
  /** A reason is shown only when its criterion moved at least this many points of the evidence. */
  minFactorPoints: z.number().min(0).max(50),
  maxProsCons: z.number().int().min(1).max(10),
  /** A pro or con is shown only when its main criterion's weight × importance is at least this. */
  minProConWeight: z.number().min(0).max(10),
});
export type Scoring = z.infer<typeof ScoringSchema>;

/** What people type in a thread, for the understanding layer (src/engine/understand/). */
const example = z.string().trim().min(1).max(300);
const examples = z.array(example).min(1);
export const DECISION_TOPICS = ["verdict", "why_not", "confidence", "flip", "alternative"] as const;
export const OTHER_INTENTS = ["help", "thanks", "chatter", "pushback", "unknown"] as const;

export const ExamplesSchema = z.strictObject({
  /** Questions about one feature, by feature id. */
  features: z.record(id, examples),
  /** Questions about the decision itself, by topic. */
  decisions: z.strictObject(
    Object.fromEntries(DECISION_TOPICS.map((t) => [t, examples])) as Record<
      (typeof DECISION_TOPICS)[number],
      typeof examples
    >,
  ),
  /** Everything else people say in a thread. */
  intents: z.strictObject(
    Object.fromEntries(OTHER_INTENTS.map((t) => [t, examples])) as Record<
      (typeof OTHER_INTENTS)[number],
      typeof examples
    >,
  ),
  /** Frameworks people suggest instead ("would FastAPI be better?"): the name and the words for it. */
  alternatives: z.array(z.strictObject({ name: text, words: z.array(text).min(1) })).min(1),
  /**
   * Words that say what a described project is ("a small online shop"), by question id and option
   * value: how a one-line question becomes the questionnaire's answers.
   */
  profileCues: z.record(id, z.record(id, z.array(text).min(1))),
});
export type Examples = z.infer<typeof ExamplesSchema>;
