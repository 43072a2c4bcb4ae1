/**
 * npm run probe -- <file>...   reads probe files (test/eval/probes/) and prints one line of figures each
 *   --mention                  read every message as a mention outside any thread (so is every file
 *                              whose name starts with "mention-"; the rest are replies in the thread of
 *                              a recommendation)
 *   --verdict flask|django     the recommendation's verdict (default django)
 *   --misses                   also print each miss; --all prints every message
 *
 * A probe file has one message per line, `label | text`; `#` starts a comment. Labels: unknown, chatter,
 * thanks (the three count as declined, each as good as another), help, pushback,
 * decision:<topic>, feature:<id>[,<id>]. A false answer (FA) is a declined message that got an answer.
 * In a thread, a message that opens with a mention of someone other than the app (<@U0APP>, <@U…BOT…>)
 * is left to them, as the thread listener does.
 * In a thread, "(N posted)" counts the false answers the app would really post: a statement read as a
 * question's kind, or a guess, gets no reply there.
 * Probes are quick checks written by reviewers and tuned on, unlike the held-out set.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { getKnowledge, type UnderstandContext, type Understanding, understand } from "../src/engine/index.js";
import { defaultProfile } from "../src/engine/profile.js";
import { composeAnswer, opensToSomeoneElse } from "../src/slack/services/compose-answer.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    mention: { type: "boolean", default: false },
    verdict: { type: "string", default: "django" },
    misses: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
  },
});
const verdict = values.verdict as "flask" | "django";
if (verdict !== "flask" && verdict !== "django")
  throw new Error(`--verdict must be flask or django, not ${verdict}`);
if (positionals.length === 0) throw new Error("Name at least one probe file (test/eval/probes/*.txt).");

const DECLINED = new Set(["unknown", "chatter", "thanks"]);
const knowledge = getKnowledge();

/** A reading as a label: "decision:flip", "feature:admin,auth". */
function labelOf(u: Understanding): string {
  if (u.intent === "decision") return `decision:${u.topic}`;
  if (u.intent === "feature")
    return `feature:${u.features
      .map((f) => f.featureId)
      .sort()
      .join(",")}`;
  return u.intent;
}

function expected(label: string): string {
  if (!label.startsWith("feature:")) return label;
  const ids = label.slice("feature:".length).split(",");
  return `feature:${ids
    .map((id) => id.trim())
    .sort()
    .join(",")}`;
}

/** The app in the probe files: <@U0APP>, or an id with "BOT" in it (<@U07BOT123>). */
const APP_MENTION = /<@(U0APP|[A-Z0-9]*BOT[A-Z0-9]*)[|>]/;
/** A reply that opens by addressing someone else (<@U05MGR> …), which the thread listener leaves to them. */
const toSomeoneElse = (text: string) => opensToSomeoneElse(text, APP_MENTION.exec(text)?.[1] ?? "U0APP");

const profile = defaultProfile(knowledge);
/** Whether a reply in the thread gets a post (the app mentioned in it is addressed, as Slack sends it). */
function posts(text: string): boolean {
  const addressed = APP_MENTION.test(text);
  return (
    composeAnswer(knowledge, { text, addressed, profile, verdict, noProject: false }).answer !== undefined
  );
}

for (const file of positionals) {
  const mention = values.mention || basename(file).startsWith("mention-");
  const context: UnderstandContext = mention ? {} : { hasRecommendation: true, verdict };
  let right = 0;
  let total = 0;
  let falseAnswers = 0;
  let posted = 0;
  let oursDeclined = 0;
  const perLabel = new Map<string, { right: number; total: number }>();
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const bar = line.indexOf("|");
    if (line.startsWith("#") || bar < 0) continue;
    const want = expected(line.slice(0, bar).trim());
    const text = line.slice(bar + 1).trim();
    const got = !mention && toSomeoneElse(text) ? "unknown" : labelOf(understand(knowledge, text, context));
    const ok = got === want || (DECLINED.has(want) && DECLINED.has(got));
    const falseAnswer = DECLINED.has(want) && !DECLINED.has(got) && got !== "help";
    total++;
    if (ok) right++;
    if (falseAnswer) falseAnswers++;
    // What the thread would see: a reading the app answers only when asked, or a guess, posts nothing.
    if (falseAnswer && !mention && posts(text)) posted++;
    if (!DECLINED.has(want) && DECLINED.has(got)) oursDeclined++;
    const kind = want.split(":")[0] as string;
    const tally = perLabel.get(kind) ?? { right: 0, total: 0 };
    tally.total++;
    if (ok) tally.right++;
    perLabel.set(kind, tally);
    if (values.all || (values.misses && !ok))
      console.log(
        `${ok ? "ok" : falseAnswer ? "FA" : "--"}  want ${want.padEnd(24)} got ${got.padEnd(24)} ${text}`,
      );
  }
  const labels = [...perLabel].map(([kind, t]) => `${kind} ${t.right}/${t.total}`).join(", ");
  console.log(
    `${file}: ${right}/${total} right, false answers ${falseAnswers}${mention ? "" : ` (${posted} posted)`}, ours declined ${oursDeclined}; ${labels}`,
  );
}
