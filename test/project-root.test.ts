import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { defaultDataDir } from "../src/engine/knowledge.js";
import { projectRoot } from "../src/project-root.js";
import { readVersion } from "../src/version.js";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

describe("projectRoot", () => {
  it("is the folder with this project's package.json, the same string every call", () => {
    expect(projectRoot()).toBe(ROOT);
    expect(projectRoot()).toBe(projectRoot());
  });

  it("is where the version, the knowledge base and the playground's page are found", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(readVersion()).toBe(pkg.version);
    expect(defaultDataDir()).toBe(join(projectRoot(), "data"));
  });
});
