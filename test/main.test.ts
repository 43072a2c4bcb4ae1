import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { getKnowledge } from "../src/engine/index.js";
import { openDatabase } from "../src/storage/index.js";
import { FORM_CONTENT_TYPE, interactionBody, loadFixture, signRequest } from "./helpers/slack-request.js";
import { createTestDatabase } from "./storage/postgres.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SECRET = "0123456789abcdef0123456789abcdef";

/** A stand-in for Slack's Web API on loopback; chat.postMessage answers slowly, like a busy Slack. */
function startStubSlack(postDelayMs: number): Promise<{ server: Server; url: string; posted: string[] }> {
  const posted: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      const answer = (payload: object) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, ...payload }));
      };
      if (req.url?.endsWith("/auth.test")) return answer({ user_id: "U07R3MZ1B4K", bot_id: "B07R8FJ2Q1X" });
      if (req.url?.endsWith("/chat.postMessage")) {
        setTimeout(() => {
          posted.push(body);
          answer({ channel: "C07QF9S3K2L", ts: "1732384472.000100" });
        }, postDelayMs);
        return;
      }
      answer({});
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/api/`, posted });
    }),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${pattern}; output: ${seen}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
}

/** A questionnaire submission with every question at its default, as Slack would send it. */
function submissionBody(): string {
  const k = getKnowledge();
  const values: Record<string, Record<string, unknown>> = {};
  for (const q of k.singleQuestions) {
    values[`q_${q.id}`] = { value: { type: "static_select", selected_option: { value: q.default } } };
  }
  values.q_needs = { value: { type: "multi_static_select", selected_options: [{ value: "admin" }] } };
  values.q_notes = { value: { type: "plain_text_input", value: null } };
  const payload = loadFixture<Record<string, unknown> & { view: Record<string, unknown> }>(
    "inbound/view_submission.json",
  );
  payload.view = {
    ...payload.view,
    callback_id: "questionnaire",
    private_metadata: JSON.stringify({ c: "C07QF9S3K2L", u: "U05HV6XQ1AB" }),
    state: { values },
  };
  return interactionBody(payload);
}

let child: ChildProcess | undefined;
let stub: Server | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  stub?.close();
});

describe("main: configuration problems", () => {
  it("without Slack credentials, a bad PORT or LOG_LEVEL stops the playground, one line each (exit 1)", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      // SLACK_BOT_TOKEN set but blank: a developer's .env cannot fill it in (dotenv never overrides).
      env: { PATH: process.env.PATH, SLACK_BOT_TOKEN: "", PORT: "http", LOG_LEVEL: "loud" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
    const output = await waitForOutput(child, /LOG_LEVEL must.*\n/);
    expect(await exited).toBe(1);
    expect(output).toContain("Cannot start: the configuration has problems.");
    expect(output).toMatch(/- PORT must be a whole number from 1 to 65535 .*"http"/);
    expect(output).toMatch(/- LOG_LEVEL must be one of .*"loud"/);
    expect(output).not.toContain("playground at");
  });
});

describe("main: graceful shutdown", () => {
  // The README's `npm start` with no database server (a SQLite file), and with one variable for PostgreSQL.
  it.each([
    ["SQLite (a file)", "sqlite"],
    ["PostgreSQL", "postgres"],
  ] as const)(
    "%s: on SIGTERM, a submission in flight still gets its message posted and stored, then the process exits 0",
    async (_name, kind) => {
      const slack = await startStubSlack(800);
      stub = slack.server;
      const port = await freePort();
      const dir = mkdtempSync(join(tmpdir(), "fod-main-"));
      const pg = kind === "postgres" ? await createTestDatabase() : undefined;
      const databaseUrl = pg?.url ?? `sqlite:${join(dir, "var", "app.sqlite")}`;
      try {
        child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH,
            SLACK_BOT_TOKEN: "xoxb-1-2-test",
            SLACK_SIGNING_SECRET: SECRET,
            SLACK_API_URL: slack.url,
            PORT: String(port),
            NODE_ENV: "production",
            DATABASE_URL: databaseUrl,
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
        await waitForOutput(child, /listening on port/);

        const body = submissionBody();
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: "POST",
          headers: { "content-type": FORM_CONTENT_TYPE, ...signRequest(SECRET, body) },
          body,
        });
        expect(res.status).toBe(200); // the modal closes at once; the post is still under way
        expect(slack.posted).toHaveLength(0);
        child.kill("SIGTERM");

        expect(await exited).toBe(0);
        expect(slack.posted).toHaveLength(1);
        expect(decodeURIComponent(slack.posted[0] ?? "")).toContain("flask_or_django_recommendation");
        // Stored before the process ended, in the database DATABASE_URL names (migrated at start).
        const database = await openDatabase(databaseUrl);
        try {
          const stored = await database.recommendations.find(
            "T07QDKX2N5M",
            "C07QF9S3K2L",
            "1732384472.000100",
          );
          expect(stored).toMatchObject({ userId: "U05HV6XQ1AB", needs: ["admin"] });
        } finally {
          await database.close();
        }
      } finally {
        await pg?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe("main: many workspaces", () => {
  const oauthEnv = {
    PATH: process.env.PATH,
    // Blank, so a developer's .env cannot fill them in (dotenv never overrides).
    SLACK_BOT_TOKEN: "",
    SLACK_APP_TOKEN: "",
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_CLIENT_ID: "7830312345678.7830398765432",
    SLACK_CLIENT_SECRET: "3c9a0e1f7b2d4c6e8a0b1c2d3e4f5a6b",
    SLACK_STATE_SECRET: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    DATABASE_URL: "sqlite::memory:",
    NODE_ENV: "production",
  };

  it("refuses to start without TOKEN_ENCRYPTION_KEY, naming it (exit 1)", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...oauthEnv, TOKEN_ENCRYPTION_KEY: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
    const output = await waitForOutput(child, /TOKEN_ENCRYPTION_KEY.*\n/);
    expect(await exited).toBe(1);
    expect(output).toContain("Cannot start: the configuration has problems.");
    expect(output).toMatch(/- TOKEN_ENCRYPTION_KEY is missing, .*openssl rand -hex 32/);
    expect(output).not.toContain("playground at");
  });

  it("serves the Add to Slack page at /slack/install and the health check", async () => {
    const port = await freePort();
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...oauthEnv, PORT: String(port), TOKEN_ENCRYPTION_KEY: "ab".repeat(32) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output = await waitForOutput(child, /listening on port/);
    expect(output).toContain('"installs":"many"');
    const page = await fetch(`http://127.0.0.1:${port}/slack/install`);
    expect(page.status).toBe(200);
    expect(page.headers.get("set-cookie")).toMatch(/^slack-app-oauth-state=/);
    expect(await page.text()).toContain("https://slack.com/oauth/v2/authorize?");
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe("main: no playground by accident", () => {
  it("with NODE_ENV=production and no Slack credentials, it stops with the configuration's problems (exit 1)", async () => {
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        SLACK_BOT_TOKEN: "",
        NODE_ENV: "production",
        PORT: String(await freePort()),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
    let output = "";
    child.stdout?.on("data", (c) => {
      output += String(c);
    });
    child.stderr?.on("data", (c) => {
      output += String(c);
    });
    expect(await exited).toBe(1);
    expect(output).toContain("Cannot start: the configuration has problems.");
    expect(output).toMatch(/- SLACK_BOT_TOKEN is missing/);
    expect(output).toMatch(/- SLACK_SIGNING_SECRET is missing/);
    expect(output).not.toContain("playground");
  });
});

/** A stand-in for Slack's Web API that answers every call after `delayMs`, or never (Infinity). */
function startSlowSlack(delayMs: number): Promise<{ server: Server; url: string; posted: string[] }> {
  const posted: string[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      if (!Number.isFinite(delayMs)) return; // never answers
      setTimeout(() => {
        if (req.url?.endsWith("/chat.postMessage")) posted.push(body);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, channel: "C07QF9S3K2L", ts: "1732384472.000100" }));
      }, delayMs);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/api/`, posted });
    }),
  );
}

/** A submission from `user`, from a modal of its own (each is handled once). */
function submissionFrom(user: string, n: number): string {
  const payload = JSON.parse(decodeURIComponent(submissionBody().slice("payload=".length))) as {
    user: { id: string };
    view: { id: string; private_metadata: string };
  };
  payload.user = { ...payload.user, id: user };
  payload.view = {
    ...payload.view,
    id: `V0SIGTERM${n}`,
    private_metadata: JSON.stringify({ c: "C07QF9S3K2L", u: user }),
  };
  return interactionBody(payload);
}

async function startApp(apiUrl: string): Promise<{ port: number; lines: Array<Record<string, unknown>> }> {
  const port = await freePort();
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      SLACK_BOT_TOKEN: "xoxb-1-2-test",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffered = "";
  child.stdout?.on("data", (chunk) => {
    buffered += String(chunk);
    const parts = buffered.split("\n");
    buffered = parts.pop() ?? "";
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p) as Record<string, unknown>);
  });
  await waitForOutput(child, /listening on port/);
  return { port, lines };
}

async function submit(port: number, body: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: { "content-type": FORM_CONTENT_TYPE, ...signRequest(SECRET, body) },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe("main: SIGTERM loses nothing silently", () => {
  it("with the Web API answering in 3 s, every acknowledged submission is posted before the grace period ends (exit 0); the rest were told 'busy'", async () => {
    const slack = await startSlowSlack(3000);
    stub = slack.server;
    const { port } = await startApp(slack.url);
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));

    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, n) =>
        submit(port, submissionFrom(`U0TERM${String(n).padStart(4, "0")}`, n)),
      ),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const accepted = answers.filter((a) => a.text === "").length;
    const busy = answers.filter((a) => a.text.includes("Please press Submit again")).length;
    expect(accepted).toBe(64); // the production cap on outstanding work
    expect(busy).toBe(16);

    const sigterm = Date.now();
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    expect(slack.posted).toHaveLength(accepted);
  }, 20_000);

  it("with the Web API never answering, every acknowledged submission is reported with its person's id within the grace period (exit 0)", async () => {
    const slack = await startSlowSlack(Number.POSITIVE_INFINITY);
    stub = slack.server;
    const { port, lines } = await startApp(slack.url);
    const exited = new Promise<number | null>((resolve) => child?.on("exit", (code) => resolve(code)));
    const users = ["U0HANG0001", "U0HANG0002", "U0HANG0003"];
    for (const [n, user] of users.entries())
      expect((await submit(port, submissionFrom(user, 100 + n))).status).toBe(200);

    const sigterm = Date.now();
    child?.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    for (const user of users) {
      const reported = lines.filter((l) => l.user === user && l.level === 50).map((l) => l.msg);
      expect(reported, user).toContain("posting the recommendation failed");
      expect(reported, user).toContain("could not tell the person");
    }
    stub.closeAllConnections();
  }, 20_000);
});
