import { type Knowledge, type ProjectProfile, parseProfile } from "../engine/index.js";
import { choicesFor, normalizeValue } from "./choices.js";

/** What the command line asked for. Answers are kept as typed until `profileFromArgs` checks them. */
export interface CliArgs {
  command: "recommend" | "feature" | "decisions";
  help: boolean;
  json: boolean;
  yes: boolean;
  /** Print the recommendation as an Architecture Decision Record (MADR Markdown). */
  adr: boolean;
  /** For --adr and `decisions`: the options below, as typed. */
  decision: DecisionArgs;
  /** Single answers by question id. */
  answers: Record<string, string>;
  needs?: string[];
  notes?: string;
  /** The question after `feature`, words joined by spaces. */
  featureText: string;
}

/** Options for the decision commands, kept as typed until checked. */
export interface DecisionArgs {
  /** --team T…: only this team's decisions. */
  team?: string;
  /** --status proposed|decided|superseded. */
  status?: string;
  /** --decided flask|django: the ADR records this as the team's decision (status accepted). */
  decided?: string;
  /** --by "Ann, Bob": who decided. */
  by?: string;
  /** --date YYYY-MM-DD: the ADR's date (default today). */
  date?: string;
  /** --reason "…": why, in the deciders' words. */
  reason?: string;
  /** `decisions T…/C…/ts`: one stored decision, printed as an ADR. */
  ref?: string;
}

/** The decision options' flags. */
const DECISION_OPTIONS: Record<string, keyof Omit<DecisionArgs, "ref">> = {
  team: "team",
  status: "status",
  decided: "decided",
  by: "by",
  date: "date",
  reason: "reason",
};

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const SWITCHES: Record<string, "help" | "json" | "yes" | "adr"> = {
  "--adr": "adr",
  "--help": "help",
  "-h": "help",
  "--json": "json",
  "--yes": "yes",
  "-y": "yes",
};

/** Every option, for error messages: the answer flags, then the switches. */
export function validOptions(knowledge: Knowledge): string {
  const answers = knowledge.questions.map((q) => `--${q.flag}`);
  const decisions = Object.keys(DECISION_OPTIONS).map((o) => `--${o}`);
  return [...answers, "--json", "--adr", ...decisions, "--yes (-y)", "--help (-h)"].join(", ");
}

function unknownOption(knowledge: Knowledge, option: string): string {
  return (
    `Unknown option ${option}.\nValid options: ${validOptions(knowledge)}\n` +
    "Run `npm run ask -- --help` to see the values each one takes."
  );
}

export function parseArgs(argv: readonly string[], knowledge: Knowledge): Parsed<CliArgs> {
  const args: CliArgs = {
    command: "recommend",
    help: false,
    json: false,
    yes: false,
    adr: false,
    decision: {},
    answers: {},
    featureText: "",
  };
  const byFlag = new Map(knowledge.questions.map((q) => [q.flag, q]));
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const switchName = SWITCHES[token];
    if (switchName) {
      args[switchName] = true;
      continue;
    }
    if (!token.startsWith("-") || token === "-") {
      positionals.push(token);
      continue;
    }
    if (!token.startsWith("--")) return { ok: false, message: unknownOption(knowledge, token) };
    const eq = token.indexOf("=");
    const name = token.slice(2, eq === -1 ? undefined : eq);
    let value: string | undefined;
    if (eq !== -1) value = token.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next !== undefined && !(next.startsWith("-") && next.length > 1)) {
        value = next;
        i++;
      }
    }
    const decisionOption = DECISION_OPTIONS[name];
    if (decisionOption) {
      if (value === undefined || value.trim() === "")
        return { ok: false, message: `Option --${name} needs a value.` };
      args.decision[decisionOption] = value.trim();
      continue;
    }
    const q = byFlag.get(name);
    if (!q) return { ok: false, message: unknownOption(knowledge, `--${name}`) };
    if (value === undefined) {
      const values = choicesFor(q, knowledge).map((c) => c.value);
      const hint = values.length > 0 ? `one of: ${values.join(", ")}` : "some text";
      return { ok: false, message: `Option --${q.flag} needs a value: ${hint}.` };
    }
    if (q.kind === "single") args.answers[q.id] = value;
    else if (q.kind === "text") args.notes = value;
    else {
      const items = value.split(/[,\s]+/).filter((v) => v !== "" && v.toLowerCase() !== "none");
      args.needs = [...(args.needs ?? []), ...items];
    }
  }
  const [first, ...rest] = positionals;
  if (first === "feature") {
    args.command = "feature";
    args.featureText = rest.join(" ").trim();
    if (args.featureText === "" && !args.help) {
      return {
        ok: false,
        message: 'The feature command needs a question, e.g. npm run ask -- feature "admin panel".',
      };
    }
  } else if (first === "decisions") {
    args.command = "decisions";
    if (rest.length > 1)
      return {
        ok: false,
        message:
          "The decisions command takes at most one decision, as TEAM/CHANNEL/TS (e.g. T1/C1/1700000000.000100).",
      };
    if (rest[0] !== undefined) args.decision.ref = rest[0];
  } else if (first === "help") {
    args.help = true;
  } else if (first !== undefined) {
    return {
      ok: false,
      message: `Unknown command "${first}". Commands: feature "<question>", decisions (or none, to get a recommendation).\nRun \`npm run ask -- --help\` for usage.`,
    };
  }
  return { ok: true, value: args };
}

/** True when the command line gave any answer: then nothing is asked. */
export function hasAnswers(args: CliArgs): boolean {
  return Object.keys(args.answers).length > 0 || args.needs !== undefined || args.notes !== undefined;
}

/** Checks the answers with the engine's schema; errors name the flag, the value and the valid values. */
export function profileFromArgs(args: CliArgs, knowledge: Knowledge): Parsed<ProjectProfile> {
  const answers: Record<string, string> = {};
  for (const [id, value] of Object.entries(args.answers)) answers[id] = normalizeValue(value);
  const needs = args.needs?.map(normalizeValue);
  const input = {
    answers,
    ...(needs ? { needs } : {}),
    ...(args.notes !== undefined ? { notes: args.notes } : {}),
  };
  const parsed = parseProfile(input, knowledge);
  if (parsed.ok) return { ok: true, value: parsed.profile };
  const needIds = new Set(knowledge.needFeatures.map((f) => f.id));
  const lines = parsed.issues.map((issue) => {
    const q = knowledge.questions.find((x) => x.id === issue.field);
    if (!q) return `${issue.field}: ${issue.message}`;
    let given = "";
    if (q.kind === "single") given = ` "${args.answers[q.id] ?? ""}"`;
    if (q.kind === "multi") {
      const bad = (args.needs ?? []).filter((n) => !needIds.has(normalizeValue(n)));
      if (bad.length > 0) given = ` "${bad.join(",")}"`;
    }
    return `Invalid value for --${q.flag}${given}: ${issue.message}.`;
  });
  return { ok: false, message: [...new Set(lines)].join("\n") };
}
