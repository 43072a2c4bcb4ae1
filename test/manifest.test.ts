/**
 * manifest.yml and the code agree: the scopes the OAuth install asks for, the redirect route the app
 * serves, and the events the app listens to (uninstall and revoked tokens included). Read line by line:
 * the manifest is plain YAML of lists under known keys.
 */
import { readFileSync } from "node:fs";
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

describe("manifest.yml", () => {
  it("asks for exactly the bot scopes the OAuth install requests", () => {
    expect(listAt(["oauth_config", "scopes", "bot"])).toEqual([...BOT_SCOPES]);
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
