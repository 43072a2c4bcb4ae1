import { describe, expect, it } from "vitest";
import { type ClassifierOptions, type TrainingDoc, train } from "../../src/engine/understand/classifier.js";

const LABELS = ["admin", "caching", "unknown"];
/** A few documents whose words overlap, so the order of updates matters. */
const DOCS: TrainingDoc[] = [
  {
    label: 0,
    features: [
      ["admin", 1],
      ["panel", 1],
    ],
  },
  {
    label: 0,
    features: [
      ["admin", 1],
      ["staff", 1],
      ["page", 1],
    ],
  },
  {
    label: 1,
    features: [
      ["cache", 1],
      ["page", 1],
    ],
  },
  {
    label: 1,
    features: [
      ["redis", 1],
      ["cache", 1],
      ["staff", 1],
    ],
  },
  {
    label: 2,
    features: [
      ["lunch", 1],
      ["page", 1],
    ],
  },
  {
    label: 2,
    features: [
      ["weather", 1],
      ["panel", 1],
    ],
  },
];
const LOGISTIC: ClassifierOptions = {
  kind: "logistic",
  alpha: 0.3,
  presence: true,
  epochs: 3,
  rate: 0.7,
  l2: 1e-4,
};

const weights = (options: ClassifierOptions) => {
  const { table, bias } = train(LABELS, DOCS, options).parts();
  return { table: [...table], bias: [...bias] };
};

describe("logistic regression trained in several orders", () => {
  it("learns different weights in another order (the noise averaging removes)", () => {
    expect(weights({ ...LOGISTIC, seed: 1 }).table).not.toEqual(weights(LOGISTIC).table);
  });

  it("averages the weights and biases of its orders", () => {
    const orders = [0, 1, 2].map((seed) => weights({ ...LOGISTIC, seed }));
    const averaged = weights({ ...LOGISTIC, orders: 3 });
    averaged.table.forEach((w, i) => {
      const mean = orders.reduce((s, o) => s + (o.table[i] as number), 0) / 3;
      expect(w).toBeCloseTo(mean, 5);
    });
    averaged.bias.forEach((b, l) => {
      expect(b).toBeCloseTo(orders.reduce((s, o) => s + (o.bias[l] as number), 0) / 3, 9);
    });
  });

  it("averages the orders that follow from its seed (seed 1 of 2 orders: orders 2 and 3)", () => {
    const orders = [2, 3].map((seed) => weights({ ...LOGISTIC, seed }));
    const averaged = weights({ ...LOGISTIC, seed: 1, orders: 2 });
    averaged.table.forEach((w, i) => {
      expect(w).toBeCloseTo(((orders[0]?.table[i] as number) + (orders[1]?.table[i] as number)) / 2, 5);
    });
    expect(averaged.table).not.toEqual(weights({ ...LOGISTIC, orders: 2 }).table);
  });

  it("refuses a number of orders that is not a whole number of at least one", () => {
    for (const orders of [0, 2.5, -1]) {
      expect(() => train(LABELS, DOCS, { ...LOGISTIC, orders })).toThrow(/orders must be a whole number/);
    }
  });
});
