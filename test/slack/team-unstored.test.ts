/**
 * A recommendation posted while the database was away has no stored row, so nothing in the database
 * says who asked. Its message's metadata (which only this app writes) does: its asker may edit it, which
 * stores it again; anyone else is told who can. Through the real app.
 */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { encodeModalContext } from "../../src/slack/services/codecs.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { mockApi } from "../helpers/slack-app.js";
import {
  ASKER,
  BOB,
  CHANNEL,
  click,
  postRecommendation,
  submitAnswersWith,
  TEAM,
  type TeamSetup,
  teamSetup,
  toldTo,
} from "../helpers/team-flows.js";

isolateNetwork();

/** `user` answers the recommendation at `ts` with the given size, as Edit answers' form sends it. */
const answer = (s: TeamSetup, user: string, ts: string, size: string) =>
  submitAnswersWith(s, user, encodeModalContext({ channel: CHANNEL, user, messageTs: ts }), size);

/** A database whose recommendation writes fail until the returned function is called. */
function databaseAway(s: TeamSetup): () => void {
  const upsert = s.t.database.recommendations.upsert;
  s.t.database.recommendations.upsert = async () => {
    throw new Error("database away");
  };
  return () => {
    s.t.database.recommendations.upsert = upsert;
  };
}

describe("a recommendation posted while the database was away", () => {
  it("tells the asker it was not saved and how to save it; their edit then stores it", async () => {
    const s = await teamSetup();
    const back = databaseAway(s);
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toBeUndefined();
    expect(toldTo(s, ASKER).at(-1)).toContain("click *Edit answers* and *Update* to save it");
    back();

    // Add my view: the form is replaced with who can store it.
    const updating = s.updatedViews.length;
    await click(s, ts, "add_view", BOB);
    expect(JSON.stringify(s.updatedViews[updating]?.view)).toContain(`<@${ASKER}> can store it`);
    // Mark as decided: nothing to decide on yet, and how to fix that.
    await click(s, ts, "mark_decided", ASKER);
    expect(toldTo(s, ASKER).at(-1)).toContain("can save it with *Edit answers* and *Update*");

    await answer(s, ASKER, ts, "tiny");
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toMatchObject({
      userId: ASKER,
      answers: expect.objectContaining({ size: "tiny" }),
    });
    expect(await s.t.database.decisions.find(TEAM, CHANNEL, ts)).toMatchObject({ status: "proposed" });
    // The message is rebuilt from what is stored now: the team's buttons are on it.
    expect(JSON.stringify(s.updates.at(-1)?.blocks)).toContain('"add_view"');
  });

  it("after a restart, reads who asked from the message's metadata: the asker's edit stores it, anyone else is told who can", async () => {
    const first = await teamSetup();
    const ts = await postRecommendation(first, ["admin"], CHANNEL, { size: "large" });
    const metadata = first.posts.find((p) => p.thread_ts === undefined)?.metadata as Json;
    expect(metadata.event_type).toBe("flask_or_django_recommendation");
    nock.cleanAll();

    // A new process whose database never stored it.
    const s = await teamSetup();
    const replies = mockApi("conversations.replies", {
      ok: true,
      messages: [{ type: "message", ts, text: "Django fits this project", metadata }],
      has_more: false,
    });

    await answer(s, BOB, ts, "small");
    expect(toldTo(s, BOB).at(-1)).toContain(`<@${ASKER}> can store it`);
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toBeUndefined();
    expect(await s.t.database.views.find(TEAM, CHANNEL, ts, BOB)).toBeUndefined();

    await answer(s, ASKER, ts, "tiny");
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, ts)).toMatchObject({
      userId: ASKER,
      answers: expect.objectContaining({ size: "tiny" }),
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ channel: CHANNEL, ts, include_all_metadata: "true" });
  });

  it("without metadata naming who asked, nobody's answers attach", async () => {
    const s = await teamSetup();
    mockApi("conversations.replies", { ok: true, messages: [{ type: "message", ts: "1732384000.000100" }] });
    await answer(s, ASKER, "1732384000.000100", "tiny");
    expect(toldTo(s, ASKER).at(-1)).toContain("I have no stored copy of this recommendation");
    expect(await s.t.database.recommendations.find(TEAM, CHANNEL, "1732384000.000100")).toBeUndefined();
  });
});
