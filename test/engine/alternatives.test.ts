import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import {
  alternativeNamed,
  alternativesNamed,
  comparesOthers,
  weighedForAnotherThing,
  weighedForUs,
} from "../../src/engine/understand/alternatives.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
const read = (text: string) => analyseWith(model, text);

describe("alternativesNamed", () => {
  it("finds the longest name at a place, and where it is", () => {
    const a = read("would spring boot or litestar suit this?");
    expect(alternativesNamed(model, a).map((n) => [a.words[n.at], n.length])).toEqual([
      ["spring", 2],
      ["litestar", 1],
    ]);
    expect(alternativeNamed(model, a)).toBe("Spring or Litestar");
  });

  it("leaves an everyday word in its own sense", () => {
    expect(alternativesNamed(model, read("express shipping options?"))).toEqual([]);
    expect(alternativesNamed(model, read("what about express?"))).toHaveLength(1);
  });
});

describe("comparesOthers", () => {
  it.each([
    ["spring boot versus quarkus?", true],
    ["is fastapi better than rails for a team like ours?", false],
  ])("%j: %s", (text, expected) => {
    expect(comparesOthers(model, read(text))).toBe(expected);
  });
});

describe("weighedForUs and weighedForAnotherThing", () => {
  it.each([
    "is litestar a reasonable choice for us given the openapi requirement?",
    "would hono work for our api?",
  ])("%j weighs it for this project", (text) => {
    const a = read(text);
    expect(weighedForUs(model, a, text, false)).toBe(true);
    expect(weighedForAnotherThing(model, a, text)).toBe(false);
  });

  it.each([
    "would hono work for our fantasy league team name?",
    "is laravel a good choice for our intern's weekend side gig?",
  ])("%j weighs it for a thing not ours", (text) => {
    const a = read(text);
    expect(weighedForUs(model, a, text, false)).toBe(false);
    expect(weighedForAnotherThing(model, a, text)).toBe(true);
  });

  it("reads what it is weighed for in the name's clause only", () => {
    const text = "would hono work for us? the team trip is in denver";
    expect(weighedForAnotherThing(model, read(text), text)).toBe(false);
    const trip = "would hono work for the team trip?";
    expect(weighedForAnotherThing(model, read(trip), trip)).toBe(true);
  });
});
