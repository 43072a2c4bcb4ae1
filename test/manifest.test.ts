/**
 * manifest.yml and the code agree: the scopes the OAuth install asks for, the redirect route the app
 * serves, and the events the app listens to (uninstall and revoked tokens included). Read line by line:
 * the manifest is plain YAML of lists under known keys.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES, REDIRECT_PATH } from "../src/slack/installation-options.js";

const lines = readFileSync(new URL("../manifest.yml", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => !line.trimStart().startsWith("#"));

/** The "- item" lines under the key at `path` (each key on its own line, nested by indentation). */
function listAt(path: string[]): string[] {
  let depth = 0;
  let indent = -1;
  let start = -1;
  for (let i = 0; i < lines.length && start < 0; i++) {
    const line = lines[i] as string;
    const own = line.length - line.trimStart().length;
    if (line.trim() === `${path[depth]}:` && own > indent) {
      indent = own;
      depth += 1;
      if (depth === path.length) start = i + 1;
    }
  }
  if (start < 0) throw new Error(`manifest.yml has no ${path.join(".")}`);
  const items: string[] = [];
  for (const line of lines.slice(start)) {
    const item = /^\s*- (.+)$/.exec(line);
    if (!item) break;
    items.push((item[1] as string).trim());
  }
  return items;
}

/** Every .ts file under src/slack, concatenated: the code that talks to Slack. */
function slackCode(): string {
  const root = fileURLToPath(new URL("../src/slack/", import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  return files.map((f) => readFileSync(join(root, f), "utf8")).join("\n");
}

/**
 * What each bot scope is for, as code: the calls and listeners that need it (Slack's reference names the
 * scope on each method's and event's page). A scope is justified only if the code uses one of them.
 */
const SCOPE_USES: Record<string, RegExp[]> = {
  commands: [/app\.command\(/, /app\.shortcut\(/],
  "chat:write": [/\.chat\.postMessage\(/, /\.chat\.postEphemeral\(/, /\.chat\.update\(/],
  "app_mentions:read": [/app\.event\("app_mention"/],
  "channels:history": [/\.conversations\.(history|replies)\(/],
  "groups:history": [/\.conversations\.(history|replies)\(/],
  "im:history": [/app\.event\("message"/, /new Assistant\(/],
  "im:write": [/\.conversations\.open\(/],
  "assistant:write": [/setSuggestedPrompts\(/, /setStatus\(/, /setTitle\(/],
  "canvases:write": [/\.conversations\.canvases\.create\(/, /\.canvases\.create\(/],
  "files:write": [/\.filesUploadV2\(/, /\.files\.(getUploadURLExternal|completeUploadExternal)\(/],
};

describe("manifest.yml", () => {
  it("asks for exactly the bot scopes the OAuth install requests", () => {
    expect(listAt(["oauth_config", "scopes", "bot"])).toEqual([...BOT_SCOPES]);
  });

  it("asks for no scope the code never needs, and for every scope the code's calls need", () => {
    const code = slackCode();
    const scopes = listAt(["oauth_config", "scopes", "bot"]);
    for (const scope of scopes) {
      const uses = SCOPE_USES[scope];
      expect(uses, `${scope}: no known use; say which calls need it in SCOPE_USES, or drop it`).toBeDefined();
      expect(
        uses?.some((use) => use.test(code)),
        `${scope} is asked for, but no code makes the calls that need it`,
      ).toBe(true);
    }
    for (const [scope, uses] of Object.entries(SCOPE_USES)) {
      if (uses.some((use) => use.test(code))) expect(scopes, `the code needs ${scope}`).toContain(scope);
    }
  });

  it("has a redirect URL on the route the app serves", () => {
    const urls = listAt(["oauth_config", "redirect_urls"]);
    expect(urls).toHaveLength(1);
    expect(new URL(urls[0] as string).pathname).toBe(REDIRECT_PATH);
  });

  it("subscribes to the events the app answers, the pane's and the step's, and app_uninstalled and tokens_revoked", () => {
    expect(listAt(["settings", "event_subscriptions", "bot_events"])).toEqual([
      "app_home_opened",
      "app_mention",
      "message.channels",
      "message.groups",
      "message.im",
      "assistant_thread_started",
      "assistant_thread_context_changed",
      "function_executed",
      "app_uninstalled",
      "tokens_revoked",
    ]);
  });
});
