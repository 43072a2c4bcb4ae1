import { getKnowledge, matchFeature, recommend } from "../src/engine/index.js";
import { benchProfiles, PHRASINGS } from "./inputs.js";
import { type Measurement, measure, perInput } from "./measure.js";

/** A target that is not a time per call (a ratio, a latency, a memory figure). */
export interface Check {
  name: string;
  value: string;
  target: string;
  pass: boolean;
}

export interface Section {
  title: string;
  measurements: Measurement[];
  /** Extra lines worth reading next to the figures (slowest inputs, ...). */
  notes: string[];
  checks?: Check[];
}

export const TARGETS_US = { recommend: 200, matchFeature: 20 } as const;

/** The typical input (median of per-input means) and the three slowest, to see what drives the mean. */
function spread<T>(inputs: readonly T[], fn: (input: T) => unknown, label: (input: T) => string): string {
  const times = perInput(inputs, fn);
  const sorted = [...times].sort((a, b) => a - b);
  const typical = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const worst = times
    .map((us, i) => ({ us, i }))
    .sort((a, b) => b.us - a.us)
    .slice(0, 3)
    .map(({ us, i }) => `${us.toFixed(1)} µs ${label(inputs[i] as T)}`)
    .join("; ");
  return `typical input ${typical.toFixed(1)} µs; slowest: ${worst}`;
}

/** The engine's two hot calls, as Slack and the terminal make them. */
export function engineSection(): Section {
  const knowledge = getKnowledge();
  const profiles = benchProfiles(50);
  const phrasings = PHRASINGS;
  const recommendRun = measure(profiles, (p) => recommend(p, knowledge), {
    name: `recommend(profile) x ${profiles.length} profiles`,
    targetUs: TARGETS_US.recommend,
  });
  const matchRun = measure(phrasings, (t) => matchFeature(t, knowledge), {
    name: `matchFeature(text) x ${phrasings.length} phrasings`,
    targetUs: TARGETS_US.matchFeature,
  });
  const short = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
  return {
    title: "Engine",
    measurements: [recommendRun, matchRun],
    notes: [
      `recommend: ${spread(
        profiles,
        (p) => recommend(p, knowledge),
        (p) => `profile #${profiles.indexOf(p)}`,
      )}`,
      `matchFeature: ${spread(phrasings, (t) => matchFeature(t, knowledge), short)}`,
    ],
  };
}
