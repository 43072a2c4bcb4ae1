import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { InstallationQuery } from "@slack/bolt";
import { InstallProvider } from "@slack/oauth";
import nock from "nock";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { InstallationNotFoundError, openDatabase, TokenCryptoError } from "../../src/storage/index.js";
import { BACKENDS, useBackends } from "./backends.js";
import {
  ALL_SECRETS,
  BOT_REFRESH,
  BOT_TOKEN,
  orgInstall,
  USER_REFRESH,
  USER_TOKEN,
  workspaceInstall,
} from "./fixtures.js";

const backends = useBackends();

const team = (teamId: string, extra: Partial<InstallationQuery<false>> = {}): InstallationQuery<false> => ({
  teamId,
  enterpriseId: undefined,
  isEnterpriseInstall: false,
  ...extra,
});
const org = (enterpriseId: string, teamId?: string): InstallationQuery<boolean> => ({
  teamId,
  enterpriseId,
  isEnterpriseInstall: true,
});

/** A pino logger writing to memory; `text()` is everything it wrote. */
function memoryLogger() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { logger: pino({ level: "trace" }, stream), text: () => chunks.join("") };
}

afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe.each(BACKENDS)("installations on %s", (backend) => {
  it("stores and fetches a workspace install whole, refresh tokens and expiry included", async () => {
    const { installations } = await backends.fresh(backend);
    await installations.storeInstallation(workspaceInstall("T1"));
    expect(await installations.fetchInstallation(team("T1"))).toEqual(
      JSON.parse(JSON.stringify(workspaceInstall("T1"))),
    );
    await expect(installations.fetchInstallation(team("T2"))).rejects.toThrow(InstallationNotFoundError);
    await expect(installations.fetchInstallation(team("T2"))).rejects.toThrow("No installation for team:T2");
  });

  it("replaces an install stored again (a reinstall, or Bolt saving rotated tokens), keeping its install time", async () => {
    let now = 1_000;
    const database = await backends.fresh(backend, { now: () => now });
    await database.installations.storeInstallation(workspaceInstall("T1"));
    now = 2_000;
    const rotated = workspaceInstall("T1");
    if (rotated.bot)
      Object.assign(rotated.bot, { token: "xoxb-new", refreshToken: "xoxe-1-new", expiresAt: 2_100_000_000 });
    await database.installations.storeInstallation(rotated);
    const fetched = await database.installations.fetchInstallation(team("T1"));
    expect(fetched.bot).toMatchObject({
      token: "xoxb-new",
      refreshToken: "xoxe-1-new",
      expiresAt: 2_100_000_000,
    });
    const rows = await database.db.selectFrom("installations").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      installed_at: 1_000,
      updated_at: 2_000,
      team_id: "T1",
      is_enterprise_install: 0,
    });
  });

  it("keys org-wide installs by enterprise, and workspace installs inside an org by team", async () => {
    const { installations, db } = await backends.fresh(backend);
    await installations.storeInstallation(orgInstall("E1"));
    await installations.storeInstallation(workspaceInstall("T9", { enterpriseId: "E2" }));

    const fromOrg = await installations.fetchInstallation(org("E1", "T5"));
    expect(fromOrg).toMatchObject({
      isEnterpriseInstall: true,
      enterprise: { id: "E1" },
      bot: { userId: "UBOT2" },
    });
    expect(fromOrg.team).toBeUndefined();
    // A workspace query does not get the org's install, nor an org query a workspace's.
    await expect(installations.fetchInstallation(team("T5", { enterpriseId: "E1" }))).rejects.toThrow(
      "No installation for team:T5",
    );
    await expect(installations.fetchInstallation(org("E2"))).rejects.toThrow(
      "No installation for enterprise:E2",
    );
    expect(await installations.fetchInstallation(team("T9", { enterpriseId: "E2" }))).toMatchObject({
      team: { id: "T9" },
      enterprise: { id: "E2" },
    });

    const rows = await db
      .selectFrom("installations")
      .select(["installation_key", "team_id", "enterprise_id", "is_enterprise_install"])
      .orderBy("installation_key")
      .execute();
    expect(rows).toEqual([
      { installation_key: "enterprise:E1", team_id: null, enterprise_id: "E1", is_enterprise_install: 1 },
      { installation_key: "team:T9", team_id: "T9", enterprise_id: "E2", is_enterprise_install: 0 },
    ]);
    await expect(installations.fetchInstallation(org(undefined as unknown as string))).rejects.toThrow(
      "An org-wide (enterprise) install needs an enterprise id.",
    );
  });

  it("gives the installer's user token only to the installer", async () => {
    const { installations } = await backends.fresh(backend);
    await installations.storeInstallation(workspaceInstall("T1"));
    const installer = await installations.fetchInstallation(team("T1", { userId: "UINSTALLER" }));
    expect(installer.user).toMatchObject({ token: USER_TOKEN, refreshToken: USER_REFRESH });
    const someoneElse = await installations.fetchInstallation(team("T1", { userId: "USOMEONE" }));
    expect(someoneElse.user.token).toBeUndefined();
    expect(someoneElse.user.refreshToken).toBeUndefined();
    expect(someoneElse.bot?.token).toBe(BOT_TOKEN);
  });

  it("deletes an install, or only one person's user token", async () => {
    const { installations } = await backends.fresh(backend);
    await installations.storeInstallation(workspaceInstall("T1"));
    await installations.storeInstallation(workspaceInstall("T2"));

    await installations.deleteInstallation(team("T1", { userId: "USOMEONE" }));
    expect((await installations.fetchInstallation(team("T1"))).user.token).toBe(USER_TOKEN);
    await installations.deleteInstallation(team("T1", { userId: "UINSTALLER" }));
    const withoutUser = await installations.fetchInstallation(team("T1"));
    expect(withoutUser.user).toEqual({ id: "UINSTALLER" });
    expect(withoutUser.bot?.token).toBe(BOT_TOKEN);

    await installations.deleteInstallation(team("T1"));
    await expect(installations.fetchInstallation(team("T1"))).rejects.toThrow(InstallationNotFoundError);
    expect((await installations.fetchInstallation(team("T2"))).bot?.token).toBe(BOT_TOKEN);
    await installations.deleteInstallation(team("T1")); // already gone: no error
  });

  it("keeps only ciphertext in the table: no token, refresh token, webhook or name", async () => {
    const { installations, db } = await backends.fresh(backend);
    await installations.storeInstallation(workspaceInstall("T1"));
    await installations.storeInstallation(orgInstall("E1"));
    const rows = await db.selectFrom("installations").selectAll().execute();
    const dump = JSON.stringify(rows);
    // Whole secrets only: three random base64 characters can spell "xox" by chance.
    for (const secret of [...ALL_SECRETS, "hooks.slack.com", "Team T1", "landing page"]) {
      expect(dump).not.toContain(secret);
    }
    for (const row of rows) {
      const bytes = Buffer.from(row.data, "base64");
      expect(bytes[0]).toBe(1); // key version
      for (const secret of ALL_SECRETS) expect(bytes.toString("latin1")).not.toContain(secret);
    }
  });

  it("fails clearly with the wrong key, when the ciphertext is altered, or moved to another team's row", async () => {
    const { installations, db } = await backends.fresh(backend);
    await installations.storeInstallation(workspaceInstall("T1"));
    await installations.storeInstallation(workspaceInstall("T2"));
    const row = await db
      .selectFrom("installations")
      .selectAll()
      .where("installation_key", "=", "team:T1")
      .executeTakeFirstOrThrow();

    // The same storage opened with another key, as after a key mix-up (in memory: the row copied over).
    const wrong = { encryptionKey: randomBytes(32) };
    const other =
      backend === "sqlite-memory"
        ? await backends.fresh(backend, wrong)
        : await backends.another(backend, wrong);
    if (backend === "sqlite-memory") await other.db.insertInto("installations").values(row).execute();
    const wrongKey = other.installations.fetchInstallation(team("T1"));
    await expect(wrongKey).rejects.toThrow(TokenCryptoError);
    await expect(other.installations.fetchInstallation(team("T1"))).rejects.toThrow(
      /The record for team:T1 does not open with TOKEN_ENCRYPTION_KEY \(key version 1\): the key is not the one it was stored with, or the stored data was altered/,
    );

    // One bit flipped in the ciphertext.
    const bytes = Buffer.from(row.data, "base64");
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] as number) ^ 0x01;
    await db
      .updateTable("installations")
      .set({ data: bytes.toString("base64") })
      .where("installation_key", "=", "team:T1")
      .execute();
    await expect(installations.fetchInstallation(team("T1"))).rejects.toThrow(/stored data was altered/);

    // T2's ciphertext copied onto T1's row: authenticated with T2's key, so it does not open as T1.
    const t2 = await db
      .selectFrom("installations")
      .select("data")
      .where("installation_key", "=", "team:T2")
      .executeTakeFirstOrThrow();
    await db
      .updateTable("installations")
      .set({ data: t2.data })
      .where("installation_key", "=", "team:T1")
      .execute();
    await expect(installations.fetchInstallation(team("T1"))).rejects.toThrow(TokenCryptoError);
  });

  it("says TOKEN_ENCRYPTION_KEY is needed when opened without a key", async () => {
    const database = await openDatabase("sqlite::memory:");
    try {
      await expect(database.installations.storeInstallation(workspaceInstall("T1"))).rejects.toThrow(
        /no key was given: set TOKEN_ENCRYPTION_KEY/,
      );
      // Everything else works without one.
      expect(await database.handledEvents.claim("k", 60)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it("never logs a token, whatever happens", async () => {
    const { logger, text } = memoryLogger();
    const { installations, db } = await backends.fresh(backend, { logger });
    await installations.storeInstallation(workspaceInstall("T1"));
    await installations.fetchInstallation(team("T1", { userId: "UINSTALLER" }));
    await installations.deleteInstallation(team("T1", { userId: "UINSTALLER" }));
    await installations.storeInstallation(workspaceInstall("T1"));
    await installations.deleteTeamData({ teamId: "T1" });
    await installations.storeInstallation(workspaceInstall("T2"));
    await db
      .updateTable("installations")
      .set({ data: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
      .execute();
    const failure = await installations.fetchInstallation(team("T2")).catch((err: Error) => err);
    logger.error({ err: failure }, "fetch failed");
    expect(text()).toContain("installation stored");
    expect(text()).toContain("team:T1");
    for (const secret of ALL_SECRETS) expect(text()).not.toContain(secret);
  });

  it("works with Bolt's token rotation: an expiring bot token is refreshed and saved, the installer's user token kept", async () => {
    const database = await backends.fresh(backend);
    const expiring = workspaceInstall("T1");
    if (expiring.bot) expiring.bot.expiresAt = Math.floor(Date.now() / 1000) + 60;
    await database.installations.storeInstallation(expiring);

    nock.disableNetConnect();
    if (backend === "postgres") nock.enableNetConnect("127.0.0.1");
    const refresh = nock("https://slack.com")
      .post(
        "/api/oauth.v2.access",
        (body) => body.grant_type === "refresh_token" && body.refresh_token === BOT_REFRESH,
      )
      .reply(200, {
        ok: true,
        token_type: "bot",
        access_token: "xoxe.xoxb-1-ROTATED",
        refresh_token: "xoxe-1-ROTATEDREFRESH",
        expires_in: 43_200,
      });
    const provider = new InstallProvider({
      clientId: "111.222",
      clientSecret: "client-secret",
      stateSecret: "state-secret",
      installationStore: database.installations,
      logLevel: undefined,
    });
    // A request from someone other than the installer: Bolt gets the install without the user token.
    const auth = await provider.authorize({
      teamId: "T1",
      enterpriseId: undefined,
      userId: "USOMEONE",
      isEnterpriseInstall: false,
    });
    expect(refresh.isDone()).toBe(true);
    expect(auth.botToken).toBe("xoxe.xoxb-1-ROTATED");
    expect(auth.userToken).toBeUndefined();

    const stored = await database.installations.fetchInstallation(team("T1"));
    expect(stored.bot).toMatchObject({ token: "xoxe.xoxb-1-ROTATED", refreshToken: "xoxe-1-ROTATEDREFRESH" });
    expect(stored.bot?.expiresAt).toBeGreaterThan(Math.floor(Date.now() / 1000) + 43_000);
    expect(stored.user).toMatchObject({ id: "UINSTALLER", token: USER_TOKEN, refreshToken: USER_REFRESH });
  });
});
