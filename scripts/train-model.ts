/**
 * npm run train: trains the understanding model on data/examples.json (and the features' aliases,
 * titles and myths) and writes data/generated/understanding-model.json, which the app loads instead
 * of training at every start. Run it after changing examples, aliases, alternatives, the pipeline's
 * options or its training code; test/engine/shipped-model.test.ts fails until you do.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { defaultDataDir, getKnowledge } from "../src/engine/knowledge.js";
import { trainModel } from "../src/engine/understand/model.js";
import { DEFAULT_OPTIONS } from "../src/engine/understand/options.js";
import { fingerprint, SHIPPED_MODEL_FILE, toShipped } from "../src/engine/understand/shipped.js";

const knowledge = getKnowledge();
const started = performance.now();
const shipped = toShipped(trainModel(knowledge, DEFAULT_OPTIONS), fingerprint(knowledge, DEFAULT_OPTIONS));
const path = join(defaultDataDir(), SHIPPED_MODEL_FILE);
mkdirSync(dirname(path), { recursive: true });
const json = `${JSON.stringify(shipped)}\n`;
writeFileSync(path, json);
console.log(
  `wrote ${path}: ${(json.length / 1024).toFixed(0)} KB, trained in ${(performance.now() - started).toFixed(0)} ms`,
);
