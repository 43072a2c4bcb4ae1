/** Packages the knowledge base counts as part of Flask's or Django's answer, found by name. */
import { describe, expect, it } from "vitest";
import { getKnowledge, packageNamed } from "../../src/engine/index.js";

const k = getKnowledge();

describe("packageNamed", () => {
  it("finds an add-on by name in any case, with what it adds and what it is", () => {
    expect(packageNamed(k, "Quart")).toMatchObject({
      frameworks: ["flask"],
      for: "an async reimplementation of the Flask API",
      kind: "a separate Pallets project",
      package: { name: "Quart", docs: "https://quart.palletsprojects.com/" },
    });
    expect(packageNamed(k, "channels")).toMatchObject({
      frameworks: ["django"],
      kind: "an official Django package, installed separately",
    });
  });

  it("finds a package both frameworks' answers name, as part of both", () => {
    const celery = packageNamed(k, "celery");
    expect(celery?.frameworks).toEqual(["flask", "django"]);
    expect(celery?.for).toBeUndefined();
    expect(celery?.kind).toBe("a third-party package");
  });

  it("knows nothing of other frameworks", () => {
    expect(packageNamed(k, "FastAPI")).toBeUndefined();
    expect(packageNamed(k, "litestar")).toBeUndefined();
  });
});
