/**
 * The feature answer's wording: the direct answer first, where each capability comes from (with
 * each package linked to its own docs), and none of the old repetition ("It depends: It depends",
 * "Testing · Django: Django's testing…", a "Sources:" line repeating the links above).
 */
import { describe, expect, it } from "vitest";
import { explainFeature, getKnowledge, toProfile } from "../../src/engine/index.js";
import { featureAnswerBlocks, featureAnswerText } from "../../src/slack/blocks/feature-answer.js";
import { featuresBriefBlocks } from "../../src/slack/blocks/features-brief.js";
import { messageViolations } from "../helpers/block-kit-limits.js";

const knowledge = getKnowledge();

function render(featureId: string, question?: string, mythIndex?: number) {
  const explanation = explainFeature(featureId, undefined, knowledge);
  if (!explanation) throw new Error(featureId);
  const myth = mythIndex === undefined ? undefined : explanation.myths[mythIndex];
  return featureAnswerBlocks({
    explanation,
    suggestRecommendation: false,
    ...(question ? { question } : {}),
    ...(myth ? { myth } : {}),
  });
}
const texts = (blocks: ReturnType<typeof render>): string[] =>
  blocks.flatMap((b) => {
    const out: string[] = [];
    if ("text" in b && b.text) out.push(typeof b.text === "string" ? b.text : b.text.text);
    if ("fields" in b && b.fields) out.push(...b.fields.map((f) => f.text));
    if (b.type === "context")
      out.push(...b.elements.map((e) => ("text" in e && typeof e.text === "string" ? e.text : "")));
    return out;
  });

describe("feature answer blocks", () => {
  it("answers a yes/no question directly, before the side by side", () => {
    const blocks = render("async", "does django do websockets?");
    const all = texts(blocks);
    const direct = all.findIndex((t) => t.startsWith("Yes, with Channels"));
    const sideBySide = all.findIndex((t) => t.startsWith("*Async and websockets*"));
    expect(direct).toBeGreaterThanOrEqual(0);
    expect(direct).toBeLessThan(sideBySide);
  });

  it("leaves the direct line to the myth's correction when the question was a myth", () => {
    const rest = knowledge.featureById.get("rest_api");
    expect(rest?.myths.length).toBeGreaterThan(0);
    const all = texts(render("rest_api", "is drf part of django?", 0));
    expect(all.some((t) => t.includes("Checked fact"))).toBe(true);
    expect(all.some((t) => t.startsWith("Django REST Framework is a third-party package"))).toBe(false);
  });

  it("answers a detail the sheet does not cover on its own, each side with its source", () => {
    const explanation = explainFeature("security", undefined, knowledge, {
      question: "what about rate limiting?",
    });
    if (!explanation) throw new Error("security");
    const blocks = featureAnswerBlocks({
      explanation,
      suggestRecommendation: false,
      question: "what about rate limiting?",
    });
    const all = texts(blocks).join("\n");
    expect(all).toContain("*Rate limiting* (Security defaults)");
    expect(all).toContain("<https://flask-limiter.readthedocs.io/|source>");
    expect(all).toContain("<https://www.django-rest-framework.org/api-guide/throttling/|source>");
    // The general sheet is one question away, not repeated.
    expect(all).not.toContain(explanation.flask.how);
    expect(all).toContain("For all of Security defaults, ask “security defaults?”");
    expect(featureAnswerText(explanation)).toBe("Rate limiting (Security defaults): Flask and Django");
    expect(messageViolations({ text: featureAnswerText(explanation), blocks })).toEqual([]);
  });

  it("gives a detail asked about in a two-feature question in brief, each side with its source", () => {
    const question = "file uploads and caching, how do they work?";
    const explanations = ["caching", "forms"].map((id) => {
      const e = explainFeature(id, undefined, knowledge, { question });
      if (!e) throw new Error(id);
      return e;
    });
    const all = texts(featuresBriefBlocks(explanations, question)).join("\n");
    expect(all).toContain("*File uploads* (Forms and validation): Flask hands you uploaded files");
    expect(all).toContain("<https://flask.palletsprojects.com/en/stable/patterns/fileuploads/|Flask source>");
    expect(all).toContain("*Caching*: ");
  });

  it("leaves out a myth that was only the closest when the question names a detail", () => {
    const question = "flask would scale better for black friday traffic no?";
    const explanation = explainFeature("scalability", undefined, knowledge, { question });
    const myth = explanation?.myths[0];
    if (!explanation || !myth) throw new Error("scalability");
    const all = texts(
      featureAnswerBlocks({ explanation, suggestRecommendation: false, question, myth }),
    ).join("\n");
    expect(all).toContain("*Traffic and load spikes* (Scalability and large projects)");
    expect(all).not.toContain("Checked fact");
  });

  it("reads a myth's claim mid-sentence, without a capital article", () => {
    const admin = knowledge.featureById.get("admin");
    const index = admin?.myths.findIndex((m) => m.claim.startsWith("The ")) ?? -1;
    expect(index).toBeGreaterThanOrEqual(0);
    const all = texts(render("admin", "does the django admin use bootstrap?", index)).join("\n");
    expect(all).toContain("It is often said that the Django admin");
    expect(all).not.toContain("said that The");
  });

  it("labels where each side comes from, linking each package to its own docs", () => {
    const all = texts(render("background_tasks")).join("\n");
    expect(all).toContain("*Flask*: third-party package (<https://docs.celeryq.dev/|Celery>)");
    expect(all).toContain("*Django*: built in (`django.tasks`)");
    expect(all).not.toMatch(
      /built in \(Celery\)|built in \(Channels\)|built in \(django-guardian\)|built in \(pytest\)/,
    );
  });

  it("never labels a package's docs as the framework's", () => {
    const all = texts(render("admin")).join("\n");
    expect(all).toContain("<https://flask-admin.readthedocs.io/|Flask-Admin>");
    expect(all).not.toContain("<https://flask-admin.readthedocs.io/|Flask docs>");
    expect(all).toContain("|Django docs>");
  });

  it("says nothing about provenance for a quality", () => {
    const all = texts(render("performance"));
    expect(all.some((t) => t.startsWith("*Flask*\n"))).toBe(true);
    expect(all.join("\n")).not.toContain("built in");
  });

  it("never repeats itself: no verdict word before a verdict that says it, no Sources line", () => {
    for (const f of knowledge.features) {
      const all = texts(render(f.id)).join("\n");
      expect(all, f.id).not.toMatch(/It depends: It depends/);
      expect(all, f.id).not.toMatch(/\* · (Flask|Django|A tie|It depends):/);
      expect(all, f.id).not.toMatch(/^Sources:/m);
      expect(messageViolations({ text: "x", blocks: render(f.id) }), f.id).toEqual([]);
    }
  });

  it('has no "For your project" boilerplate when there is nothing specific to say', () => {
    const explanation = explainFeature("routing", toProfile({}, knowledge), knowledge);
    if (!explanation) throw new Error("routing");
    const blocks = featureAnswerBlocks({ explanation, suggestRecommendation: false });
    expect(texts(blocks).join("\n")).not.toContain("For your project");
  });

  it("the notification text is the direct answer when there is one", () => {
    const explanation = explainFeature("async", undefined, knowledge, {
      question: "does django do websockets?",
    });
    if (!explanation) throw new Error("async");
    expect(featureAnswerText(explanation)).toMatch(/^Async and websockets: Yes, with Channels/);
  });
});

describe("features asked together", () => {
  // A reviewer's find: a package's docs were labelled as the framework's ("Flask docs" on flask-login).
  it("names each side's docs for whose they are", () => {
    const both = ["auth", "admin"].map((id) => explainFeature(id, undefined, knowledge));
    if (both.some((e) => e === undefined)) throw new Error("auth or admin missing");
    const blocks = featuresBriefBlocks(both as NonNullable<(typeof both)[number]>[], "admin and auth?");
    const text = JSON.stringify(blocks);
    expect(text).toContain("|Flask-Login docs>");
    expect(text).toContain("|Django docs>");
    expect(text).not.toContain("readthedocs.io/|Flask docs>");
    expect(messageViolations({ text: "x", blocks })).toEqual([]);
  });
});
