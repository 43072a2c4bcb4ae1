import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The page's files, served by name only (no paths from the request ever reach the file system). */
const FILES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
  "blocks.js": "text/javascript; charset=utf-8",
  "mrkdwn.js": "text/javascript; charset=utf-8",
  "style.css": "text/css; charset=utf-8",
};

/**
 * Where the page lives: next to this module when run from source (tsx, vitest), and in the source
 * tree when run from dist/ (tsc compiles only .ts, so the page is not copied there).
 */
function pageDir(): string {
  const candidates = [
    new URL("./page/", import.meta.url),
    new URL("../../../src/playground/page/", import.meta.url),
  ];
  for (const url of candidates) {
    const dir = fileURLToPath(url);
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new Error("playground page files not found (src/playground/page)");
}

export interface PageFile {
  type: string;
  body: Buffer;
}

/** Reads every page file once; the playground serves them from memory. */
export function loadPageFiles(): Map<string, PageFile> {
  const dir = pageDir();
  return new Map(
    Object.entries(FILES).map(([name, type]) => [name, { type, body: readFileSync(`${dir}${name}`) }]),
  );
}
