/**
 * The trained model, shipped: training on every start took 120–320 ms on a loaded machine, against
 * 100 ms allowed, so `npm run train` saves what training learns in
 * data/generated/understanding-model.json and the app reads it back (a few milliseconds). The file
 * names a fingerprint of everything training reads; a knowledge base whose examples, aliases,
 * alternatives or options differ from it is trained on instead, so a stale file is never used.
 * test/engine/shipped-model.test.ts checks that the file is what training gives today.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { defaultDataDir, type Knowledge } from "../knowledge.js";
import { LinearScorer } from "./classifier.js";
import { type Trained, trainingTexts } from "./model.js";
import { type NeighbourParts, Neighbours } from "./neighbours.js";
import type { PipelineOptions } from "./options.js";
import { Vocabulary } from "./vocabulary.js";

/** Where the shipped model lives, under data/. */
export const SHIPPED_MODEL_FILE = join("generated", "understanding-model.json");
/** Bumped when the file's shape changes. */
const FORMAT = 4;

const ScorerSchema = z.object({
  labels: z.array(z.string()).min(1),
  features: z.array(z.string()),
  /** weight[row · labels + label] as little-endian float32, base64. */
  table: z.string(),
  bias: z.array(z.number()),
});

export const ShippedModelSchema = z.object({
  format: z.literal(FORMAT),
  /** sha256 of everything training reads (see `fingerprint`). */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  vocabulary: z
    .object({
      words: z.array(z.tuple([z.string(), z.number().int().positive(), z.string()])),
      stems: z.array(z.string()),
    })
    .nullable(),
  kinds: ScorerSchema,
  features: ScorerSchema,
  domain: z.array(z.string()),
  anchors: z.record(z.string(), z.array(z.string())),
  offTopic: z.array(z.string()),
  otherFrameworks: z.array(z.string()),
  featureStems: z.array(z.string()),
  decisionStems: z.array(z.string()),
  aliasShares: z.array(z.tuple([z.string(), z.number().min(0).max(1)])),
  /** Each example's kind label, where its rows start, and its rows; little-endian int32, base64. */
  neighbours: z.object({ labels: z.string(), starts: z.string(), rows: z.string() }),
});
export type ShippedModel = z.infer<typeof ShippedModelSchema>;

/**
 * What training reads, hashed: the labelled texts, the aliases, the other frameworks' names and the
 * options. The training code itself is not in it: the test that retrains and compares guards that.
 */
export function fingerprint(knowledge: Knowledge, options: PipelineOptions): string {
  const { customStem, ...rest } = options;
  const input = {
    format: FORMAT,
    customStem: customStem ? String(customStem) : null,
    options: rest,
    texts: trainingTexts(knowledge),
    aliases: knowledge.features.map((f) => [f.id, f.aliases]),
    alternatives: knowledge.examples.alternatives,
    // The quick take's cues are decision words (Trained.decisionStems).
    profileCues: knowledge.examples.profileCues,
  };
  return createHash("sha256").update(JSON.stringify(input)).digest("hex");
}

function encodeInts(a: Int32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
}

function decodeInts(s: string): Int32Array {
  const bytes = Buffer.from(s, "base64");
  // A copy, aligned (see decodeScorer).
  const out = new Int32Array(bytes.byteLength >> 2);
  new Uint8Array(out.buffer).set(bytes.subarray(0, out.byteLength));
  return out;
}

/**
 * The examples' labels and rows, decoded, when they index the kind classifier's labels and rows
 * (`rowCount` of them) in order; undefined when they do not.
 */
function neighbourParts(
  s: ShippedModel["neighbours"],
  labelCount: number,
  rowCount: number,
): NeighbourParts | undefined {
  const labels = decodeInts(s.labels);
  const starts = decodeInts(s.starts);
  const rows = decodeInts(s.rows);
  const fit =
    starts.length === labels.length + 1 &&
    starts[0] === 0 &&
    starts[labels.length] === rows.length &&
    starts.every((v, i) => i === 0 || v >= (starts[i - 1] as number)) &&
    labels.every((l) => l >= 0 && l < labelCount) &&
    rows.every((r) => r >= 0 && r < rowCount);
  return fit ? { labels, starts, rows } : undefined;
}

function decodeNeighbours(s: ShippedModel["neighbours"], kinds: LinearScorer): Neighbours {
  const parts = neighbourParts(s, kinds.labels.length, kinds.size);
  if (!parts) throw new Error("shipped model: the examples' rows do not match the kind classifier");
  return new Neighbours(parts, kinds.size, kinds.labels.length);
}

function encodeScorer(scorer: LinearScorer): z.infer<typeof ScorerSchema> {
  const p = scorer.parts();
  const bytes = Buffer.from(p.table.buffer, p.table.byteOffset, p.table.byteLength);
  return { labels: [...p.labels], features: p.features, table: bytes.toString("base64"), bias: [...p.bias] };
}

function decodeScorer(s: z.infer<typeof ScorerSchema>, what: string): LinearScorer {
  if (!fits(s)) throw new Error(`shipped model: the ${what} table does not match its features and labels`);
  const bytes = Buffer.from(s.table, "base64");
  // A copy: the Buffer may sit at an offset in a shared pool that Float32Array cannot view.
  const table = new Float32Array(s.features.length * s.labels.length);
  new Uint8Array(table.buffer).set(bytes);
  return LinearScorer.fromParts({
    labels: s.labels,
    features: s.features,
    table,
    bias: Float64Array.from(s.bias),
  });
}

/** What training learnt, as the JSON that ships. */
export function toShipped(trained: Trained, print: string): ShippedModel {
  return {
    format: FORMAT,
    fingerprint: print,
    vocabulary: trained.vocabulary ? trained.vocabulary.parts() : null,
    kinds: encodeScorer(trained.kinds),
    features: encodeScorer(trained.features),
    domain: [...trained.domain],
    anchors: Object.fromEntries([...trained.anchors].map(([label, set]) => [label, [...set]])),
    offTopic: [...trained.offTopic],
    otherFrameworks: [...trained.otherFrameworks],
    featureStems: [...trained.featureStems],
    decisionStems: [...trained.decisionStems],
    aliasShares: [...trained.aliasShares],
    neighbours: (({ labels, starts, rows }) => ({
      labels: encodeInts(labels),
      starts: encodeInts(starts),
      rows: encodeInts(rows),
    }))(trained.neighbours.toParts()),
  };
}

/** The shipped JSON back as what training learnt. */
export function fromShipped(
  shipped: ShippedModel,
  options: PipelineOptions,
  stem: (w: string) => string,
): Trained {
  const v = shipped.vocabulary;
  const vocabulary =
    v && options.spelling === "own"
      ? new Vocabulary(
          new Map(v.words.map(([w, n]) => [w, n])),
          v.stems,
          stem,
          new Map(v.words.map(([w, , s]) => [w, s])),
        )
      : undefined;
  const kinds = decodeScorer(shipped.kinds, "kind");
  return {
    vocabulary,
    kinds,
    features: decodeScorer(shipped.features, "feature"),
    domain: new Set(shipped.domain),
    anchors: new Map(Object.entries(shipped.anchors).map(([label, list]) => [label, new Set(list)])),
    offTopic: new Set(shipped.offTopic),
    otherFrameworks: new Set(shipped.otherFrameworks),
    featureStems: new Set(shipped.featureStems),
    decisionStems: new Set(shipped.decisionStems),
    aliasShares: new Map(shipped.aliasShares),
    neighbours: decodeNeighbours(shipped.neighbours, kinds),
  };
}

/**
 * The shipped model when it was trained on exactly this knowledge base and these options; undefined
 * when there is none, it does not validate, or it was trained on something else (then train).
 */
export function readShipped(
  knowledge: Knowledge,
  options: PipelineOptions,
  path: string = join(defaultDataDir(), SHIPPED_MODEL_FILE),
): ShippedModel | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
  const parsed = ShippedModelSchema.safeParse(raw);
  if (!parsed.success || parsed.data.fingerprint !== fingerprint(knowledge, options)) return undefined;
  if (!fits(parsed.data.kinds) || !fits(parsed.data.features)) return undefined;
  const { kinds } = parsed.data;
  if (!neighbourParts(parsed.data.neighbours, kinds.labels.length, kinds.features.length)) return undefined;
  return parsed.data;
}

/** A table holds a weight for every feature and label, and the bias one per label. */
function fits(s: z.infer<typeof ScorerSchema>): boolean {
  return (
    Buffer.byteLength(s.table, "base64") === s.features.length * s.labels.length * 4 &&
    s.bias.length === s.labels.length
  );
}
