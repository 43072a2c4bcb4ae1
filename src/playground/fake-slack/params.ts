import type { Json } from "./types.js";

/** Arguments the Web API client sends as JSON text inside a form body. */
const JSON_FIELDS = ["blocks", "view", "metadata", "attachments", "prompts"];

/**
 * A Web API request body → arguments. @slack/web-api sends form fields with objects as JSON
 * text; other clients send JSON. Returns undefined when a JSON field does not parse.
 */
export function parseArgs(contentType: string | undefined, raw: string): Json | undefined {
  let args: Json;
  if ((contentType ?? "").startsWith("application/json")) {
    try {
      const parsed: unknown = raw === "" ? {} : JSON.parse(raw);
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
      args = parsed as Json;
    } catch {
      return undefined;
    }
  } else {
    args = Object.fromEntries(new URLSearchParams(raw));
  }
  for (const key of JSON_FIELDS) {
    const value = args[key];
    if (typeof value !== "string") continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return args;
}

/** Slack reads booleans from "true"/"1" in forms and true in JSON. */
export function truthy(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
