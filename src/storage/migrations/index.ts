/**
 * Every migration, in order, defined in code: the same list runs from src/ under tsx and from dist/, with
 * no migration folder to find on disk. Append new ones (never edit or reorder a released one); the name's
 * number keeps Kysely's alphabetical order equal to this order.
 */
import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001-initial.js";
import * as decisions from "./0002-decisions.js";
import * as reminderStates from "./0003-reminder-states.js";
import * as channelVisibility from "./0004-channel-visibility.js";
import * as reminderKeys from "./0005-reminder-keys-and-framework-votes.js";

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001-initial": initial,
  "0002-decisions": decisions,
  "0003-reminder-states": reminderStates,
  "0004-channel-visibility": channelVisibility,
  "0005-reminder-keys-and-framework-votes": reminderKeys,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
