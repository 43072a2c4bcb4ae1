import { buildUnderstander, loadKnowledge } from "/work/wt/nlu/src/engine/index.js";

for (let i = 0; i < 15; i++) {
  const k = loadKnowledge();
  const s = performance.now();
  buildUnderstander(k);
  console.log((performance.now() - s).toFixed(1));
}
