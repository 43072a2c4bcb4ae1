import { getKnowledge } from "../src/engine/index.js";
import { understanderFor } from "../src/engine/understand/understand.js";
import { analyseWith, kindProbabilities, featureProbabilities } from "../src/engine/understand/model.js";
const k = getKnowledge();
const m = understanderFor(k);
for (const t of process.argv.slice(2)) {
  const a = analyseWith(m, t);
  const kp = kindProbabilities(m, a);
  const fp = featureProbabilities(m, a);
  const top = (p: Float64Array, labels: readonly string[]) => [...p.keys()].sort((x, y) => p[y]! - p[x]!).slice(0, 4).map((i) => `${labels[i]} ${p[i]!.toFixed(3)}`).join(", ");
  console.log(t, "| kind:", top(kp, m.kinds.labels), "| feat:", top(fp, m.featureIds), "| domain:", a.terms.filter((x) => m.domain.has(x.stem)).map((x) => x.stem).join(","));
}
