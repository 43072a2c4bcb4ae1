import type { Logger } from "pino";
import { storedProfile } from "../../decisions/index.js";
import { type Knowledge, type Recommendation, recommendProfile } from "../../engine/index.js";
import type { Database, StoredDecision, StoredReminder } from "../../storage/index.js";
import { revisitReminderMessage } from "../blocks/revisit-reminder.js";
import { slackErrorCode } from "../slack-errors.js";
import type { SlackCalls } from "./slack-api.js";

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
}

/** The Web API calls for a team's workspace (the sweep runs outside any request), or undefined when not installed. */
export type TeamCalls = (team: {
  teamId: string;
  enterpriseId: string | null;
}) => Promise<SlackCalls | undefined>;

/**
 * Reminders to revisit a decision: a message in the recommendation's thread, N months after it was
 * decided, listing what would change the recommendation. Within Slack's 120-day horizon it is
 * scheduled at once (`chat.scheduleMessage`); later ones wait in the database and `sweep` schedules each
 * once it comes within range. Cancelling deletes the scheduled message (`chat.deleteScheduledMessage`)
 * and marks the reminder cancelled.
 */
export class RevisitReminders {
  private readonly now: () => number;

  constructor(private readonly deps: RevisitDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Sets a reminder `months` after the decision; scheduled now when Slack allows, else waiting. */
  async set(
    api: SlackCalls,
    decision: StoredDecision,
    rec: Recommendation,
    months: RevisitMonths,
    by: string,
  ): Promise<StoredReminder> {
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
    if (postAt - this.now() > SCHEDULE_HORIZON_MS) return this.deps.database.reminders.addWaiting(base);
    const id = await this.schedule(api, decision, rec, postAt);
    return this.deps.database.reminders.add({ ...base, scheduledMessageId: id });
  }

  /** Cancels one reminder: Slack's scheduled message deleted (when it had one), the row marked. */
  async cancel(api: SlackCalls, reminder: StoredReminder, by: string): Promise<boolean> {
    if (reminder.status === "scheduled") await this.deleteScheduled(api, reminder);
    return this.deps.database.reminders.cancel(
      reminder.teamId,
      reminder.channelId,
      reminder.scheduledMessageId,
      by,
    );
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
   * Hands waiting reminders that came within Slack's horizon to Slack, each once across instances (a
   * claim in the database). Returns how many were scheduled.
   */
  async sweep(callsFor: TeamCalls, log: Logger): Promise<number> {
    const { database } = this.deps;
    const due = await database.reminders.listWaitingDue(this.now() + SCHEDULE_HORIZON_MS);
    let scheduled = 0;
    for (const reminder of due) {
      const key = `reminder:${reminder.teamId}:${reminder.channelId}:${reminder.scheduledMessageId}`;
      if (!(await database.handledEvents.claim(key, CLAIM_SECONDS))) continue;
      try {
        if (await this.promote(callsFor, log, reminder)) scheduled += 1;
      } catch (err) {
        log.error(
          { err, code: slackErrorCode(err), team: reminder.teamId },
          "could not schedule a waiting reminder",
        );
        await database.handledEvents.release(key).catch(() => {});
      }
    }
    return scheduled;
  }

  private async promote(callsFor: TeamCalls, log: Logger, reminder: StoredReminder): Promise<boolean> {
    const { database, knowledge } = this.deps;
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
      await database.reminders.cancel(
        reminder.teamId,
        reminder.channelId,
        reminder.scheduledMessageId,
        "app",
      );
      log.info(
        { team: reminder.teamId, ts: reminder.decisionTs },
        "waiting reminder dropped: no standing decision",
      );
      return false;
    }
    const api = await callsFor({ teamId: reminder.teamId, enterpriseId: reminder.enterpriseId });
    if (!api) {
      log.warn(
        { team: reminder.teamId },
        "waiting reminder not scheduled: the workspace has no installation",
      );
      return false;
    }
    const postAt = Math.max(reminder.postAt, this.now() + SOONEST_MS);
    const id = await this.schedule(api, decision, recommendProfile(profile, knowledge), postAt);
    if (await database.reminders.markScheduled(reminder, id, postAt)) return true;
    // Cancelled while we scheduled it: take it back.
    await this.deleteScheduled(api, { channelId: reminder.channelId, scheduledMessageId: id });
    return false;
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

  private async deleteScheduled(
    api: SlackCalls,
    reminder: Pick<StoredReminder, "channelId" | "scheduledMessageId">,
  ): Promise<void> {
    try {
      await api.deleteScheduledMessage({
        channel: reminder.channelId,
        scheduled_message_id: reminder.scheduledMessageId,
      });
    } catch (err) {
      // Already posted, or already deleted: there is nothing left to cancel at Slack.
      if (slackErrorCode(err) !== "invalid_scheduled_message_id") throw err;
    }
  }
}
