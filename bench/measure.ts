/** Batch timing: many calls per batch, so the clock's own cost and noise average out. */
export interface Measurement {
  name: string;
  /** Median over batches of the mean time per call, in µs. */
  medianUs: number;
  /** 99th percentile over batches of the mean time per call, in µs. */
  p99Us: number;
  batches: number;
  callsPerBatch: number;
  targetUs: number;
}

export interface MeasureOptions {
  name: string;
  targetUs: number;
  callsPerBatch?: number;
  warmupBatches?: number;
  minBatches?: number;
  maxBatches?: number;
  /** Stop adding batches after this long (after minBatches). */
  budgetMs?: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

/** Anything a call returns goes here, so the optimiser cannot drop the work. */
export let sink: unknown;

/** Calls `fn` on the inputs in turn (input i % n), in batches; reports per-call statistics. */
export function measure<T>(
  inputs: readonly T[],
  fn: (input: T) => unknown,
  options: MeasureOptions,
): Measurement {
  const {
    callsPerBatch = 1000,
    warmupBatches = 3,
    minBatches = 15,
    maxBatches = 500,
    budgetMs = 3000,
  } = options;
  const n = inputs.length;
  const batch = (): number => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < callsPerBatch; i++) sink = fn(inputs[i % n] as T);
    return Number(process.hrtime.bigint() - start) / 1000 / callsPerBatch;
  };
  for (let i = 0; i < warmupBatches; i++) batch();
  const means: number[] = [];
  const deadline = performance.now() + budgetMs;
  while (means.length < maxBatches && (means.length < minBatches || performance.now() < deadline)) {
    means.push(batch());
  }
  means.sort((a, b) => a - b);
  return {
    name: options.name,
    medianUs: percentile(means, 50),
    p99Us: percentile(means, 99),
    batches: means.length,
    callsPerBatch,
    targetUs: options.targetUs,
  };
}

/** Mean µs per call for each input alone: shows which inputs are slow. */
export function perInput<T>(inputs: readonly T[], fn: (input: T) => unknown, calls = 200): number[] {
  return inputs.map((input) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) sink = fn(input);
    return Number(process.hrtime.bigint() - start) / 1000 / calls;
  });
}
