/**
 * "Mark as decided" through the real app: who may (the asker by default, anyone when the workspace's
 * setting says so), what the record says, statuses that only move forward, and a later decision in the
 * channel superseding the earlier one with both messages re-rendered and linked.
 */
import { describe, expect, it } from "vitest";
import { READ_BEFORE_OPEN_MS } from "../../src/slack/listeners/actions/mark-decided.js";
import { openDatabase } from "../../src/storage/index.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { withFallbackDates } from "../helpers/slack-dates.js";
import {
  ASKER,
  BOB,
  CHANNEL,
  click,
  decide,
  messageAt,
  openDecide,
  permalinkOf,
  postRecommendation,
  submitDecide,
  TEAM,
  teamSetup,
  textAt,
  toldTo,
} from "../helpers/team-flows.js";

isolateNetwork();

/** One fixed moment for the app and its database: the dates shown never straddle midnight. */
const NOW = Date.UTC(2026, 10, 28, 23, 59, 59, 900);
const today = () => "2026-11-28";
const setup = async () => {
  const clock = () => NOW;
  return teamSetup({ database: await openDatabase("sqlite::memory:", { now: clock }), now: clock });
};

describe("Mark as decided", () => {
  it("the asker decides: the form defaults to the verdict; the message then says who decided what, when", async () => {
    const s = await setup();
    const ts = await postRecommendation(s, ["admin", "auth"], CHANNEL, { size: "large" });
    const form = (await openDecide(s, ts, ASKER)) as Json & { blocks: Json[] };
    expect(form.callback_id).toBe("decide");
    const framework = form.blocks.find((b) => b.block_id === "decide_framework")?.element as Json;
    expect((framework.initial_option as Json).value).toBe("django");
    const revisit = form.blocks.find((b) => b.block_id === "decide_revisit")?.element as Json;
    expect((revisit.options as Json[]).map((o) => o.value)).toEqual(["3", "6", "12"]);

    const acked = await submitDecide(s, form, ASKER, { framework: "django", reason: "We know it" });
    expect(acked).toBeUndefined();
    expect(await s.t.database.decisions.find(TEAM, CHANNEL, ts)).toMatchObject({
      status: "decided",
      framework: "django",
      decidedBy: ASKER,
      reason: "We know it",
      againstRecommendation: false,
    });
    const text = textAt(s, ts);
    // The day in each reader's own zone: a second before midnight UTC is already the 29th in Tokyo.
    expect(text).toContain(`*Decided: Django* by <@${ASKER}> on <!date^1795910399^{date_short}|${today()}>`);
    // Notifications and screen readers say so too.
    expect(String(messageAt(s, ts).text)).toMatch(/^Decided: Django\. Recommendation for/);
    expect(text).not.toContain("Mark as decided");
    expect(text).not.toContain("*Proposed:*");
    expect(toldTo(s, ASKER).at(-1)).toContain("Marked as decided: *Django*");
  });

  it("someone else is told who can decide and why, and gets no form", async () => {
    const s = await setup();
    const ts = await postRecommendation(s);
    const opened = s.opened.length;
    expect(await openDecide(s, ts, BOB)).toBeUndefined();
    expect(s.opened).toHaveLength(opened);
    const told = toldTo(s, BOB).at(-1) ?? "";
    expect(told).toContain(`Only <@${ASKER}> can mark this recommendation as decided`);
    expect(told).toContain("setting");
    expect((await s.t.database.decisions.find(TEAM, CHANNEL, ts))?.status).toBe("proposed");
  });

  // A trigger_id lives 3 seconds: past READ_BEFORE_OPEN_MS of reading, a waiting form opens first and
  // what was read fills it (the form, or why not), instead of the trigger expiring on a slow database.
  describe("when the database is slow", () => {
    const slowFinds = (s: Awaited<ReturnType<typeof setup>>) => {
      const repo = s.t.database.recommendations;
      const find = repo.find.bind(repo);
      repo.find = async (...args: Parameters<typeof find>) => {
        await new Promise((resolve) => setTimeout(resolve, READ_BEFORE_OPEN_MS + 200));
        return find(...args);
      };
    };

    it("opens a waiting form at once, then puts the decision's form in it", async () => {
      const s = await setup();
      const ts = await postRecommendation(s);
      slowFinds(s);
      const updating = s.updatedViews.length;
      const waiting = (await openDecide(s, ts, ASKER)) as Json & { blocks: Json[] };
      expect(JSON.stringify(waiting.blocks)).toContain("Reading the decision");
      const form = s.updatedViews[updating]?.view as Json;
      expect(form.callback_id).toBe("decide");
      expect(s.updatedViews[updating]?.view_id).toBeDefined();
    });

    it("tells the person to click again when the waiting form cannot be filled; not when they closed it", async () => {
      const s = await setup();
      const ts = await postRecommendation(s);
      slowFinds(s);
      s.viewUpdateFails = "internal_error";
      const told = toldTo(s, ASKER).length;
      await openDecide(s, ts, ASKER);
      expect(toldTo(s, ASKER).slice(told)).toEqual([
        "I couldn't show the form. Please click *Mark as decided* again.",
      ]);
      s.viewUpdateFails = "not_found";
      await openDecide(s, ts, ASKER);
      expect(toldTo(s, ASKER)).toHaveLength(told + 1);
    });

    it("tells someone who may not decide in the waiting form, not with a second message", async () => {
      const s = await setup();
      const ts = await postRecommendation(s);
      slowFinds(s);
      const updating = s.updatedViews.length;
      const told = toldTo(s, BOB).length;
      await openDecide(s, ts, BOB);
      const notice = s.updatedViews[updating]?.view as Json & { blocks: Json[] };
      expect(JSON.stringify(notice.blocks)).toContain(
        `Only <@${ASKER}> can mark this recommendation as decided`,
      );
      expect(notice.callback_id).toBeUndefined();
      expect(toldTo(s, BOB)).toHaveLength(told);
    });
  });

  it("when the workspace lets anyone decide, a teammate may, and may choose against the verdict", async () => {
    const s = await setup();
    const ts = await postRecommendation(s, ["admin"], CHANNEL, { size: "large" });
    await s.t.database.teamSettings.update({ teamId: TEAM, updatedBy: "U0ADMIN001", whoMayDecide: "anyone" });
    expect(await decide(s, ts, BOB, { framework: "flask" })).toBeUndefined();
    expect(await s.t.database.decisions.find(TEAM, CHANNEL, ts)).toMatchObject({
      status: "decided",
      framework: "flask",
      decidedBy: BOB,
      againstRecommendation: true,
    });
    expect(withFallbackDates(textAt(s, ts))).toContain(
      `*Decided: Flask* by <@${BOB}> on ${today()}, against the verdict`,
    );
  });

  it("the setting is checked again on submission: a form opened under 'anyone' is refused under 'asker'", async () => {
    const s = await setup();
    const ts = await postRecommendation(s);
    await s.t.database.teamSettings.update({ teamId: TEAM, updatedBy: "U0ADMIN001", whoMayDecide: "anyone" });
    const form = (await openDecide(s, ts, BOB)) as Json;
    await s.t.database.teamSettings.update({ teamId: TEAM, updatedBy: "U0ADMIN001", whoMayDecide: "asker" });
    const acked = (await submitDecide(s, form, BOB, { framework: "flask" })) as Json;
    expect(acked.response_action).toBe("errors");
    expect(String((acked.errors as Json).decide_framework)).toContain("Only the person who asked");
    expect((await s.t.database.decisions.find(TEAM, CHANNEL, ts))?.status).toBe("proposed");
  });

  it("statuses only move forward: a decided recommendation is not decided again", async () => {
    const s = await setup();
    const ts = await postRecommendation(s);
    const form = (await openDecide(s, ts, ASKER)) as Json;
    await submitDecide(s, form, ASKER, { framework: "django" });
    // The same form submitted again, and the button clicked on a copy of the message from before.
    const again = (await submitDecide(s, form, ASKER, { framework: "flask" })) as Json;
    expect(again.response_action).toBe("errors");
    expect(String((again.errors as Json).decide_framework)).toContain("already been marked as decided");
    const stale = s.posts.find((p) => p.thread_ts === undefined) as Json;
    s.updates.push({ ...stale, ts, channel: CHANNEL });
    await click(s, ts, "mark_decided", ASKER);
    expect(toldTo(s, ASKER).at(-1)).toContain(
      `already decided: Django by <@${ASKER}> on <!date^1795910399^{date_short}|${today()}>.`,
    );
    expect((await s.t.database.decisions.find(TEAM, CHANNEL, ts))?.framework).toBe("django");
  });

  it("a later decision in the channel supersedes the earlier: both messages re-rendered and linked both ways", async () => {
    const s = await setup();
    const first = await postRecommendation(s, ["admin"]);
    await decide(s, first, ASKER, { framework: "django" });
    const second = await postRecommendation(s, ["auth"]);
    await decide(s, second, ASKER, { framework: "flask" });

    expect(await s.t.database.decisions.find(TEAM, CHANNEL, first)).toMatchObject({
      status: "superseded",
      supersededBy: second,
    });
    expect(await s.t.database.decisions.find(TEAM, CHANNEL, second)).toMatchObject({
      status: "decided",
      supersedes: first,
    });
    const old = withFallbackDates(textAt(s, first));
    expect(old).toContain(`*Superseded* by the ${today()} <${permalinkOf(CHANNEL, second)}|decision>`);
    expect(old).toContain(`was Django, by <@${ASKER}>`);
    // History: no team buttons on the superseded message.
    for (const button of ["Add my view", "I agree", "Mark as decided"]) expect(old).not.toContain(button);
    expect(withFallbackDates(textAt(s, second))).toContain(
      `supersedes the ${today()} <${permalinkOf(CHANNEL, first)}|decision>`,
    );
    // One way to link: the workspace's address, asked once (auth.test), not chat.getPermalink per message.
    expect(s.permalinks).toEqual([]);
    expect(s.authTests).toHaveLength(1);
    expect(toldTo(s, ASKER).at(-1)).toContain("It supersedes the decision of");
  });
});
