/**
 * npm run eval -- --orders 5 ['{…}' …]
 * The kind classifier learns by stochastic gradient descent, so the order it meets the examples in
 * moves the development sets by a few items (it ships averaged over 8 orders, which narrows that).
 * This builds the model with N seeds (each seed its own 8 orders) and prints each set's figures as
 * mean (lowest–highest), so that a change is judged by more than one seed's luck. The held-out set
 * dev5 and dev6 are never measured here.
 */
import { buildUnderstander, type Knowledge, type PipelineOptions } from "../../src/engine/index.js";
import {
  DEV_SET,
  DEV2_SET,
  DEV3_SET,
  DEV4_SET,
  DEV7_SET,
  DEV8_SET,
  MULTI_SET,
  MULTI2_SET,
} from "./held-out.js";
import { report } from "./scoring.js";
import { outcomesWith } from "./sweep.js";

const SETS: ReadonlyArray<[name: string, path: string]> = [
  ["dev", DEV_SET],
  ["dev2", DEV2_SET],
  ["dev3", DEV3_SET],
  ["dev4", DEV4_SET],
  ["dev7", DEV7_SET],
  ["dev8", DEV8_SET],
  ["multi", MULTI_SET],
  ["multi2", MULTI2_SET],
];

export interface OrderFigures {
  set: string;
  total: number;
  /** Items right, one per order. */
  right: number[];
  /** False answers on unknown items, one per order. */
  falseAnswers: number[];
}

/** Each set's figures under `orders` seeds of the kind classifier's training (seed 0 is the shipped model). */
export function acrossOrders(knowledge: Knowledge, options: PipelineOptions, orders: number): OrderFigures[] {
  const figures = SETS.map(([set]) => ({
    set,
    total: 0,
    right: [] as number[],
    falseAnswers: [] as number[],
  }));
  for (let seed = 0; seed < orders; seed++) {
    const u = buildUnderstander(knowledge, {
      ...options,
      kindClassifier: { ...options.kindClassifier, seed },
    });
    SETS.forEach(([, path], i) => {
      const r = report(outcomesWith(u, path));
      const row = figures[i] as OrderFigures;
      row.total = r.total;
      row.right.push(r.right);
      row.falseAnswers.push(r.falseAnswersOnUnknown);
    });
  }
  return figures;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** "dev3 149.2/177 (147–151), fa 3.0" for each set, on one line. */
export function formatOrders(figures: OrderFigures[]): string {
  return figures
    .map(
      (f) =>
        `${f.set} ${mean(f.right).toFixed(1)}/${f.total} (${Math.min(...f.right)}–${Math.max(...f.right)}), fa ${mean(f.falseAnswers).toFixed(1)}`,
    )
    .join(" | ");
}
