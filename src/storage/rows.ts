/**
 * The read boundary: every row read back is checked with zod (JSON columns parsed and checked too), so
 * the rest of the app can trust the types. A row that fails names the table, the row and the column.
 */
import { z } from "zod";

export class StoredDataError extends Error {
  override readonly name = "StoredDataError";
}

/** A text column holding JSON, parsed and then checked against `schema`. */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "is not valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

/** Epoch milliseconds: a whole number (pg's int8 arrives as a number, see connect.ts). */
export const epochMs = z.number().int().nonnegative();

/** Parses one row; on failure names `what` (e.g. "recommendations T1/C1/1700000000.000100") and the column. */
export function parseRow<T extends z.ZodType>(schema: T, row: unknown, what: string): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "row"}: ${issue.message}`)
    .join("; ");
  throw new StoredDataError(`Stored ${what} is not valid: ${problems}`);
}

/** Milliseconds since the epoch; injectable so tests can move time. */
export type Clock = () => number;
