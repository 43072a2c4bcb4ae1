/**
 * Words that say when, shared by the rules that tell a meeting moved, a status told or a deadline from
 * what a message is about. Each rule adds the words of its own job ("weekend", "eod", "quarter").
 */

/** The days of the week. */
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** A day: a weekday, or one named from today ("on friday", "tomorrow", "tonight"). */
export const DAYS: readonly string[] = [...WEEKDAYS, "today", "tomorrow", "tonight"];

/** The months: "given our deadline in november". */
export const MONTHS: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** A set of the shared words and a rule's own ("weekend eod"). */
export const timeWords = (shared: readonly string[], own = ""): ReadonlySet<string> =>
  new Set([...shared, ...own.split(" ").filter((w) => w !== "")]);
