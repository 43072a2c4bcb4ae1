import { getKnowledge } from "../src/engine/index.js";
import { analyseWith, featureProbabilities, kindProbabilities } from "../src/engine/understand/model.js";
import { understanderFor } from "../src/engine/understand/understand.js";

const k = getKnowledge();
const m = understanderFor(k);
for (const t of process.argv.slice(2)) {
  const a = analyseWith(m, t);
  const kp = kindProbabilities(m, a);
  const fp = featureProbabilities(m, a);
  const top = (p: Float64Array, labels: readonly string[]) =>
    [...p.keys()]
      .sort((x, y) => p[y]! - p[x]!)
      .slice(0, 4)
      .map((i) => `${labels[i]} ${p[i]!.toFixed(3)}`)
      .join(", ");
  console.log(
    t,
    "| kind:",
    top(kp, m.kinds.labels),
    "| feat:",
    top(fp, m.featureIds),
    "| domain:",
    a.terms
      .filter((x) => m.domain.has(x.stem))
      .map((x) => x.stem)
      .join(","),
  );
}
if (process.env.ANCHORS)
  for (const [l, s] of m.anchors) console.log(l, s.size, [...s].slice(0, 40).join(" "));
if (process.env.LIFTS)
  for (const [l, s] of m.anchors) {
    const i = m.kinds.labels.indexOf(l);
    console.log(
      l,
      [...s]
        .map((f) => [f, m.kinds.lift(m.kinds.id(f), i)] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([f, v]) => `${f}:${v.toFixed(1)}`)
        .join(" "),
    );
  }
for (const t of process.argv.slice(2)) {
  const a = analyseWith(m, t);
  console.log(
    "offTopic:",
    a.terms
      .filter((x) => m.offTopic.has(x.stem))
      .map((x) => x.stem)
      .join(","),
    "unknown anchors:",
    [...(m.anchors.get("unknown") ?? [])].filter((f) => a.tokens.some((x) => x.stem === f)).join(","),
  );
}
