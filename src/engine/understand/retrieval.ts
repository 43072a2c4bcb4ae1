import MiniSearch, { type SearchOptions } from "minisearch";
import type { Knowledge } from "../knowledge.js";
import { type Analysed, analyse, type Term } from "./analyse.js";
import { labelledExamples } from "./check-examples.js";
import type { PipelineOptions } from "./options.js";
import { memoised, STEMMERS, type Stemmer } from "./stemmers.js";
import { type Resolved, Vocabulary } from "./vocabulary.js";

/** "feature:admin", "decision:verdict", or an intent ("help", "thanks", "chatter", "pushback", "unknown"). */
export type Label = string;

/** One document of the index: an example question, or a feature's own words. */
interface Doc {
  id: number;
  label: Label;
  title?: string;
  aliases?: string;
  example?: string;
  description?: string;
}

const FIELDS = ["title", "aliases", "example", "description"] as const;

export interface LabelScore {
  label: Label;
  /** BM25 score of the label's best document (MiniSearch's scale, not 0..1). */
  score: number;
  /** Share of the message's meaning (terms weighted by rarity) that this document matched, 0..1. */
  coverage: number;
  /** The rarity of the words it matched, added up: how much was recognised, however long the message. */
  evidence: number;
  /** Positions (in Analysed.words) of the words that matched. */
  matchedAt: number[];
}

/** A built index: examples and features searchable by their stems. */
export interface Retrieval {
  options: PipelineOptions;
  stem: Stemmer;
  search: MiniSearch<Doc>;
  labels: Label[];
  vocabulary: Vocabulary;
  /** Only features are indexed: framework names then say nothing, in the index or in a message. */
  featuresOnly: boolean;
  /** ln(1 + documents / documents containing the stem): how much a word says. */
  idf: Map<string, number>;
  /** Weight of a word the index has never seen: as telling as the rarest word. */
  unknownIdf: number;
}

/** Example texts to leave out of the index (cross-validation holds them out). */
export type Holdout = ReadonlySet<string>;

const identity = (s: string) => s;
const bySpace = (s: string) => (s === "" ? [] : s.split(" "));

/** Framework names say which side, not which feature: features are indexed without them. */
const FRAMEWORK_WORDS = new Set(["flask", "django", "python"]);

function stemsOf(text: string, stem: Stemmer, options: PipelineOptions, isFeature = false): string {
  return analyse(text, { stem, dropStopwords: options.dropStopwords, max: 4000 })
    .terms.filter((t) => !(isFeature && FRAMEWORK_WORDS.has(t.word)))
    .map((t) => t.stem)
    .join(" ");
}

/** Builds the index over every feature (title, aliases, description) and every example. */
export function buildRetrieval(
  knowledge: Knowledge,
  options: PipelineOptions,
  holdout?: Holdout,
  featuresOnly = false,
): Retrieval {
  const stem = memoised(options.customStem ?? STEMMERS[options.stemmer]);
  const docs: Doc[] = [];
  const vocabWords = new Set<string>();
  const addWords = (text: string) => {
    for (const t of analyse(text, { stem, dropStopwords: options.dropStopwords, max: 4000 }).terms) {
      vocabWords.add(t.word);
    }
  };
  for (const f of knowledge.features) {
    const label = `feature:${f.id}`;
    const doc: Doc = {
      id: docs.length,
      label,
      title: stemsOf(f.title, stem, options, true),
      aliases: f.aliases.map((a) => stemsOf(a, stem, options, true)).join(" "),
    };
    if (options.descriptions) {
      doc.description = stemsOf(`${f.flask.how} ${f.django.how} ${f.verdict.text}`, stem, options, true);
    }
    docs.push(doc);
    addWords(f.title);
    for (const a of f.aliases) addWords(a);
    // The myths' phrasings are questions people ask about this feature, so they count as examples.
    for (const text of f.myths.flatMap((m) => [m.claim, ...m.phrasings])) {
      if (holdout?.has(text)) continue;
      docs.push({ id: docs.length, label, example: stemsOf(text, stem, options, true) });
      addWords(text);
    }
  }
  for (const { label, text } of labelledExamples(knowledge.examples)) {
    if (holdout?.has(text) || (featuresOnly && !label.startsWith("feature:"))) continue;
    docs.push({
      id: docs.length,
      label,
      example: stemsOf(text, stem, options, label.startsWith("feature:")),
    });
    addWords(text);
  }
  const search = new MiniSearch<Doc>({
    fields: [...FIELDS],
    tokenize: bySpace,
    processTerm: identity,
    storeFields: ["label"],
    searchOptions: { tokenize: bySpace, processTerm: identity },
  });
  search.addAll(docs);
  const df = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const field of FIELDS) for (const s of bySpace(doc[field] ?? "")) seen.add(s);
    for (const s of seen) df.set(s, (df.get(s) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [s, n] of df) idf.set(s, Math.log(1 + docs.length / n));
  return {
    options,
    stem,
    search,
    featuresOnly,
    labels: [...new Set(docs.map((d) => d.label))],
    vocabulary: new Vocabulary(vocabWords, df.keys(), stem),
    idf,
    unknownIdf: options.tuning.unknownWord * Math.log(1 + docs.length),
  };
}

/** Analyses text the way the index was built. */
export function analyseFor(retrieval: Retrieval, text: string, max?: number): Analysed {
  return analyse(text, {
    stem: retrieval.stem,
    dropStopwords: retrieval.options.dropStopwords,
    ...(max ? { max } : {}),
  });
}

interface QueryTerm extends Resolved {
  at: number;
}

interface Query {
  /** Distinct stems to search for, each with the best weight any word gave it. */
  terms: QueryTerm[];
  /** Weight of the whole message: each word's rarity; a word nobody indexed counts as the rarest. */
  total: number;
}

function queryOf(retrieval: Retrieval, analysed: Analysed, part?: (t: Term) => boolean): Query {
  const byStem = new Map<string, QueryTerm>();
  const counted = new Set<string>();
  let total = 0;
  for (const t of analysed.terms) {
    if ((part && !part(t)) || (retrieval.featuresOnly && FRAMEWORK_WORDS.has(t.word))) continue;
    // A word said twice ("forms forms forms") means no more than once.
    if (counted.has(t.word)) continue;
    counted.add(t.word);
    const resolved =
      retrieval.options.spelling === "own"
        ? retrieval.vocabulary.resolve(t.word, t.stem)
        : [{ stem: t.stem, weight: 1 }];
    let wordIdf = resolved.length === 0 ? retrieval.unknownIdf : 0;
    for (const r of resolved) {
      wordIdf = Math.max(wordIdf, retrieval.idf.get(r.stem) ?? retrieval.unknownIdf);
      const known = byStem.get(r.stem);
      if (!known || r.weight > known.weight) byStem.set(r.stem, { ...r, at: t.at });
    }
    total += wordIdf;
  }
  return { terms: [...byStem.values()], total };
}

/**
 * Ranks labels by their best-matching document, best first. With `part`, only the terms it keeps
 * (reading "auth, caching and i18n" one ask at a time).
 */
export function rankLabels(
  retrieval: Retrieval,
  analysed: Analysed,
  part?: (t: Term) => boolean,
  filter?: (label: Label) => boolean,
): LabelScore[] {
  const { terms, total } = queryOf(retrieval, analysed, part);
  if (terms.length === 0 || total === 0) return [];
  const byStem = new Map(terms.map((t) => [t.stem, t]));
  const fuzzy =
    retrieval.options.spelling === "minisearch"
      ? {
          fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
          prefix: (term: string) => term.length >= 5,
        }
      : {};
  const options: SearchOptions = {
    boost: { ...retrieval.options.boost },
    boostTerm: (_term, i) => terms[i]?.weight ?? 1,
    ...(filter ? { filter: (r) => filter(r.label as Label) } : {}),
    ...fuzzy,
  };
  const results = retrieval.search.search(terms.map((t) => t.stem).join(" "), options);
  const best = new Map<Label, LabelScore>();
  const seen = new Map<Label, number>();
  for (const r of results) {
    const label = r.label as Label;
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    const known = best.get(label);
    // A label's score adds its next-best documents at a discount: several examples agreeing beat one.
    if (known) {
      if (n < retrieval.options.neighbours) known.score += r.score * retrieval.options.neighbourWeight;
      continue;
    }
    let matched = 0;
    const matchedAt: number[] = [];
    for (const q of r.queryTerms) {
      const t = byStem.get(q);
      if (!t || matchedAt.includes(t.at)) continue;
      matchedAt.push(t.at);
      matched += (retrieval.idf.get(q) ?? 0) * t.weight;
    }
    best.set(label, {
      label,
      score: r.score,
      coverage: Math.min(1, matched / total),
      evidence: matched,
      matchedAt,
    });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
