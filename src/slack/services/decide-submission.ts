import { z } from "zod";
import { DECIDED_FRAMEWORKS, type DecidedFramework, MAX_REASON_LENGTH } from "../../storage/index.js";
import { IDS } from "../ids.js";
import { REVISIT_MONTHS, type RevisitMonths } from "./revisit-reminders.js";

export interface DecideAnswers {
  framework: DecidedFramework;
  reason: string | null;
  revisitMonths: RevisitMonths | null;
}

const selected = z.object({ selected_option: z.object({ value: z.string() }).nullish() }).loose();
const typed = z.object({ value: z.string().nullish() }).loose();

/** The "Mark as decided" form's answers, or the inline errors to show (keyed by block id). */
export function parseDecideSubmission(
  rawState: unknown,
): { ok: true; answers: DecideAnswers } | { ok: false; errors: Record<string, string> } {
  const values = (rawState as { values?: Record<string, Record<string, unknown>> } | undefined)?.values ?? {};
  const read = <T extends z.ZodType>(block: string, schema: T) =>
    schema.safeParse(values[block]?.[IDS.inputAction]).data as z.output<T> | undefined;
  const framework = z
    .enum(DECIDED_FRAMEWORKS)
    .safeParse(read(IDS.decideFramework, selected)?.selected_option?.value);
  if (!framework.success)
    return { ok: false, errors: { [IDS.decideFramework]: "Choose what the team chose." } };
  const reason = read(IDS.decideReason, typed)?.value?.trim() ?? "";
  if (reason.length > MAX_REASON_LENGTH)
    return { ok: false, errors: { [IDS.decideReason]: `Keep it under ${MAX_REASON_LENGTH} characters.` } };
  const months = Number(read(IDS.decideRevisit, selected)?.selected_option?.value ?? Number.NaN);
  const revisitMonths = (REVISIT_MONTHS as readonly number[]).includes(months)
    ? (months as RevisitMonths)
    : null;
  return {
    ok: true,
    answers: { framework: framework.data, reason: reason === "" ? null : reason, revisitMonths },
  };
}
