import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

function isThisProject(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown };
    return pkg.name === "flask-or-django";
  } catch {
    return false;
  }
}

/**
 * The folder holding this project's package.json (and data/, src/playground/page/): one level up from
 * this module in src/ (tsx, vitest), two from dist/src/ (the build). Found once, then cached.
 */
export function projectRoot(): string {
  if (root !== undefined) return root;
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, ".."), join(here, "..", "..")].find(isThisProject);
  if (found === undefined) throw new Error(`Cannot find flask-or-django's package.json above ${here}.`);
  root = found;
  return root;
}
