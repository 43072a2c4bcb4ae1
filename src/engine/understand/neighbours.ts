/**
 * The training examples nearest a message, as a second opinion on what kind of message it is. The
 * kind classifier weighs every word and pair the same way in every message; the nearest examples
 * see which words come together ("is hosting pricier for either" is near the cost-of-hosting
 * examples, "can i tell leadership this is a clear win" near the confidence ones). Examples are
 * vectors of the kind classifier's own rows (words and neighbouring pairs), weighted by how rare
 * each is (tf-idf, cosine). An inverted index reads a message in a few microseconds; MiniSearch's
 * BM25, measured for the same job, took 1.4 ms a message (README, "How questions are understood").
 */

/** What ships: each example's kind label and its distinct rows (its words and pairs). */
export interface NeighbourParts {
  labels: Int32Array;
  /** Example i's rows are rows[starts[i] … starts[i + 1]). */
  starts: Int32Array;
  rows: Int32Array;
}

export class Neighbours {
  /** How rare each row is among the examples (0: in none of them). */
  private readonly idf: Float32Array;
  /** Row r's examples are postDoc[postStart[r] … postStart[r + 1]), with their weights in postWeight. */
  private readonly postStart: Int32Array;
  private readonly postDoc: Int32Array;
  private readonly postWeight: Float32Array;
  /** Scratch for one message: each example's score, and the examples touched. */
  private readonly scores: Float32Array;
  private readonly touched: Int32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;
  /** Scratch: the message's rows, and the k best examples with their scores. */
  private query = new Int32Array(64);
  private bestDoc = new Int32Array(0);
  private bestScore = new Float32Array(0);

  constructor(
    private readonly parts: NeighbourParts,
    /** How many rows the kind classifier has. */
    rowCount: number,
    private readonly labelCount: number,
  ) {
    const { labels, starts, rows } = parts;
    const n = labels.length;
    const df = new Int32Array(rowCount);
    for (const r of rows) df[r] = (df[r] as number) + 1;
    this.idf = new Float32Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const d = df[r] as number;
      if (d > 0) this.idf[r] = Math.log(n / d);
    }
    this.postStart = new Int32Array(rowCount + 1);
    for (let r = 0; r < rowCount; r++)
      this.postStart[r + 1] = (this.postStart[r] as number) + (df[r] as number);
    this.postDoc = new Int32Array(rows.length);
    this.postWeight = new Float32Array(rows.length);
    const fill = this.postStart.slice(0, rowCount);
    for (let i = 0; i < n; i++) {
      const from = starts[i] as number;
      const to = starts[i + 1] as number;
      let norm = 0;
      for (let j = from; j < to; j++) norm += (this.idf[rows[j] as number] as number) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let j = from; j < to; j++) {
        const r = rows[j] as number;
        const at = fill[r] as number;
        fill[r] = at + 1;
        this.postDoc[at] = i;
        this.postWeight[at] = (this.idf[r] as number) / norm;
      }
    }
    this.scores = new Float32Array(n);
    this.touched = new Int32Array(n);
    this.seen = new Uint32Array(rowCount);
  }

  /** From each training example's kind label and feature rows (duplicates are dropped). */
  static fromExamples(
    examples: ReadonlyArray<{ label: number; rows: readonly number[] }>,
    rowCount: number,
    labelCount: number,
  ): Neighbours {
    const starts = new Int32Array(examples.length + 1);
    const rows: number[] = [];
    examples.forEach((e, i) => {
      for (const r of new Set(e.rows)) if (r >= 0) rows.push(r);
      starts[i + 1] = rows.length;
    });
    const parts = { labels: Int32Array.from(examples, (e) => e.label), starts, rows: Int32Array.from(rows) };
    return new Neighbours(parts, rowCount, labelCount);
  }

  /** Everything that ships (the index is rebuilt from it at load). */
  toParts(): NeighbourParts {
    return this.parts;
  }

  /**
   * The labels of the k examples nearest the message's rows, each weighing its similarity, as
   * probabilities (a little spread over every label); undefined when no row is in any example.
   */
  vote(rows: ArrayLike<number>, count: number, k: number): Float64Array | undefined {
    const stamp = ++this.stamp;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    // The message as a vector: its distinct rows that some example has, weighted by rarity.
    if (this.query.length < count) this.query = new Int32Array(count * 2);
    const query = this.query;
    let size = 0;
    let norm = 0;
    for (let i = 0; i < count; i++) {
      const r = rows[i] as number;
      // A row this index does not have (none today: the rows come from the same classifier) says nothing.
      if (!(r >= 0 && r < this.idf.length) || this.seen[r] === this.stamp) continue;
      this.seen[r] = this.stamp;
      const w = this.idf[r] as number;
      if (w < RARE_ENOUGH) continue;
      query[size++] = r;
      norm += w * w;
    }
    if (size === 0) return undefined;
    norm = Math.sqrt(norm);
    let touched = 0;
    for (let q = 0; q < size; q++) {
      const r = query[q] as number;
      const w = (this.idf[r] as number) / norm;
      const end = this.postStart[r + 1] as number;
      for (let p = this.postStart[r] as number; p < end; p++) {
        const d = this.postDoc[p] as number;
        if (this.scores[d] === 0) this.touched[touched++] = d;
        this.scores[d] = (this.scores[d] as number) + w * (this.postWeight[p] as number);
      }
    }
    // The k best, kept in order as they come (k is small): an insertion into a short sorted list.
    if (this.bestDoc.length < k) {
      this.bestDoc = new Int32Array(k);
      this.bestScore = new Float32Array(k);
    }
    const bestDoc = this.bestDoc;
    const bestScore = this.bestScore;
    let kept = 0;
    for (let t = 0; t < touched; t++) {
      const d = this.touched[t] as number;
      const s = this.scores[d] as number;
      this.scores[d] = 0;
      if (kept === k && s <= (bestScore[k - 1] as number)) continue;
      let at = kept < k ? kept++ : k - 1;
      while (at > 0 && (bestScore[at - 1] as number) < s) {
        bestDoc[at] = bestDoc[at - 1] as number;
        bestScore[at] = bestScore[at - 1] as number;
        at--;
      }
      bestDoc[at] = d;
      bestScore[at] = s;
    }
    const L = this.labelCount;
    const out = new Float64Array(L).fill(SPREAD / L);
    let total = SPREAD;
    for (let b = 0; b < kept; b++) {
      const l = this.parts.labels[bestDoc[b] as number] as number;
      const s = bestScore[b] as number;
      out[l] = (out[l] as number) + s;
      total += s;
    }
    for (let l = 0; l < L; l++) out[l] = (out[l] as number) / total;
    return out;
  }
}

/**
 * A row in more than 1 example in 20 ("how", "do", "is_it") is left out of the message's vector: it
 * says little about which examples are near (the same figures on every development set, measured),
 * and reading its long list of examples was most of the time a message took.
 */
const RARE_ENOUGH = Math.log(20);

/** A little probability for every label, so that no label the neighbours miss is ruled out. */
const SPREAD = 0.01;
