/** The hand-written matcher as it was before the understanding layer, kept only to measure against. */
import type { Knowledge } from "../../src/engine/knowledge.js";
import type { Feature } from "../../src/engine/knowledge-schema.js";
import { deletions, editDistance, stem, typoBudget, words } from "./legacy-text.js";

/** Words that carry no topic: question words, filler, and what people say to a bot. */
const FILLER = new Set(
  (
    "a about all also am an and any are as at be better best between bot but by can could compare comparison " +
    "do doe does for framework from get give good got has have hello help hey hi how i if in into is it its just know let " +
    "like me more my need of on or our please should so some tell than thank thanks that the their them then " +
    "there these they thi this to us use using vs versus want was way we what whats when where which who why " +
    "will with work would you your"
  ).split(" "),
);
/** Framework names say which side, not which feature; myths need them, features do not. */
const FRAMEWORK_WORDS = new Set(["flask", "django", "python"]);
const NEGATIONS = new Set("no not t without never nor none dont doesnt isnt wont".split(" "));
/** Words that end the reach of a negation: "we don't need i18n but need an admin". */
const CLAUSE_BREAKS = new Set(["but", "however", "though", "although", "except", "yet"]);
const NEGATION_REACH = 5;

const MATCH_THRESHOLD = 0.6;
const ALSO_ASKED_THRESHOLD = 0.8;
const QUALITY_BY_DISTANCE = [1, 0.85, 0.7];
const MAX_QUERY_TOKENS = 40;

export interface FeatureScore {
  featureId: string;
  title: string;
  score: number;
}

export interface MythHit {
  featureId: string;
  index: number;
}

export type FeatureMatch =
  | (FeatureScore & {
      kind: "match";
      /** Other features scoring above zero, best first. */
      runnersUp: FeatureScore[];
      /** Other features the question clearly names too ("admin and auth?"). */
      alsoAsked: FeatureScore[];
      /** Set when the question is about one of the article's myths. */
      myth?: MythHit;
    })
  | { kind: "unknown"; suggestions: FeatureScore[] };

interface AliasEntry {
  featureIndex: number;
  tokens: string[];
}

interface MythEntry extends MythHit {
  tokens: string[];
}

interface MatcherIndex {
  features: Knowledge["features"];
  aliases: AliasEntry[];
  /** Token → the aliases (and positions) that contain it. */
  aliasTokens: Map<string, Array<[alias: number, position: number]>>;
  myths: MythEntry[];
  /** Token → the myths whose phrasing contains it, so a question only checks myths it could match. */
  mythsByToken: Map<string, number[]>;
  /** Deletion variant → known tokens, for typo-tolerant look-up. */
  variants: Map<string, string[]>;
  /** Longest known token: a longer word cannot be a typo of any of them. */
  longest: number;
  /** First token → the aliases of features a project can need, for reading notes in one pass. */
  needAliasesByFirst: Map<string, AliasEntry[]>;
}

function topicTokens(text: string, keepFrameworks: boolean): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const s = stem(w);
    if (FILLER.has(w) || FILLER.has(s)) continue;
    if (!keepFrameworks && FRAMEWORK_WORDS.has(s)) continue;
    out.push(s);
    if (out.length >= MAX_QUERY_TOKENS) break;
  }
  return out;
}

function buildIndex(knowledge: Knowledge): MatcherIndex {
  const aliases: AliasEntry[] = [];
  const aliasTokens = new Map<string, Array<[number, number]>>();
  const myths: MythEntry[] = [];
  const mythsByToken = new Map<string, number[]>();
  const lexicon = new Set<string>();
  knowledge.features.forEach((feature, featureIndex) => {
    for (const text of [feature.title, feature.id.replace(/_/g, " "), ...feature.aliases]) {
      const tokens = topicTokens(text, false);
      if (tokens.length === 0) continue;
      const aliasIndex = aliases.push({ featureIndex, tokens }) - 1;
      tokens.forEach((t, position) => {
        lexicon.add(t);
        const refs = aliasTokens.get(t) ?? [];
        refs.push([aliasIndex, position]);
        aliasTokens.set(t, refs);
      });
    }
    feature.myths.forEach((myth, index) => {
      for (const phrasing of [myth.claim, ...myth.phrasings]) {
        const tokens = topicTokens(phrasing, true);
        if (tokens.length < 2) continue;
        for (const t of tokens) lexicon.add(t);
        const at = myths.push({ featureId: feature.id, index, tokens }) - 1;
        for (const t of new Set(tokens)) {
          const list = mythsByToken.get(t) ?? [];
          list.push(at);
          mythsByToken.set(t, list);
        }
      }
    });
  });
  for (const w of FRAMEWORK_WORDS) lexicon.add(w);
  const variants = new Map<string, string[]>();
  let longest = 0;
  for (const token of lexicon) {
    longest = Math.max(longest, token.length);
    for (const v of deletions(token, typoBudget(token.length))) {
      const list = variants.get(v) ?? [];
      list.push(token);
      variants.set(v, list);
    }
  }
  const needAliasesByFirst = new Map<string, AliasEntry[]>();
  for (const alias of aliases) {
    if (!knowledge.features[alias.featureIndex]?.need) continue;
    const first = alias.tokens[0] as string;
    const list = needAliasesByFirst.get(first) ?? [];
    list.push(alias);
    needAliasesByFirst.set(first, list);
  }
  return {
    features: knowledge.features,
    aliases,
    aliasTokens,
    myths,
    mythsByToken,
    variants,
    longest,
    needAliasesByFirst,
  };
}

const indexes = new WeakMap<Knowledge, MatcherIndex>();
function indexFor(knowledge: Knowledge): MatcherIndex {
  let index = indexes.get(knowledge);
  if (!index) {
    index = buildIndex(knowledge);
    indexes.set(knowledge, index);
  }
  return index;
}

/**
 * Known tokens a query word may stand for, with how sure we are (1 exact, less for typos). A word we
 * know is taken as itself, never also as a typo of a neighbour ("rest" is not "test"); typos keep
 * their first letter ("bold" is not "old").
 */
function resolve(index: MatcherIndex, token: string): Map<string, number> {
  const found = new Map<string, number>();
  if (index.variants.get(token)?.includes(token)) {
    found.set(token, 1);
    return found;
  }
  const budget = typoBudget(token.length);
  if (budget === 0 || token.length > index.longest + budget) return found;
  for (const v of deletions(token, budget)) {
    for (const candidate of index.variants.get(v) ?? []) {
      if (found.has(candidate) || candidate[0] !== token[0]) continue;
      const d = editDistance(token, candidate, Math.min(budget, typoBudget(candidate.length)));
      const quality = QUALITY_BY_DISTANCE[d];
      if (quality !== undefined) found.set(candidate, quality);
    }
  }
  return found;
}

function scoreFeatures(index: MatcherIndex, resolved: Map<string, number>[]): Float64Array {
  const best = new Map<number, Float64Array>();
  for (const known of resolved) {
    for (const [token, quality] of known) {
      for (const [alias, position] of index.aliasTokens.get(token) ?? []) {
        let slots = best.get(alias);
        if (!slots) {
          slots = new Float64Array(index.aliases[alias]?.tokens.length ?? 0);
          best.set(alias, slots);
        }
        if (quality > (slots[position] ?? 0)) slots[position] = quality;
      }
    }
  }
  const scores = new Float64Array(index.features.length);
  for (const [alias, slots] of best) {
    const entry = index.aliases[alias] as AliasEntry;
    let sum = 0;
    for (const q of slots) sum += q;
    // Longer aliases matched in full win ties ("admin panel" over "panel").
    const score = sum / slots.length + 0.001 * slots.length;
    if (score > (scores[entry.featureIndex] ?? 0)) scores[entry.featureIndex] = score;
  }
  return scores;
}

function findMyth(index: MatcherIndex, resolved: Map<string, number>[]): MythHit | undefined {
  const present = new Set<string>();
  for (const known of resolved) for (const t of known.keys()) present.add(t);
  let bestHit: MythHit | undefined;
  let bestScore = 0;
  const candidates = new Set<number>();
  for (const t of present) for (const m of index.mythsByToken.get(t) ?? []) candidates.add(m);
  for (const m of candidates) {
    const myth = index.myths[m] as MythEntry;
    let hits = 0;
    for (const t of myth.tokens) if (present.has(t)) hits++;
    // Every topic word of the phrasing must be there: "django" + "oracle" is not the Flask myth.
    if (hits === myth.tokens.length && hits > bestScore) {
      bestScore = hits;
      bestHit = { featureId: myth.featureId, index: myth.index };
    }
  }
  return bestHit;
}

const round = (n: number) => Math.round(Math.min(n, 1) * 100) / 100;

/**
 * The feature a question is about. Handles synonyms, plurals, typos, Slack markup and punctuation.
 * Never throws: anything that is not a string, or says nothing we know, gives "unknown".
 */
export function matchFeature(text: unknown, knowledge: Knowledge): FeatureMatch {
  const index = indexFor(knowledge);
  const query = typeof text === "string" ? text : "";
  const resolved = topicTokens(query, true).map((t) => resolve(index, t));
  const scores = scoreFeatures(index, resolved);
  const myth = findMyth(index, resolved);
  if (myth) {
    const i = index.features.findIndex((f) => f.id === myth.featureId);
    scores[i] = Math.max(scores[i] ?? 0, 0.95);
  }
  const ranked: FeatureScore[] = [];
  scores.forEach((score, i) => {
    const feature = index.features[i];
    if (score > 0 && feature) ranked.push({ featureId: feature.id, title: feature.title, score });
  });
  ranked.sort((a, b) => b.score - a.score);
  const rounded = ranked.map((r) => ({ ...r, score: round(r.score) }));
  const [best, ...rest] = rounded;
  if (!best || best.score < MATCH_THRESHOLD) {
    return { kind: "unknown", suggestions: rounded.slice(0, 3) };
  }
  return {
    kind: "match",
    ...best,
    runnersUp: rest.slice(0, 3),
    alsoAsked: rest.filter((r) => r.score >= ALSO_ASKED_THRESHOLD).slice(0, 4),
    ...(myth && myth.featureId === best.featureId ? { myth } : {}),
  };
}

/**
 * Needs mentioned in free text ("staff must edit records in an admin dashboard" → admin).
 * Exact phrases only (after plurals), skipping negated ones ("we don't need an admin").
 */
export function findNeedsInText(text: string, knowledge: Knowledge): string[] {
  const index = indexFor(knowledge);
  const raw = words(text, 4000).map(stem);
  const topical: Array<{ token: string; at: number }> = [];
  raw.forEach((token, at) => {
    if (!FILLER.has(token) && !FRAMEWORK_WORDS.has(token)) topical.push({ token, at });
  });
  const found = new Set<string>();
  topical.forEach(({ token, at: start }, i) => {
    for (const alias of index.needAliasesByFirst.get(token) ?? []) {
      const feature = index.features[alias.featureIndex] as Feature;
      if (found.has(feature.id)) continue;
      let same = true;
      for (let j = 1; j < alias.tokens.length && same; j++) same = topical[i + j]?.token === alias.tokens[j];
      if (!same) continue;
      let negated = false;
      for (let j = start - 1; j >= Math.max(0, start - NEGATION_REACH) && !negated; j--) {
        const w = raw[j] as string;
        if (CLAUSE_BREAKS.has(w)) break;
        negated = NEGATIONS.has(w);
      }
      if (!negated) found.add(feature.id);
    }
  });
  return knowledge.needFeatures.map((f) => f.id).filter((id) => found.has(id));
}
