import type { Logger } from "pino";
import { storedProfile } from "../../decisions/index.js";
import { type Knowledge, type Recommendation, recommendProfile } from "../../engine/index.js";
import type { Database, ReminderKey, StoredDecision, StoredReminder } from "../../storage/index.js";
import { revisitReminderMessage } from "../blocks/revisit-reminder.js";
import { slackDate } from "../blocks/text.js";
import { isPermanentRefusal, isTimeout, reasonWords, slackErrorCode } from "../slack-errors.js";
import { allowedToDecide, whoMayDecide } from "./deciders.js";
import type { SlackCalls } from "./slack-api.js";
import type { MessagePlace } from "./team-state.js";

/** How far ahead a team may ask to be reminded. */
export const REVISIT_MONTHS = [3, 6, 12] as const;
export type RevisitMonths = (typeof REVISIT_MONTHS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Slack schedules a message at most 120 days ahead (`time_too_far` beyond). A reminder is handed to
 * Slack once it is due within 118 days: two days' margin for the sweep's pace and clocks that differ.
 */
export const SCHEDULE_HORIZON_MS = 118 * DAY_MS;
/** Slack wants post_at in the future: a late reminder (the app was down when it was due) goes a minute out. */
const SOONEST_MS = 60_000;
/** How long one instance holds a waiting reminder while it hands it to Slack. */
const CLAIM_SECONDS = 600;

/** `months` calendar months after `epochMs` (UTC), the day kept or, past a month's end, its last day. */
export function addMonths(epochMs: number, months: number): number {
  const d = new Date(epochMs);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.getTime();
}

export interface RevisitDeps {
  knowledge: Knowledge;
  database: Database;
  now?: () => number;
  /** Re-renders the decision's message once the sweep handed its reminder to Slack. */
  afterScheduled?: (reminder: StoredReminder, api: SlackCalls, log: Logger) => Promise<void>;
}

/** The Web API calls for a team's workspace (the sweep runs outside any request), or undefined when not installed. */
export type TeamCalls = (team: {
  teamId: string;
  enterpriseId: string | null;
}) => Promise<SlackCalls | undefined>;

/** What setting a reminder came to: the reminder, or why there is none (words for the person). */
export type SetOutcome = { reminder: StoredReminder } | { problem: string };

/** What a click on "Cancel reminder" came to. */
export type CancelOutcome =
  | { kind: "cancelled" }
  | { kind: "nothing_live" }
  | { kind: "not_allowed"; createdBy: string; askedBy: string };

const keyOf = (r: ReminderKey): ReminderKey => ({
  teamId: r.teamId,
  decisionChannelId: r.decisionChannelId,
  decisionTs: r.decisionTs,
  ...(r.kind ? { kind: r.kind } : {}),
});

/**
 * Reminders to revisit a decision: a message in the recommendation's thread, N months after it was
 * decided, listing what would change the recommendation. Within Slack's 120-day horizon it is
 * scheduled at once (`chat.scheduleMessage`); later ones wait in the database and `sweep` schedules each
 * once it comes within range. Cancelling deletes the scheduled message (`chat.deleteScheduledMessage`)
 * and marks the reminder cancelled. The row is always written before Slack is asked, so Slack never
 * holds a message the database cannot cancel.
 */
export class RevisitReminders {
  readonly now: () => number;

  constructor(private readonly deps: RevisitDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Sets a reminder `months` after the decision; scheduled now when Slack allows, else waiting. */
  async set(
    api: SlackCalls,
    log: Logger,
    decision: StoredDecision,
    rec: Recommendation,
    months: RevisitMonths,
    by: string,
  ): Promise<SetOutcome> {
    const { reminders } = this.deps.database;
    const decidedAt = decision.decidedAt ?? this.now();
    const postAt = addMonths(decidedAt, months);
    const base = {
      teamId: decision.teamId,
      enterpriseId: decision.enterpriseId,
      channelId: decision.channelId,
      decisionChannelId: decision.channelId,
      decisionTs: decision.messageTs,
      postAt,
      createdBy: by,
    };
    const cancelledAlready = { problem: "this decision's reminder was cancelled already" };
    if (postAt - this.now() > SCHEDULE_HORIZON_MS) {
      const waiting = await reminders.addWaiting(base);
      return waiting ? { reminder: waiting } : cancelledAlready;
    }
    const reserved = await reminders.reserve(base);
    if (!reserved) return cancelledAlready;
    let id: string;
    try {
      id = await this.schedule(api, decision, rec, postAt);
    } catch (err) {
      log.warn({ err, code: slackErrorCode(err) }, "chat.scheduleMessage failed");
      await reminders
        .remove(base)
        .catch((e: unknown) => log.error({ err: e }, "could not forget a reminder Slack refused"));
      // One attempt, never retried: an answer lost on the way may still mean Slack holds it.
      return {
        problem: isTimeout(err)
          ? `Slack didn't answer in time, so I can't tell whether it will post on ${slackDate(postAt)}; if it does, it can't be cancelled here`
          : reasonWords(err),
      };
    }
    try {
      if (await reminders.markScheduled(base, id, postAt))
        return { reminder: { ...reserved, scheduledMessageId: id, status: "scheduled" } };
      await this.deleteScheduled(api, decision.channelId, id);
      return cancelledAlready;
    } catch (err) {
      log.error({ err, code: slackErrorCode(err) }, "could not record a scheduled reminder; taking it back");
      const takenBack = await this.deleteScheduled(api, decision.channelId, id).then(
        () => true,
        (e: unknown) => {
          log.error({ err: e, scheduled: id }, "could not take back a reminder the database lost");
          return false;
        },
      );
      return {
        problem: takenBack
          ? "my database isn't answering, so I took it back: nothing will be posted. Mark as decided can't be repeated; post a reminder of your own if you need one"
          : `my database isn't answering, and Slack will still post it on ${slackDate(postAt)}; it can't be cancelled here`,
      };
    }
  }

  /**
   * "Cancel reminder" on a decision's message: its live reminder, found from the message itself, is
   * cancelled when `user` set it or may decide.
   */
  async cancelOnMessage(api: SlackCalls, message: MessagePlace, user: string): Promise<CancelOutcome> {
    const { database } = this.deps;
    const key = { teamId: message.teamId, decisionChannelId: message.channel, decisionTs: message.ts };
    const [reminder, decision] = await Promise.all([
      database.reminders.find(key),
      database.decisions.find(message.teamId, message.channel, message.ts),
    ]);
    const live =
      reminder &&
      reminder.status !== "cancelled" &&
      reminder.status !== "failed" &&
      reminder.postAt > this.now();
    if (!reminder || !live || !decision) return { kind: "nothing_live" };
    if (
      user !== reminder.createdBy &&
      !allowedToDecide(await whoMayDecide(database, message.teamId), decision, user)
    )
      return { kind: "not_allowed", createdBy: reminder.createdBy, askedBy: decision.askedBy };
    return (await this.cancel(api, reminder, user)) ? { kind: "cancelled" } : { kind: "nothing_live" };
  }

  /**
   * Cancels one reminder: Slack's scheduled message deleted (when it had one), the row marked. False
   * when it was no longer live (cancelled by someone else meanwhile).
   */
  async cancel(api: SlackCalls, reminder: StoredReminder, by: string): Promise<boolean> {
    const known = reminder.status === "scheduled" ? reminder.scheduledMessageId : null;
    if (known) await this.deleteScheduled(api, reminder.channelId, known);
    const cancelled = await this.deps.database.reminders.cancel(keyOf(reminder), by);
    if (!cancelled) return false;
    // The sweep handed it to Slack between our read and the cancel: take that message back too.
    if (cancelled.scheduledMessageId && cancelled.scheduledMessageId !== known)
      await this.deleteScheduled(api, cancelled.channelId, cancelled.scheduledMessageId);
    return true;
  }

  /** Cancels every reminder of a decision still to come (it was superseded). Returns how many. */
  async cancelFor(api: SlackCalls, log: Logger, decision: StoredDecision, by: string): Promise<number> {
    const live = await this.deps.database.reminders.listForDecision(
      decision.teamId,
      decision.channelId,
      decision.messageTs,
    );
    let cancelled = 0;
    for (const reminder of live) {
      try {
        if (await this.cancel(api, reminder, by)) cancelled += 1;
      } catch (err) {
        log.error(
          { err, code: slackErrorCode(err), reminder: reminder.scheduledMessageId },
          "could not cancel a reminder",
        );
      }
    }
    return cancelled;
  }

  /**
   * Forgets reminders whose time has passed, then hands waiting reminders that came within Slack's
   * horizon to Slack, each once across instances (a claim in the database). A reminder Slack refuses for
   * good is marked failed, so it is not tried again. Returns how many were scheduled.
   */
  async sweep(callsFor: TeamCalls, log: Logger): Promise<number> {
    const { database } = this.deps;
    const purged = await database.reminders
      .purgePast()
      .catch((err: unknown) => log.error({ err }, "could not forget past reminders"));
    if (purged) log.info({ purged }, "past reminders forgotten");
    const due = await database.reminders.listWaitingDue(this.now() + SCHEDULE_HORIZON_MS);
    let scheduled = 0;
    for (const reminder of due) {
      const claim = `reminder:${reminder.teamId}:${reminder.decisionChannelId}:${reminder.decisionTs}:${reminder.kind}`;
      if (!(await database.handledEvents.claim(claim, CLAIM_SECONDS))) continue;
      try {
        if (await this.promote(callsFor, log, reminder)) scheduled += 1;
      } catch (err) {
        if (isPermanentRefusal(err)) {
          await database.reminders.markFailed(keyOf(reminder));
          log.warn(
            { code: slackErrorCode(err), team: reminder.teamId, ts: reminder.decisionTs },
            "waiting reminder failed for good: Slack refuses it; not retried",
          );
          continue;
        }
        log.error(
          { err, code: slackErrorCode(err), team: reminder.teamId },
          "could not schedule a waiting reminder",
        );
        await database.handledEvents.release(claim).catch(() => {});
      }
    }
    return scheduled;
  }

  private async promote(callsFor: TeamCalls, log: Logger, reminder: StoredReminder): Promise<boolean> {
    const { database, knowledge } = this.deps;
    const key = keyOf(reminder);
    const decision = await database.decisions.find(
      reminder.teamId,
      reminder.decisionChannelId,
      reminder.decisionTs,
    );
    const recommendation = await database.recommendations.find(
      reminder.teamId,
      reminder.decisionChannelId,
      reminder.decisionTs,
    );
    const profile = recommendation ? storedProfile(knowledge, recommendation) : undefined;
    if (decision?.status !== "decided" || !profile) {
      // Superseded (its reminders are cancelled then) or gone: nothing to remind of.
      await database.reminders.cancel(key, "app");
      log.info(
        { team: reminder.teamId, ts: reminder.decisionTs },
        "waiting reminder dropped: no standing decision",
      );
      return false;
    }
    const api = await callsFor({ teamId: reminder.teamId, enterpriseId: reminder.enterpriseId });
    if (!api) {
      await database.reminders.markFailed(key);
      log.warn(
        { team: reminder.teamId, ts: reminder.decisionTs },
        "waiting reminder failed: the workspace has no installation; not retried",
      );
      return false;
    }
    const postAt = Math.max(reminder.postAt, this.now() + SOONEST_MS);
    const id = await this.schedule(api, decision, recommendProfile(profile, knowledge), postAt);
    let recorded: boolean;
    try {
      recorded = await database.reminders.markScheduled(key, id, postAt);
    } catch (err) {
      // Slack holds it but the database does not know: take it back, and try again next sweep.
      await this.deleteScheduled(api, reminder.channelId, id).catch((e: unknown) =>
        log.error({ err: e, scheduled: id }, "could not take back a reminder the database lost"),
      );
      throw err;
    }
    if (!recorded) {
      // Cancelled while we scheduled it: take it back.
      await this.deleteScheduled(api, reminder.channelId, id);
      return false;
    }
    await this.deps
      .afterScheduled?.({ ...reminder, scheduledMessageId: id, postAt, status: "scheduled" }, api, log)
      .catch((err: unknown) => log.warn({ err }, "could not update the decision's message"));
    return true;
  }

  private async schedule(
    api: SlackCalls,
    decision: StoredDecision,
    rec: Recommendation,
    postAt: number,
  ): Promise<string> {
    const message = revisitReminderMessage({
      knowledge: this.deps.knowledge,
      rec,
      framework: decision.framework ?? (rec.verdict === "flask" ? "flask" : "django"),
      decidedBy: decision.decidedBy ?? decision.askedBy,
      decidedAt: decision.decidedAt ?? this.now(),
      against: decision.againstRecommendation,
    });
    const res = await api.scheduleMessage({
      channel: decision.channelId,
      thread_ts: decision.messageTs,
      post_at: Math.floor(postAt / 1000),
      ...message,
    });
    if (!res.scheduled_message_id) throw new Error("chat.scheduleMessage returned no scheduled_message_id");
    return res.scheduled_message_id;
  }

  private async deleteScheduled(api: SlackCalls, channel: string, scheduledMessageId: string): Promise<void> {
    try {
      await api.deleteScheduledMessage({ channel, scheduled_message_id: scheduledMessageId });
    } catch (err) {
      // Already posted, or already deleted: there is nothing left to cancel at Slack.
      if (slackErrorCode(err) !== "invalid_scheduled_message_id") throw err;
    }
  }
}
