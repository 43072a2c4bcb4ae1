/**
 * Details of a feature its own sheet does not cover (rate limiting, file uploads, JWT…): a question
 * naming one gets it first, each side with its own official source.
 */
import { describe, expect, it } from "vitest";
import { explainFeature, getKnowledge } from "../../src/engine/index.js";

const k = getKnowledge();
const detailOf = (featureId: string, question: string) =>
  explainFeature(featureId, undefined, k, { question })?.detail?.title;

describe("the detail a question names", () => {
  it.each([
    ["security", "what about rate limiting?", "Rate limiting"],
    ["security", "can we throttle login attempts?", "Rate limiting"],
    ["forms", "how do we handle file uploads in flask?", "File uploads"],
    ["forms", "how do we validate the json input? pydantic?", "Validating JSON input"],
    ["auth", "how do we do jwt auth for the api?", "Token and JWT authentication"],
    ["auth", "how do we do login with our google workspace accounts?", "Single sign-on"],
    ["async", "can we stream responses from an llm?", "Streaming responses"],
    ["admin", "can we customize the admin look, like our company colors?", "The admin's look and branding"],
    ["scalability", "flask would scale better for black friday traffic no?", "Traffic and load spikes"],
    ["databases", "do we need a database at all?", "Going without a database"],
    ["databases", "is sqlite ok for this in production?", "SQLite in production"],
    ["admin", "can the admin export to csv?", "Exporting from the admin"],
    ["admin", "can the admin handle 2 million products?", "The admin on large tables"],
    ["deployment", "how do we deploy this, uvicorn or daphne?", "ASGI servers"],
  ])("%s: %j → %s", (featureId, question, title) => {
    expect(detailOf(featureId, question)).toBe(title);
  });

  it.each([
    ["security", "is django secure by default?"],
    ["forms", "how do forms work?"],
    ["auth", "how does login work?"],
    ["async", "does django do websockets?"],
    ["databases", "which database do we need for a shop?"],
    ["admin", "we want a brand new admin panel, which is better?"],
    ["databases", "is it ok to use sqlite for the test database?"],
  ])("%s: %j names no detail", (featureId, question) => {
    expect(detailOf(featureId, question)).toBeUndefined();
  });

  it("is not given without a question", () => {
    expect(explainFeature("security", undefined, k)?.detail).toBeUndefined();
  });

  it("gives every detail both sides with an https source, and no phrase to two details", () => {
    const owner = new Map<string, string>();
    for (const f of k.features) {
      for (const d of f.details) {
        for (const side of [d.flask, d.django]) {
          expect(side.source, `${f.id}: ${d.title}`).toMatch(/^https:\/\//);
          expect(side.text.length).toBeGreaterThan(30);
        }
        for (const phrase of d.words) {
          expect(owner.get(phrase), `"${phrase}" names two details`).toBeUndefined();
          owner.set(phrase, d.title);
        }
      }
    }
    expect(owner.size).toBeGreaterThan(20);
  });
});
