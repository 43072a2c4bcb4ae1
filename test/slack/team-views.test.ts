/**
 * "Add my view" through the real app: a teammate's own answers are stored as theirs (keyed by who
 * submitted, never by what the form carried), never replace the asker's, and the message shows each
 * person's verdict, where they differ and whether it changes the outcome; Details compares everyone.
 */
import { describe, expect, it } from "vitest";
import { recommend } from "../../src/engine/index.js";
import { encodeModalContext } from "../../src/slack/services/codecs.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { send } from "../helpers/slack-app.js";
import { loadFixture } from "../helpers/slack-request.js";
import {
  ASKER,
  BOB,
  CAROL,
  CHANNEL,
  click,
  knowledge,
  person,
  postRecommendation,
  submitOwnAnswers,
  TEAM,
  teamSetup,
  textAt,
} from "../helpers/team-flows.js";

isolateNetwork();

describe("Add my view", () => {
  it("opens the questions prefilled with the asker's answers, as the clicker's own view", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin", "auth"]);
    const before = s.opened.length;
    await click(s, ts, "add_view", BOB);
    const view = s.opened[before]?.view as Json & { title: { text: string }; private_metadata: string };
    expect(view.title.text).toBe("Your view");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ u: BOB, a: ASKER, ts, c: CHANNEL, v: 1 });
    const needs = (view.blocks as Json[]).find((b) => b.block_id === "q_needs")?.element as Json;
    expect((needs.initial_options as Json[]).map((o) => o.value).sort()).toEqual(["admin", "auth"]);
  });

  it("stores the submitter's answers as their view; the asker's stay; the message shows the difference", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin", "auth"]);
    const asked = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    await submitOwnAnswers(s, ts, BOB, { answers: { experience: "flask", size: "tiny" }, needs: [] });

    const views = await s.t.database.views.listForRecommendation(TEAM, CHANNEL, ts);
    expect(views.map((v) => v.userId)).toEqual([BOB]);
    expect(views[0]?.answers).toMatchObject({ experience: "flask", size: "tiny" });
    // The recommendation's own answers are untouched.
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toEqual(asked);

    const bobsVerdict = recommend(
      { answers: { ...asked?.answers, experience: "flask", size: "tiny" }, needs: [], notes: "" },
      knowledge,
    ).verdict;
    const text = textAt(s, ts);
    expect(text).toContain("*Own answers:*");
    expect(text).toContain(`<@${ASKER}> (asked)`);
    expect(text).toMatch(new RegExp(`<@${BOB}> differs on Size, Team knows \\+1: `));
    if (bobsVerdict !== asked?.verdict) expect(text).toContain("changes the outcome");
    else expect(text).toContain("same outcome");
    // The message was updated in place, and its Edit answers still carries the asker's answers.
    expect(s.updates.at(-1)?.ts).toBe(ts);
    expect(s.posts.filter((p) => p.thread_ts === undefined)).toHaveLength(1);
  });

  it("a teammate cannot overwrite another's answers: a form saying it is someone else's is stored as the submitter's", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"]);
    const asked = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    await submitOwnAnswers(s, ts, CAROL, { answers: { size: "tiny" } });
    // Bob submits a form whose context claims to be Carol's, and another shaped as the asker's edit.
    const submission = loadFixture<Json>("inbound/view_submission.json");
    const answers = (size: string) => {
      const values: Record<string, Json> = {};
      for (const q of knowledge.singleQuestions)
        values[`q_${q.id}`] = {
          value: {
            type: "radio_buttons",
            selected_option: { value: q.id === "size" ? size : (asked?.answers[q.id] ?? q.default) },
          },
        };
      values.q_needs = { value: { type: "multi_static_select", selected_options: [] } };
      values.q_notes = { value: { type: "plain_text_input", value: null } };
      return values;
    };
    let n = 0;
    const asBob = (metadata: string, size: string) =>
      send(s.t.app, {
        ...submission,
        user: person(BOB),
        view: {
          ...(submission.view as Json),
          id: `V0FORGED${++n}`,
          callback_id: "questionnaire",
          private_metadata: metadata,
          state: { values: answers(size) },
        },
      });
    await asBob(
      encodeModalContext({ channel: CHANNEL, user: CAROL, messageTs: ts, askedBy: ASKER, ownView: true }),
      "large",
    );
    await asBob(
      encodeModalContext({ channel: CHANNEL, user: ASKER, messageTs: ts, askedBy: ASKER }),
      "medium",
    );

    const views = await s.t.database.views.listForRecommendation(TEAM, CHANNEL, ts);
    expect(Object.fromEntries(views.map((v) => [v.userId, v.answers.size]))).toEqual({
      [CAROL]: "tiny",
      [BOB]: "medium",
    });
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toEqual(asked);
  });

  it("a second view from the same person replaces only theirs; the asker's Add my view edits their own answers", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"]);
    await submitOwnAnswers(s, ts, BOB, { answers: { size: "small" } });
    await submitOwnAnswers(s, ts, CAROL, { answers: { size: "large" } });
    const form = await submitOwnAnswers(s, ts, BOB, { answers: { size: "tiny" } });
    // Bob's second form started from his own earlier view.
    const size = (form.blocks as Json[]).find((b) => b.block_id === "q_size")?.element as Json;
    expect((size.initial_option as Json).value).toBe("small");
    const views = await s.t.database.views.listForRecommendation(TEAM, CHANNEL, ts);
    expect(Object.fromEntries(views.map((v) => [v.userId, v.answers.size]))).toEqual({
      [BOB]: "tiny",
      [CAROL]: "large",
    });

    const edit = await submitOwnAnswers(s, ts, ASKER, { answers: { size: "medium" } }, "add_view");
    expect(edit.title?.text).toBe("Edit your answers");
    expect((await s.t.database.recommendations.find(TEAM, CHANNEL, ts))?.answers.size).toBe("medium");
    expect(
      (await s.t.database.views.listForRecommendation(TEAM, CHANNEL, ts)).map((v) => v.userId),
    ).not.toContain(ASKER);
  });

  it("Details shows who answered what, and the votes with every name", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"]);
    await submitOwnAnswers(s, ts, BOB, { answers: { size: "tiny" }, notes: "<!channel> we're tiny" });
    await click(s, ts, "vote_agree", CAROL);
    const before = s.opened.length;
    const updating = s.updatedViews.length;
    await click(s, ts, "show_details", BOB);
    // Opened at once, before any database work (the trigger_id's 3 seconds); the team's part follows.
    expect(JSON.stringify(s.opened[before]?.view)).not.toContain("The team's own answers");
    const details = JSON.stringify(s.updatedViews[updating]?.view);
    expect(details).toContain("The team's own answers");
    expect(details).toContain("Who answered what");
    expect(details).toContain(`<@${BOB}>`);
    expect(details).toContain("*Size*");
    // Typed notes are escaped, never a live @channel.
    expect(details).not.toContain("<!channel>");
    expect(details).toContain("&lt;!channel&gt;");
    expect(details).toContain(`Agree with`);
    expect(details).toContain(`<@${CAROL}>`);
  });
});
