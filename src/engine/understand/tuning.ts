/**
 * The thresholds that turn the classifiers' probabilities into answers, chosen by cross-validation
 * over data/examples.json and the development set (`npm run eval -- --cv`, `--dev`), never on the
 * held-out set.
 */
export const TUNING: Tuning = {
  /** Below this probability of its kind, a message is not answered: unknown (or chatter, for a statement). */
  cutoff: 0.45,
  /** The same for the other kinds (decision, help, thanks, pushback, chatter). */
  cutoffOther: 0.35,
  /** Below this probability of the feature, the answer is given but flagged unsure. */
  sure: 0.6,
  /** Another part of the message ("…and caching?") adds its feature when read at least this surely. */
  alsoAsked: 0.8,
  /** …or at least this surely when an alias in that part names it. */
  alsoAlias: 0.4,
  /** 1: each part is read by both classifiers, like the whole message (0: Naive Bayes alone). */
  segmentMix: 1,
  /** A message with more topic words than this is long: it often tells its background before it asks (0: none is). */
  longMessage: 6,
  /** 1: in a long message, another part adds its feature only when it opens as a question ("…, and how do we debug prod?") or is an item of a list. */
  longAsks: 1,
  /** A part with at most this many topic words and no function word but articles, prepositions and "and" is an item of a list ("the admin panel", "login for customers"). */
  listItemTerms: 3,
  /** 1: in a long message, a part that tells, before a part that asks, sets the scene ("the admin screens look great, but …, how do we restrict that"). */
  sceneStatements: 1,
  /** 1: when every alias is in a part that sets the scene, the classifiers choose the feature, not the scene's alias. */
  sceneClassify: 1,
  /** 1: a later part that opens with who speaks ("…? we deploy on heroku") adds no feature. */
  speakerParts: 1,
  /** 1: a feature named only in parts that set the scene gives way to one a part that asks adds. */
  sceneYields: 1,
  /** Words not ours in a part that sets the scene rule nothing out when a part that asks reads a feature this surely alone (0: they always do). */
  sceneWords: 0.5,
  /** A part of the notes names a need when read at least this surely. */
  notes: 0.6,
  /** Least evidence a word gives a feature to count as a domain word (log-probability lift). */
  domainLift: 2,
  /** Softens the classifiers' over-confidence on long messages. */
  temperature: 1,
  /** A word or word pair anchors a kind of message when its weight for it stands this far above the others'. */
  anchorLift: 0.5,
  /** …and at least this many of that kind's examples use it. */
  anchorCount: 2,
  /** A feature reading overrules "unknown" (with nothing off-topic named) when at least this probable. */
  overrule: 0.4,
  /** A statement naming a feature is chatter when the kind classifier gives chatter at least this. */
  chatter: 0,
  /** A rare word of a feature's examples is a domain word when alone it reads this surely as one feature. */
  wordSure: 0.9,
  /** A word used in two or more unknown or chatter examples is a domain word only if feature examples use it this many times as often. */
  domainRatio: 5,
  /** A feature reading this probable stands even next to an off-topic word. */
  offTopicKeep: 0.99,
  /** Below this score a feature reading without an alias is a guess: unknown, with the guess among the runners-up. */
  guess: 0.3,
  /** …and below this one when the kind classifier gives a feature question at least `kindSure`. */
  guessSure: 0.1,
  /** How sure the kind classifier must be that a feature is asked for `guessSure` to apply. */
  kindSure: 0.9,
  /** A second feature's alias in the same ask joins the answer when the message reads this much as it. */
  bothAliases: 1.01, // measured no better on CV or the dev set at 0.1–0.3: off
  /** Two features' aliases in a message of at most this many topic words are both asked ("templates i18n"; 0: off). */
  pairTerms: 4,
  /** …when at most this many of its topic words are in neither alias (0: the aliases are all it says). */
  pairLoose: 0,
  /** …and each alias's word is about its feature in at least this share of the examples using it (Trained.aliasShares). */
  pairShare: 0.6,
  /** 1: a topic word in neither alias that alone reads best as one of them belongs to it ("json api token auth"). */
  pairOwnWords: 1,
  /** 1: an alias after a preposition, or in its noun phrase ("sessions on deploy", "tests for db migrations"), is not a second ask. */
  pairGoverned: 1,
  /** 1: a part that sets the scene ("we're on postgres, …", "on our redis box, …") adds no feature of its own. */
  sceneParts: 1,
  /** A feature read at least this surely overrules the aliases in the message, which name others. */
  aliasOverrule: 0.8,
  /**
   * An alias whose feature both classifiers all but rule out (under this probability) gives way to their
   * reading when that reaches `aliasUnlikelyOverrule` ("requests a second from a django app" asks about
   * performance, not project structure): dev2, dev3, dev4, dev5, dev6 +1 each at 0.05–0.08 and 0.2–0.3.
   */
  aliasUnlikely: 0.05,
  aliasUnlikelyOverrule: 0.3,
  /** 1: a reading's probability is taken given that the more probable readings were ruled out. */
  renormalise: 1,
  /** A feature reading with a word training never saw (and no framework named) needs this probability. */
  unseenKeep: 0.7,
  /** A feature reading needs no domain word when the kind classifier gives it this much (nothing off-topic or unseen). */
  noDomainKeep: 0.7,
  /** 1: an off-topic word rules out a decision reading too (unless a framework is named). */
  decisionOffTopic: 1,
  /** 1: a plain question (a question mark, or a question word first) is never chatter. */
  questionNotChatter: 1,
};

export interface Tuning {
  cutoff: number;
  cutoffOther: number;
  sure: number;
  alsoAsked: number;
  alsoAlias: number;
  segmentMix: number;
  longMessage: number;
  longAsks: number;
  listItemTerms: number;
  sceneStatements: number;
  sceneClassify: number;
  speakerParts: number;
  pairOwnWords: number;
  sceneYields: number;
  sceneWords: number;
  notes: number;
  domainLift: number;
  temperature: number;
  anchorLift: number;
  anchorCount: number;
  overrule: number;
  chatter: number;
  wordSure: number;
  domainRatio: number;
  offTopicKeep: number;
  bothAliases: number;
  guess: number;
  guessSure: number;
  kindSure: number;
  aliasOverrule: number;
  aliasUnlikely: number;
  aliasUnlikelyOverrule: number;
  pairTerms: number;
  pairLoose: number;
  pairShare: number;
  pairGoverned: number;
  sceneParts: number;
  renormalise: number;
  unseenKeep: number;
  noDomainKeep: number;
  decisionOffTopic: number;
  questionNotChatter: number;
}
