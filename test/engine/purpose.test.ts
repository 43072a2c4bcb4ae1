import { describe, expect, it } from "vitest";
import { getKnowledge } from "../../src/engine/index.js";
import { analyseWith } from "../../src/engine/understand/model.js";
import { forAnotherPurpose } from "../../src/engine/understand/purpose.js";
import { understanderFor } from "../../src/engine/understand/understand.js";

const model = understanderFor(getKnowledge());
/** No word is off-topic here: what is read is the words around "for". */
const plain = { offTopic: () => false };
/** Read with the other framework named at its first word that is one of these. */
const NAMES = ["fastapi", "laravel", "quarkus", "rails", "phoenix", "sanic", "litestar", "hono"];
const nameAt = (words: readonly string[]) => words.findIndex((w) => NAMES.includes(w));
const another = (text: string) => {
  const a = analyseWith(model, text);
  const at = nameAt(a.words);
  expect(at).toBeGreaterThanOrEqual(0);
  return forAnotherPurpose(a, text, plain, at);
};

describe("forAnotherPurpose", () => {
  it.each([
    // Someone else's, another one, someone's own.
    "for my thesis i'm comparing fastapi and flask, thoughts?",
    "is laravel a good choice for our intern's weekend side gig?",
    "is quarkus a good fit for the data team's java stuff? they asked us",
    "is rails still a sensible choice for our other team's billing app?",
    "would fastapi suit my hobby app?",
    "for my brother's startup, would rails be better?",
    // A gathering, a thing no product is (read as typed: "theme" is no typo of "there"), what is weighed.
    "would phoenix work for our next team trip?",
    "would rails be a fun topic for our lunch and learn?",
    "is sanic a good name for our ping pong table?",
    "is fastapi in the running for the hackathon theme?",
    "would fastapi be a good lunch and learn topic for next month?",
    // A team named as another, a product that is theirs.
    "for our sister company's api, would fastapi fit?",
    "did payments end up going with fastapi for their service?",
    // What it would suit ends at "better".
    "would fastapi suit their product better than flask?",
  ])("%j names a thing not ours", (text) => {
    expect(another(text)).toBe(true);
  });

  it.each([
    "would fastapi be better for our team?",
    "for my team, would fastapi be a better fit?",
    "is fastapi a good choice for our q3 roadmap?",
    // Ours or anyone's: "our team's", "the team's", "the client's portal we're building".
    "would litestar suit our team's api?",
    "would fastapi suit the team's needs better?",
    "for the client's portal we're building, would fastapi be a better pick?",
    // "Side", "other", "personal" of ours; a product named last.
    "would fastapi be better for the admin side?",
    "would fastapi be a better fit for the other services in our stack?",
    "is fastapi a good choice for our personal finance app?",
    "would fastapi suit our lunch ordering app better?",
    // What is weighed for is cut at a clause of its own; another clause's "for" is not read.
    "would hono work for the api that we demo at the offsite?",
    "is phoenix a better choice for the chat service since we need websockets?",
    "would fastapi work for us? we could present it for the hackathon",
    // The word before a sentence's opening "for" belongs to the sentence before.
    "we need a new logo. for our api, would fastapi be a better fit?",
    // The possessive read where it is: "the backend team" is not "team's"; "our platform team's" is ours.
    "would fastapi suit the backend team and our team's api?",
    "would fastapi suit our platform team's api?",
    // Their needs may be our users'.
    "our users want realtime updates, would phoenix suit their needs better?",
    // A product of ours named outright weighs it for us, whatever else is weighed.
    "would fastapi be a better fit for our service than for their service?",
  ])("%j names nothing that is not ours", (text) => {
    expect(another(text)).toBe(false);
  });

  it("takes what the model knows as other matters' words", () => {
    const text = "would fastapi work for the quarterly payroll run?";
    const a = analyseWith(model, text);
    expect(forAnotherPurpose(a, text, plain, 1)).toBe(false);
    expect(forAnotherPurpose(a, text, { offTopic: (t) => t.word === "payroll" }, 1)).toBe(true);
    // What it is weighed against ends what it is for: "for our scraper api than flask" names the api last.
    const than = "would fastapi be a better fit for our scraper api than flask?";
    expect(
      forAnotherPurpose(analyseWith(model, than), than, { offTopic: (t) => t.typed === "scraper" }, 1),
    ).toBe(false);
    // A product named last is ours, whatever words of other matters come before it.
    const api = "would fastapi work for our payroll api?";
    expect(
      forAnotherPurpose(analyseWith(model, api), api, { offTopic: (t) => t.word === "payroll" }, 1),
    ).toBe(false);
  });
});
