/**
 * The terminal's decision commands:
 *
 *   npm run ask -- [answers] --adr [--decided django --by "Ann, Bob" --date 2026-11-28 --reason "…"]
 *       the recommendation as an Architecture Decision Record (MADR), for a repository's docs/adr/
 *   npm run ask -- decisions [--team T…] [--status decided] [--json]
 *       the decisions stored in the database (DATABASE_URL), newest first
 *   npm run ask -- decisions T…/C…/TS
 *       one stored decision as an ADR
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { adrForStoredDecision, isoDate } from "../decisions/index.js";
import { readStoredRecord } from "../decisions/stored-record.js";
import {
  DECISION_STATUSES,
  type DecisionStatus,
  type FrameworkId,
  type Knowledge,
  type ProjectProfile,
  recommendProfile,
  renderAdr,
} from "../engine/index.js";
import {
  type Database,
  describeDatabaseUrl,
  openDatabase,
  parseDatabaseUrl,
  type StoredDecision,
} from "../storage/index.js";
import type { DecisionArgs, Parsed } from "./args.js";

const FRAMEWORK_IDS = ["flask", "django"] as const;

/** Today in UTC, YYYY-MM-DD. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function validDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Options that go only with --adr, or only with `decisions`: named when given elsewhere. */
export function misplacedOptions(
  decision: DecisionArgs,
  command: "adr" | "decisions" | "other",
): string | undefined {
  const adrOnly = (["decided", "by", "date", "reason"] as const).filter((o) => decision[o] !== undefined);
  const listOnly = (["team", "status"] as const).filter((o) => decision[o] !== undefined);
  const flags = (os: readonly string[]) => os.map((o) => `--${o}`).join(", ");
  if (command !== "adr" && adrOnly.length > 0)
    return `${flags(adrOnly)} go${adrOnly.length === 1 ? "es" : ""} with --adr (npm run ask -- --type … --adr --decided django).`;
  if (command !== "decisions" && listOnly.length > 0)
    return `${flags(listOnly)} go${listOnly.length === 1 ? "es" : ""} with the decisions command (npm run ask -- decisions --team T…).`;
  return undefined;
}

/** The ADR for a recommendation made from the command line's answers. */
export function adrFromArgs(
  profile: ProjectProfile,
  decision: DecisionArgs,
  knowledge: Knowledge,
): Parsed<string> {
  const date = decision.date ?? today();
  if (!validDate(date)) return { ok: false, message: `Invalid value for --date "${date}": use YYYY-MM-DD.` };
  let framework: FrameworkId | undefined;
  if (decision.decided !== undefined) {
    const value = decision.decided.toLowerCase();
    if (!(FRAMEWORK_IDS as readonly string[]).includes(value))
      return {
        ok: false,
        message: `Invalid value for --decided "${decision.decided}": must be one of: flask, django.`,
      };
    framework = value as FrameworkId;
  }
  if (framework === undefined && (decision.by !== undefined || decision.reason !== undefined))
    return {
      ok: false,
      message: "--by and --reason describe a decision: add --decided flask or --decided django.",
    };
  const deciders = (decision.by ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const recommendation = recommendProfile(profile, knowledge);
  return {
    ok: true,
    value: renderAdr(knowledge, {
      recommendation,
      decision: {
        status: framework ? "decided" : "proposed",
        framework: framework ?? null,
        date,
        deciders,
        reason: decision.reason ?? null,
      },
    }),
  };
}

function formatDecision(d: StoredDecision, knowledge: Knowledge): string {
  const name = (v: string) =>
    v === "flask" || v === "django" ? knowledge.meta.frameworks[v].name : "a toss-up";
  const when = isoDate(d.decidedAt ?? d.createdAt);
  let what: string;
  if (d.status === "proposed") what = `recommended ${name(d.recommended)}, not decided yet`;
  else {
    const chosen = name(d.framework ?? "");
    what = d.againstRecommendation
      ? `${chosen}, against the recommendation (${name(d.recommended)})`
      : `${chosen}${d.recommended === "either" ? " (the recommendation was a toss-up)" : ", as recommended"}`;
    what += ` by ${d.decidedBy}`;
  }
  const links = [
    ...(d.supersedes ? [`supersedes ${d.supersedes}`] : []),
    ...(d.supersededBy ? [`superseded by ${d.supersededBy}`] : []),
  ];
  return [
    `  ${when}  ${d.status.padEnd(10)}  ${what}`,
    `              ${d.channelId} ${d.messageTs}${links.length > 0 ? `; ${links.join("; ")}` : ""}`,
  ].join("\n");
}

export interface DecisionsIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** `npm run ask -- decisions …`: returns the exit code (0, or 2 for a bad option). */
export async function runDecisions(
  decision: DecisionArgs,
  json: boolean,
  knowledge: Knowledge,
  io: DecisionsIo,
): Promise<number> {
  let status: DecisionStatus | undefined;
  if (decision.status !== undefined) {
    const value = decision.status.toLowerCase();
    if (!(DECISION_STATUSES as readonly string[]).includes(value)) {
      io.stderr.write(
        `Invalid value for --status "${decision.status}": must be one of: ${DECISION_STATUSES.join(", ")}.\n`,
      );
      return 2;
    }
    status = value as DecisionStatus;
  }
  let ref: { teamId: string; channelId: string; messageTs: string } | undefined;
  if (decision.ref !== undefined) {
    const [teamId, channelId, messageTs, ...extra] = decision.ref.split("/");
    if (!teamId || !channelId || !messageTs || extra.length > 0) {
      io.stderr.write(
        `"${decision.ref}" is not a decision: write it as TEAM/CHANNEL/TS, e.g. T1/C1/1700000000.000100.\n`,
      );
      return 2;
    }
    ref = { teamId, channelId, messageTs };
  }

  const url = parseDatabaseUrl(io.env.DATABASE_URL);
  const where = describeDatabaseUrl(url);
  // Listing never creates a database: a SQLite file that is not there holds no decisions.
  if (url.kind === "sqlite" && url.file !== ":memory:" && !existsSync(resolve(url.file))) {
    io.stdout.write(
      json ? "[]\n" : `No decisions recorded: there is no database at ${where} yet (DATABASE_URL).\n`,
    );
    return 0;
  }
  const database: Database = await openDatabase(url);
  try {
    if (ref !== undefined) return await printAdr(database, ref, knowledge, io);
    const listed =
      decision.team !== undefined
        ? await database.decisions.listByTeam(decision.team, { ...(status ? { status } : {}), limit: 1000 })
        : await database.decisions.listAllTeams({ ...(status ? { status } : {}), limit: 1000 });
    if (json) {
      io.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
      return 0;
    }
    if (listed.length === 0) {
      const which = status ? `${status} decisions` : "decisions";
      const team = decision.team ? ` for team ${decision.team}` : "";
      io.stdout.write(`No ${which} recorded${team} in ${where}.\n`);
      return 0;
    }
    const teams = [...new Set(listed.map((d) => d.teamId))];
    const lines: string[] = [];
    for (const team of teams) {
      const ofTeam = listed.filter((d) => d.teamId === team);
      lines.push(`Team ${team}: ${ofTeam.length} decision${ofTeam.length === 1 ? "" : "s"}, newest first`);
      for (const d of ofTeam) lines.push(formatDecision(d, knowledge));
      lines.push("");
    }
    lines.push(`From ${where}. One as an ADR: npm run ask -- decisions TEAM/CHANNEL/TS`);
    io.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

async function printAdr(
  database: Database,
  ref: { teamId: string; channelId: string; messageTs: string },
  knowledge: Knowledge,
  io: DecisionsIo,
): Promise<number> {
  const { teamId, channelId, messageTs } = ref;
  const { decision, recommendation, views, votes } = await readStoredRecord(database, ref);
  if (decision === undefined || recommendation === undefined) {
    io.stderr.write(
      `No ${decision === undefined ? "decision" : "recommendation"} stored for ${teamId}/${channelId}/${messageTs}.\n`,
    );
    return 1;
  }
  io.stdout.write(adrForStoredDecision(knowledge, { decision, recommendation, views, votes }));
  return 0;
}
