import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import {
  buildUnderstander,
  getKnowledge,
  loadKnowledge,
  recommend,
  understand,
} from "../src/engine/index.js";
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

export const TARGETS_US = { recommend: 200, understand: 50 } as const;
/** Building the understanding index at start, and what it adds to resident memory. */
export const TARGETS = { buildMs: 100, memoryMb: 20 } as const;

/**
 * Index build time (median of 5 fresh builds, wall clock and this process's CPU time: on a shared
 * machine the wall clock also counts other processes' turns), the first build on its own (it also
 * fills the process's stem memo), and the memory one index keeps.
 */
function indexCost(): { buildMs: number; buildCpuMs: number; firstMs: number; memoryMb: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const k = loadKnowledge();
    const c = process.cpuUsage();
    const start = performance.now();
    buildUnderstander(k);
    times.push(performance.now() - start);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const firstMs = times[0] as number;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // A real collection before and after, so the figure is what the indexes keep, not garbage.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: 4 }, () => buildUnderstander(loadKnowledge()));
  gc();
  const after = process.memoryUsage().heapUsed;
  return {
    buildMs: times[2] as number,
    buildCpuMs: cpu[2] as number,
    firstMs,
    memoryMb: (after - before) / kept.length / 1024 / 1024,
  };
}

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
  understand(knowledge, "warm up");
  const understandRun = measure(phrasings, (t) => understand(knowledge, t, { hasRecommendation: true }), {
    name: `understand(text) x ${phrasings.length} messages`,
    targetUs: TARGETS_US.understand,
  });
  const recommendCpu = process.cpuUsage();
  for (let i = 0; i < 20; i++) for (const p of profiles) recommend(p, knowledge);
  const recommendUsed = process.cpuUsage(recommendCpu);
  const recommendCpuUs = (recommendUsed.user + recommendUsed.system) / (20 * profiles.length);
  const cpuStart = process.cpuUsage();
  const calls = 20;
  for (let i = 0; i < calls; i++)
    for (const t of phrasings) understand(knowledge, t, { hasRecommendation: true });
  const cpuUsed = process.cpuUsage(cpuStart);
  const understandCpuUs = (cpuUsed.user + cpuUsed.system) / (calls * phrasings.length);
  const cost = indexCost();
  const short = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
  return {
    title: "Engine",
    measurements: [recommendRun, understandRun],
    notes: [
      `recommend: ${spread(
        profiles,
        (p) => recommend(p, knowledge),
        (p) => `profile #${profiles.indexOf(p)}`,
      )}`,
      `understand: ${spread(phrasings, (t) => understand(knowledge, t), short)}`,
      `recommend: ${recommendCpuUs.toFixed(1)} µs of this process's CPU time per profile (mean)`,
      `understand: ${understandCpuUs.toFixed(1)} µs of this process's CPU time per message (mean)`,
      `index build: ${cost.buildCpuMs.toFixed(1)} ms of CPU time (median of 5); the first build ${cost.firstMs.toFixed(1)} ms wall clock`,
    ],
    checks: [
      {
        name: "understanding index build",
        value: `${cost.buildMs.toFixed(1)} ms`,
        target: `<= ${TARGETS.buildMs} ms`,
        pass: cost.buildMs <= TARGETS.buildMs,
      },
      {
        name: "memory one understanding index keeps (heap, after GC)",
        value: `${cost.memoryMb.toFixed(1)} MB`,
        target: `<= ${TARGETS.memoryMb} MB`,
        pass: cost.memoryMb <= TARGETS.memoryMb,
      },
    ],
  };
}
