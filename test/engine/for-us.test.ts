import { describe, expect, it } from "vitest";
import { saysForUs } from "../../src/engine/understand/for-us.js";

const words = (text: string) => text.split(" ");

describe("saysForUs", () => {
  it.each([
    ["would hono work for us", true],
    ["is litestar a good fit here", true],
    ["koa for this", true],
    ["is it right for this project", true],
    ["would fastapi work for the ml team", false],
    ["asking for them not us", false],
    // "Not" denies the words of ours right after it.
    ["personal question not for this project", false],
    ["not our call but would fastapi fit", false],
    ["not sure it fits our api", true],
    // Any negation but "no", which opens answers.
    ["fastapi isnt for us", false],
    ["never for this project", false],
    ["no for us it would not", true],
    ["this is neat", false],
  ])("%j: %s", (text, expected) => {
    expect(saysForUs(words(text))).toBe(expected);
  });
});
