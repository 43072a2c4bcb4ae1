import type { Knowledge } from "../knowledge.js";
import { type Analysed, analyse, GRAMMAR_WORDS, STOPWORDS, type Term } from "./analyse.js";
import { labelledExamples } from "./check-examples.js";
import { type LinearScorer, type TrainingDoc, train } from "./classifier.js";
import { alternativeNames } from "./elsewhere.js";
import { Lexicon } from "./lexicon.js";
import { Neighbours } from "./neighbours.js";
import type { PipelineOptions } from "./options.js";
import { memoised, STEMMERS, type Stemmer } from "./stemmers.js";
import { Vocabulary } from "./vocabulary.js";

/** "feature:admin", "decision:verdict", or an intent ("help", "thanks", "chatter", "pushback", "unknown"). */
export type Label = string;

export const FEATURE = "feature:";
export const DECISION = "decision:";
/** The kind classifier's label for every feature question when features are collapsed into one. */
export const ANY_FEATURE = "feature";

/** Example texts to leave out of training (cross-validation holds them out). */
export type Holdout = ReadonlySet<string>;

/** An alias or code word of a feature, as stems in a row ("admin panel" → admin, panel). */
interface Alias {
  featureId: string;
  stems: string[];
}

/** Where an alias matched: the feature, and the positions (in Analysed.words) of its words. */
export interface AliasHit {
  featureId: string;
  at: number[];
  segment: number;
  /** The positions of every alias of this feature in the message (`at` is the first one's). */
  all: number[];
}

/**
 * What training learns from the examples: everything a model is besides what is derived at once
 * from the knowledge base (aliases) or from these (lexicon, label groups). A shipped model is this,
 * saved (shipped.ts).
 */
export interface Trained {
  /** The words training saw, for correcting what people mistype (none when spelling is "none"). */
  vocabulary: Vocabulary | undefined;
  kinds: LinearScorer;
  features: LinearScorer;
  domain: Set<string>;
  anchors: Map<Label, Set<string>>;
  offTopic: Set<string>;
  otherFrameworks: Set<string>;
  featureStems: Set<string>;
  /** Stems of the decision examples and the quick take's cues: what a question about the decision is about. */
  decisionStems: Set<string>;
  /**
   * For each alias word, keyed "feature stem": the share of the feature examples using the word that
   * are about that feature. "view" (0.3: async views, view caching, testing views) names routing in
   * passing far more often than "csrf" names security.
   */
  aliasShares: Map<string, number>;
  /** The examples as the kind classifier sees them, to find those nearest a message. */
  neighbours: Neighbours;
}

/** A built model: the two classifiers, the aliases, the lexicon. Made once per knowledge base. */
export interface Model {
  knowledge: Knowledge;
  options: PipelineOptions;
  stem: Stemmer;
  /** What training learnt, as it can be saved. */
  trained: Trained;
  lexicon: Lexicon;
  /** What kind of message: every example, function words kept. */
  kinds: LinearScorer;
  /** Which feature: feature examples, aliases and titles, without function words or framework names. */
  features: LinearScorer;
  /** The features, in the order of the feature classifier's labels. */
  featureIds: string[];
  /** For each feature (in featureIds' order), its label in the kind classifier, or -1 (labels collapsed). */
  kindOfFeature: Int32Array;
  /** The kind classifier's labels grouped into kinds of message (every feature label is one kind). */
  kindGroups: { labels: Label[]; of: Int32Array; feature: number; chatter: number };
  /** Aliases by their first stem. */
  aliases: Map<string, Alias[]>;
  /** Stems that on their own point at one feature: a message with none of them asks about no feature. */
  domain: Set<string>;
  /**
   * For each kind of message other than a feature question, the words and word pairs that point at
   * it ("flip", "why not", "confident"): a decision answer needs one of its own.
   */
  anchors: Map<Label, Set<string>>;
  /**
   * Off-topic words: seen in questions we cannot answer and never in any other example, alias or
   * title ("rust", "jest", "weather"). Next to a domain word they say the question is not ours.
   */
  offTopic: Set<string>;
  /** The frameworks people suggest instead (data/examples.json, alternatives), as stems. */
  otherFrameworks: Set<string>;
  /** Their one-word names, as typed ("express", "rails"). */
  alternativeNames: Set<string>;
  /** Per word (typed and stem): its rows in each classifier, computed once. */
  rows: Map<string, WordRows>;
  /** Stems of every word in a feature's examples, aliases or title. */
  featureStems: Set<string>;
  /** See Trained.decisionStems. */
  decisionStems: Set<string>;
  /** See Trained.aliasShares. */
  aliasShares: Map<string, number>;
}

interface WordRows {
  kind: number[];
  kindWeights: number[];
  feature: number[];
  featureWeights: number[];
  /** The word carries domain meaning (see `isDomain`). */
  domain: boolean;
}

function gramsOf(word: string, sizes: readonly number[]): string[] {
  const padded = `<${word}>`;
  const out: string[] = [];
  for (const n of sizes) {
    if (word.length < n - 1) continue;
    for (let i = 0; i + n <= padded.length; i++) out.push(`#${padded.slice(i, i + n)}`);
  }
  return out;
}

/** The features of one word for each classifier, as strings (training) with their weights. */
function wordFeatures(
  options: PipelineOptions,
  t: Pick<Term, "stem" | "typed" | "weight" | "stop">,
  forFeatures: boolean,
): Array<[string, number]> {
  if (forFeatures && t.stop) return [];
  const out: Array<[string, number]> = [[t.stem, t.weight]];
  if (!forFeatures && !options.kindGrams) return out;
  for (const g of gramsOf(t.typed, options.grams)) out.push([g, options.gramWeight * t.weight]);
  return out;
}

/** Pairs of neighbouring words in a clause and the first word: what kind of message it is. */
function contextFeatures(options: PipelineOptions, a: Analysed): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const tokens = a.tokens;
  for (let i = 1; i < tokens.length; i++) {
    const p = tokens[i - 1] as Term;
    const t = tokens[i] as Term;
    if (p.clause === t.clause) out.push([`${p.stem}_${t.stem}`, options.bigramWeight]);
  }
  const first = tokens[0];
  if (first) out.push([`^${first.stem}`, 1]);
  if (a.questionMark) out.push(["?", 1]);
  return out;
}

/** Word features are the same wherever the word occurs: each is made once per build. */
type FeatureCache = Map<string, Array<[string, number]>>;

function cachedWordFeatures(
  options: PipelineOptions,
  t: Term,
  forFeatures: boolean,
  cache?: FeatureCache,
): Array<[string, number]> {
  if (!cache) return wordFeatures(options, t, forFeatures);
  const key = `${forFeatures ? 1 : 0}${t.typed}\u0000${t.stem}\u0000${t.weight}\u0000${t.stop}`;
  let f = cache.get(key);
  if (!f) {
    f = wordFeatures(options, t, forFeatures);
    cache.set(key, f);
  }
  return f;
}

function kindFeatures(options: PipelineOptions, a: Analysed, cache?: FeatureCache): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const t of a.tokens) for (const f of cachedWordFeatures(options, t, false, cache)) out.push(f);
  for (const f of contextFeatures(options, a)) out.push(f);
  return out;
}

function topicFeatures(options: PipelineOptions, a: Analysed, cache?: FeatureCache): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const t of a.terms) for (const f of cachedWordFeatures(options, t, true, cache)) out.push(f);
  return out;
}

/** Every text training uses, with its label: examples, and each feature's aliases, title and myths. */
export function trainingTexts(
  knowledge: Knowledge,
  holdout?: Holdout,
): Array<{ label: Label; text: string }> {
  const out: Array<{ label: Label; text: string }> = [];
  for (const f of knowledge.features) {
    const label = `${FEATURE}${f.id}`;
    for (const text of [f.title, ...f.aliases]) out.push({ label, text });
    // The myths' phrasings are questions people ask about this feature, so they count as examples.
    for (const text of f.myths.flatMap((m) => [m.claim, ...m.phrasings])) {
      if (!holdout?.has(text)) out.push({ label, text });
    }
  }
  for (const { label, text } of labelledExamples(knowledge.examples)) {
    if (!holdout?.has(text)) out.push({ label, text });
  }
  return out;
}

/** The stemmer the options name, memoised for the process. */
export function stemmerOf(options: PipelineOptions): Stemmer {
  return memoised(options.customStem ?? STEMMERS[options.stemmer]);
}

/** Each alias as stems, by its first stem, longest first (a lexicon without corrections reads them). */
function aliasesOf(knowledge: Knowledge, plain: Lexicon): Map<string, Alias[]> {
  const aliases = new Map<string, Alias[]>();
  for (const f of knowledge.features) {
    for (const alias of f.aliases) {
      const stems = analyse(alias, plain).tokens.map((t) => t.stem);
      const first = stems[0];
      if (first === undefined) continue;
      const list = aliases.get(first) ?? [];
      list.push({ featureId: f.id, stems });
      aliases.set(first, list);
    }
  }
  for (const list of aliases.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return aliases;
}

/** Builds the model: trains it on the knowledge base's examples, then assembles it. */
export function buildModel(knowledge: Knowledge, options: PipelineOptions, holdout?: Holdout): Model {
  return assembleModel(knowledge, options, trainModel(knowledge, options, holdout));
}

/** A model from what training learnt (just now, or shipped): lexicon, aliases and label groups added. */
export function assembleModel(knowledge: Knowledge, options: PipelineOptions, trained: Trained): Model {
  const stem = stemmerOf(options);
  const featureIds = knowledge.features.map((f) => f.id);
  const kindLabels = trained.kinds.labels;
  const groupLabels: Label[] = [];
  const of = Int32Array.from(kindLabels, (l) => {
    const key = l.startsWith(FEATURE) ? ANY_FEATURE : l;
    const known = groupLabels.indexOf(key);
    return known >= 0 ? known : groupLabels.push(key) - 1;
  });
  const kindGroups = {
    labels: groupLabels,
    of,
    feature: groupLabels.indexOf(ANY_FEATURE),
    chatter: groupLabels.indexOf("chatter"),
  };
  return {
    knowledge,
    options,
    stem,
    trained,
    lexicon: new Lexicon(stem, trained.vocabulary, trained.domain),
    kinds: trained.kinds,
    features: trained.features,
    featureIds,
    kindOfFeature: Int32Array.from(featureIds, (id) => kindLabels.indexOf(`${FEATURE}${id}`)),
    kindGroups,
    aliases: aliasesOf(knowledge, new Lexicon(stem, undefined)),
    alternativeNames: alternativeNames(knowledge),
    domain: trained.domain,
    anchors: trained.anchors,
    offTopic: trained.offTopic,
    otherFrameworks: trained.otherFrameworks,
    rows: new Map(),
    featureStems: trained.featureStems,
    decisionStems: trained.decisionStems,
    aliasShares: trained.aliasShares,
  };
}

/** Trains both classifiers and derives domain words, anchors and off-topic words from the examples. */
export function trainModel(knowledge: Knowledge, options: PipelineOptions, holdout?: Holdout): Trained {
  const stem = stemmerOf(options);
  const texts = trainingTexts(knowledge, holdout);
  // The words training sees, for correcting what people mistype.
  const plain = new Lexicon(stem, undefined);
  const analysedTexts = texts.map((t) => ({ ...t, a: analyse(t.text, plain, 4000) }));
  let vocabulary: Vocabulary | undefined;
  if (options.spelling === "own") {
    const words = new Map<string, number>();
    const stems = new Set<string>();
    for (const { a } of analysedTexts) {
      for (const t of a.tokens) {
        words.set(t.word, (words.get(t.word) ?? 0) + 1);
        stems.add(t.stem);
      }
    }
    vocabulary = new Vocabulary(words, stems, stem);
  }

  const featureIds = knowledge.features.map((f) => f.id);
  const kindLabels: Label[] = [];
  const kindOf = new Map<Label, number>();
  const addKind = (label: Label) => {
    if (!kindOf.has(label)) kindOf.set(label, kindLabels.push(label) - 1);
    return kindOf.get(label) as number;
  };
  const kindDocs: TrainingDoc[] = [];
  const featureDocs: TrainingDoc[] = [];
  const featureIndex = new Map(featureIds.map((id, i) => [id, i]));
  const cache: FeatureCache = new Map();
  for (const { label, a } of analysedTexts) {
    const isFeature = label.startsWith(FEATURE);
    const kindLabel = isFeature && options.kindLabels === "collapsed" ? ANY_FEATURE : label;
    const features = kindFeatures(options, a, cache);
    kindDocs.push({ label: addKind(kindLabel), features });
    if (isFeature) {
      const features = topicFeatures(options, a, cache);
      if (features.length > 0) {
        featureDocs.push({ label: featureIndex.get(label.slice(FEATURE.length)) as number, features });
      }
    }
  }
  const kinds = train(kindLabels, kindDocs, options.kindClassifier);
  const neighbours = Neighbours.fromExamples(
    kindDocs.map((d) => ({
      label: d.label,
      rows: d.features.filter(([f]) => isNeighbourFeature(f)).map(([f]) => kinds.id(f)),
    })),
    kinds.size,
    kindLabels.length,
  );
  const features = train(featureIds, featureDocs, options.featureClassifier);

  const aliases = aliasesOf(knowledge, plain);

  // Domain words: a stem that alone points at one feature far more than at the others, and that
  // the kind classifier alone reads as a feature question more than as anything else.
  // How many feature examples, and how many examples of what is not a question about the app
  // (unknown, chatter), use each stem: a domain word is far more at home in the first.
  const inFeatureDocs = new Map<string, number>();
  const inOffDocs = new Map<string, number>();
  for (const { label, a } of analysedTexts) {
    const into = label.startsWith(FEATURE)
      ? inFeatureDocs
      : label === "unknown" || label === "chatter"
        ? inOffDocs
        : undefined;
    if (!into) continue;
    for (const s of new Set(a.terms.map((t) => t.stem))) into.set(s, (into.get(s) ?? 0) + 1);
  }
  const domain = new Set<string>();
  const checked = new Set<string>();
  const one = new Float64Array(kindLabels.length);
  for (const { a } of analysedTexts) {
    for (const t of a.terms) {
      // A grammar word is skipped before its stem is marked: "nearly" may still make "near" a domain word.
      if (GRAMMAR_WORDS.has(t.word) || checked.has(t.stem)) continue;
      checked.add(t.stem);
      const off = inOffDocs.get(t.stem) ?? 0;
      const on = inFeatureDocs.get(t.stem) ?? 0;
      if (off >= 2 && on < options.tuning.domainRatio * off) continue;
      const row = features.id(t.stem);
      if (row < 0) continue;
      if (features.bestLift(row) < options.tuning.domainLift) continue;
      const kindRow = kinds.id(t.stem);
      const p = kinds.probabilities([kindRow], [1], 1, one);
      let featureShare = 0;
      kindLabels.forEach((l, i) => {
        if (l === ANY_FEATURE || l.startsWith(FEATURE)) featureShare += p[i] as number;
      });
      if (featureShare >= 0.5) domain.add(t.stem);
    }
  }
  for (const list of aliases.values())
    for (const a of list) if (a.stems.length === 1) domain.add(a.stems[0] as string);

  const anchors = new Map<Label, Set<string>>();
  const seenIn = new Map<string, Map<Label, number>>();
  // Features are stems: "are" is "ar", so function words are compared as stems too.
  const stopStems = new Set([...STOPWORDS].map((w) => stem(w)));
  analysedTexts.forEach(({ label }, i) => {
    if (label.startsWith(FEATURE)) return;
    for (const f of new Set((kindDocs[i] as TrainingDoc).features.map(([x]) => x))) {
      // Anchors are words and word pairs; a function word alone or the first word is no anchor.
      if (f.startsWith("#") || f.startsWith("^") || f === "?" || stopStems.has(f)) continue;
      if (label === "unknown" && f.includes("_")) continue;
      const m = seenIn.get(f) ?? new Map<Label, number>();
      m.set(label, (m.get(label) ?? 0) + 1);
      seenIn.set(f, m);
    }
  });
  kindLabels.forEach((label, index) => {
    if (label === ANY_FEATURE || label.startsWith(FEATURE)) return;
    const set = new Set<string>();
    for (const [f, m] of seenIn) {
      if ((m.get(label) ?? 0) < options.tuning.anchorCount) continue;
      if (kinds.lift(kinds.id(f), index) >= options.tuning.anchorLift) set.add(f);
    }
    anchors.set(label, set);
  });

  const inFeatures = new Set<string>();
  const inOthers = new Set<string>();
  const inUnknown = new Set<string>();
  // Questions about alternatives name other stacks ("would go be better"): a word of one of them is no
  // reason to count it ours, but a word several use is how such questions are asked ("alternatives?").
  const inAlternatives = new Map<string, number>();
  for (const { label, a } of analysedTexts) {
    if (label === `${DECISION}alternative`) {
      for (const s of new Set(a.terms.map((t) => t.stem)))
        inAlternatives.set(s, (inAlternatives.get(s) ?? 0) + 1);
      continue;
    }
    const into = label.startsWith(FEATURE) ? inFeatures : label === "unknown" ? inUnknown : inOthers;
    for (const t of a.terms) into.add(t.stem);
  }
  for (const [s, n] of inAlternatives) if (n >= 2) inOthers.add(s);
  // A word that describes a project to the quick take ("microservice") is never off-topic.
  const cueStems = new Set<string>();
  for (const cues of Object.values(knowledge.examples.profileCues))
    for (const list of Object.values(cues))
      for (const cue of list) for (const t of analyse(cue, plain).terms) cueStems.add(t.stem);
  for (const s of cueStems) inOthers.add(s);
  const offTopic = new Set([...inUnknown].filter((s) => !inFeatures.has(s) && !inOthers.has(s)));
  const otherFrameworks = new Set<string>();
  for (const alt of knowledge.examples.alternatives) {
    for (const w of alt.words) for (const t of analyse(w, plain).terms) otherFrameworks.add(t.stem);
  }
  for (const s of otherFrameworks) inFeatures.has(s) || offTopic.add(s);
  const decisionStems = new Set<string>(cueStems);
  for (const { label, a } of analysedTexts)
    if (label.startsWith(DECISION)) for (const t of a.terms) decisionStems.add(t.stem);

  return {
    aliasShares: aliasSharesOf(analysedTexts, aliases),
    vocabulary,
    kinds,
    features,
    domain,
    anchors,
    offTopic,
    otherFrameworks,
    featureStems: inFeatures,
    decisionStems,
    neighbours,
  };
}

/** See Trained.aliasShares: how often each alias word's examples are about the alias's feature. */
function aliasSharesOf(
  analysedTexts: ReadonlyArray<{ label: Label; a: Analysed }>,
  aliases: Map<string, Alias[]>,
): Map<string, number> {
  const wanted = new Set<string>();
  for (const list of aliases.values()) for (const alias of list) for (const s of alias.stems) wanted.add(s);
  const perStem = new Map<string, Map<string, number>>();
  for (const { label, a } of analysedTexts) {
    if (!label.startsWith(FEATURE)) continue;
    const feature = label.slice(FEATURE.length);
    for (const s of new Set(a.terms.map((t) => t.stem))) {
      if (!wanted.has(s)) continue;
      const m = perStem.get(s) ?? new Map<string, number>();
      m.set(feature, (m.get(feature) ?? 0) + 1);
      perStem.set(s, m);
    }
  }
  const shares = new Map<string, number>();
  for (const list of aliases.values()) {
    for (const alias of list) {
      for (const s of alias.stems) {
        const m = perStem.get(s);
        if (!m) continue;
        let total = 0;
        for (const n of m.values()) total += n;
        shares.set(`${alias.featureId} ${s}`, (m.get(alias.featureId) ?? 0) / total);
      }
    }
  }
  return shares;
}

/** How surely a feature's aliases, where they matched, name it: their most telling word's share (see Trained.aliasShares). */
export function aliasShare(model: Model, a: Analysed, hit: AliasHit): number {
  let best = 0;
  for (const t of a.tokens) {
    if (!hit.all.includes(t.at)) continue;
    best = Math.max(best, model.aliasShares.get(`${hit.featureId} ${t.stem}`) ?? 0);
  }
  return best;
}

/** Analyses text the way the model was built. */
export function analyseWith(model: Model, text: string, max?: number): Analysed {
  return analyse(text, model.lexicon, max);
}

const ROWS_LIMIT = 20_000;

function rowsOf(model: Model, t: Term): WordRows {
  const key = `${t.typed}\u0000${t.stem}\u0000${t.weight}`;
  let r = model.rows.get(key);
  if (!r) {
    if (model.rows.size >= ROWS_LIMIT) model.rows.clear();
    const kind = wordFeatures(model.options, t, false);
    const feature = wordFeatures(model.options, t, true);
    const rows = feature.map(([f]) => model.features.id(f));
    const weights = feature.map(([, w]) => w);
    const grammar = GRAMMAR_WORDS.has(t.word);
    let domain = !grammar && model.domain.has(t.stem);
    if (!domain && !grammar && !t.stop && model.featureStems.has(t.stem)) {
      // A rare word of a feature's examples (a typo someone once made, "cachng") that on its own,
      // letters included, reads surely as one feature.
      const p = model.features.probabilities(
        rows,
        weights,
        rows.length,
        new Float64Array(model.featureIds.length),
      );
      domain = Math.max(...p) >= model.options.tuning.wordSure;
    }
    r = {
      kind: kind.map(([f]) => model.kinds.id(f)),
      kindWeights: kind.map(([, w]) => w),
      feature: rows,
      featureWeights: weights,
      domain,
    };
    model.rows.set(key, r);
  }
  return r;
}

/** The kind features of a message that are anchors of `label`. */
export function anchorsIn(model: Model, a: Analysed, label: Label): string[] {
  const set = model.anchors.get(label);
  if (!set) return [];
  const out: string[] = [];
  for (const t of a.tokens) if (set.has(t.stem)) out.push(t.stem);
  for (const [f] of contextFeatures(model.options, a)) if (set.has(f)) out.push(f);
  return out;
}

/**
 * A word that carries domain meaning: one that on its own points at one feature (model.domain), or
 * a rare word of a feature's examples that, letters included, reads surely as one feature.
 */
export function isDomain(model: Model, t: Term): boolean {
  return !t.stop && rowsOf(model, t).domain;
}

/** Probabilities of each kind label (model.kinds.labels) for the message. */
/** Scratch arrays for one message's features, reused from call to call (understanding is synchronous). */
const scratchRows: number[] = [];
const scratchWeights: number[] = [];

/** The message's rows in the kind classifier and their weights, in the scratch arrays. */
function kindRows(model: Model, a: Analysed): void {
  const rows = scratchRows;
  const weights = scratchWeights;
  rows.length = 0;
  weights.length = 0;
  for (const t of a.tokens) {
    const r = rowsOf(model, t);
    for (let i = 0; i < r.kind.length; i++) {
      rows.push(r.kind[i] as number);
      weights.push(r.kindWeights[i] as number);
    }
  }
  for (const [f, w] of contextFeatures(model.options, a)) {
    rows.push(model.kinds.id(f));
    weights.push(w);
  }
}

/** Words and pairs say what a message is like; its first word and question mark are left to the classifier. */
function isNeighbourFeature(f: string): boolean {
  return !f.startsWith("^") && !f.startsWith("#") && f !== "?";
}

export function kindProbabilities(model: Model, a: Analysed): Float64Array {
  kindRows(model, a);
  const rows = scratchRows;
  const weights = scratchWeights;
  return model.kinds.probabilities(
    rows,
    weights,
    rows.length,
    new Float64Array(model.kinds.labels.length),
    model.options.tuning.temperature,
  );
}

/**
 * The kind reading of a whole message: the classifier's alone, and with the message's nearest
 * examples' vote mixed in (geometrically, the vote's share being options.neighbours.share). The vote
 * decides what kind of message it is; which feature is read without it, so that a question about
 * nothing we know ("what is the meaning of life?") offers no feature its neighbours lean to. Parts of
 * a message are read by the classifier alone.
 */
export function kindReadings(model: Model, a: Analysed): { alone: Float64Array; voted: Float64Array } {
  const alone = kindProbabilities(model, a);
  const { share, k } = model.options.neighbours;
  if (share <= 0) return { alone, voted: alone };
  // kindProbabilities left the message's rows in the scratch array.
  const vote = model.trained.neighbours.vote(scratchRows, scratchRows.length, k);
  if (!vote) return { alone, voted: alone };
  const voted = new Float64Array(alone.length);
  let total = 0;
  for (let l = 0; l < alone.length; l++) {
    const p = Math.exp(
      (1 - share) * Math.log((alone[l] as number) + 1e-12) + share * Math.log(vote[l] as number),
    );
    voted[l] = p;
    total += p;
  }
  for (let l = 0; l < voted.length; l++) voted[l] = (voted[l] as number) / total;
  return { alone, voted };
}

/** Probabilities of each feature (model.featureIds) for the terms `part` keeps (all by default). */
export function featureProbabilities(model: Model, a: Analysed, part?: (t: Term) => boolean): Float64Array {
  const rows = scratchRows;
  const weights = scratchWeights;
  rows.length = 0;
  weights.length = 0;
  for (const t of a.terms) {
    if (part && !part(t)) continue;
    const r = rowsOf(model, t);
    for (let i = 0; i < r.feature.length; i++) {
      rows.push(r.feature[i] as number);
      weights.push(r.featureWeights[i] as number);
    }
  }
  return model.features.probabilities(
    rows,
    weights,
    rows.length,
    new Float64Array(model.featureIds.length),
    model.options.tuning.temperature,
  );
}

/**
 * Which feature, read by both classifiers: Naive Bayes over the topic words, and the kind classifier's
 * feature labels (it also sees function words and word pairs: "locked into their way"), combined as a
 * weighted geometric mean (`featureMix` is the kind classifier's share). Writes into `fp`.
 */
export function mixFeatureProbabilities(model: Model, fp: Float64Array, kp: Float64Array): Float64Array {
  const w = model.options.featureMix;
  if (w <= 0) return fp;
  let featureTotal = 0;
  for (const k of model.kindOfFeature) if (k >= 0) featureTotal += kp[k] as number;
  if (featureTotal <= 0) return fp;
  let sum = 0;
  for (let i = 0; i < fp.length; i++) {
    const k = model.kindOfFeature[i] as number;
    const q = k >= 0 ? (kp[k] as number) / featureTotal : 1 / fp.length;
    const v = (fp[i] as number) ** (1 - w) * Math.max(q, 1e-12) ** w;
    fp[i] = v;
    sum += v;
  }
  for (let i = 0; i < fp.length; i++) fp[i] = (fp[i] as number) / sum;
  return fp;
}

/**
 * In Slack, "this channel" is Slack's: the singular names Django Channels only after "django" or before
 * "layer" or "layers" ("channel layers"); "channels" does either way.
 */
function slackChannel(tokens: readonly Term[], i: number): boolean {
  if ((tokens[i] as Term).typed !== "channel") return false;
  return tokens[i - 1]?.word !== "django" && !/^layers?$/.test(tokens[i + 1]?.word ?? "");
}

/** Aliases and code words present in the message, longest first at each position. */

export function aliasHits(model: Model, a: Analysed): AliasHit[] {
  const hits: AliasHit[] = [];
  const tokens = a.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const list = model.aliases.get((tokens[i] as Term).stem);
    if (!list || slackChannel(tokens, i)) continue;
    for (const alias of list) {
      let ok = true;
      for (let j = 1; j < alias.stems.length; j++) {
        if (tokens[i + j]?.stem !== alias.stems[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      const at = tokens.slice(i, i + alias.stems.length).map((t) => t.at);
      const known = hits.find((h) => h.featureId === alias.featureId);
      if (known) known.all.push(...at);
      else hits.push({ featureId: alias.featureId, at, segment: (tokens[i] as Term).segment, all: [...at] });
      // The words of a longer alias start no other ("machine learning" names no "learn").
      i += alias.stems.length - 1;
      break;
    }
  }
  return hits;
}
