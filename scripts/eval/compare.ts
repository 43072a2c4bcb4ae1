/**
 * npm run eval -- --compare: the pipelines measured for README's comparison. Each is measured by
 * 10-fold cross-validation over data/examples.json and on the development sets (test/eval/dev.json,
 * dev2.json, dev4.json), never on the held-out set or dev3; then its time per message and its training time.
 */
import { createRequire } from "node:module";
import {
  buildUnderstander,
  type Knowledge,
  type PipelineOptions,
  type Understanding,
  understandWith,
} from "../../src/engine/index.js";
import { analyse } from "../../src/engine/understand/analyse.js";
import { labelledExamples } from "../../src/engine/understand/check-examples.js";
import { Lexicon } from "../../src/engine/understand/lexicon.js";
import { memoised, STEMMERS } from "../../src/engine/understand/stemmers.js";
import { crossValidate, exampleItems, foldOf } from "./cross-validation.js";
import { DEV_SET, DEV2_SET, DEV4_SET, loadHeldOut, MULTI_SET, MULTI2_SET } from "./held-out.js";
import { type EvalItem, isRight, type Outcome, type Report, report } from "./scoring.js";
import { outcomesWith, withChanges } from "./sweep.js";

const VARIANTS: Array<[string, Record<string, unknown>]> = [
  ["shipped: both classifiers read the feature, every rule below on", {}],
  ["no vote of the nearest examples on the kind (the layer before)", { neighbours: { share: 0 } }],
  ["…their vote at 0.3 with 7 of them", { neighbours: { share: 0.3, k: 7 } }],
  [
    "the kind classifier trained in one order (the layer before), not 8 averaged",
    { kindClassifier: { orders: 1 } },
  ],
  ["no message is long: its background may be asked (the layer before)", { tuning: { longMessage: 0 } }],
  ["…a part of a long message that tells may add a feature", { tuning: { longAsks: 0 } }],
  ["…a part that tells before one that asks does not set the scene", { tuning: { sceneStatements: 0 } }],
  ["…no part is an item of a list of asks", { tuning: { listItemTerms: 0 } }],
  ["…a feature named only in the scene does not give way", { tuning: { sceneYields: 0 } }],
  [
    "…words not ours in the scene rule a feature out (the layer before round 11)",
    { tuning: { sceneWords: 0 } },
  ],
  ["a later part that opens with who speaks may add a feature", { tuning: { speakerParts: 0 } }],
  ["aliases only in the scene still decide when no other part has one", { tuning: { sceneClassify: 0 } }],
  [
    "two aliases in one breath: a word that reads as one of them is still loose",
    { tuning: { pairOwnWords: 0 } },
  ],
  ["Naive Bayes smoothed at 0.3 (the layer before), not 0.15", { featureClassifier: { alpha: 0.3 } }],
  ["the feature read by Naive Bayes alone", { featureMix: 0 }],
  ["aliases decide even against a sure reading", { tuning: { aliasOverrule: 1.01 } }],
  ["no conditional readings (a ruled-out kind keeps its share)", { tuning: { renormalise: 0 } }],
  ["a word training never saw is no warning", { tuning: { unseenKeep: 0 } }],
  ["a feature always needs a domain word", { tuning: { noDomainKeep: 1.01 } }],
  ["a sure feature question with a weak reading is unknown", { tuning: { kindSure: 1.01 } }],
  ["two aliases that are all a message says are one ask (the layer before)", { tuning: { pairTerms: 0 } }],
  ["…whatever share of their word's examples is about their feature", { tuning: { pairShare: 0 } }],
  ["…even when one is a preposition's object", { tuning: { pairGoverned: 0 } }],
  ["…with one other topic word allowed", { tuning: { pairLoose: 1 } }],
  ["a part that sets the scene may add a feature", { tuning: { sceneParts: 0 } }],
  [
    "a second feature from another part by its alias at 0.2 (the layer before)",
    { tuning: { alsoAlias: 0.2 } },
  ],
  ["a second feature from another part by its alias alone", { tuning: { alsoAlias: 0 } }],
  ["a word training never saw needs 0.8 (not 0.7)", { tuning: { unseenKeep: 0.8 } }],
  ["parts read by Naive Bayes alone", { tuning: { segmentMix: 0 } }],
  ["a plain question may be chatter", { tuning: { questionNotChatter: 0 } }],
  ["an off-topic word does not rule out a decision", { tuning: { decisionOffTopic: 0 } }],
  [
    "the thresholds before (unknown overruled at 0.2, every kind at 0.35)",
    { tuning: { overrule: 0.2, cutoff: 0.35, cutoffOther: 0.35 } },
  ],
  ["kind: all features as one label", { kindLabels: "collapsed" }],
  ["Naive Bayes for the kind too", { kindClassifier: { kind: "naive-bayes" } }],
  ["with character 3- and 4-grams (weight 0.25)", { grams: [3, 4] }],
  ["no spelling correction, no n-grams", { spelling: "none" }],
  ["aliases do not decide", { aliasesDecide: false }],
  ["Porter (1980) stemmer (the layer before round 7)", { stemmer: "porter" }],
  ["no stemming", { stemmer: "none" }],
];

const pct = (r: Report) =>
  `${(100 * r.accuracy).toFixed(1)}% (fa ${r.falseAnswersOnUnknown}/${r.unknownItems})`;

/** One row of the table: the pipeline, its figures on every set, its speed and its training time. */
function row(
  name: string,
  sets: { cv: Report; dev: Report; dev2: Report; dev4: Report; multi: Report[] },
  us: string,
  ms: number,
): string {
  const multi = sets.multi.map((r) => `${r.right}/${r.total}`).join(" / ");
  return `| ${name} | ${pct(sets.cv)} | ${pct(sets.dev)} | ${pct(sets.dev2)} | ${pct(sets.dev4)} | ${multi} | ${us} | ${ms.toFixed(0)} ms |`;
}

/** Median µs per message over the dev set's texts, in batches. */
function speed(fn: (text: string) => unknown, texts: string[]): number {
  for (const t of texts) fn(t);
  const means: number[] = [];
  for (let b = 0; b < 7; b++) {
    const start = process.hrtime.bigint();
    for (const t of texts) fn(t);
    means.push(Number(process.hrtime.bigint() - start) / 1000 / texts.length);
  }
  return means.sort((a, b) => a - b)[3] as number;
}

function buildMs(build: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    build();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

interface WinkClassifier {
  definePrepTasks(tasks: Array<(input: unknown) => unknown>): void;
  defineConfig(config: { considerOnlyPresence: boolean; smoothingFactor: number }): void;
  learn(input: string[], label: string): void;
  consolidate(): void;
  predict(input: string[]): string;
}

/** wink-naive-bayes-text-classifier, one stage over every label, fed our own stems. */
function wink(knowledge: Knowledge, holdout?: ReadonlySet<string>) {
  const require = createRequire(import.meta.url);
  const make = require("wink-naive-bayes-text-classifier") as () => WinkClassifier;
  const lexicon = new Lexicon(memoised(STEMMERS.porter2), undefined);
  const stems = (text: string) => analyse(text, lexicon).tokens.map((t) => t.stem);
  const c = make();
  c.definePrepTasks([(x) => x]);
  c.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  for (const { label, text } of labelledExamples(knowledge.examples)) {
    if (!holdout?.has(text)) c.learn(stems(text), label);
  }
  c.consolidate();
  return (text: string): Understanding => {
    const label = c.predict(stems(text));
    const common = { score: 1, unsure: false, isQuestion: true, runnersUp: [] };
    if (label.startsWith("feature:")) {
      const featureId = label.slice(8);
      return { intent: "feature", ...common, features: [{ featureId, title: featureId, score: 1 }] };
    }
    if (label.startsWith("decision:"))
      return { intent: "decision", ...common, topic: label.slice(9) as "flip" };
    return { intent: label as "unknown", ...common };
  };
}

function winkRow(knowledge: Knowledge): string {
  const items = exampleItems(knowledge);
  const cv: Outcome[] = [];
  for (let fold = 0; fold < 10; fold++) {
    const held = items.filter((_, i) => foldOf(i, 10) === fold);
    const predict = wink(knowledge, new Set(held.map((h) => h.text)));
    for (const item of held) {
      const got = predict(item.text);
      cv.push({ item, got, right: isRight(item.expect, got) });
    }
  }
  const predict = wink(knowledge);
  const devItems: EvalItem[] = loadHeldOut(DEV_SET);
  const onSet = (items: EvalItem[]) =>
    items.map((item) => {
      const got = predict(item.text);
      return { item, got, right: isRight(item.expect, got) };
    });
  const figures = {
    cv: report(cv),
    dev: report(onSet(devItems)),
    dev2: report(onSet(loadHeldOut(DEV2_SET))),
    dev4: report(onSet(loadHeldOut(DEV4_SET))),
    multi: [MULTI_SET, MULTI2_SET].map((set) => report(onSet(loadHeldOut(set)))),
  };
  const us = speed(
    predict,
    devItems.map((i) => i.text),
  );
  const ms = buildMs(() => wink(knowledge));
  return row("wink-naive-bayes-text-classifier, one stage, our stems", figures, us.toFixed(0), ms);
}

export async function compare(knowledge: Knowledge, args: readonly string[]): Promise<void> {
  console.log(
    "| pipeline | CV accuracy (false answers on unknown) | dev set | dev2 set | dev4 set | multi / multi2 | µs per message | training |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  const texts = loadHeldOut(DEV_SET).map((i) => i.text);
  // Warm up (JIT, the process's stem memo) so the first row is not measured cold.
  const warm = buildUnderstander(knowledge);
  speed((t) => understandWith(warm, t), texts.slice(0, 20));
  for (const [name, change] of VARIANTS) {
    const options: PipelineOptions = withChanges(change);
    const u = buildUnderstander(knowledge, options);
    const figures = {
      cv: report(crossValidate(knowledge, options)),
      dev: report(outcomesWith(u, DEV_SET)),
      dev2: report(outcomesWith(u, DEV2_SET)),
      dev4: report(outcomesWith(u, DEV4_SET)),
      multi: [MULTI_SET, MULTI2_SET].map((set) => report(outcomesWith(u, set))),
    };
    const us = speed((t) => understandWith(u, t, { hasRecommendation: true }), texts);
    const ms = buildMs(() => buildUnderstander(knowledge, options));
    console.log(row(name, figures, us.toFixed(1), ms));
  }
  if (!args.includes("--no-wink")) console.log(winkRow(knowledge));
}
