/**
 * Helpers for building signed Slack requests in tests. Fixtures are read only from this project's
 * test/fixtures (inbound/ = requests Slack sends, web_api/ = {status, headers, body} Web API answers).
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

/** Content types exactly as Bolt compares them (with `===`: adding "; charset=utf-8" makes Bolt answer 400). */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";
export const JSON_CONTENT_TYPE = "application/json";

export interface SignedHeaders {
  "x-slack-request-timestamp": string;
  "x-slack-signature": string;
}

/** Current time in Unix seconds, as Slack sends it in X-Slack-Request-Timestamp. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Signs a raw request body the way Slack does (v0): `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`).
 * `body` must be the exact bytes that will be sent.
 */
export function signRequest(secret: string, body: string, timestamp: number = nowSeconds()): SignedHeaders {
  const ts = String(timestamp);
  const signature = createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${signature}` };
}

const FIXTURES_DIR = new URL("../fixtures/", import.meta.url);

/** Reads a file from test/fixtures as text, e.g. `loadFixtureText("inbound/slash_command.json")`. */
export function loadFixtureText(relPath: string): string {
  const url = new URL(relPath, FIXTURES_DIR);
  if (!url.href.startsWith(FIXTURES_DIR.href)) {
    throw new Error(`loadFixture: ${relPath} is outside test/fixtures`);
  }
  return readFileSync(url, "utf8");
}

/** Reads and parses a JSON fixture from test/fixtures, e.g. `loadFixture("web_api/auth.test_ok.json")`. */
export function loadFixture<T = unknown>(relPath: string): T {
  return JSON.parse(loadFixtureText(relPath)) as T;
}

/** The slash command fields Slack sends (all strings, form-encoded). */
export type SlashCommandFields = Record<string, string>;

/**
 * A form-encoded slash command body based on test/fixtures/inbound/slash_command.json, with `overrides` applied
 * (e.g. `{ text: "help" }`). Values are strings, as in a real form body.
 */
export function slashCommandBody(overrides: Partial<SlashCommandFields> = {}): string {
  const base = loadFixture<SlashCommandFields>("inbound/slash_command.json");
  const fields: Record<string, string> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) fields[key] = value;
  }
  return new URLSearchParams(fields).toString();
}

/** An interactivity body (block_actions, view_submission, shortcut…): `payload=` + URL-encoded JSON. */
export function interactionBody(payload: unknown): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** An Events API body (event_callback, url_verification): the JSON text. */
export function eventBody(envelope: unknown): string {
  return JSON.stringify(envelope);
}

/** Headers for a signed request: content type plus the two signature headers. */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: typeof FORM_CONTENT_TYPE | typeof JSON_CONTENT_TYPE,
  timestamp: number = nowSeconds(),
): SignedHeaders & { "content-type": string } {
  return { "content-type": contentType, ...signRequest(secret, body, timestamp) };
}
