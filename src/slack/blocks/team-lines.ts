import type { Knowledge, PersonView, TeamViews, Verdict } from "../../engine/index.js";
import type { VoteTally } from "../../storage/index.js";

/**
 * The team's lines on the recommendation message: whose own answers point where, who differs on what
 * and whether it changes the outcome, and the votes. Bounded whatever the team's size: names lists are
 * cut to a few ("3 agree: @a, @b +1"), the rest is in Details.
 */

/** Names shown in a list before "+N". */
const NAMES_SHOWN = 2;
/** About how many characters the differences line may take as shown (a mention counts as a short name). */
const DIFFERENCES_BUDGET = 90;
/** Questions named for one person before "+N". */
const QUESTIONS_SHOWN = 2;

export const mention = (userId: string) => `<@${userId}>`;

/** Roughly how long mrkdwn reads in Slack: a mention as a short name, a link as its label. */
export function shownLength(text: string): number {
  return text.replace(/<@[A-Z0-9]+>/g, "@someone").replace(/<[^|>]*\|([^>]*)>/g, "$1").length;
}

/** "<@a>, <@b>, <@c> +2": the first few, and how many more. */
export function namesList(names: readonly string[], shown = NAMES_SHOWN): string {
  const head = names.slice(0, shown).join(", ");
  return names.length > shown ? `${head} +${names.length - shown}` : head;
}

/** A verdict in a word or two: "Flask", "Django", "a toss-up". */
export function verdictWords(knowledge: Knowledge, verdict: Verdict): string {
  return verdict === "either" ? "a toss-up" : knowledge.meta.frameworks[verdict].name;
}

/** "Django: <@a> (asked), <@b> · Flask: <@c>": each person's own verdict, the asker's group first. */
function verdictsLine(knowledge: Knowledge, people: readonly PersonView[]): string {
  const groups = new Map<Verdict, string[]>();
  for (const p of people) {
    const names = groups.get(p.verdict) ?? [];
    names.push(p.isBase ? `${p.label} (asked)` : p.label);
    groups.set(p.verdict, names);
  }
  const parts = [...groups].map(([verdict, names]) => {
    const word = verdictWords(knowledge, verdict);
    return `${word.charAt(0).toUpperCase()}${word.slice(1)}: ${namesList(names)}`;
  });
  return `:busts_in_silhouette: *Own answers:* ${parts.join(" · ")}`;
}

/** One teammate against the recommendation: what they answered differently, and whether it changes the outcome. */
export function personDifference(knowledge: Knowledge, p: PersonView, base: Verdict): string {
  if (p.disagreements.length === 0) return `${p.label}: same answers`;
  const shorts = p.disagreements.map((d) => d.short);
  const named = shorts.slice(0, QUESTIONS_SHOWN).join(", ");
  const more = shorts.length > QUESTIONS_SHOWN ? ` +${shorts.length - QUESTIONS_SHOWN}` : "";
  const outcome =
    p.verdict !== base ? `changes the outcome (${verdictWords(knowledge, p.verdict)})` : "same outcome";
  return `${p.label} differs on ${named}${more}: ${outcome}`;
}

/** Those whose answers change the outcome first, then those who differ, then the same answers. */
function byWeight(people: readonly PersonView[], base: Verdict): PersonView[] {
  const weight = (p: PersonView) => (p.verdict !== base ? 0 : p.disagreements.length > 0 ? 1 : 2);
  return [...people].sort((a, b) => weight(a) - weight(b));
}

/**
 * "<@b> differs on Size, Team knows: changes the outcome (Flask) · <@c>: same answers · +2 more in
 * Details": those whose answers change the outcome first, as many as fit, at least one.
 */
function differencesLine(knowledge: Knowledge, views: TeamViews): string {
  const teammates = byWeight(
    views.people.filter((p) => !p.isBase),
    views.verdict,
  );
  const shown: string[] = [];
  for (const p of teammates) {
    const part = personDifference(knowledge, p, views.verdict);
    if (shown.length > 0 && shownLength([...shown, part].join(" · ")) > DIFFERENCES_BUDGET) break;
    shown.push(part);
  }
  const rest = teammates.length - shown.length;
  return rest > 0 ? `${shown.join(" · ")} · +${rest} more in Details` : shown.join(" · ");
}

/**
 * One or two lines about teammates' own answers, or none while nobody but the asker has given theirs.
 * Everything in them comes from `compareViews` (the engine's own verdicts for each set of answers).
 */
export function viewsLines(knowledge: Knowledge, views: TeamViews | undefined): string[] {
  if (!views || views.people.length < 2) return [];
  return [verdictsLine(knowledge, views.people), differencesLine(knowledge, views)];
}

/** "3 agree: <@a>, <@b> +1 · 1 would pick Flask: <@c>", or nothing before the first vote. */
export function votesLine(knowledge: Knowledge, tally: VoteTally, verdict: Verdict): string | undefined {
  if (verdict === "either") return undefined;
  const other = verdictWords(knowledge, verdict === "flask" ? "django" : "flask");
  const parts: string[] = [];
  if (tally.agree.length > 0)
    parts.push(`${tally.agree.length} agree: ${namesList(tally.agree.map(mention), 2)}`);
  if (tally.pickOther.length > 0)
    parts.push(
      `${tally.pickOther.length} would pick ${other}: ${namesList(tally.pickOther.map(mention), 2)}`,
    );
  return parts.length > 0 ? `:ballot_box_with_check: ${parts.join(" · ")}` : undefined;
}
