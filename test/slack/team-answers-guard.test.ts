/**
 * Whose answers a submitted form changes is the database's say, never the form's: only the stored asker
 * edits a recommendation; anyone else's answers are their own view; none once it is decided. Through the
 * real app, with forms shaped as a tampered or an older client could send them.
 */
import { describe, expect, it } from "vitest";
import { encodeModalContext } from "../../src/slack/services/codecs.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import {
  ASKER,
  BOB,
  CHANNEL,
  click,
  decide,
  postRecommendation,
  submitAnswersWith,
  TEAM,
  type TeamSetup,
  teamSetup,
  textAt,
  toldTo,
} from "../helpers/team-flows.js";

isolateNetwork();

describe("answers to a recommendation", () => {
  it("a form without the asker in it cannot edit someone else's recommendation: it is the submitter's view", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const before = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    // An older (or tampered) form: the message it answers, but not who asked.
    await submitAnswersWith(
      s,
      BOB,
      encodeModalContext({ channel: CHANNEL, user: BOB, messageTs: ts }),
      "tiny",
    );

    const after = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    expect(after).toEqual(before);
    expect(after?.userId).toBe(ASKER);
    expect(await s.t.database.views.find(TEAM, CHANNEL, ts, BOB)).toMatchObject({
      answers: expect.objectContaining({ size: "tiny" }),
    });
  });

  it("a form that names the submitter as the asker cannot either", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const metadata = encodeModalContext({ channel: CHANNEL, user: BOB, messageTs: ts, askedBy: BOB });
    await submitAnswersWith(s, BOB, metadata, "tiny");
    const after = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    expect(after?.userId).toBe(ASKER);
    expect(after?.answers.size).toBe("large");
    expect(after?.editedAt).toBeNull();
  });

  it("the asker's edit is refused, not trusted to the form, when the database cannot be read", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const updates = s.updates.length;
    s.t.database.recommendations.find = async () => {
      throw new Error("database down");
    };
    await submitAnswersWith(
      s,
      ASKER,
      encodeModalContext({ channel: CHANNEL, user: ASKER, messageTs: ts }),
      "tiny",
    );
    expect(toldTo(s, ASKER).at(-1)).toContain("I couldn't check this recommendation");
    expect(s.updates).toHaveLength(updates);
    // Whoever runs the app sees why, with the message's ids.
    expect(s.t.logs).toContainEqual(
      expect.objectContaining({
        msg: "could not read the recommendation or its decision",
        messageTs: ts,
        err: expect.objectContaining({ message: "database down" }),
      }),
    );
  });

  it("once decided, Edit answers and Add my view are refused, saying what was decided and how to revisit", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    await decide(s, ts, ASKER, { framework: "django" });
    const before = await s.t.database.recommendations.find(TEAM, CHANNEL, ts);
    const header = textAt(s, ts);

    // The form is replaced with why not, at once.
    const updating = s.updatedViews.length;
    await click(s, ts, "add_view", BOB);
    const notice = JSON.stringify(s.updatedViews[updating]?.view);
    expect(notice).toContain("already decided: Django");
    expect(notice).toContain("post a new recommendation here");

    // And a form submitted all the same changes nothing.
    const form = (user: string, askedBy?: string) =>
      encodeModalContext({
        channel: CHANNEL,
        user,
        messageTs: ts,
        ...(askedBy ? { askedBy, ownView: true } : {}),
      });
    await submitAnswersWith(s, ASKER, form(ASKER), "tiny");
    await submitAnswersWith(s, BOB, form(BOB, ASKER), "small");
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toEqual(before);
    expect(await s.t.database.views.find(TEAM, CHANNEL, ts, BOB)).toBeUndefined();
    expect(toldTo(s, ASKER).at(-1)).toContain("already decided: Django");
    expect(toldTo(s, BOB).at(-1)).toContain("Its answers and views are closed");
    expect(textAt(s, ts)).toBe(header);
  });
});

describe("an edit's message", () => {
  const edit = (s: TeamSetup, ts: string, size = "tiny") =>
    submitAnswersWith(s, ASKER, encodeModalContext({ channel: CHANNEL, user: ASKER, messageTs: ts }), size);

  it("keeps its team buttons when the database fails to store the edit", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const updates = s.updates.length;
    s.t.database.recommendations.upsert = async () => {
      throw new Error("database down");
    };
    await edit(s, ts);
    const sent = JSON.stringify(s.updates.slice(updates).at(-1)?.blocks);
    for (const id of ["add_view", "vote_agree", "mark_decided"]) expect(sent).toContain(`"${id}"`);
  });

  it("is not posted again when chat.update fails for a passing reason; only when the message is gone", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const posts = s.posts.length;
    s.updateFails = "msg_too_long";
    await edit(s, ts);
    expect(s.posts).toHaveLength(posts);
    expect(toldTo(s, ASKER).at(-1)).toContain("I saved your new answers, but couldn't update the message");

    s.updateFails = "message_not_found";
    await edit(s, ts, "small");
    expect(s.posts.filter((p) => p.thread_ts === undefined)).toHaveLength(posts + 1);
  });
});
