/**
 * "Who may mark a recommendation as decided" on App Home, through the real app: shown to everyone,
 * changeable only by the person who installed the app (many workspaces: the installation row's user) or,
 * with one workspace, by the people SETTINGS_ADMINS names; anyone else's change is refused and said so.
 */
import { describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/storage/index.js";
import { viewViolations } from "../helpers/block-kit-limits.js";
import type { Json } from "../helpers/json.js";
import { isolateNetwork } from "../helpers/nock-isolation.js";
import { buildTestApp, mockApi, send, type TestApp, testConfig } from "../helpers/slack-app.js";
import { homeAction, type PublishedHome } from "../helpers/slack-payloads.js";
import { loadFixture } from "../helpers/slack-request.js";
import { ENCRYPTION_KEY, manyWorkspacesConfig } from "../helpers/workspaces.js";

isolateNetwork();

const TEAM = "T07QDKX2N5M";
const ADMIN = { id: "U05HV6XQ1AB", username: "alice.nguyen" };
const OTHER = { id: "U06JK2P7RCD", username: "bob" };
const NOW = Date.UTC(2026, 10, 28, 9);

let openings = 0;
/** app_home_opened (the fixture) for `user`, each with an event id of its own (the app handles each once). */
function opened(user = ADMIN.id): Json {
  const base = loadFixture<Json & { event: Json }>("inbound/event_app_home_opened.json");
  openings += 1;
  return { ...base, event_id: `Ev0HOME${openings}`, event: { ...base.event, tab: "home", user } };
}

const settingsSection = (view: PublishedHome) =>
  view.blocks.find((b) =>
    String(b.text?.text ?? "").startsWith("*Who may mark a recommendation as decided*"),
  );
const shown = (view: PublishedHome) => JSON.stringify(view.blocks);

async function appWith(settingsAdmins?: string[]): Promise<{ t: TestApp; publishes: Json[] }> {
  const database = await openDatabase("sqlite::memory:", { now: () => NOW });
  const t = await buildTestApp(testConfig(settingsAdmins ? { settingsAdmins } : {}), { database });
  return { t, publishes: mockApi("views.publish", { ok: true }) };
}

const homeOf = (publishes: Json[]) => publishes.at(-1)?.view as PublishedHome;

describe("App Home: who may decide, one workspace", () => {
  it("shows the default to everyone; without SETTINGS_ADMINS nobody can change it in Slack", async () => {
    const { t, publishes } = await appWith();
    await send(t.app, opened());
    const section = settingsSection(homeOf(publishes));
    expect(section?.text?.text).toBe(
      "*Who may mark a recommendation as decided*\nOnly the person who asked for it (the default).",
    );
    expect(section?.accessory).toBeUndefined();
    expect(shown(homeOf(publishes))).toContain("Nobody can change this in Slack yet");
  });

  it("someone SETTINGS_ADMINS names changes it: stored, said, and shown with who set it", async () => {
    const { t, publishes } = await appWith([ADMIN.id]);
    await send(t.app, opened());
    const before = homeOf(publishes);
    expect(settingsSection(before)?.accessory?.action_id).toBe("home_who_may_decide");
    expect(shown(before)).toContain("You can change this: the app's SETTINGS_ADMINS names you.");

    await send(t.app, homeAction(before, "home_who_may_decide", { selected: "anyone", user: ADMIN }));
    expect(await t.database.teamSettings.get(TEAM)).toMatchObject({
      whoMayDecide: "anyone",
      updatedBy: ADMIN.id,
      updatedAt: NOW,
    });
    const after = homeOf(publishes);
    expect(publishes).toHaveLength(2);
    expect(after.blocks[3]?.text?.text).toBe(
      ":information_source: Saved: anyone in the workspace may now mark a recommendation as decided.",
    );
    expect(settingsSection(after)?.text?.text).toBe(
      "*Who may mark a recommendation as decided*\nAnyone in the workspace.",
    );
    expect(
      ((settingsSection(after)?.accessory as Json | undefined)?.initial_option as Json | undefined)?.value,
    ).toBe("anyone");
    // 09:00 UTC on the 28th (the clock's time), shown as the day in each reader's own zone.
    expect(shown(after)).toContain(`Set by <@${ADMIN.id}> on <!date^1795856400^{date_short}|2026-11-28>.`);
    expect(viewViolations(after as unknown as Json)).toEqual([]);

    // The decision log's rules read it: someone else may now decide a recommendation they did not ask for.
    const p = { teamId: TEAM, channelId: "C0AAAAAAAA", messageTs: "1790000000.000100" };
    await t.database.decisions.propose({ ...p, askedBy: ADMIN.id, recommended: "django" });
    expect((await t.database.decisions.decide({ ...p, userId: OTHER.id, framework: "flask" })).ok).toBe(true);
  });

  it("anyone else sees no select, and a change they send anyway is refused and said so", async () => {
    const { t, publishes } = await appWith([ADMIN.id]);
    await send(t.app, opened(OTHER.id));
    const theirs = homeOf(publishes);
    expect(settingsSection(theirs)?.accessory).toBeUndefined();
    expect(shown(theirs)).toContain(
      `Only <@${ADMIN.id}> (named in the app's SETTINGS_ADMINS) can change this.`,
    );

    // A forged request (the admin's tab, someone else's click).
    await send(t.app, opened(ADMIN.id));
    await send(
      t.app,
      homeAction(homeOf(publishes), "home_who_may_decide", { selected: "anyone", user: OTHER }),
    );
    expect((await t.database.teamSettings.get(TEAM)).isDefault).toBe(true);
    const refused = homeOf(publishes);
    expect(publishes.at(-1)?.user_id).toBe(OTHER.id);
    expect(shown(refused)).toContain("You can't change who may decide. Only <@U05HV6XQ1AB>");
    expect(settingsSection(refused)?.text?.text).toContain("Only the person who asked for it (the default).");
    expect(t.logs.some((l) => l.msg === "who_may_decide refused: not someone who may change settings")).toBe(
      true,
    );
  });
});

describe("App Home: who may decide, many workspaces", () => {
  /** An app for many workspaces with TEAM installed by `installer`. */
  async function installedBy(installer: string): Promise<{ t: TestApp; publishes: Json[]; db: Database }> {
    const db = await openDatabase("sqlite::memory:", { encryptionKey: ENCRYPTION_KEY, now: () => NOW });
    await db.installations.storeInstallation({
      team: { id: TEAM, name: "Acme" },
      enterprise: undefined,
      user: { id: installer, token: undefined, scopes: undefined },
      bot: { id: "B07R8FJ2Q1X", userId: "U07R3MZ1B4K", token: "xoxb-acme-SECRETTOKEN", scopes: ["commands"] },
      tokenType: "bot",
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
    const t = await buildTestApp(manyWorkspacesConfig(), { database: db, botIds: false });
    return { t, publishes: mockApi("views.publish", { ok: true }), db };
  }

  it("the person who installed the app may change it; nobody else may", async () => {
    const { t, publishes } = await installedBy(ADMIN.id);
    await send(t.app, opened(ADMIN.id));
    const mine = homeOf(publishes);
    expect(shown(mine)).toContain("You can change this: you installed the app.");
    await send(t.app, homeAction(mine, "home_who_may_decide", { selected: "anyone", user: OTHER }));
    expect((await t.database.teamSettings.get(TEAM)).isDefault).toBe(true);
    expect(shown(homeOf(publishes))).toContain(
      `Only <@${ADMIN.id}> (who installed the app) can change this.`,
    );
    await send(t.app, homeAction(mine, "home_who_may_decide", { selected: "anyone", user: ADMIN }));
    expect(await t.database.teamSettings.get(TEAM)).toMatchObject({
      whoMayDecide: "anyone",
      updatedBy: ADMIN.id,
    });
  });
});

describe("App Home: who may decide, requests that cannot be saved", () => {
  it("a change with no workspace named says what is wrong, not that the choice is unknown", async () => {
    const { t, publishes } = await appWith([ADMIN.id]);
    await send(t.app, opened());
    const click = homeAction(homeOf(publishes), "home_who_may_decide", { selected: "anyone", user: ADMIN });
    // Slack's payload without any team id (the click's team, the person's, the view's).
    const { team: _team, ...rest } = click;
    const noTeam = { ...rest, user: { ...(click.user as Json), team_id: undefined } };
    await send(t.app, noTeam);
    expect((await t.database.teamSettings.get(TEAM)).isDefault).toBe(true);
    expect(shown(homeOf(publishes))).toContain(
      "I couldn't save that: Slack didn't say which workspace this tab belongs to. Open the app's Home tab again and choose once more.",
    );
    expect(shown(homeOf(publishes))).not.toContain("isn't one I know");
  });

  it("with many workspaces, who installed the app is read once per change (one decryption), not twice", async () => {
    const db = await openDatabase("sqlite::memory:", { encryptionKey: ENCRYPTION_KEY, now: () => NOW });
    await db.installations.storeInstallation({
      team: { id: TEAM, name: "Acme" },
      enterprise: undefined,
      user: { id: ADMIN.id, token: undefined, scopes: undefined },
      bot: { id: "B07R8FJ2Q1X", userId: "U07R3MZ1B4K", token: "xoxb-acme-SECRETTOKEN", scopes: ["commands"] },
      tokenType: "bot",
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
    const t = await buildTestApp(manyWorkspacesConfig(), { database: db, botIds: false });
    const publishes = mockApi("views.publish", { ok: true });
    await send(t.app, opened(ADMIN.id));
    let reads = 0;
    const fetchInstallation = db.installations.fetchInstallation.bind(db.installations);
    db.installations.fetchInstallation = (query, logger) => {
      reads += 1;
      return fetchInstallation(query, logger);
    };
    await send(
      t.app,
      homeAction(homeOf(publishes), "home_who_may_decide", { selected: "anyone", user: ADMIN }),
    );
    expect((await t.database.teamSettings.get(TEAM)).whoMayDecide).toBe("anyone");
    // Bolt's authorize reads it once for the request's token; the setting's check, once more.
    expect(reads).toBe(2);
    expect(shown(homeOf(publishes))).toContain("You can change this: you installed the app.");
  });
});
