import { getKnowledge, understand } from "../src/engine/index.js";
import { analyseWith } from "../src/engine/understand/model.js";
import { understanderFor } from "../src/engine/understand/understand.js";

const k = getKnowledge();
for (const t of process.argv.slice(2)) {
  const u = understand(k, t, { hasRecommendation: true });
  const a = analyseWith(understanderFor(k), t);
  console.log(
    JSON.stringify(t),
    "→",
    u.intent,
    (u as any).topic ?? "",
    (u as any).features?.map((f: any) => f.featureId).join("+") ?? "",
    u.score,
    u.unsure ? "unsure" : "",
    "|",
    a.tokens.map((x) => `${x.word}/${x.stem}${x.weight < 1 ? "~" + x.weight : ""}`).join(" "),
  );
}
