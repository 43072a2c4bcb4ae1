/**
 * npm run eval            the held-out set (test/eval/held-out.json): accuracy, per intent and
 *                         feature, confusions, misses
 * npm run eval -- --cv    10-fold cross-validation over data/examples.json (for development)
 * npm run eval -- --compare   the library comparison (cross-validation, speed, index build)
 */
import { getKnowledge } from "../src/engine/index.js";
import { DEFAULT_OPTIONS } from "../src/engine/understand/options.js";
import { compare } from "./eval/compare.js";
import { crossValidate } from "./eval/cross-validation.js";
import { loadHeldOut, runHeldOut } from "./eval/held-out.js";
import { printReport } from "./eval/print.js";
import { report } from "./eval/scoring.js";

async function main(): Promise<void> {
  const knowledge = getKnowledge();
  const args = process.argv.slice(2);
  if (args.includes("--compare")) {
    await compare(knowledge);
    return;
  }
  if (args.includes("--cv")) {
    const quiet = args.includes("--quiet");
    const r = report(crossValidate(knowledge, DEFAULT_OPTIONS));
    printReport("10-fold cross-validation over data/examples.json", r, quiet ? () => {} : console.log);
    if (quiet) console.log(`cv ${(100 * r.accuracy).toFixed(1)}% (${r.right}/${r.total})`);
    return;
  }
  printReport("Held-out set (test/eval/held-out.json)", report(runHeldOut(knowledge, loadHeldOut())));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
