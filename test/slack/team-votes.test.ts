/**
 * "I agree" / "I'd pick the other" through the real app: one vote per person, switched by the other
 * button, withdrawn by the same one again; the message's context line shows the counts and names.
 */
import { describe, expect, it } from "vitest";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { send } from "../helpers/slack-app.js";
import {
  ASKER,
  BOB,
  CAROL,
  CHANNEL,
  click,
  clickOf,
  decide,
  postRecommendation,
  submitOwnAnswers,
  TEAM,
  teamSetup,
  textAt,
  toldTo,
} from "../helpers/team-flows.js";

isolateNetwork();

const tally = async (s: Awaited<ReturnType<typeof teamSetup>>, ts: string) =>
  s.t.database.votes.tally(TEAM, CHANNEL, ts);

describe("votes on a recommendation", () => {
  it("one per person: the other button switches it, the same one again withdraws it", async () => {
    const s = await teamSetup();
    // Large, with an admin: a Django verdict, so the other side is Flask.
    const ts = await postRecommendation(s, ["admin", "auth"], CHANNEL, { size: "large" });
    expect(textAt(s, ts)).toContain("I'd pick Flask");

    await click(s, ts, "vote_agree", BOB);
    await click(s, ts, "vote_agree", CAROL);
    expect(await tally(s, ts)).toEqual({ agree: [BOB, CAROL], pickOther: [] });
    expect(textAt(s, ts)).toContain(`2 agree: <@${BOB}>, <@${CAROL}>`);

    await click(s, ts, "vote_pick_other", BOB);
    expect(await tally(s, ts)).toEqual({ agree: [CAROL], pickOther: [BOB] });
    expect(textAt(s, ts)).toContain(`1 agree: <@${CAROL}> · 1 would pick Flask: <@${BOB}>`);

    await click(s, ts, "vote_pick_other", BOB);
    expect(await tally(s, ts)).toEqual({ agree: [CAROL], pickOther: [] });
    expect(toldTo(s, BOB)).toEqual([expect.stringContaining("Your vote is withdrawn")]);
    expect(textAt(s, ts)).not.toContain("would pick Flask");
    // Every vote updated the same message; nothing was posted in the channel.
    expect(new Set(s.updates.map((u) => u.ts))).toEqual(new Set([ts]));
    expect(s.posts.filter((p) => p.thread_ts === undefined)).toHaveLength(1);
  });

  it("a vote keeps the framework it was for when an edit flips the verdict", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin", "auth"], CHANNEL, { size: "large" });
    expect((await s.t.database.recommendations.find(TEAM, CHANNEL, ts))?.verdict).toBe("django");
    await click(s, ts, "vote_agree", BOB);
    expect(textAt(s, ts)).toContain(`1 agree: <@${BOB}>`);

    await submitOwnAnswers(
      s,
      ts,
      ASKER,
      { answers: { experience: "flask", size: "tiny" }, needs: [] },
      "edit_answers",
    );
    expect((await s.t.database.recommendations.find(TEAM, CHANNEL, ts))?.verdict).toBe("flask");
    // Bob voted for Django: now that is the other side, not agreement with Flask.
    expect(await s.t.database.votes.byFramework(TEAM, CHANNEL, ts)).toEqual({ django: [BOB], flask: [] });
    expect(textAt(s, ts)).toContain(`1 would pick Django: <@${BOB}>`);
    expect(textAt(s, ts)).not.toContain("agree:");
  });

  it("names two per side and counts the rest", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    const people = ["U0VOTER001", "U0VOTER002", "U0VOTER003", "U0VOTER004"];
    for (const p of people) await click(s, ts, "vote_agree", p);
    expect(textAt(s, ts)).toContain("4 agree: <@U0VOTER001>, <@U0VOTER002> +2");
  });

  it("a database that fails tells the person to try again; nothing is updated", async () => {
    const s = await teamSetup();
    const ts = await postRecommendation(s, ["admin"]);
    const updates = s.updates.length;
    await s.t.database.close();
    await click(s, ts, "vote_agree", BOB);
    expect(toldTo(s, BOB)).toEqual([expect.stringContaining("click it again in a few minutes")]);
    expect(s.updates).toHaveLength(updates);
  });

  it("a superseded recommendation takes no more votes", async () => {
    const s = await teamSetup();
    const first = await postRecommendation(s, ["admin"]);
    await decide(s, first, ASKER, { framework: "django" });
    const second = await postRecommendation(s, ["auth"]);
    await decide(s, second, ASKER, { framework: "flask" });
    // The first message shows no team buttons any more; a click from an old copy is refused.
    expect(textAt(s, first)).not.toContain("I agree");
    const old = s.posts.find((p) => p.thread_ts === undefined) as { blocks: unknown };
    expect(JSON.stringify(old.blocks)).toContain("vote_agree");
    const payload = clickOf(s, second, "vote_agree", BOB);
    await send(s.t.app, {
      ...payload,
      container: { ...(payload.container as object), message_ts: first },
      message: { ...(payload.message as object), ts: first },
    });
    expect(toldTo(s, BOB).at(-1)).toContain("A later decision in this channel replaced this one");
    expect(await tally(s, first)).toEqual({ agree: [], pickOther: [] });
  });
});
