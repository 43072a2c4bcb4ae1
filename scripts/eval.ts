/**
 * npm run eval                the held-out set (test/eval/held-out.json): figures only (accuracy, false
 *                             answers on unknown items, per intent and per label, confusion counts)
 * npm run eval -- --dev       the development set (test/eval/dev.json, our own questions), with misses
 * npm run eval -- --dev2      the second development set (test/eval/dev2.json), with misses
 * npm run eval -- --dev3      the third development set (test/eval/dev3.json), written blind: figures
 *                             only, like the held-out set (its misses are never printed)
 * npm run eval -- --dev4      the fourth development set (test/eval/dev4.json), written blind, read and
 *                             tuned on: long messages with background, two-feature questions; with misses
 * npm run eval -- --dev5      the fifth set (test/eval/dev5.json), written blind and measured only, like the
 *                             held-out set: figures only, never tuned on
 * npm run eval -- --dev6      the sixth set (test/eval/dev6.json), written blind by another writer and
 *                             measured only: figures only, never tuned on
 * npm run eval -- --dev7      the seventh set (test/eval/dev7.json), written blind, weighted to hard cases,
 *                             read and tuned on; with misses
 * npm run eval -- --dev8      the eighth set (test/eval/dev8.json), written blind, weighted to the line between
 *                             what the app answers and what it declines; read and tuned on; with misses
 * npm run eval -- --dev9      the ninth set (test/eval/dev9.json), written blind on the line between this
 *                             app's decision and others worded the same way; figures only, never tuned on
 * npm run eval -- --dev10     the tenth set (test/eval/dev10.json), written blind on two features asked at once
 *                             against one with another as context; figures only, never tuned on
 * npm run eval -- --multi     questions about two features or naming another's word (test/eval/multi.json)
 * npm run eval -- --multi2    the same kind of questions, a second set (test/eval/multi2.json)
 * npm run eval -- --orders 5  dev, dev2, dev3 (figures), dev4, dev7, dev8, multi and multi2 as mean (lowest–highest) over
 *                             5 training seeds of the kind classifier (each its own 8 averaged orders);
 *                             with JSON changes as --sweep takes them, one line each
 * npm run eval -- --cv        10-fold cross-validation over data/examples.json, with misses
 * npm run eval -- --compare   the pipeline comparison (cross-validation, dev set, speed, index build)
 * --quiet                     one line of figures
 * --show-misses               also print the held-out set's missed texts. Do not use it while developing:
 *                             the held-out set is measured, never read (test/eval/README.md).
 */
import { getKnowledge } from "../src/engine/index.js";
import { DEFAULT_OPTIONS } from "../src/engine/understand/options.js";
import { compare } from "./eval/compare.js";
import { crossValidate } from "./eval/cross-validation.js";
import {
  DEV_SET,
  DEV2_SET,
  DEV3_SET,
  DEV4_SET,
  DEV5_SET,
  DEV6_SET,
  DEV7_SET,
  DEV8_SET,
  DEV9_SET,
  DEV10_SET,
  loadHeldOut,
  MULTI_SET,
  MULTI2_SET,
  runHeldOut,
} from "./eval/held-out.js";
import { acrossOrders, formatOrders } from "./eval/orders.js";
import { printReport } from "./eval/print.js";
import { type Report, report } from "./eval/scoring.js";
import { sweep, withChanges } from "./eval/sweep.js";

function summary(name: string, r: Report): string {
  const intents = [...r.perIntent]
    .sort()
    .map(([intent, row]) => `${intent} ${row.right}/${row.total}`)
    .join(", ");
  return `${name} ${(Math.floor(1000 * r.accuracy) / 10).toFixed(1)}% (rounded down) (${r.right}/${r.total}), false answers on unknown ${r.falseAnswersOnUnknown}/${r.unknownItems}; ${intents}`;
}

/** Every flag this script knows; `--sweep` also takes JSON option sets ("{…}"). */
const FLAGS = new Set([
  "--dev",
  "--dev2",
  "--dev3",
  "--dev4",
  "--dev5",
  "--dev6",
  "--dev7",
  "--dev8",
  "--dev9",
  "--dev10",
  "--multi",
  "--multi2",
  "--cv",
  "--compare",
  "--no-wink",
  "--sweep",
  "--orders",
  "--quiet",
  "--show-misses",
]);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // A mistyped flag must not fall through to the default, which measures the held-out set.
  const ordersAt = args.indexOf("--orders");
  const unknown = args.filter(
    (a, i) =>
      !FLAGS.has(a) &&
      !((args.includes("--sweep") || ordersAt >= 0) && a.startsWith("{")) &&
      !(ordersAt >= 0 && i === ordersAt + 1 && /^\d+$/.test(a)),
  );
  if (unknown.length > 0) {
    console.error(`Unknown ${unknown.length === 1 ? "argument" : "arguments"}: ${unknown.join(" ")}.`);
    console.error(`Flags: ${[...FLAGS].join(" ")} (see the comment at the top of scripts/eval.ts).`);
    process.exitCode = 2;
    return;
  }
  const knowledge = getKnowledge();
  const quiet = args.includes("--quiet");
  const show = (name: string, r: Report, showMisses: boolean) => {
    if (quiet) console.log(summary(name, r));
    else printReport(name, r, console.log, { showMisses });
  };
  if (ordersAt >= 0) {
    const orders = Number(args[ordersAt + 1]);
    if (!Number.isInteger(orders) || orders < 1) {
      console.error("--orders needs how many orders, a whole number: --orders 5");
      process.exitCode = 2;
      return;
    }
    const changes = args.filter((a) => a.startsWith("{"));
    for (const raw of changes.length > 0 ? changes : ["{}"]) {
      let change: Record<string, unknown>;
      try {
        change = JSON.parse(raw);
      } catch {
        console.error(
          `Not JSON: ${raw}. Changes are JSON objects, as in --orders 3 '{"tuning":{"guess":0.4}}'.`,
        );
        process.exitCode = 2;
        return;
      }
      console.log(`${raw}: ${formatOrders(acrossOrders(knowledge, withChanges(change), orders))}`);
    }
    return;
  }
  if (args.includes("--sweep")) {
    sweep(
      knowledge,
      args.filter((a) => a.startsWith("{")),
    );
    return;
  }
  if (args.includes("--compare")) {
    await compare(knowledge, args);
    return;
  }
  if (args.includes("--cv")) {
    const r = report(crossValidate(knowledge, DEFAULT_OPTIONS));
    show("10-fold cross-validation over data/examples.json", r, true);
    return;
  }
  // The other sets. Our own are read and printed with their misses; those written blind and measured
  // only, like the held-out set below, print figures and never a miss.
  const sets: Array<[flag: string, title: string, path: string, misses: boolean]> = [
    ["--multi2", "Two features or one, second set (test/eval/multi2.json)", MULTI2_SET, true],
    ["--multi", "Two features or one (test/eval/multi.json)", MULTI_SET, true],
    ["--dev4", "Fourth development set (test/eval/dev4.json)", DEV4_SET, true],
    ["--dev2", "Second development set (test/eval/dev2.json)", DEV2_SET, true],
    ["--dev3", "Third development set, written blind (test/eval/dev3.json)", DEV3_SET, false],
    ["--dev5", "Fifth set, written blind, measured only (test/eval/dev5.json)", DEV5_SET, false],
    ["--dev6", "Sixth set, written blind, measured only (test/eval/dev6.json)", DEV6_SET, false],
    ["--dev7", "Seventh set, written blind, weighted to hard cases (test/eval/dev7.json)", DEV7_SET, true],
    [
      "--dev8",
      "Eighth set, written blind, on the line between ours and not (test/eval/dev8.json)",
      DEV8_SET,
      true,
    ],
    [
      "--dev9",
      "Ninth set, written blind, measured only: ours or another decision (test/eval/dev9.json)",
      DEV9_SET,
      false,
    ],
    [
      "--dev10",
      "Tenth set, written blind, measured only: two features or one (test/eval/dev10.json)",
      DEV10_SET,
      false,
    ],
    ["--dev", "Development set (test/eval/dev.json)", DEV_SET, true],
  ];
  const set = sets.find(([flag]) => args.includes(flag));
  if (set) {
    show(set[1], report(runHeldOut(knowledge, loadHeldOut(set[2]))), set[3]);
    return;
  }
  show(
    "Held-out set (test/eval/held-out.json)",
    report(runHeldOut(knowledge, loadHeldOut())),
    args.includes("--show-misses"),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
