/**
 * Bolt's `InstallationStore` over the `installations` table: one row per workspace install ("team:T…")
 * or per org-wide Enterprise Grid install ("enterprise:E…", `isEnterpriseInstall`). The whole
 * `Installation` Bolt hands over is kept, encrypted (token-crypto.ts), including refresh tokens and
 * expiry times, so Bolt's token rotation works: it refreshes an expiring token and stores the result here.
 *
 * `deleteTeamData` removes an install and everything stored for that workspace (or org), for
 * `app_uninstalled` and `tokens_revoked`.
 *
 * Only ids are ever logged or put in error messages, never the installation itself.
 */
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { z } from "zod";
import { DECISION_TABLE_NAMES, withDecisionTables } from "./decision-schema.js";
import { type Clock, epochMs, parseRow, StoredDataError } from "./rows.js";
import type { Schema } from "./schema.js";
import { ENCRYPTION_KEY_VARIABLE, type TokenCipher, TokenCryptoError } from "./token-crypto.js";

/** Which install a row holds: the same shape as Bolt's context and `InstallationQuery`. */
export interface InstallationTarget {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}

export interface DeletedTeamData {
  installations: number;
  recommendations: number;
  feedback: number;
  /** The decision tables (migration 0002). */
  views: number;
  votes: number;
  decisions: number;
  team_settings: number;
  revisit_reminders: number;
}

export interface InstallationRepository extends Required<InstallationStore> {
  /**
   * Removes the install and every row stored for it: for a workspace, rows with its team id; for an
   * org-wide install (`isEnterpriseInstall`), rows with its enterprise id. Other teams are untouched.
   * Accepts Bolt's `context` as it is. Returns how many rows went from each table.
   */
  deleteTeamData(target: InstallationTarget): Promise<DeletedTeamData>;
}

export class InstallationNotFoundError extends Error {
  override readonly name = "InstallationNotFoundError";
}

/** The row key: "enterprise:E…" for an org-wide install, otherwise "team:T…". */
export function installationKey(target: InstallationTarget): string {
  if (target.isEnterpriseInstall === true) {
    if (!target.enterpriseId) throw new Error("An org-wide (enterprise) install needs an enterprise id.");
    return `enterprise:${target.enterpriseId}`;
  }
  if (!target.teamId) throw new Error("A workspace install needs a team id.");
  return `team:${target.teamId}`;
}

const idName = z.looseObject({ id: z.string().min(1), name: z.string().optional() });

/**
 * What must be there for Bolt to use a fetched installation. Loose: fields Bolt adds later (or that we do
 * not look at, such as incomingWebhook) are kept as they were stored.
 */
const installationSchema = z.looseObject({
  team: idName.optional(),
  enterprise: idName.optional(),
  user: z.looseObject({
    id: z.string(),
    token: z.string().optional(),
    refreshToken: z.string().optional(),
    expiresAt: z.number().optional(),
    scopes: z.array(z.string()).optional(),
  }),
  bot: z
    .looseObject({
      id: z.string(),
      userId: z.string(),
      token: z.string(),
      refreshToken: z.string().optional(),
      expiresAt: z.number().optional(),
      scopes: z.array(z.string()),
    })
    .optional(),
  isEnterpriseInstall: z.boolean().optional(),
  authVersion: z.enum(["v1", "v2"]).optional(),
});

const rowSchema = z.object({
  installation_key: z.string(),
  data: z.string(),
  installed_at: epochMs,
  updated_at: epochMs,
});

export interface InstallationRepositoryOptions {
  /** Absent: nothing can be stored or fetched (every call says TOKEN_ENCRYPTION_KEY is needed). */
  cipher: TokenCipher | undefined;
  now: Clock;
  logger: Logger | undefined;
}

export function installationRepository(
  db: Kysely<Schema>,
  { cipher, now, logger }: InstallationRepositoryOptions,
): InstallationRepository {
  const requireCipher = (): TokenCipher => {
    if (cipher === undefined) {
      throw new TokenCryptoError(
        `Installations are stored encrypted, and no key was given: set ${ENCRYPTION_KEY_VARIABLE} (openssl rand -hex 32).`,
      );
    }
    return cipher;
  };

  // User objects fetchInstallation handed out without the installer's tokens (the request came from
  // someone else). Bolt's token rotation stores the fetched installation back with that same object; the
  // stored installer's user is then kept instead of being overwritten by the stripped one.
  const strippedUsers = new WeakSet<object>();

  const readInstallation = async (key: string): Promise<Installation | undefined> => {
    const c = requireCipher();
    const found = await db
      .selectFrom("installations")
      .select(["installation_key", "data", "installed_at", "updated_at"])
      .where("installation_key", "=", key)
      .executeTakeFirst();
    if (found === undefined) return undefined;
    const row = parseRow(rowSchema, found, `installation ${key}`);
    const json = c.decrypt(row.data, row.installation_key);
    let data: unknown;
    try {
      data = JSON.parse(json);
    } catch {
      throw new StoredDataError(`Stored installation ${key} is not valid: its decrypted data is not JSON`);
    }
    return parseRow(installationSchema, data, `installation ${key}`) as Installation;
  };

  const writeInstallation = async (key: string, installation: Installation): Promise<void> => {
    const c = requireCipher();
    const at = now();
    const data = c.encrypt(JSON.stringify(installation), key);
    const isEnterprise = installation.isEnterpriseInstall === true;
    await db
      .insertInto("installations")
      .values({
        installation_key: key,
        enterprise_id: installation.enterprise?.id ?? null,
        team_id: isEnterprise ? null : (installation.team?.id ?? null),
        is_enterprise_install: isEnterprise ? 1 : 0,
        data,
        installed_at: at,
        updated_at: at,
      })
      .onConflict((oc) =>
        oc.column("installation_key").doUpdateSet({
          enterprise_id: installation.enterprise?.id ?? null,
          data,
          updated_at: at,
        }),
      )
      .execute();
  };

  return {
    async storeInstallation(installation) {
      const key = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      let toStore = installation as Installation;
      if (strippedUsers.has(toStore.user)) {
        const stored = await readInstallation(key);
        if (stored !== undefined) toStore = { ...toStore, user: stored.user };
      }
      await writeInstallation(key, toStore);
      logger?.info({ installation: key }, "installation stored");
    },

    async fetchInstallation(query) {
      const key = installationKey(query);
      const installation = await readInstallation(key);
      if (installation === undefined) throw new InstallationNotFoundError(`No installation for ${key}`);
      // A user token belongs to the person who installed: anyone else gets the install without it.
      if (query.userId !== undefined && installation.user.id !== query.userId) {
        const { token: _t, refreshToken: _r, expiresAt: _e, scopes: _s, ...user } = installation.user;
        installation.user = { ...user, token: undefined, scopes: undefined };
        strippedUsers.add(installation.user);
      }
      return installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      if (query.userId === undefined) {
        await db.deleteFrom("installations").where("installation_key", "=", key).execute();
        logger?.info({ installation: key }, "installation deleted");
        return;
      }
      // One person's tokens (e.g. tokens_revoked for a user token): drop the user token, keep the bot's.
      const installation = await readInstallation(key);
      if (installation === undefined || installation.user.id !== query.userId) return;
      const { token: _t, refreshToken: _r, expiresAt: _e, scopes: _s, ...user } = installation.user;
      installation.user = { ...user, token: undefined, scopes: undefined };
      await writeInstallation(key, installation);
      logger?.info({ installation: key, user: query.userId }, "user token deleted");
    },

    async deleteTeamData(target) {
      const key = installationKey(target);
      const org = target.isEnterpriseInstall === true;
      const id = (org ? target.enterpriseId : target.teamId) as string;
      const column = org ? "enterprise_id" : "team_id";
      const deleted = await db.transaction().execute(async (trx) => {
        const installations = await trx
          .deleteFrom("installations")
          .where("installation_key", "=", key)
          .executeTakeFirst();
        const recommendations = await trx
          .deleteFrom("recommendations")
          .where(column, "=", id)
          .executeTakeFirst();
        const feedback = await trx.deleteFrom("feedback").where(column, "=", id).executeTakeFirst();
        const decisionTables = withDecisionTables(trx);
        const more = {} as Record<(typeof DECISION_TABLE_NAMES)[number], number>;
        for (const table of DECISION_TABLE_NAMES) {
          const result = await decisionTables.deleteFrom(table).where(column, "=", id).executeTakeFirst();
          more[table] = Number(result.numDeletedRows);
        }
        return {
          installations: Number(installations.numDeletedRows),
          recommendations: Number(recommendations.numDeletedRows),
          feedback: Number(feedback.numDeletedRows),
          ...more,
        };
      });
      logger?.info({ installation: key, deleted }, "team data deleted");
      return deleted;
    },
  };
}
