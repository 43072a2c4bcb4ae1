import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { anothersOwnBusiness, ownedByAnother } from "../../src/engine/understand/own-business.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
const NAMES = new Set(["fastapi", "sanic", "rails"]);
const isName = (w: string) => NAMES.has(w);
/** Read with every known name as where another framework is named. */
const own = (text: string) => {
  const a = analyseWith(model, text);
  const named = a.words.flatMap((w, at) => (NAMES.has(w) ? [{ at, length: 1 }] : []));
  return anothersOwnBusiness(a, text, named, isName);
};

describe("anothersOwnBusiness", () => {
  it.each([
    ["anyone here using fastapi at work?", true],
    ["any good fastapi tutorials?", true],
    ["is sanic named after the meme?", true],
    ["is fastapi worth a look for my weekend thing?", true],
    ["would fastapi work for us?", false],
    ["anyone used fastapi? is it a serious contender?", false],
    ["fastapi is so popular now, why wasn't it recommended?", false],
  ])("%j: %s", (text, expected) => {
    expect(own(text)).toBe(expected);
  });

  it("names nothing: no other framework's business", () => {
    const a = analyseWith(model, "any good tutorials?");
    expect(anothersOwnBusiness(a, "any good tutorials?", [], isName)).toBe(false);
  });
});

describe("ownedByAnother", () => {
  it.each([
    ["sanic's author is great", true],
    ["is the orm as nice as rails's active record?", false],
    ["would fastapi's dependency injection help us here?", false],
    ["the team's docs are great", false],
  ])("%j: %s", (text, expected) => {
    expect(ownedByAnother(analyseWith(model, text), text, isName)).toBe(expected);
  });
});
