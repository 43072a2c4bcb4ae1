import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { forAnotherPurpose } from "../../src/engine/understand/purpose.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
/** No word is off-topic here: what is read is the words around "for". */
const plain = { offTopic: () => false };
const another = (text: string) => forAnotherPurpose(analyseWith(model, text), text, plain);

describe("forAnotherPurpose", () => {
  it.each([
    // Someone else's, another one.
    "for my thesis i'm comparing fastapi and flask, thoughts?",
    "is laravel a good choice for our intern's weekend side gig?",
    "is quarkus a good fit for the data team's java stuff? they asked us",
    "is rails still a sensible choice for our other team's billing app?",
    "would fastapi suit my hobby app?",
    // No product at all, read as typed ("theme" is no typo of "there").
    "would phoenix work for our next team trip?",
    "is sanic a good name for our ping pong table?",
    "is fastapi in the running for the hackathon theme?",
  ])("%j names a thing not ours", (text) => {
    expect(another(text)).toBe(true);
  });

  it.each([
    "would fastapi be better for our team?",
    "for my team, would fastapi be a better fit?",
    "for my part, fastapi would be a better fit",
    "is fastapi a good choice for our q3 roadmap?",
    "would litestar suit our team's api?",
    // "For us" weighs it for us, whatever else follows.
    "would fastapi work for us? the data team's service already runs it",
    // What is weighed for is cut at a clause of its own.
    "would hono work for the api that we demo at the offsite?",
    "is phoenix a better choice for the chat service since we need websockets?",
  ])("%j names nothing that is not ours", (text) => {
    expect(another(text)).toBe(false);
  });

  it("reads only after `from`", () => {
    const text = "for my thesis: is fastapi a good fit for our api?";
    const a = analyseWith(model, text);
    expect(forAnotherPurpose(a, text, plain)).toBe(true);
    expect(forAnotherPurpose(a, text, plain, a.words.indexOf("fastapi"))).toBe(false);
  });

  it("takes what the model knows as other matters' words", () => {
    const text = "would fastapi work for the quarterly payroll run?";
    const a = analyseWith(model, text);
    expect(forAnotherPurpose(a, text, plain)).toBe(false);
    expect(forAnotherPurpose(a, text, { offTopic: (t) => t.word === "payroll" })).toBe(true);
  });
});
