/**
 * App Home's decision log through the real app: what the database holds, newest first, each with its
 * status, verdict, decided framework (saying when it went against the recommendation), channel, date and
 * a link to the message; the status filter re-publishes the tab; a cap with "showing N of M"; an empty
 * state that says how to start; a database that cannot be read. Web API mocked with nock.
 */
import { describe, expect, it } from "vitest";
import type { Database, ProposalInput } from "../../src/storage/index.js";
import { openDatabase } from "../../src/storage/index.js";
import { viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { type ApiCall, buildTestApp, mockApi, send, type TestApp, testConfig } from "../helpers/slack-app.js";
import { withFallbackDates } from "../helpers/slack-dates.js";
import { channelMessage, homeAction, type PublishedHome } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";

isolateNetwork();

const TEAM = "T07QDKX2N5M";
const USER = "U05HV6XQ1AB";
const WORKSPACE_URL = "https://acme-eng.slack.com/";
/** When decisions are decided (the database's clock in these tests). */
const DECIDED_AT = Date.UTC(2026, 10, 28, 9);

interface Home {
  t: TestApp;
  publishes: ApiCall[];
  authTests: ApiCall[];
}

async function home(database?: Database): Promise<Home> {
  const db = database ?? (await openDatabase("sqlite::memory:", { now: () => DECIDED_AT }));
  const t = await buildTestApp(undefined, { database: db });
  return {
    t,
    publishes: mockApi("views.publish", { ok: true }),
    authTests: mockApi("auth.test", { ok: true, url: WORKSPACE_URL, team_id: TEAM, user_id: "U07R3MZ1B4K" }),
  };
}

/** app_home_opened (the fixture), optionally with the view published before (Slack sends it back). */
function opened(view?: PublishedHome): Json {
  const base = loadFixture<Json & { event: Json }>("inbound/event_app_home_opened.json");
  return { ...base, event: { ...base.event, tab: "home", ...(view ? { view } : {}) } };
}

const lastHome = (h: Home) => h.publishes.at(-1)?.view as PublishedHome;
const text = (view: PublishedHome) => JSON.stringify(view.blocks);
/** The rows' Export buttons, in the order shown: `C…/ts` each. */
const rows = (view: PublishedHome) =>
  view.blocks.flatMap((b) => (b.accessory?.action_id === "export_adr" ? [String(b.accessory.value)] : []));
const rowText = (view: PublishedHome, ref: string) =>
  String(view.blocks.find((b) => b.accessory?.value === ref)?.text?.text ?? "");

function proposal(channelId: string, messageTs: string, recommended: "flask" | "django" | "either") {
  return { teamId: TEAM, channelId, messageTs, askedBy: USER, recommended } satisfies ProposalInput;
}

/**
 * Four decisions in two channels and one of another team: A proposed; B decided Flask against Django, then
 * superseded by D; C decided Django as recommended; D decided Django in A's and B's channel.
 */
async function seedFour(db: Database) {
  const a = proposal("C0AAAAAAAA", "1790000000.000100", "django");
  const b = proposal("C0BBBBBBBB", "1791000000.000100", "django");
  const c = proposal("C0CCCCCCCC", "1792000000.000100", "django");
  const d = proposal("C0BBBBBBBB", "1793000000.000100", "django");
  for (const p of [a, b, c, d]) await db.decisions.propose(p);
  await db.decisions.propose({ ...proposal("C0OTHERTEAM", "1794000000.000100", "flask"), teamId: "T0OTHER" });
  await db.decisions.decide({ ...b, userId: USER, framework: "flask", reason: "We know Flask" });
  // Someone other than the asker decides C: the workspace lets anyone.
  await db.teamSettings.update({ teamId: TEAM, updatedBy: USER, whoMayDecide: "anyone" });
  await db.decisions.decide({ ...c, userId: "U0DECIDER", framework: "django" });
  await db.decisions.decide({ ...d, userId: USER, framework: "django" });
  const ref = (p: ProposalInput) => `${p.channelId}/${p.messageTs}`;
  return { a: ref(a), b: ref(b), c: ref(c), d: ref(d) };
}

describe("App Home: the team's decisions", () => {
  it("lists what the database holds, newest first: status, verdict, framework, channel, date, link, export", async () => {
    const h = await home();
    const { a, b, c, d } = await seedFour(h.t.database);
    await send(h.t.app, opened());
    expect(h.publishes).toHaveLength(1);
    expect(h.publishes[0]?.user_id).toBe(USER);
    const view = lastHome(h);
    expect(rows(view)).toEqual([d, c, b, a]);
    expect(text(view)).toContain("4 decisions, newest first.");
    expect(text(view)).not.toContain("C0OTHERTEAM");
    expect(withFallbackDates(rowText(view, d))).toBe(
      `*Decided: Django*, as recommended\n<#C0BBBBBBBB> · posted 2026-10-26 · asked by <@${USER}> · decided by <@${USER}> on 2026-11-28 · <${WORKSPACE_URL}archives/C0BBBBBBBB/p1793000000000100|open the message>`,
    );
    expect(rowText(view, c)).toContain("*Decided: Django*, as recommended\n<#C0CCCCCCCC>");
    expect(rowText(view, c)).toContain("decided by <@U0DECIDER>");
    expect(withFallbackDates(rowText(view, b))).toMatch(
      /^\*Superseded\*: was Flask \(Django recommended\)\n<#C0BBBBBBBB> · posted 2026-10-03 · /,
    );
    expect(withFallbackDates(rowText(view, a))).toMatch(
      /^\*Proposed\*: Django recommended\n<#C0AAAAAAAA> · posted 2026-09-21 · asked by/,
    );
    expect(rowText(view, a)).not.toContain("decided by");
    // One auth.test for the workspace's address, not one call per link.
    expect(h.authTests).toHaveLength(1);
    // The rest of the tab is still there: the start button and the topics.
    expect(text(view)).toContain('"action_id":"open_questionnaire"');
    expect(text(view)).toContain("Topics I can answer");
    expect(viewViolations(view as unknown as Json)).toEqual([]);
  });

  it("says when the team chose against the recommendation", async () => {
    const h = await home();
    const p = proposal("C0AAAAAAAA", "1790000000.000100", "django");
    await h.t.database.decisions.propose(p);
    await h.t.database.decisions.decide({ ...p, userId: USER, framework: "flask" });
    await send(h.t.app, opened());
    expect(rowText(lastHome(h), `${p.channelId}/${p.messageTs}`)).toMatch(
      /^\*Decided: Flask\*, against the recommendation \(Django\)\n/,
    );
  });

  it("filters by status: the select re-publishes the tab with only those, and opening the tab keeps the filter", async () => {
    const h = await home();
    const { c, d, b } = await seedFour(h.t.database);
    await send(h.t.app, opened());
    await send(h.t.app, homeAction(lastHome(h), "home_status_filter", { selected: "decided" }));
    expect(h.publishes).toHaveLength(2);
    const decided = lastHome(h);
    expect(rows(decided)).toEqual([d, c]);
    expect(text(decided)).toContain("2 decided decisions, newest first.");
    const filter = decided.blocks.find((b) => b.block_id === "home_decision_log")?.accessory;
    expect((filter?.initial_option as Json | undefined)?.value).toBe("decided");

    await send(h.t.app, homeAction(decided, "home_status_filter", { selected: "superseded" }));
    expect(rows(lastHome(h))).toEqual([b]);

    // The next time the tab opens, Slack sends the view published last: the filter stays.
    await send(h.t.app, { ...opened(lastHome(h)), event_id: "Ev0HOMEAGAIN" });
    expect(rows(lastHome(h))).toEqual([b]);
  });

  it("caps the list at 20 rows and says how many there are", async () => {
    const h = await home();
    for (let i = 0; i < 25; i++) {
      await h.t.database.decisions.propose(
        proposal("C0AAAAAAAA", `17900${String(i).padStart(5, "0")}.000100`, "flask"),
      );
    }
    await send(h.t.app, opened());
    const view = lastHome(h);
    expect(rows(view)).toHaveLength(20);
    expect(rows(view)[0]).toBe("C0AAAAAAAA/1790000024.000100");
    expect(rows(view)[19]).toBe("C0AAAAAAAA/1790000005.000100");
    expect(text(view)).toContain("Showing 20 of 25, newest first.");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(viewViolations(view as unknown as Json)).toEqual([]);
  });

  it("with no decisions yet, says how to start, and asks Slack for nothing but the publish", async () => {
    const h = await home();
    await send(h.t.app, opened());
    const view = lastHome(h);
    expect(rows(view)).toEqual([]);
    expect(text(view)).toContain("No decisions yet. Type `/flask-or-django` in a channel");
    expect(h.authTests).toHaveLength(0);

    await h.t.database.decisions.propose(proposal("C0AAAAAAAA", "1790000000.000100", "flask"));
    await send(h.t.app, homeAction(view, "home_status_filter", { selected: "superseded" }));
    expect(text(lastHome(h))).toContain("No superseded decisions. Choose *All statuses* to see the other 1.");
  });

  it("an app_home_opened that names no user is ignored with a log line: nothing is published, nothing fails", async () => {
    const h = await home();
    const event = opened();
    await send(h.t.app, { ...event, event: { ...(event.event as Json), user: "" } });
    expect(h.publishes).toHaveLength(0);
    expect(h.t.logs.some((l) => l.msg === "listener failed")).toBe(false);
    expect(h.t.logs.find((l) => l.msg === "app_home_opened names no user: ignored")).toBeDefined();
  });

  it("a database that cannot be read: the tab is published all the same, and says so", async () => {
    const h = await home();
    await h.t.database.close();
    await send(h.t.app, opened());
    const view = lastHome(h);
    expect(text(view)).toContain("I couldn't read your team's decisions just now");
    expect(text(view)).toContain('"action_id":"open_questionnaire"');
    expect(h.t.logs.some((l) => l.msg === "could not read the team's decisions for App Home")).toBe(true);
  });
});

describe("App Home: only the decisions the person may see", () => {
  const ANN = "U0ANNLEE1";
  const BOB = "U0BOBNG01";
  const PUBLIC = "C0PUBLICCH";
  const PRIVATE = "C0PRIVATEC";

  /** Ann's decisions: one in a public channel, one in a private one where Bob gave his view; Cy voted on another. */
  async function seedPrivate(db: Database) {
    const at = (channelId: string, messageTs: string) => ({ teamId: TEAM, channelId, messageTs });
    const pub = at(PUBLIC, "1790000000.000100");
    const priv = at(PRIVATE, "1791000000.000100");
    const voted = at(PRIVATE, "1792000000.000100");
    for (const p of [pub, priv, voted])
      await db.decisions.propose({ ...p, askedBy: ANN, recommended: "django" });
    await db.views.upsert({ ...priv, userId: BOB, answers: {}, needs: [], notes: "" });
    await db.votes.upsert({ ...voted, userId: USER, value: "django" });
    return {
      pub: `${PUBLIC}/${pub.messageTs}`,
      priv: `${PRIVATE}/${priv.messageTs}`,
      voted: `${PRIVATE}/${voted.messageTs}`,
    };
  }

  it("a channel is public once a message there says so; until then its decisions show only to those who took part", async () => {
    const h = await home();
    const { pub, priv, voted } = await seedPrivate(h.t.database);
    // Nothing said yet: the fixture's person (USER) sees only the one they voted on.
    await send(h.t.app, opened());
    expect(rows(lastHome(h))).toEqual([voted]);
    expect(text(lastHome(h))).toContain("1 decision, newest first.");

    // A message in the public channel (channel_type "channel") and one in the private one ("group").
    await send(h.t.app, channelMessage(PUBLIC, "channel"));
    await send(h.t.app, channelMessage(PRIVATE, "group"));
    await send(h.t.app, { ...opened(), event_id: "Ev0HOMEPUB" });
    expect(rows(lastHome(h))).toEqual([voted, pub]);
    expect((await h.t.database.decisions.find(TEAM, PUBLIC, "1790000000.000100"))?.channelPublic).toBe(true);

    // The asker and whoever gave a view see the private one; a new decision in the public channel is public.
    let openings = 0;
    const seen = async (user: string) => {
      openings += 1;
      await send(h.t.app, {
        ...opened(),
        event_id: `Ev0HOMESEEN${openings}`,
        event: { ...(opened().event as Json), user },
      });
      return rows(lastHome(h));
    };
    expect(await seen(ANN)).toEqual([voted, priv, pub]);
    expect(await seen(BOB)).toEqual([priv, pub]);
    await h.t.database.decisions.propose({
      teamId: TEAM,
      channelId: PUBLIC,
      messageTs: "1793000000.000100",
      askedBy: ANN,
      recommended: "flask",
    });
    expect(await seen(BOB)).toEqual([`${PUBLIC}/1793000000.000100`, priv, pub]);

    // The channel turns private: a message says so, and its decisions are hidden again.
    await send(h.t.app, channelMessage(PUBLIC, "group"));
    expect(await seen(BOB)).toEqual([priv]);
  });
});

describe("App Home: publishing over a tab that changed meanwhile", () => {
  /** views.publish as Slack answers it: a new hash each time, and hash_conflict for a hash that is not the tab's. */
  function hashedPublishes() {
    let current: string | undefined;
    let n = 0;
    return mockApi("views.publish", (c: ApiCall) => {
      if (c.hash !== undefined && current !== undefined && c.hash !== current)
        return { ok: false, error: "hash_conflict" };
      n += 1;
      current = `h${n}`;
      return { ok: true, view: { ...(c.view as Json), id: "V081M7Q2R3S", hash: current } };
    });
  }

  async function admin() {
    const db = await openDatabase("sqlite::memory:", { now: () => DECIDED_AT });
    const t = await buildTestApp(testConfig({ settingsAdmins: [USER] }), { database: db });
    mockApi("auth.test", { ok: true, url: WORKSPACE_URL, team_id: TEAM, user_id: "U07R3MZ1B4K" });
    await seedFour(db);
    return { t, publishes: hashedPublishes() };
  }

  const filterShown = (view: PublishedHome) =>
    (
      (view.blocks.find((b) => b.block_id === "home_decision_log")?.accessory as Json | undefined)
        ?.initial_option as Json | undefined
    )?.value;
  const noticeShown = (view: PublishedHome) =>
    view.blocks.find((b) => String(b.text?.text ?? "").startsWith(":information_source:"))?.text?.text;
  /** A click on `view` as Slack sends it: with the hash of the tab the person saw. */
  const on = (view: PublishedHome, hash: string, action: string, pick: Parameters<typeof homeAction>[2]) => {
    const click = homeAction(view, action, pick);
    return { ...click, view: { ...(click.view as Json), hash } };
  };

  it("each publish carries the hash of the tab the request saw", async () => {
    const { t, publishes } = await admin();
    // app_home_opened's view (the fixture's, published before) carries its hash.
    await send(t.app, opened());
    expect(publishes[0]?.hash).toBe("1732384100.Wd7sX1qZ");
    const first = publishes[0]?.view as PublishedHome;
    await send(t.app, on(first, "h1", "home_status_filter", { selected: "decided" }));
    expect(publishes[1]?.hash).toBe("h1");
  });

  it("a notice built from an older tab does not undo a newer filter", async () => {
    const { t, publishes } = await admin();
    await send(t.app, opened());
    const first = publishes[0]?.view as PublishedHome;
    // The person chooses "Decided" (tab h2)…
    await send(t.app, on(first, "h1", "home_status_filter", { selected: "decided" }));
    // …while a change made on the first tab (h1) is still being answered.
    await send(t.app, on(first, "h1", "home_who_may_decide", { selected: "anyone" }));
    const last = publishes.at(-1)?.view as PublishedHome;
    expect(publishes.at(-2)).toMatchObject({ hash: "h1" });
    expect(publishes.at(-1)).toMatchObject({ hash: "h2" });
    expect(filterShown(last)).toBe("decided");
    expect(rows(last)).toHaveLength(2);
    expect(noticeShown(last)).toContain(
      "Saved: anyone in the workspace may now mark a recommendation as decided.",
    );
  });

  it("opening the tab does not wipe a notice published since Slack sent the event", async () => {
    const { t, publishes } = await admin();
    await send(t.app, opened());
    const first = publishes[0]?.view as PublishedHome;
    await send(t.app, on(first, "h1", "home_who_may_decide", { selected: "anyone" }));
    // app_home_opened sent with the tab as it was before the notice (h1), handled after it.
    await send(t.app, { ...opened({ ...first, hash: "h1" } as PublishedHome), event_id: "Ev0HOMELATE" });
    expect(noticeShown(publishes.at(-1)?.view as PublishedHome)).toContain("Saved: anyone");
  });
});
