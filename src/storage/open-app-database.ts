import type { Logger } from "pino";
import type { Config } from "../config.js";
import { type Database, openDatabase } from "./database.js";

/**
 * Opens the app's database from its configuration: DATABASE_URL, and with many workspaces the key
 * installations are encrypted with (TOKEN_ENCRYPTION_KEY). Migrations run before it returns.
 * @throws DatabaseUrlError, DatabaseConnectError or MigrationError, each naming DATABASE_URL.
 */
export function openAppDatabase(
  config: Pick<Config, "database" | "installs">,
  logger: Logger,
): Promise<Database> {
  return openDatabase(config.database, {
    logger,
    ...(config.installs.kind === "many" ? { encryptionKey: config.installs.encryptionKey } : {}),
  });
}
