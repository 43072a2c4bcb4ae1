import { getKnowledge } from "../src/engine/index.js";
import { engineSection, type Section } from "./engine.js";
import { burstSection } from "./http/burst.js";
import { httpSection } from "./http/section.js";
import type { Measurement } from "./measure.js";
import { storageSection } from "./storage.js";

/**
 * Sections run in order. `npm run bench -- --engine` runs only the engine, `-- --storage` only the
 * storage layer, `-- --http` only the HTTP comparison (about four minutes), `-- --burst` only the flood
 * of slash commands (about half a minute); with none, everything.
 */
const only = ["--engine", "--storage", "--http", "--burst"].filter((flag) => process.argv.includes(flag));
const SECTIONS: Array<() => Section | Promise<Section>> = [];
if (only.length === 0 || only.includes("--engine")) SECTIONS.push(engineSection);
if (only.length === 0 || only.includes("--storage")) SECTIONS.push(storageSection);
if (only.length === 0 || only.includes("--http")) SECTIONS.push(httpSection);
if (only.length === 0 || only.includes("--burst")) SECTIONS.push(burstSection);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function row(m: Measurement): string {
  const status = m.medianUs <= m.targetUs ? "PASS" : "MISS";
  return [
    m.name.padEnd(44),
    `${m.medianUs.toFixed(1)} µs`.padStart(11),
    `${m.p99Us.toFixed(1)} µs`.padStart(11),
    `<= ${m.targetUs} µs`.padStart(13),
    `  ${status}`,
    `  (${m.batches} batches x ${m.callsPerBatch})`,
  ].join("");
}

async function main(): Promise<number> {
  const k = getKnowledge();
  console.log(`Benchmark: Node ${process.version}, knowledge ${k.meta.knowledgeVersion}`);
  console.log("Median and p99 are over batches of the mean time per call.\n");
  let missed = 0;
  for (const make of SECTIONS) {
    const section = await make();
    console.log(section.title);
    console.log(`${"".padEnd(44)}${"median".padStart(11)}${"p99".padStart(11)}${"target".padStart(13)}`);
    for (const m of section.measurements) {
      console.log(row(m));
      if (m.medianUs > m.targetUs) missed++;
    }
    for (const note of section.notes) console.log(`  ${note}`);
    for (const c of section.checks ?? []) {
      console.log(`  ${c.pass ? "PASS" : "MISS"}  ${c.name}: ${c.value} (target ${c.target})`);
      if (!c.pass) missed++;
    }
    console.log("");
  }
  // The whole process: the compiled engine the figures measure and the TypeScript one the inputs come from.
  const mem = process.memoryUsage();
  console.log(`Heap used ${mb(mem.heapUsed)} of ${mb(mem.heapTotal)}; RSS ${mb(mem.rss)}`);
  console.log(missed === 0 ? "All targets met." : `${missed} target(s) missed.`);
  return missed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
