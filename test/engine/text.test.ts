import { describe, expect, it } from "vitest";
import { CLAUSE_MARK, SENTENCE_MARK, tokenize, words } from "../../src/engine/text.js";

describe("tokenize: clause and sentence breaks", () => {
  it("marks a sentence's end apart from a clause break", () => {
    expect(tokenize("how do we ship it? stack: postgres, redis")).toEqual([
      "how",
      "do",
      "we",
      "ship",
      "it",
      SENTENCE_MARK,
      "stack",
      "postgres",
      CLAUSE_MARK,
      "redis",
    ]);
  });

  it("ends a sentence at a full stop, an exclamation mark, an ellipsis and a line break", () => {
    for (const text of ["auth. caching", "auth! caching", "auth… caching", "auth\ncaching"]) {
      expect(tokenize(text), text).toEqual(["auth", SENTENCE_MARK, "caching"]);
    }
  });

  it("leaves neither mark among the words", () => {
    expect(words("admin, auth? caching.")).toEqual(["admin", "auth", "caching"]);
  });

  it('reads "as well as" as "and", which joins asks', () => {
    expect(words("unit tests as well as a debugger")).toEqual(["unit", "tests", "and", "a", "debugger"]);
    expect(words("works well as a monolith")).toEqual(["works", "well", "as", "a", "monolith"]);
  });

  it('reads "we\'ll" as "we will", not as the lead-in "well"', () => {
    expect(words("we'll have an api, it’ll be fine")).toEqual([
      "we",
      "will",
      "have",
      "an",
      "api",
      "it",
      "will",
      "be",
      "fine",
    ]);
  });
});
