/**
 * Each teammate's own answers to a recommendation's questions ("my view"): one row per person per
 * recommendation, replaced when they answer again. The person is part of the key and every write
 * names its own key, so nobody can overwrite someone else's answers: the Slack layer passes the id of
 * the person who submitted (`body.user.id`), never one taken from the form.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
import { type DecisionDb, withDecisionTables } from "./decision-schema.js";
import {
  describePersonalRow,
  PERSONAL_KEY,
  type PersonalKey,
  type PersonalRowReads,
  personalKeyColumns,
  personalKeyInput,
  personalKeyOf,
  personalKeyRow,
  personalRowReads,
  type StoredPersonalKey,
} from "./personal-rows.js";
import { type Clock, jsonText, parseRow } from "./rows.js";
import type { Schema } from "./schema.js";

const answersSchema = z.record(z.string(), z.string());
const needsSchema = z.array(z.string());

export interface ViewInput extends PersonalKey {
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

export interface StoredView extends ViewInput, StoredPersonalKey {
  enterpriseId: string | null;
}

const inputSchema = z.object({
  ...personalKeyInput,
  answers: answersSchema,
  needs: needsSchema,
  notes: z.string(),
});

const rowSchema = z
  .object({
    ...personalKeyRow,
    answers: jsonText(answersSchema),
    needs: jsonText(needsSchema),
    notes: z.string(),
  })
  .transform(
    (row): StoredView => ({
      ...personalKeyOf(row),
      answers: row.answers,
      needs: row.needs,
      notes: row.notes,
    }),
  );

const fromRow = (row: unknown): StoredView => parseRow(rowSchema, row, describePersonalRow("view", row));

export interface ViewRepository extends PersonalRowReads<StoredView> {
  /** Stores a person's own answers, replacing their earlier ones; never touches anyone else's. */
  upsert(input: ViewInput): Promise<StoredView>;
}

export function viewRepository(base: Kysely<Schema>, now: Clock): ViewRepository {
  const db: DecisionDb = withDecisionTables(base);
  return {
    ...personalRowReads(base, "views", fromRow),
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      const changes = {
        enterprise_id: valid.enterpriseId ?? null,
        answers: JSON.stringify(valid.answers),
        needs: JSON.stringify(valid.needs),
        notes: valid.notes,
        updated_at: at,
      };
      const row = await db
        .insertInto("views")
        .values({ ...personalKeyColumns(valid), ...changes, created_at: at })
        .onConflict((oc) => oc.columns(PERSONAL_KEY).doUpdateSet(changes))
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },
  };
}
