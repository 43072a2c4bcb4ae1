/**
 * Drives the real Bolt app in tests: a test config, a captured logger, Web API calls answered by
 * nock on a fake API host, and `send()` to push a payload through `app.processEvent`.
 */
import { Writable } from "node:stream";
import nock from "nock";
import pino from "pino";
import type { Config } from "../../src/config.js";
import { type CreateAppOptions, createApp, type SlackApp } from "../../src/slack/app.js";
import { type Database, openDatabase } from "../../src/storage/index.js";
import { loadFixture } from "./slack-request.js";

export const API_URL = "https://slack.test/api/";
export const BOT_ID = "B07R8FJ2Q1X";
export const BOT_USER_ID = "U07R3MZ1B4K";
export const SIGNING_SECRET = "8f742231b10e8888abcd99eeeddd85a5";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    mode: "http",
    slack: { botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET, apiUrl: API_URL },
    port: 0,
    logLevel: "debug",
    env: "test",
    installs: { kind: "one" },
    database: { kind: "sqlite", file: ":memory:" },
    ...overrides,
  };
}

export interface TestApp extends SlackApp {
  /** Log lines the app wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  /** The app's database (the same object as deps.database). */
  database: Database;
}

/** Options a test may change; by default the app runs with the production timeouts, retries and caps. */
export interface TestAppOptions
  extends Pick<
    CreateAppOptions,
    "apiPolicy" | "receiverLimits" | "responseUrlOrigin" | "messageRefresh" | "now"
  > {
  /** The database to use; default a fresh SQLite in memory, as the tests run with no database configured. */
  database?: Database;
  /** Bot ids known up front (default the test bot's); many-workspace apps take them from each installation. */
  botIds?: boolean;
}

/** The real app with a test config, a captured logger and (unless given one) SQLite in memory. */
export async function buildTestApp(
  config: Config = testConfig(),
  options: TestAppOptions = {},
): Promise<TestApp> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      cb();
    },
  });
  const logger = pino({ level: "debug" }, sink);
  const database = options.database ?? (await openDatabase("sqlite::memory:"));
  const built = createApp({
    config,
    logger,
    version: "test",
    database,
    ...(options.botIds === false ? {} : { botId: BOT_ID, botUserId: BOT_USER_ID }),
    ...(options.apiPolicy ? { apiPolicy: options.apiPolicy } : {}),
    ...(options.receiverLimits ? { receiverLimits: options.receiverLimits } : {}),
    ...(options.responseUrlOrigin ? { responseUrlOrigin: options.responseUrlOrigin } : {}),
    ...(options.messageRefresh ? { messageRefresh: options.messageRefresh } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return { ...built, logs, database };
}

/** Pushes one payload through the app as the receiver would; returns what the listener acked with. */
export async function send(app: SlackApp["app"], body: Record<string, unknown>): Promise<unknown> {
  let acked: unknown;
  await app.processEvent({
    body,
    ack: async (response?: unknown) => {
      acked = response;
    },
  });
  return acked;
}

/** A Web API call as the app sent it: form fields, with blocks/view/metadata parsed from JSON. */
export type ApiCall = Record<string, unknown>;

/** Decodes a form-encoded Web API call (shared with the fuzz harness, which answers every method). */
export function decodeForm(body: unknown): ApiCall {
  const raw =
    typeof body === "string" ? body : new URLSearchParams(body as Record<string, string>).toString();
  const fields: ApiCall = Object.fromEntries(new URLSearchParams(raw));
  for (const key of ["blocks", "view", "metadata"]) {
    if (typeof fields[key] === "string") fields[key] = JSON.parse(fields[key] as string);
  }
  return fields;
}

/**
 * Answers `method` on the fake API with `response` (default `{ok: true}`) and records each call.
 * `times` calls are intercepted (default: any number).
 */
export function mockApi(method: string, response: unknown = { ok: true }, times = 100): ApiCall[] {
  const calls: ApiCall[] = [];
  nock("https://slack.test")
    .post(`/api/${method}`)
    .times(times)
    .reply(200, (_uri, body) => {
      calls.push(decodeForm(body));
      return typeof response === "function"
        ? (response as (c: ApiCall) => unknown)(calls.at(-1) as ApiCall)
        : response;
    });
  return calls;
}

/** A Web API answer from test/fixtures/web_api. */
export function apiFixture(name: string): unknown {
  return loadFixture<{ body: unknown }>(`web_api/${name}.json`).body;
}

/** Waits until `check` passes (listeners keep working after ack); `check` may be async. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 2000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() - start > timeoutMs) throw err;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

/** Everything a person could read in a posted message: its text and its blocks (as JSON). */
export function shown(message: { text?: unknown; blocks?: unknown } | undefined): string {
  return `${String(message?.text ?? "")}\n${JSON.stringify(message?.blocks ?? [])}`;
}
