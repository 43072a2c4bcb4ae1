import { describe, expect, it } from "vitest";
import { ownersIn } from "../../src/engine/understand/possessive.js";

describe("ownersIn", () => {
  it.each([
    ["is quarkus a good fit for the data team's java stuff?", ["team"]],
    ["sanic’s author and express.js's docs", ["sanic", "express.js"]],
    // Contractions own nothing.
    ["it's fine, that's what's left, let's go", []],
    ["no apostrophe at all", []],
  ])("%j: %j", (text, owners) => {
    expect(ownersIn(text)).toEqual(owners);
  });

  it("reads a new text after the last one", () => {
    expect(ownersIn("the intern's app")).toEqual(["intern"]);
    expect(ownersIn("my brother's startup")).toEqual(["brother"]);
  });
});
