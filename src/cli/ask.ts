import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type DecisionTopic,
  explainFeature,
  type FeatureScore,
  getKnowledge,
  type Knowledge,
  type ProjectProfile,
  parseProfile,
  recommend,
  type Understanding,
  understand,
  whatIf,
} from "../engine/index.js";
import { type CliArgs, hasAnswers, parseArgs, profileFromArgs } from "./args.js";
import { adrFromArgs, misplacedOptions, runDecisions } from "./decisions.js";
import { askQuestions } from "./prompt.js";
import { renderFeature, renderRecommendation, renderUnknownFeature } from "./render.js";
import { styleFor } from "./style.js";
import { renderUsage } from "./usage.js";

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, unknownFeature: 1, usage: 2, interrupted: 130 } as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** What each question about the decision asks, in the terminal's words. */
const DECISION_TOPICS: Record<DecisionTopic, string> = {
  verdict: "which one, and why",
  why_not: "the case against one",
  confidence: "how sure it is",
  flip: "what would change it",
  alternative: "an alternative",
};

const decisionTopicName = (topic: DecisionTopic) => DECISION_TOPICS[topic];

/** How the question was read, when it was not about a feature and no answers were given. */
function readAs(reading: Understanding): string | undefined {
  if (reading.intent === "decision")
    return "That reads as a question about the decision: add your answers (npm run ask -- --help) or run `npm run ask` for a recommendation.";
  if (reading.intent === "help")
    return 'Ask about one feature, for example: npm run ask -- feature "admin panel"';
  return undefined;
}

function runFeature(args: CliArgs, knowledge: Knowledge, io: Io): number {
  let profile: ProjectProfile | undefined;
  if (hasAnswers(args)) {
    const parsed = profileFromArgs(args, knowledge);
    if (!parsed.ok) {
      io.stderr.write(`${parsed.message}\n`);
      return EXIT.usage;
    }
    profile = parsed.value;
  }
  const rec = profile ? recommend(profile, knowledge) : undefined;
  const reading = understand(
    knowledge,
    args.featureText,
    rec ? { hasRecommendation: true, verdict: rec.verdict } : {},
  );
  // A question about the decision, with the answers given: the recommendation answers it (its verdict,
  // reasons, how sure, what would change it and the alternatives), as the thread does.
  if (reading.intent === "decision" && rec && profile && reading.topic === "flip" && reading.hypothesis) {
    // "what if it stays tiny?": the recommendation with that change, as the thread answers it.
    const supposed = whatIf(knowledge, profile, rec.verdict, reading.hypothesis);
    io.stdout.write(
      args.json
        ? json({ reading, whatIf: supposed, recommendation: supposed.after ?? rec })
        : `${supposed.text}${supposed.after ? " (The answers below include that change.)" : ""}\n\n${renderRecommendation(supposed.after ?? rec, knowledge, styleFor(io.stdout, io.env))}`,
    );
    return EXIT.ok;
  }
  if (reading.intent === "decision" && rec) {
    io.stdout.write(
      args.json
        ? json({ reading, recommendation: rec })
        : `That reads as a question about the decision (${decisionTopicName(reading.topic)}); the recommendation for your answers covers it.\n\n${renderRecommendation(rec, knowledge, styleFor(io.stdout, io.env))}`,
    );
    return EXIT.ok;
  }
  if (reading.intent !== "feature") {
    if (args.json) {
      const topics = knowledge.features.map((f) => ({ featureId: f.id, title: f.title }));
      io.stdout.write(json({ reading, topics }));
    } else {
      io.stdout.write(renderUnknownFeature(args.featureText, reading.runnersUp, knowledge, readAs(reading)));
    }
    return EXIT.unknownFeature;
  }
  const [best, ...also] = reading.features;
  const explanation =
    best && explainFeature(best.featureId, profile, knowledge, { question: args.featureText });
  if (!explanation) throw new Error(`understand returned unknown feature ${best?.featureId}`);
  const match = {
    kind: "match" as const,
    ...(best as FeatureScore),
    runnersUp: reading.runnersUp,
    alsoAsked: also,
    ...(reading.myth ? { myth: reading.myth } : {}),
  };
  io.stdout.write(
    args.json
      ? json({ reading, explanation })
      : renderFeature(explanation, knowledge, styleFor(io.stdout, io.env), match),
  );
  return EXIT.ok;
}

async function runRecommend(args: CliArgs, knowledge: Knowledge, io: Io): Promise<number> {
  let profile: ProjectProfile;
  if (hasAnswers(args) || args.yes) {
    const parsed = profileFromArgs(args, knowledge);
    if (!parsed.ok) {
      io.stderr.write(`${parsed.message}\n`);
      return EXIT.usage;
    }
    profile = parsed.value;
  } else {
    // With --json or --adr the prompts go to stderr, so stdout carries only the JSON or the Markdown.
    const out = args.json || args.adr ? io.stderr : io.stdout;
    const asked = await askQuestions(knowledge, io.stdin, out, styleFor(out, io.env));
    if (asked.interrupted) return EXIT.interrupted;
    const parsed = parseProfile(asked.input, knowledge);
    if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.field}: ${i.message}`).join("\n"));
    profile = parsed.profile;
  }
  if (args.adr) {
    const adr = adrFromArgs(profile, args.decision, knowledge);
    if (!adr.ok) {
      io.stderr.write(`${adr.message}\n`);
      return EXIT.usage;
    }
    io.stdout.write(adr.value);
    return EXIT.ok;
  }
  const result = recommend(profile, knowledge);
  io.stdout.write(
    args.json ? json(result) : renderRecommendation(result, knowledge, styleFor(io.stdout, io.env)),
  );
  return EXIT.ok;
}

/** The terminal front end: parses argv, asks or reads the answers, prints. Returns the exit code. */
export async function run(
  argv: readonly string[],
  io: Io,
  knowledge: Knowledge = getKnowledge(),
): Promise<number> {
  const parsed = parseArgs(argv, knowledge);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\n`);
    return EXIT.usage;
  }
  const args = parsed.value;
  if (args.help) {
    io.stdout.write(renderUsage(knowledge));
    return EXIT.ok;
  }
  const misplaced = misplacedOptions(
    args.decision,
    args.command === "decisions" ? "decisions" : args.command === "recommend" && args.adr ? "adr" : "other",
  );
  const conflict =
    misplaced ??
    (args.adr && args.command !== "recommend"
      ? "--adr goes with a recommendation (npm run ask -- --type … --adr); for a stored decision: npm run ask -- decisions TEAM/CHANNEL/TS."
      : args.adr && args.json
        ? "--adr prints Markdown and --json prints JSON: choose one."
        : undefined);
  if (conflict !== undefined) {
    io.stderr.write(`${conflict}\n`);
    return EXIT.usage;
  }
  if (args.command === "decisions")
    return runDecisions(args.decision, args.json, knowledge, {
      stdout: io.stdout,
      stderr: io.stderr,
      env: io.env ?? process.env,
    });
  return args.command === "feature" ? runFeature(args, knowledge, io) : runRecommend(args, knowledge, io);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  // A closed pipe (`npm run ask | head`) is not an error worth a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
  });
  run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`ask: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 70;
    },
  );
}
