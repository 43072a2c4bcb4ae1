/**
 * npm run eval -- --sweep '{"kindLabels":"full"}' '{"grams":[]}' ...
 * Each argument is a change to DEFAULT_OPTIONS (tuning and classifier merged); prints CV, dev and dev2 figures.
 */
import {
  buildUnderstander,
  type Knowledge,
  type PipelineOptions,
  type Understander,
  understandWith,
} from "../../src/engine/index.js";
import { DEFAULT_OPTIONS } from "../../src/engine/understand/options.js";
import { crossValidate } from "./cross-validation.js";
import { DEV_SET, DEV2_SET, loadHeldOut, MULTI_SET, MULTI2_SET } from "./held-out.js";
import { isRight, report } from "./scoring.js";

export function withChanges(change: Record<string, unknown>): PipelineOptions {
  const { tuning, kindClassifier, featureClassifier, neighbours, ...rest } = change as {
    tuning?: Partial<PipelineOptions["tuning"]>;
    neighbours?: Partial<PipelineOptions["neighbours"]>;
    kindClassifier?: Partial<PipelineOptions["kindClassifier"]>;
    featureClassifier?: Partial<PipelineOptions["featureClassifier"]>;
  };
  return {
    ...DEFAULT_OPTIONS,
    ...(rest as Partial<PipelineOptions>),
    tuning: { ...DEFAULT_OPTIONS.tuning, ...tuning },
    kindClassifier: { ...DEFAULT_OPTIONS.kindClassifier, ...kindClassifier },
    featureClassifier: { ...DEFAULT_OPTIONS.featureClassifier, ...featureClassifier },
    neighbours: { ...DEFAULT_OPTIONS.neighbours, ...neighbours },
  };
}

export function devOutcomes(knowledge: Knowledge, options: PipelineOptions, set: string = DEV_SET) {
  return outcomesWith(buildUnderstander(knowledge, options), set);
}

/** A set's items read by a model already built (building one trains it: 0.5–1 s). */
export function outcomesWith(u: Understander, set: string) {
  return loadHeldOut(set).map((item) => {
    const got = understandWith(u, item.text, { hasRecommendation: item.where === "thread" });
    return { item, got, right: isRight(item.expect, got) };
  });
}

export function sweep(knowledge: Knowledge, changes: string[]): void {
  for (const raw of changes.length ? changes : ["{}"]) {
    const options = withChanges(JSON.parse(raw));
    const cv = report(crossValidate(knowledge, options));
    const dev = report(devOutcomes(knowledge, options));
    const dev2 = report(devOutcomes(knowledge, options, DEV2_SET));
    const multi = report(devOutcomes(knowledge, options, MULTI_SET));
    const multi2 = report(devOutcomes(knowledge, options, MULTI2_SET));
    const f = (r: typeof cv) =>
      `${(100 * r.accuracy).toFixed(1)}% fa ${r.falseAnswersOnUnknown}/${r.unknownItems}`;
    console.log(
      `${raw.padEnd(50)} cv ${f(cv)}  dev ${f(dev)}  dev2 ${f(dev2)}  multi ${(100 * multi.accuracy).toFixed(1)}%  multi2 ${(100 * multi2.accuracy).toFixed(1)}%`,
    );
  }
}
