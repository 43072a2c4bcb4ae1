import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKnowledge, recommend, renderAdr, toProfile } from "../../src/engine/index.js";
import { openDatabase } from "../../src/storage/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const k = getKnowledge();

/** Runs the CLI as a user would, in a child process, with DATABASE_URL set when given. */
function ask(args: string[], databaseUrl?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.DATABASE_URL;
  if (databaseUrl !== undefined) env.DATABASE_URL = databaseUrl;
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    env,
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let dir = "";
let url = "";
// Recommendations posted on 2026-11-18, -19, -20 and -21 (UTC).
const TS = ["1795000000.000100", "1795086400.000100", "1795172800.000100", "1795259200.000100"];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "flask-or-django-cli-"));
  url = `sqlite:${join(dir, "decisions.sqlite")}`;
  let now = Date.UTC(2026, 10, 20);
  const database = await openDatabase(url, { now: () => now });
  try {
    const answers = { project_type: "internal_tool", size: "large" };
    // T1/C1: two recommendations, the second decided against its verdict and superseding the first.
    for (const [i, messageTs] of TS.slice(0, 2).entries()) {
      await database.recommendations.upsert({
        teamId: "T1",
        channelId: "C1",
        messageTs,
        userId: "U1",
        answers,
        needs: ["admin"],
        notes: "",
        verdict: "django",
        scores: { flask: 20, django: 80 },
        confidence: 1,
        knowledgeVersion: k.meta.knowledgeVersion,
      });
      await database.decisions.propose({
        teamId: "T1",
        channelId: "C1",
        messageTs,
        askedBy: "U1",
        recommended: "django",
      });
      now += 86_400_000;
      await database.decisions.decide({
        teamId: "T1",
        channelId: "C1",
        messageTs,
        userId: "U1",
        framework: i === 0 ? "django" : "flask",
        ...(i === 1 ? { reason: "Our platform team only supports Flask." } : {}),
      });
    }
    await database.views.upsert({
      teamId: "T1",
      channelId: "C1",
      messageTs: TS[1] as string,
      userId: "U2",
      answers: { ...answers, experience: "flask" },
      needs: ["admin"],
      notes: "",
    });
    await database.votes.upsert({
      teamId: "T1",
      channelId: "C1",
      messageTs: TS[1] as string,
      userId: "U3",
      value: "flask",
    });
    await database.decisions.propose({
      teamId: "T1",
      channelId: "C2",
      messageTs: TS[2] as string,
      askedBy: "U4",
      recommended: "either",
    });
    await database.decisions.propose({
      teamId: "T2",
      channelId: "C9",
      messageTs: TS[3] as string,
      askedBy: "U9",
      recommended: "flask",
    });
  } finally {
    await database.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run ask -- … --adr", () => {
  it("prints the recommendation as a MADR record, the same the engine renders", () => {
    const { code, stdout, stderr } = ask([
      "--type",
      "ecommerce",
      "--needs",
      "admin,auth",
      "--adr",
      "--decided",
      "flask",
      "--by",
      "Ann Lee, Bob Ng",
      "--date",
      "2026-11-28",
      "--reason",
      "We know Flask",
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const recommendation = recommend(
      toProfile({ answers: { project_type: "ecommerce" }, needs: ["admin", "auth"] }, k),
      k,
    );
    expect(stdout).toBe(
      renderAdr(k, {
        recommendation,
        decision: {
          status: "decided",
          framework: "flask",
          date: "2026-11-28",
          deciders: ["Ann Lee", "Bob Ng"],
          reason: "We know Flask",
        },
      }),
    );
    expect(stdout).toContain("decision-makers: Ann Lee, Bob Ng");
    expect(stdout).toContain("This goes against the recommendation");
  });

  it("is a proposal dated today without --decided, and refuses what does not fit", () => {
    const proposed = ask(["--type", "rest_api", "--adr"]);
    expect(proposed.code).toBe(0);
    expect(proposed.stdout).toContain('status: "proposed"');
    expect(proposed.stdout).toContain(`date: ${new Date().toISOString().slice(0, 10)}`);
    for (const [args, message] of [
      [["--adr", "--decided", "fastapi"], /--decided "fastapi": must be one of: flask, django/],
      [["--adr", "--date", "2026-02-30"], /--date "2026-02-30": use YYYY-MM-DD/],
      [["--adr", "--by", "Ann"], /add --decided flask or --decided django/],
      [["--decided", "django"], /--decided goes with --adr/],
      [["--adr", "--json"], /choose one/],
      [["feature", "admin", "--adr"], /--adr goes with a recommendation/],
    ] as const) {
      const { code, stderr, stdout } = ask([...args]);
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
    }
  });
});

describe("npm run ask -- decisions", () => {
  it("lists every team's decisions newest first, saying what was decided, by whom, and the links", () => {
    const { code, stdout, stderr } = ask(["decisions"], url);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Team T2: 1 decision, newest first");
    expect(stdout).toContain("Team T1: 3 decisions, newest first");
    expect(stdout.indexOf(TS[2] as string)).toBeLessThan(stdout.indexOf(TS[1] as string));
    expect(stdout).toMatch(/2026-11-22 {2}decided {5}Flask, against the recommendation \(Django\) by U1/);
    expect(stdout).toContain(`C1 ${TS[1]}; supersedes ${TS[0]}`);
    expect(stdout).toMatch(/superseded {2}Django, as recommended by U1/);
    expect(stdout).toContain("proposed    recommended a toss-up, not decided yet");
    expect(stdout).toContain("One as an ADR: npm run ask -- decisions TEAM/CHANNEL/TS");
  });

  it("filters by team and status, as text or JSON, and says clearly when there are none", () => {
    const decided = ask(["decisions", "--team", "T1", "--status", "decided"], url);
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain("Team T1: 1 decision");
    expect(decided.stdout).not.toContain("T2");
    const json = ask(["decisions", "--team", "T1", "--json"], url);
    expect(JSON.parse(json.stdout).map((d: { messageTs: string }) => d.messageTs)).toEqual([
      TS[2],
      TS[1],
      TS[0],
    ]);
    const none = ask(["decisions", "--team", "T9", "--status", "superseded"], url);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(
      /^No superseded decisions recorded for team T9 in sqlite .*decisions\.sqlite\.\n$/,
    );
    const bad = ask(["decisions", "--status", "accepted"], url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("must be one of: proposed, decided, superseded");
  });

  it("prints one stored decision as an ADR, with the team's views and votes", () => {
    const { code, stdout } = ask(["decisions", `T1/C1/${TS[1]}`], url);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^---\nstatus: "accepted"\ndate: 2026-11-22\ndecision-makers: U1\nconsulted: U2, U3\n---\n/,
    );
    expect(stdout).toContain('Chosen option: "Flask"');
    expect(stdout).toContain("> Our platform team only supports Flask.");
    expect(stdout).toContain(
      `* Supersedes the decision on the recommendation of 2026-11-18 in C1 (message ${TS[0]}).`,
    );
    expect(stdout).toContain("Votes on the recommendation: 0 agreed, 1 would pick the other (U3).");
    const old = ask(["decisions", `T1/C1/${TS[0]}`], url);
    expect(old.stdout).toContain(
      `status: "superseded by the decision on the recommendation of 2026-11-19 in C1 (message ${TS[1]})"`,
    );
    const missing = ask(["decisions", "T1/C1/1.0"], url);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe("No decision stored for T1/C1/1.0.\n");
    expect(ask(["decisions", "T1/C1"], url).code).toBe(2);
  });

  it("never creates a database to list: no file, a clear message", () => {
    const file = join(dir, "none", "absent.sqlite");
    const { code, stdout } = ask(["decisions"], `sqlite:${file}`);
    expect(code).toBe(0);
    expect(stdout).toBe(
      `No decisions recorded: there is no database at sqlite ${file} yet (DATABASE_URL).\n`,
    );
    expect(existsSync(file)).toBe(false);
  });
});
