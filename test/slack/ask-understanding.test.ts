/**
 * Understanding people through the real app (issue "Understand people as they really write"): questions
 * about the decision answered from the thread's recommendation, two features at once, "did you mean"
 * buttons that answer in place, chatter left alone, push-back met with one short reply, and a quick take
 * from one sentence outside a thread, with a button to the prefilled questions.
 */
import { describe, expect, it } from "vitest";
import { getKnowledge, recommend } from "../../src/engine/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockResponseUrl } from "../helpers/response-url.js";
import { apiFixture, mockApi, send, shown } from "../helpers/slack-app.js";
import { buttonClick, topLevelEvent } from "../helpers/slack-payloads.js";
import { loadFixture, slashCommandBody } from "../helpers/slack-request.js";
import { answers, postRecommendation, reply, setup } from "../helpers/thread-setup.js";

const k = getKnowledge();

isolateNetwork();

/** The recommendation the thread's answers must come from: the flow's usual choices, with these needs. */
function threadRecommendation(needs: string[]) {
  const answers = Object.fromEntries(k.singleQuestions.map((q) => [q.id, q.default]));
  return recommend({ answers, needs, notes: "" }, k);
}

/** No reply because the app chose not to answer, not because a listener failed. */
function expectChoseSilence(s: Awaited<ReturnType<typeof setup>>) {
  expect(answers(s)).toHaveLength(0);
  expect(s.t.logs.some((l) => l.msg === "thread chatter: not answering")).toBe(true);
  expect(s.t.logs.filter((l) => Number(l.level) >= 40)).toEqual([]);
}

async function ask(text: string, needs = ["admin", "auth"]) {
  const s = await setup();
  await postRecommendation(s, needs);
  await send(s.t.app, reply(text));
  return { s, got: answers(s), rec: threadRecommendation(needs) };
}

describe("questions about the decision, answered from the thread's recommendation", () => {
  it("'so what's the call?' gets the verdict with its top reasons and their sources", async () => {
    const { got, rec } = await ask("so what's the call?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain(k.meta.frameworks[rec.verdict === "flask" ? "flask" : "django"].name);
    expect(text).toContain(rec.factors[0]?.label ?? "no factor");
    expect(text).toContain(rec.factors[0]?.source ?? "no source");
  });

  it.each(["why?", "how so?", "source?"])(
    "%j alone under the recommendation gets its reasons and their sources",
    async (text) => {
      const { got, rec } = await ask(text);
      expect(got).toHaveLength(1);
      expect(shown(got[0])).toContain(rec.factors[0]?.label ?? "no factor");
      expect(shown(got[0])).toContain(rec.factors[0]?.source ?? "no source");
    },
  );

  it("'why not flask?' says what counts against Flask here and what would make it win", async () => {
    const { got, rec } = await ask("why not flask?");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("What counts against Flask");
    expect(text).toMatch(/What would make Flask win|No single change of answer would make Flask win/);
  });

  it("'how confident is that?' answers in plain words with the honest figure", async () => {
    const { got, rec } = await ask("how confident is that?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toMatch(/re-weightings/);
    expect(text).toContain(String(rec.confidence.samples));
    expect(text).not.toMatch(/\b100%/);
  });

  it("'what would flip it?' lists the changes that would, or says none nearby would", async () => {
    const { got, rec } = await ask("what would flip it?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    if (rec.flips.length > 0) expect(text).toContain(rec.flips[0]?.text.slice(0, 30) ?? "");
    else expect(text).toContain("no single change of answer would flip it");
    expect(text).toContain("Edit answers");
  });

  it("'would fastapi be better here?' answers from the knowledge base's caveat, with its source", async () => {
    const { got } = await ask("would fastapi be better here?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("FastAPI");
    expect(text).toContain("https://fastapi.tiangolo.com/");
  });

  it("push-back gets one short reply: which answer would change it and how to edit, never a feature sheet", async () => {
    const { got } = await ask("nah, flask suits us better");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("Edit answers");
    expect((got[0]?.blocks as Json[] | undefined)?.length).toBe(1);
    expect(text).not.toContain("docs");
  });
});

describe("questions about the decision, read against the verdict they reply to", () => {
  // The thread's project (admin and auth needed) recommends Django.
  it("push-back for the framework that already won says so, and argues for nothing else", async () => {
    const { got, rec } = await ask("django suits us better anyway, doesn't it?");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("Django is already the recommendation here");
    expect(text).not.toContain("would win");
  });

  it("going along with the verdict, told not asked, is a remark: no reply", async () => {
    const { s, rec } = await ask("we're going with django anyway, django suits us better");
    expect(rec.verdict).toBe("django");
    expectChoseSilence(s);
  });

  it("'why django?' under a Django verdict gets its reasons, not the case against it", async () => {
    const { got, rec } = await ask("why django?");
    expect(rec.verdict).toBe("django");
    const text = shown(got[0]);
    expect(text).not.toContain("What counts against Django");
    expect(text).toContain(rec.factors[0]?.label ?? "no factor");
  });

  it("another framework weighed for this project, its reason naming another stack, gets the reply naming it", async () => {
    const { got } = await ask("could quarkus work for this? the backend team is all jvm");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain(
      "I compare only Flask and Django, so I can't weigh Quarkus for this project",
    );
  });

  it("a framework named only as an alternative gets the honest reply naming it", async () => {
    const { got } = await ask("hono? it's the new hotness for apis");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain(
      "I compare only Flask and Django, so I can't weigh Hono for this project",
    );
  });

  it("another framework's news is colleagues' business: no alternatives reply", async () => {
    const { got } = await ask("rails 8 solid queue, anyone tried it?");
    expect(got.map(shown).join(" ")).not.toContain("I compare only Flask and Django");
  });

  it("an alternative the app does not know gets no other project's note", async () => {
    const { got } = await ask("should we use go instead?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("I compare only Flask and Django");
    expect(text).not.toContain("async-first API, look at FastAPI");
  });

  it("a package the knowledge base counts as part of Flask or Django is said to be so, with its docs", async () => {
    const { got } = await ask("what about quart?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain(
      "<https://quart.palletsprojects.com/|Quart> (a separate Pallets project) is Flask's answer for an async reimplementation of the Flask API, so I weigh it with Flask",
    );
    expect(text).not.toContain("I compare only Flask and Django");
  });

  it("two alternatives asked about at once are both named", async () => {
    const { got } = await ask("what about litestar or sanic?");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain("Litestar or Sanic");
  });

  it("FastAPI asked about where nothing calls for it: says so, then when it would suit", async () => {
    const { got } = await ask("would fastapi be better here?");
    const text = shown(got[0]);
    expect(text).toContain("Nothing in your answers calls for FastAPI here");
    expect(text).toContain("https://fastapi.tiangolo.com/");
  });

  it("a detail the feature's sheet does not cover gets its own answer, with both sources", async () => {
    const { got } = await ask("how do we do jwt auth for the api?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("Token and JWT authentication");
    expect(text).toContain("https://flask-jwt-extended.readthedocs.io/");
    expect(text).toContain("https://www.django-rest-framework.org/api-guide/authentication/");
  });

  it("push-back that gives a reason weighs it as answers", async () => {
    const { got, rec } = await ask("nah flask suits us better, we know flask");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toMatch(
      /Counting what you said: if your team already knew Flask, (Flask would win|Django would still be the better fit|it would be a toss-up)\./,
    );
  });

  it("push-back followed by its reason weighs the reason as a need, in one short reply", async () => {
    const { got, rec } = await ask("we prefer flask because we only need a json api");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("Counting what you said: if you also needed");
    expect(text).toContain("Edit answers");
    expect((got[0]?.blocks as Json[] | undefined)?.length).toBe(1);
  });

  it("the team's stance against the verdict, told as a fact, gets the push-back reply", async () => {
    const { got, rec } = await ask("the team hates django");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain("Edit answers");
  });

  // Round 17: disagreement opened as one, its reason in words about the frameworks.
  it("disagreement with the verdict, however it opens, gets the push-back reply", async () => {
    const { got, rec } = await ask("disagree — we'll end up ripping out half of django");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain("Edit answers");
  });

  it("'what are the alternatives' gets the alternatives answer for this project, not the verdict", async () => {
    const { got } = await ask("what are the alternatives");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("I compare only Flask and Django");
    expect(text).toContain("for this project");
  });

  it("'what if …' answers with the verdict re-scored under that change, not the list of flips", async () => {
    const { got } = await ask("what if it grows to many teams?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toMatch(
      /If the project grew large, (Django would still be the better fit|Flask would win|it would be a toss-up)\./,
    );
    expect(text).toContain("shares of the evidence");
    expect(text).not.toContain("What would change the verdict");
  });

  // Round 17: the gist asked for in a thread is the verdict with its reasons.
  it("'sorry late to this, tl;dr?' gets the verdict", async () => {
    const { got, rec } = await ask("sorry late to this, tl;dr?");
    expect(rec.verdict).toBe("django");
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toContain("better fit for this project");
  });

  it("'why flask?' under a Django verdict says Flask isn't the pick, what counts for it, then what outweighs it", async () => {
    const { got, rec } = await ask("why flask?");
    expect(rec.verdict).toBe("django");
    const text = shown(got[0]);
    expect(text).toContain("Flask isn't the pick here.");
    expect(text).toContain("*What outweighs it*");
    expect(text).not.toContain("What counts against Flask");
  });

  it("'why not django?' under a Django verdict still weighs the case against it", async () => {
    const { got } = await ask("why not django?");
    expect(shown(got[0])).toMatch(/against Django/);
  });

  // Round 11: a decision question read unsurely is still answered under its recommendation; it had got
  // "I don't know that one" with features to pick from.
  it("'why django and not fastapi?' answers about FastAPI", async () => {
    const { got } = await ask("why django and not fastapi?");
    expect(got).toHaveLength(1);
    const text = shown(got[0]);
    expect(text).toContain("https://fastapi.tiangolo.com/");
    expect(text).not.toContain("I don't know");
  });

  // Other decision readings stay unanswered when unsure: colleagues ask each other such questions.
  it("a colleague's question read unsurely as about the decision gets no verdict card", async () => {
    const { got } = await ask("should I rebase my django branch before merging?");
    for (const answer of got) expect(shown(answer)).not.toContain("better fit for this project");
  });

  it("the risks of the recommended one are the case against Django, the recommendation", async () => {
    const { got, rec } = await ask("what are the risks of picking the recommended one?");
    expect(rec.verdict).toBe("django");
    expect(shown(got[0])).toMatch(/against Django/);
  });
});

describe("worded like ours, about something else", () => {
  // Round 9: a verdict on another decision, another framework's own feature. Either would have got
  // this project's verdict or a Django feature sheet.
  it("a question about another framework's own feature is declined", async () => {
    const { got, rec } = await ask("how do i handle file uploads in laravel with livewire?");
    expect(got).toHaveLength(1);
    const answer = shown(got[0]);
    expect(answer).toMatch(/I don't know that one|Did you mean/);
    expect(answer).not.toContain(rec.factors[0]?.label ?? "no factor");
    expect(answer).not.toContain("For your project");
  });

  // Round 14: surely about another matter, colleagues' business, so not even "I don't know that one"
  // under the recommendation.
  it.each([
    "what's the verdict on the office seating plan?",
    // Round 10: another kind of thing chosen, other options offered, words no question about ours uses.
    "which cloud provider should we go with?",
    "why not trello instead of asana for the design team?",
    "what would make us switch payroll providers?",
    // Round 14.
    "why not asana?",
    "who has the read replica creds?",
    "should we deploy on friday?",
    // Round 16: another framework's own thing, its people.
    "Bottle's routing decorators still make me smile",
    "isn't it just one person who maintains sanic?",
    // Round 17: people asked about their own use of another framework; disagreement about another thing.
    "anyone here using fastapi at work?",
    "hard disagree on the friday launch",
    // Round 18: another framework weighed for a thing not ours; people asked about their own use.
    "would rails be a fun topic for our lunch and learn?",
    "is quarkus a good fit for the data team's java stuff? they asked us",
    "fastapi. anyone here used it?",
    // A request to colleagues, a feature's words and all; a colleague addressed by a typed name.
    "who do i ask for access to the staging db?",
    "@priya can you add the ADR template to confluence",
    "can someone approve my expense report?",
  ])("%j is colleagues' business: no reply in the thread", async (text) => {
    const { s } = await ask(text);
    expectChoseSilence(s);
  });

  it("the same question addressed to the app in the thread is declined, not ignored", async () => {
    const s = await setup();
    await postRecommendation(s, ["admin", "auth"]);
    await send(
      s.t.app,
      topLevelEvent("event_app_mention_in_thread", {
        text: "<@U07R3MZ1B4K> which cloud provider should we go with?",
      }),
    );
    const got = answers(s);
    expect(got).toHaveLength(1);
    expect(shown(got[0])).toMatch(/I don't know that one/);
  });
});

describe("what is not a question gets no answer", () => {
  it.each([
    ["a remark that names a feature", "I used the admin at my last job, it was fine"],
    ["thanks", "thanks!"],
    ["a remark told in the past, its subject dropped", "deployed the admin yesterday"],
    ["a remark worded like a decision question", "that's why we went with django"],
    ["an announcement that names a feature", "heads up, the staging deploy window moves to 4pm"],
  ])("%s", async (_name, text) => {
    const { s } = await ask(text);
    expectChoseSilence(s);
  });
});

describe("did you mean", () => {
  it("offers at most three features when unsure, and a click answers in place of the offer", async () => {
    const { s, got } = await ask("what about the page stuff?");
    expect(got).toHaveLength(1);
    const buttons = (((got[0]?.blocks ?? []) as Json[]).find((b) => b.type === "actions")?.elements ??
      []) as Json[];
    expect(shown(got[0])).toContain("Did you mean");
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect(String(b.action_id)).toMatch(/^did_you_mean_/);
    const hook = mockResponseUrl(String(loadFixture<Json>("inbound/block_actions_button.json").response_url));
    const chosen = buttons[0] as Json;
    await send(
      s.t.app,
      buttonClick({ blocks: got[0]?.blocks, ts: "1732385000.000002" }, String(chosen.action_id)),
    );
    expect(hook).toHaveLength(1);
    expect(hook[0]?.replace_original).toBe(true);
    const title = k.featureById.get(String(chosen.value))?.title ?? "none";
    expect(JSON.stringify(hook[0]?.blocks)).toContain(title);
  });
});

describe("a quick take from one sentence", () => {
  it("a mention outside a thread gets a labelled quick take and a button to the prefilled questions", async () => {
    const s = await setup();
    await send(
      s.t.app,
      topLevelEvent("event_app_mention_in_thread", {
        text: "<@U07R3MZ1B4K> is Flask enough for a small online shop?",
      }),
    );
    expect(s.posts).toHaveLength(1);
    const text = shown(s.posts[0]);
    expect(text).toContain("Quick take from one sentence");
    const blocks = s.posts[0]?.blocks as Json[];
    const button = ((blocks.find((b) => b.type === "actions")?.elements ?? []) as Json[])[0];
    expect(button?.action_id).toBe("prefill_questionnaire");

    const opens = mockApi("views.open", apiFixture("views.open_ok"), 1);
    await send(s.t.app, buttonClick({ blocks, ts: "1732385000.000001" }, "prefill_questionnaire"));
    const view = opens[0]?.view as { blocks: Array<Json & { block_id?: string; element?: Json }> };
    const chosen = (id: string) =>
      (view.blocks.find((b) => b.block_id === `q_${id}`)?.element?.initial_option as Json | undefined)?.value;
    expect(chosen("project_type")).toBe("ecommerce");
    expect(chosen("size")).toBe("small");
    // What the sentence did not say is left for the person to choose.
    expect(chosen("timeline")).toBeUndefined();
    // The sentence is no note: read again on submit, it would bring back a need the person unticked.
    const notes = view.blocks.find((b) => b.block_id === "q_notes")?.element as Json | undefined;
    expect(notes).toBeDefined();
    expect(notes?.initial_value).toBeUndefined();
  });

  // No project yet: no "for this project", and the way to get one.
  it("an alternative the app does not know, asked outside a thread, points to a recommendation", async () => {
    const s = await setup();
    await send(
      s.t.app,
      topLevelEvent("event_app_mention_in_thread", { text: "<@U07R3MZ1B4K> would rails be better for us?" }),
    );
    expect(s.posts).toHaveLength(1);
    const text = shown(s.posts[0]);
    expect(text).toContain("I compare only Flask and Django");
    expect(text).not.toContain("for this project");
    expect(text).toContain("/flask-or-django");
  });

  it("slash text describing a project gets the same quick take, only for the person", async () => {
    const s = await setup();
    const body = Object.fromEntries(
      new URLSearchParams(slashCommandBody({ text: "internal CRUD tool for 5 people, flask or django?" })),
    );
    const acked = (await send(s.t.app, body)) as Json;
    expect(acked.response_type).toBe("ephemeral");
    expect(shown(acked)).toContain("Quick take from one sentence");
    expect(shown(acked)).toContain("Answer the questions");
    expect(s.posts).toHaveLength(0);
  });
});
