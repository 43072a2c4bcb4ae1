import { execFileSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ROOT } from "./http/process.js";
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

type Engine = typeof import("../src/engine/index.js");

/**
 * The engine as `npm start` runs it: built to `dist/` by tsc (BENCH_NO_BUILD=1 reuses a build). Run
 * through tsx, the same code read messages about 10% slower (tsx names every function it creates).
 */
async function compiledEngine(): Promise<Engine> {
  if (!process.env.BENCH_NO_BUILD)
    execFileSync("npm", ["run", "-s", "build"], { cwd: ROOT, stdio: "inherit" });
  const built = new URL("../dist/src/engine/index.js", import.meta.url).href;
  return (await import(built)) as Engine;
}

/** Median wall-clock and CPU milliseconds of 5 runs of `make` on a freshly loaded knowledge base, and the first run's. */
function timed(
  loadKnowledge: Engine["loadKnowledge"],
  make: (k: ReturnType<Engine["loadKnowledge"]>) => unknown,
): {
  ms: number;
  cpuMs: number;
  firstMs: number;
} {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 5; i++) {
    const k = loadKnowledge();
    const c = process.cpuUsage();
    const start = performance.now();
    make(k);
    times.push(performance.now() - start);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const firstMs = times[0] as number;
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { ms: times[2] as number, cpuMs: cpu[2] as number, firstMs };
}

/**
 * What starting costs: loading the shipped model (data/generated/understanding-model.json), median
 * of 5 (wall clock and this process's CPU time: on a shared machine the wall clock also counts other
 * processes' turns) and the first load on its own; training from the examples, as `npm run train` or
 * a knowledge base the shipped model was not trained on does; and the memory one model keeps (heap
 * and array buffers: the weight tables are typed arrays).
 */
function indexCost({ loadKnowledge, loadUnderstander, buildUnderstander }: Engine): {
  load: ReturnType<typeof timed>;
  train: ReturnType<typeof timed>;
  memoryMb: number;
} {
  const load = timed(loadKnowledge, (k) => loadUnderstander(k));
  const train = timed(loadKnowledge, (k) => buildUnderstander(k));
  // A real collection before and after, so the figure is what the models keep, not garbage.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const kept = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  // Several passes: one can leave garbage that finalisers or weak maps release only on the next.
  const settle = () => {
    for (let i = 0; i < 4; i++) gc();
  };
  settle();
  const before = kept();
  const models = Array.from({ length: 4 }, () => loadUnderstander(loadKnowledge()));
  settle();
  const after = kept();
  return { load, train, memoryMb: (after - before) / models.length / 1024 / 1024 };
}

/**
 * The first model in a fresh process, as a worker starts: wall clock, and the memory it keeps (heap and
 * array buffers after GC) with what every model shares, the common-English word list included. Measured
 * in a child process: this one has loaded all of it already.
 */
function firstModel(): { ms: number; wordsMs: number; memoryMb: number } {
  const engine = new URL("../dist/src/engine/index.js", import.meta.url).href;
  const script = `
    const kept = () => { const m = process.memoryUsage(); return m.heapUsed + m.arrayBuffers; };
    const settle = () => { for (let i = 0; i < 4; i++) gc(); };
    const { loadKnowledge, loadUnderstander, understandWith } = await import(${JSON.stringify(engine)});
    const k = loadKnowledge();
    settle();
    const before = kept();
    let start = performance.now();
    const model = loadUnderstander(k);
    const ms = performance.now() - start;
    start = performance.now();
    understandWith(model, ${JSON.stringify(NEEDS_WORD_LIST)});
    const wordsMs = performance.now() - start;
    settle();
    console.log(JSON.stringify({ ms, wordsMs, memoryMb: (kept() - before) / 1024 / 1024 }));`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], {
    encoding: "utf8",
  });
  return JSON.parse(out) as { ms: number; wordsMs: number; memoryMb: number };
}

/** A message whose first word is a real word one typo from a topic word: reading it loads the word list. */
const NEEDS_WORD_LIST = "what's the daily routine for on-call?";

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

/** The engine's two hot calls, as Slack and the terminal make them, compiled as `npm start` runs them. */
export async function engineSection(): Promise<Section> {
  const engine = await compiledEngine();
  const { getKnowledge, recommend, understand } = engine;
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
  const cost = indexCost(engine);
  const first = firstModel();
  const short = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
  return {
    title: "Engine (compiled to dist/, as npm start runs it)",
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
      `understanding model at start (shipped): ${cost.load.cpuMs.toFixed(1)} ms of CPU time (median of 5); the first load ${cost.load.firstMs.toFixed(1)} ms wall clock`,
      `the first understanding model in a fresh process: ${first.ms.toFixed(1)} ms wall clock; the first message that needs the common-English word list (loaded then, shared by every model) ${first.wordsMs.toFixed(1)} ms; ${first.memoryMb.toFixed(1)} MB kept, word list included`,
      `understanding model trained from the examples (npm run train): ${cost.train.ms.toFixed(0)} ms wall clock, ${cost.train.cpuMs.toFixed(0)} ms of CPU time (median of 5)`,
    ],
    checks: [
      {
        name: "understanding model at start (shipped)",
        value: `${cost.load.ms.toFixed(1)} ms`,
        target: `<= ${TARGETS.buildMs} ms`,
        pass: cost.load.ms <= TARGETS.buildMs,
      },
      {
        name: "the first understanding model in a fresh process (memory with the word list)",
        value: `${first.ms.toFixed(1)} ms, ${first.memoryMb.toFixed(1)} MB`,
        target: `<= ${TARGETS.buildMs} ms, <= ${TARGETS.memoryMb} MB`,
        pass: first.ms <= TARGETS.buildMs && first.memoryMb <= TARGETS.memoryMb,
      },
      {
        name: "memory one understanding model keeps (heap and array buffers, after GC)",
        value: `${cost.memoryMb.toFixed(1)} MB`,
        target: `<= ${TARGETS.memoryMb} MB`,
        pass: cost.memoryMb <= TARGETS.memoryMb,
      },
    ],
  };
}
