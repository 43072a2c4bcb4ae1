import type { Factor, FrameworkId, Knowledge, Recommendation } from "../../engine/index.js";
import { truncate } from "./text.js";

/** Lines of the recommendation in plain words, shared by the channel message and the Details view. */

const nameOf = (knowledge: Knowledge, id: FrameworkId) => knowledge.meta.frameworks[id].name;

/** The verdict as a headline. */
export function headline(knowledge: Knowledge, rec: Recommendation): string {
  if (rec.verdict === "either") return "Flask or Django: either fits this project";
  return `${nameOf(knowledge, rec.verdict)} is the better fit for this project`;
}

const CONFIDENCE_WORDS = { clear: "A clear call", leaning: "Leaning", "close call": "A close call" } as const;

/** How the verdict held up, honestly: never "100%" for a judgement call (the engine's own words). */
export function heldUp(rec: Recommendation): string {
  return `it ${rec.confidence.phrase}`;
}

/** The split as shares of the evidence (they add up to 100), then how sure, in words and figures. */
export function confidenceLine(knowledge: Knowledge, rec: Recommendation): string {
  const order: FrameworkId[] =
    rec.shares.flask > rec.shares.django ? ["flask", "django"] : ["django", "flask"];
  const split = order.map((f) => `${nameOf(knowledge, f)} ${rec.shares[f]}`).join(" · ");
  const verdictWord = rec.verdict === "either" ? "A toss-up" : CONFIDENCE_WORDS[rec.confidence.label];
  return `*${split}* (shares of the evidence). ${verdictWord}: ${heldUp(rec)}.`;
}

/** The reason itself, without the answers the engine appends to it in brackets. */
function reasonOnly(f: Factor): string {
  const answers = f.because.length > 0 ? ` (${f.because.join("; ")})` : "";
  return answers && f.why.endsWith(answers) ? f.why.slice(0, -answers.length) : f.why;
}

/** One reason on one line for the channel: what it is, how far it moved the split, and why. */
export function reasonLine(_knowledge: Knowledge, f: Factor, max = 150): string {
  return truncate(`*${f.label}* (${f.pointsText}): ${reasonOnly(f)}`, max);
}

/** A reason by name only, for a message that makes room for the team: "*Admin panel* (+12 toward Django)". */
export function reasonBrief(knowledge: Knowledge, f: Factor): string {
  return `*${f.label}* (+${Math.round(f.points)} toward ${nameOf(knowledge, f.favours)})`;
}

/** A reason in full for Details: with the answers that made it count. */
export function reasonInFull(_knowledge: Knowledge, f: Factor): string {
  const answers = f.because.length > 0 ? ` From your answers: ${f.because.join("; ")}.` : "";
  return `*${f.label}* (${f.pointsText}): ${reasonOnly(f)}${answers}`;
}

/** The smallest change that would flip the verdict (one answer, or two together), or that none would. */
export function flipLine(rec: Recommendation): string {
  return `*What would change it:* ${rec.whatWouldChange.text}`;
}
