/**
 * A person's one choice on a recommendation (Helpful / Not helpful, I agree / I'd pick the other): one
 * row per person per message; choosing again replaces it. Feedback and votes are this, each with its own
 * table and values.
 */
import type { Kysely } from "kysely";
import { z } from "zod";
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
import { type Clock, parseRow } from "./rows.js";
import type { FeedbackTable, Schema } from "./schema.js";

export interface ChoiceInput<V extends string> extends PersonalKey {
  value: V;
}

export interface StoredChoice<V extends string> extends StoredPersonalKey {
  value: V;
}

export interface ChoiceRepository<V extends string> extends PersonalRowReads<StoredChoice<V>> {
  /** Records a person's choice, replacing their earlier one. */
  upsert(input: ChoiceInput<V>): Promise<StoredChoice<V>>;
}

type ChoiceTable = "feedback" | "votes";

/** `kind` names a row in errors ("vote T1/C1/… of U1"). */
export function choiceRepository<const V extends string>(
  base: Kysely<Schema>,
  now: Clock,
  table: ChoiceTable,
  values: readonly [V, ...V[]],
  kind: string,
): ChoiceRepository<V> {
  const inputSchema = z.object({ ...personalKeyInput, value: z.enum(values) });
  const rowSchema = z
    .object({ ...personalKeyRow, value: z.enum(values) })
    .transform((row): StoredChoice<V> => ({ ...personalKeyOf(row), value: row.value as V }));
  const fromRow = (row: unknown) => parseRow(rowSchema, row, describePersonalRow(kind, row));
  const db = base as unknown as Kysely<Record<ChoiceTable, FeedbackTable>>;
  return {
    ...personalRowReads(base, table, fromRow),
    async upsert(input) {
      const valid = inputSchema.parse(input);
      const at = now();
      const changes = { value: valid.value, enterprise_id: valid.enterpriseId ?? null, updated_at: at };
      const row = await db
        .insertInto(table)
        .values({ ...personalKeyColumns(valid), ...changes, created_at: at })
        .onConflict((oc) => oc.columns(PERSONAL_KEY).doUpdateSet(changes))
        .returningAll()
        .executeTakeFirstOrThrow();
      return fromRow(row);
    },
  };
}
