import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../project-root.js";

/** The page's files, served by name only (no paths from the request ever reach the file system). */
const FILES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "blocks.js": "text/javascript; charset=utf-8",
  "mrkdwn.js": "text/javascript; charset=utf-8",
  "markdown.js": "text/javascript; charset=utf-8",
  "style.css": "text/css; charset=utf-8",
};

export interface PageFile {
  type: string;
  body: Buffer;
}

/** Reads every page file once; the playground serves them from memory. */
export function loadPageFiles(): Map<string, PageFile> {
  // Always the source tree's copy: tsc compiles only .ts, so dist/ has no page.
  const dir = join(projectRoot(), "src", "playground", "page");
  return new Map(
    Object.entries(FILES).map(([name, type]) => [name, { type, body: readFileSync(join(dir, name)) }]),
  );
}
