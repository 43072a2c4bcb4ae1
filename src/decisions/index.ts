/**
 * Decisions the team owns, from what storage holds to what the engine renders: the glue the Slack layer
 * and the terminal share. Pure (no database access): callers read the rows (stored-record.ts) and pass
 * them in.
 *
 *   const views = teamViewsFor(knowledge, recommendationRow, viewRows, (id) => `<@${id}>`);
 *   views.lines            // two lines for the message
 *   const markdown = adrForStoredDecision(knowledge, { decision, recommendation: recommendationRow, … });
 */
import {
  compareViews,
  type Knowledge,
  type PersonAnswers,
  type ProjectProfile,
  parseProfile,
  type Recommendation,
  recommendProfile,
  renderAdr,
  type TeamViews,
} from "../engine/index.js";
import type { StoredDecision, StoredRecommendation, StoredView, VoteTally } from "../storage/index.js";

/** The answers a row holds (a recommendation or a view). */
export interface StoredAnswers {
  answers: Record<string, string>;
  needs: string[];
  notes: string;
}

/**
 * A stored row's answers as a profile, checked against today's questions. Undefined when they no
 * longer fit (a question or option removed since): such a view is left out rather than guessed at.
 */
export function storedProfile(knowledge: Knowledge, row: StoredAnswers): ProjectProfile | undefined {
  const parsed = parseProfile({ answers: row.answers, needs: row.needs, notes: row.notes }, knowledge);
  return parsed.ok ? parsed.profile : undefined;
}

export interface StoredTeamViews extends TeamViews {
  /** Views whose answers no longer fit today's questions, left out. */
  skipped: string[];
}

/**
 * Every teammate's view of a stored recommendation compared with it (see `compareViews`). `label` names
 * people in the lines (Slack: `<@U…>`); by default their user id.
 * @throws Error when the recommendation's own answers no longer fit today's questions.
 */
export function teamViewsFor(
  knowledge: Knowledge,
  recommendation: StoredRecommendation,
  views: readonly StoredView[],
  label: (userId: string) => string = (id) => id,
  made?: Recommendation,
): StoredTeamViews {
  const base = storedProfile(knowledge, recommendation);
  if (base === undefined)
    throw new Error(
      `The answers of recommendation ${recommendation.channelId}/${recommendation.messageTs} no longer fit the questions.`,
    );
  const skipped: string[] = [];
  const others: PersonAnswers[] = [];
  for (const v of views) {
    const profile = storedProfile(knowledge, v);
    if (profile === undefined) skipped.push(v.userId);
    else others.push({ userId: v.userId, label: label(v.userId), profile });
  }
  const result = compareViews(
    knowledge,
    {
      userId: recommendation.userId,
      label: label(recommendation.userId),
      profile: base,
      ...(made ? { recommendation: made } : {}),
    },
    others,
  );
  return { ...result, skipped };
}

/** An epoch-milliseconds time as YYYY-MM-DD (UTC). */
export function isoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** A Slack message ts ("1700000000.000100") as epoch milliseconds: when the message was posted. */
export function tsMillis(messageTs: string): number {
  return Math.round(Number.parseFloat(messageTs) * 1000);
}

/** A Slack message ts ("1700000000.000100") as YYYY-MM-DD (UTC). */
export function tsDate(messageTs: string): string {
  return isoDate(tsMillis(messageTs));
}

export interface StoredAdrInput {
  decision: StoredDecision;
  /** The recommendation the decision is about (its answers). */
  recommendation: StoredRecommendation;
  views?: readonly StoredView[];
  votes?: VoteTally;
  /** People's names for the record (a repository has no `<@U…>`); default their user id. */
  name?: (userId: string) => string;
  /** The channel's name for references to other decisions ("#web"); default its id. */
  channelName?: string;
}

/** The MADR record of a stored decision, ready for a repository's docs/adr/. */
export function adrForStoredDecision(knowledge: Knowledge, input: StoredAdrInput): string {
  const { decision: d, recommendation: r } = input;
  const name = input.name ?? ((id: string) => id);
  const profile = storedProfile(knowledge, r);
  if (profile === undefined)
    throw new Error(
      `The answers of recommendation ${r.channelId}/${r.messageTs} no longer fit the questions.`,
    );
  const recommendation = recommendProfile(profile, knowledge);
  const views = input.views ? teamViewsFor(knowledge, r, input.views, name, recommendation) : undefined;
  const channel = input.channelName ?? d.channelId;
  const other = (ts: string) =>
    `the decision on the recommendation of ${tsDate(ts)} in ${channel} (message ${ts})`;
  const date =
    d.status === "superseded" && d.supersededAt !== null
      ? d.supersededAt
      : d.status !== "proposed" && d.decidedAt !== null
        ? d.decidedAt
        : d.createdAt;
  const deciders = d.decidedBy ? [d.decidedBy] : [];
  const consulted = [
    ...new Set([
      ...(input.views ?? []).map((v) => v.userId),
      ...(input.votes?.agree ?? []),
      ...(input.votes?.pickOther ?? []),
    ]),
  ].filter((id) => !deciders.includes(id));
  return renderAdr(knowledge, {
    recommendation,
    decision: {
      status: d.status,
      framework: d.framework,
      date: isoDate(date),
      deciders: deciders.map(name),
      consulted: consulted.map(name),
      reason: d.reason,
      supersedes: d.supersedes ? other(d.supersedes) : null,
      supersededBy: d.supersededBy ? other(d.supersededBy) : null,
    },
    ...(views ? { views } : {}),
    ...(input.votes
      ? { votes: { agree: input.votes.agree.map(name), pickOther: input.votes.pickOther.map(name) } }
      : {}),
  });
}
