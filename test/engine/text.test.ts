import { describe, expect, it } from "vitest";
import {
  CLAUSE_MARK,
  endsWithQuestionMark,
  hasQuestionMark,
  plainText,
  SENTENCE_MARK,
  tokenize,
  words,
} from "../../src/engine/text.js";

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

  // Each number of a list that starts at 1 opens a question of its own; a bracket in running text does not.
  it("ends a sentence before each number of a numbered list", () => {
    expect(tokenize("1) auth 2) caching")).toEqual([SENTENCE_MARK, "auth", SENTENCE_MARK, "caching"]);
    expect(tokenize("(1) auth (2) caching")).toEqual([SENTENCE_MARK, "auth", SENTENCE_MARK, "caching"]);
    expect(tokenize("auth (or 2fa) and caching")).toEqual(["auth", "or", "2fa", "and", "caching"]);
    expect(tokenize("auth (up to 2) and caching")).toEqual(["auth", "up", "to", "2", "and", "caching"]);
    // Only the run 1, 2, 3…: another bracketed number stays a number.
    expect(tokenize("a team (about 4) needs 1) auth 2) caching")).toEqual([
      "a",
      "team",
      "about",
      "4",
      "needs",
      SENTENCE_MARK,
      "auth",
      SENTENCE_MARK,
      "caching",
    ]);
  });

  it("ends no sentence at a dot inside a name", () => {
    expect(tokenize("urls.py or app.py? django 4.2")).toEqual([
      "urls",
      "py",
      "or",
      "app",
      "py",
      SENTENCE_MARK,
      "django",
      "4",
      "2",
    ]);
    // A sentence typed without a space after its full stop still ends there.
    expect(tokenize("need auth.no admin")).toEqual(["need", "auth", SENTENCE_MARK, "no", "admin"]);
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

describe("question marks and Slack markup", () => {
  it("sees no question in a link's address", () => {
    expect(hasQuestionMark(plainText("a good talk <https://www.youtube.com/watch?v=abc123>"))).toBe(false);
    expect(hasQuestionMark(plainText("a good talk <https://example.com/?q=1|what is it?>"))).toBe(true);
    expect(endsWithQuestionMark("caching <https://example.com/watch?v=1>")).toBe(false);
    expect(endsWithQuestionMark("caching? <@U0123ABC>")).toBe(true);
  });

  it("knows the full-width question mark", () => {
    expect(hasQuestionMark(plainText("admin panel？"))).toBe(true);
    expect(endsWithQuestionMark("admin panel？")).toBe(true);
    expect(tokenize("auth？caching")).toEqual(["auth", SENTENCE_MARK, "caching"]);
  });

  it("reads the words after a long link: markup does not use up the budget", () => {
    const link = `<https://example.com/${"a".repeat(600)}|the docs>`;
    expect(words(`${link} caching?`)).toEqual(["the", "docs", "caching"]);
  });
});

describe("emoji that say something", () => {
  it("reads a thumbs-up as thanks that ends its sentence", () => {
    expect(tokenize("👍 how about async")).toEqual(["thanks", SENTENCE_MARK, "how", "about", "async"]);
  });

  it("reads folded hands as please next to words, and as thanks alone", () => {
    expect(words("can you help? 🙏")).toEqual(["can", "you", "help", "please"]);
    expect(words("🙏")).toEqual(["thanks"]);
  });
});

describe("tokenize: the frameworks' possessive", () => {
  it('reads "flask\'s" and "Django’s" as the framework\'s name; other apostrophes just go', () => {
    expect(words("flask's simplicity vs Django’s admin")).toEqual([
      "flask",
      "simplicity",
      "vs",
      "django",
      "admin",
    ]);
    expect(words("it's the team's call")).toEqual(["its", "the", "teams", "call"]);
  });
});
