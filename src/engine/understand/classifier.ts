/**
 * Text classifiers trained when the knowledge base loads: multinomial Naive Bayes and multinomial
 * logistic regression (softmax). Both end as the same thing, a linear scorer: one flat table of a
 * weight per feature and label, and a bias per label. Scoring a message is a few additions per
 * feature and label, with no logarithm and no allocation beyond the result.
 *
 * Hand-written because no package fits the time budget: wink-naive-bayes-text-classifier (the npm
 * package made for this) recomputes logarithms and walks every other label for every token and label
 * at prediction, about 1.5 ms a message with words alone and 9 ms with character n-grams, against
 * 50 µs for the whole of `understand`; the others are async-only (bayes), use decimal arithmetic
 * (classificator) or dense matrices (ml-logistic-regression). README, "How questions are
 * understood", measures them.
 */

/** One training document: its label and its features with their weights (a feature may repeat). */
export interface TrainingDoc {
  label: number;
  features: ReadonlyArray<readonly [string, number]>;
}

export interface ClassifierOptions {
  /** Naive Bayes (counts, instant to train) or logistic regression (learns which words matter). */
  kind: "naive-bayes" | "logistic";
  /** Naive Bayes: additive smoothing. */
  alpha: number;
  /** Count a feature once per document, however often it occurs in it. */
  presence: boolean;
  /** Logistic regression: passes over the examples. */
  epochs: number;
  /** Logistic regression: first learning rate (it decays as 1 / (1 + epoch)). */
  rate: number;
  /** Logistic regression: L2 penalty per update, keeps weights of rare words small. */
  l2: number;
  /**
   * Logistic regression: which fixed order the examples are visited in (0 is the shipped one). Other
   * seeds measure how much a change's figures owe to the order alone (`npm run eval -- --orders`).
   */
  seed?: number;
  /**
   * Logistic regression: how many orders to train in, their weights averaged into one table (1: one
   * order). An average depends far less on any one order's luck than a single run does.
   */
  orders?: number;
}

/** A trained classifier: weight[feature row · L + label] and bias[label]. */
export class LinearScorer {
  /** Feature string → row in the table. */
  readonly ids: Map<string, number>;

  constructor(
    readonly labels: readonly string[],
    ids: Map<string, number>,
    private readonly table: Float32Array,
    private readonly bias: Float64Array,
  ) {
    this.ids = ids;
  }

  /** The feature's row, or -1 when training never saw it (it then says nothing). */
  id(feature: string): number {
    return this.ids.get(feature) ?? -1;
  }

  /** The weight of one feature for one label. */
  weight(row: number, label: number): number {
    return row < 0 ? 0 : (this.table[row * this.labels.length + label] as number);
  }

  /**
   * Probabilities of every label (summing to 1) for features given by row and weight; `temperature`
   * above 1 softens the scores (Naive Bayes is over-confident: its features are not independent).
   */
  probabilities(
    rows: ArrayLike<number>,
    weights: ArrayLike<number>,
    count: number,
    out: Float64Array,
    temperature = 1,
  ): Float64Array {
    const L = this.labels.length;
    out.set(this.bias);
    const table = this.table;
    for (let i = 0; i < count; i++) {
      const row = rows[i] as number;
      if (row < 0) continue;
      const w = weights[i] as number;
      const base = row * L;
      for (let l = 0; l < L; l++) out[l] = (out[l] as number) + w * (table[base + l] as number);
    }
    return softmax(out, temperature);
  }

  /** How strongly one feature alone points at one label against the mean of the others. */
  lift(row: number, label: number): number {
    if (row < 0) return 0;
    const L = this.labels.length;
    const base = row * L;
    let mean = 0;
    for (let l = 0; l < L; l++) if (l !== label) mean += this.table[base + l] as number;
    return (this.table[base + label] as number) - mean / Math.max(1, L - 1);
  }

  /** The largest `lift` of one feature over all labels, in one pass. */
  bestLift(row: number): number {
    if (row < 0) return 0;
    const L = this.labels.length;
    const base = row * L;
    let sum = 0;
    let max = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < L; l++) {
      const v = this.table[base + l] as number;
      sum += v;
      if (v > max) max = v;
    }
    return max - (sum - max) / Math.max(1, L - 1);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Everything the scorer is, for shipping a trained model (features in row order). */
  parts(): { labels: readonly string[]; features: string[]; table: Float32Array; bias: Float64Array } {
    return { labels: this.labels, features: [...this.ids.keys()], table: this.table, bias: this.bias };
  }

  /** A scorer from `parts()`: the features' rows are their positions. */
  static fromParts(p: {
    labels: readonly string[];
    features: readonly string[];
    table: Float32Array;
    bias: Float64Array;
  }): LinearScorer {
    return new LinearScorer(p.labels, new Map(p.features.map((f, i) => [f, i])), p.table, p.bias);
  }
}

function softmax(out: Float64Array, temperature: number): Float64Array {
  const L = out.length;
  let max = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < L; l++) if ((out[l] as number) > max) max = out[l] as number;
  let sum = 0;
  for (let l = 0; l < L; l++) {
    const e = Math.exp(((out[l] as number) - max) / temperature);
    out[l] = e;
    sum += e;
  }
  for (let l = 0; l < L; l++) out[l] = (out[l] as number) / sum;
  return out;
}

/** Documents as rows and weights, features numbered in the order first seen. */
interface Encoded {
  ids: Map<string, number>;
  docs: Array<{ label: number; rows: Int32Array; weights: Float64Array }>;
}

function encode(docs: readonly TrainingDoc[], presence: boolean): Encoded {
  const ids = new Map<string, number>();
  const out: Encoded["docs"] = [];
  let scratch = new Float64Array(1024);
  const touched: number[] = [];
  for (const doc of docs) {
    touched.length = 0;
    for (const [f, w] of doc.features) {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
        if (id >= scratch.length) {
          const bigger = new Float64Array(scratch.length * 2);
          bigger.set(scratch);
          scratch = bigger;
        }
      }
      const known = scratch[id] as number;
      if (known === 0) touched.push(id);
      scratch[id] = presence ? Math.max(known, w) : known + w;
    }
    const rows = Int32Array.from(touched);
    const weights = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      weights[i] = scratch[rows[i] as number] as number;
      scratch[rows[i] as number] = 0;
    }
    out.push({ label: doc.label, rows, weights });
  }
  return { ids, docs: out };
}

/** Multinomial Naive Bayes: log P(label) + Σ weight · log P(feature | label). */
export function trainNaiveBayes(
  labels: readonly string[],
  docs: readonly TrainingDoc[],
  options: ClassifierOptions,
): LinearScorer {
  const { ids, docs: encoded } = encode(docs, options.presence);
  const L = labels.length;
  const V = ids.size;
  const counts = new Float64Array(V * L);
  const perLabel = new Float64Array(L);
  const docsPerLabel = new Float64Array(L);
  for (const doc of encoded) {
    docsPerLabel[doc.label] = (docsPerLabel[doc.label] as number) + 1;
    for (let i = 0; i < doc.rows.length; i++) {
      const k = (doc.rows[i] as number) * L + doc.label;
      counts[k] = (counts[k] as number) + (doc.weights[i] as number);
      perLabel[doc.label] = (perLabel[doc.label] as number) + (doc.weights[i] as number);
    }
  }
  const a = options.alpha;
  const table = new Float32Array(V * L);
  const bias = new Float64Array(L);
  const logA = Math.log(a);
  for (let l = 0; l < L; l++) {
    bias[l] = Math.log(((docsPerLabel[l] as number) + 1) / (encoded.length + L));
    const denominator = Math.log((perLabel[l] as number) + a * V);
    // Most features never occur with most labels: their weight is the same, log(alpha) less the denominator.
    for (let id = 0; id < V; id++) {
      const c = counts[id * L + l] as number;
      table[id * L + l] = (c === 0 ? logA : Math.log(c + a)) - denominator;
    }
  }
  return new LinearScorer(labels, ids, table, bias);
}

/** A deterministic shuffle (the same order on every start). */
function shuffled(n: number, seed: number): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let x = seed;
  for (let i = n - 1; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    const j = x % (i + 1);
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order;
}

/**
 * Multinomial logistic regression by stochastic gradient descent, L2 applied to the weights each
 * update touches. Deterministic: a fixed shuffle, no randomness at start.
 */
export function trainLogistic(
  labels: readonly string[],
  docs: readonly TrainingDoc[],
  options: ClassifierOptions,
): LinearScorer {
  const { ids, docs: encoded } = encode(docs, options.presence);
  const L = labels.length;
  const table = new Float32Array(ids.size * L);
  const bias = new Float64Array(L);
  const p = new Float64Array(L);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.rate / (1 + epoch);
    const keep = 1 - rate * options.l2;
    for (const index of shuffled(encoded.length, epoch + 1 + 7919 * (options.seed ?? 0))) {
      const doc = encoded[index] as Encoded["docs"][number];
      p.set(bias);
      for (let i = 0; i < doc.rows.length; i++) {
        const base = (doc.rows[i] as number) * L;
        const w = doc.weights[i] as number;
        for (let l = 0; l < L; l++) p[l] = (p[l] as number) + w * (table[base + l] as number);
      }
      softmax(p, 1);
      p[doc.label] = (p[doc.label] as number) - 1;
      for (let l = 0; l < L; l++) bias[l] = (bias[l] as number) - rate * (p[l] as number);
      for (let i = 0; i < doc.rows.length; i++) {
        const base = (doc.rows[i] as number) * L;
        const w = doc.weights[i] as number;
        for (let l = 0; l < L; l++) {
          table[base + l] = keep * (table[base + l] as number) - rate * w * (p[l] as number);
        }
      }
    }
  }
  return new LinearScorer(labels, ids, table, bias);
}

/**
 * Logistic regression trained in `orders` orders (seeds seed·orders … seed·orders + orders − 1), the
 * weights and biases averaged into a new table. The examples' features are numbered the same way in
 * every run (`encode` is deterministic), so the tables line up row for row.
 */
function trainAveraged(labels: readonly string[], docs: readonly TrainingDoc[], options: ClassifierOptions) {
  const orders = options.orders ?? 1;
  if (!Number.isInteger(orders) || orders < 1)
    throw new Error(`orders must be a whole number ≥ 1, not ${orders}`);
  const seed = options.seed ?? 0;
  const runs = Array.from({ length: orders }, (_, o) =>
    trainLogistic(labels, docs, { ...options, seed: seed * orders + o }).parts(),
  );
  const first = runs[0] as (typeof runs)[number];
  if (orders === 1) return LinearScorer.fromParts(first);
  const table = new Float32Array(first.table.length);
  const bias = new Float64Array(first.bias.length);
  for (const run of runs) {
    for (let i = 0; i < table.length; i++)
      table[i] = (table[i] as number) + (run.table[i] as number) / orders;
    for (let l = 0; l < bias.length; l++) bias[l] = (bias[l] as number) + (run.bias[l] as number) / orders;
  }
  return LinearScorer.fromParts({ labels, features: first.features, table, bias });
}

export function train(
  labels: readonly string[],
  docs: readonly TrainingDoc[],
  options: ClassifierOptions,
): LinearScorer {
  return options.kind === "logistic"
    ? trainAveraged(labels, docs, options)
    : trainNaiveBayes(labels, docs, options);
}
