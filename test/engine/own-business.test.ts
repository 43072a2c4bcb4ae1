import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { alternativesNamed } from "../../src/engine/understand/alternatives.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { anothersOwnBusiness, ownedByAnother } from "../../src/engine/understand/own-business.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
const NAMES = new Set(["fastapi", "sanic", "rails", "express", "pyramid", "phoenix", "litestar"]);
const isName = (w: string) => NAMES.has(w);
/** Read with every known name as where another framework is named. */
const own = (text: string) => {
  const a = analyseWith(model, text);
  const named = a.words.flatMap((w, at) => (NAMES.has(w) ? [{ at, length: 1 }] : []));
  return anothersOwnBusiness(a, text, named, isName);
};

describe("anothersOwnBusiness", () => {
  it("reads a two-word name alone in its sentence as the name", () => {
    const text = "spring boot. anyone here used it?";
    const a = analyseWith(model, text);
    const named = alternativesNamed(model, a);
    expect(named).toEqual([{ name: expect.any(String), at: 0, length: 2 }]);
    expect(anothersOwnBusiness(a, text, named, (w) => w === "spring")).toBe(true);
  });

  it.each([
    ["anyone here using fastapi at work?", true],
    ["any good fastapi tutorials?", true],
    ["is sanic named after the meme?", true],
    ["is fastapi worth a look for my weekend thing?", true],
    // The name alone, then people asked; a closing "right?" weighs nothing.
    ["fastapi. anyone here used it?", true],
    ["someone on the data team uses fastapi, right?", true],
    // "Here" after a person is not ours; "candidate" before a noun is no contender.
    ["has anybody here used rails? just want to pick someone's brain on a personal thing", true],
    ["anyone here using fastapi for the candidate tracking tool at hr?", true],
    ["is it worth us sponsoring fastapi, since the ml team depends on it?", true],
    ["did anybody watch that express.js talk from the conference last week? any good?", true],
    ["phoenix. anyone used it?", true],
    ["should the company donate to the fastapi project?", true],
    ["the company donated to fastapi?", true],
    // Backing told, then weighed for us in a clause of its own.
    ["we sponsor fastapi, would it work for our api?", false],
    // Its own thing past the name's suffix, weighed for us or not.
    ["is the express.js meetup worth attending for us?", true],
    // "Right" that is no closing tag still weighs.
    ["anyone here used fastapi? is it right for us?", false],
    // A client project may be ours; a candidate that ends its clause weighs.
    ["we're building this for a client; would litestar be a reasonable pick?", false],
    ["the fastapi docs make it a strong candidate, thoughts?", false],
    ["pyramid? anyone still use that", false],
    ["is fastapi a stronger candidate here?", false],
    ["given how popular fastapi is, is it the smarter route?", false],
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
