import type { Deps } from "../../deps.js";
import { decodeReminderRef } from "../../services/codecs.js";
import { allowedToDecide, whoMayDecide } from "../../services/deciders.js";
import { TEAM_NOT_SAVED, teamClick } from "../../services/team-click.js";
import { isSlackError, reasonWords, slackErrorCode } from "../../slack-errors.js";
import type { ButtonArgs } from "../args.js";

/**
 * "Cancel reminder" on a decided recommendation: the scheduled message is deleted at Slack
 * (`chat.deleteScheduledMessage`; a waiting one never reached Slack) and the reminder marked cancelled.
 * Whoever set it may cancel it, and so may anyone who may decide.
 */
export function cancelReminder({ database, revisits, refresher }: Deps) {
  return async ({ ack, body, action, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    const ref = decodeReminderRef(action.value);
    if (!click || !ref) {
      context.log.warn("cancel_reminder without a valid reminder");
      return;
    }
    const { message: m, user, log } = click;
    try {
      const reminder = await database.reminders.find(m.teamId, ref.channelId, ref.scheduledMessageId);
      const decision = await database.decisions.find(m.teamId, m.channel, m.ts);
      if (!reminder || reminder.status === "cancelled" || reminder.postAt <= Date.now() || !decision) {
        await click.tell("That reminder is already cancelled or posted: there is nothing left to cancel.");
      } else if (
        user !== reminder.createdBy &&
        !allowedToDecide(await whoMayDecide(database, m.teamId), decision, user)
      ) {
        await click.tell(
          `Only <@${reminder.createdBy}>, who set it, or someone who may decide (<@${decision.askedBy}> here) can cancel this reminder.`,
        );
        return;
      } else {
        await revisits.cancel(click.api, reminder, user);
        log.info({ reminder: reminder.scheduledMessageId }, "reminder cancelled");
        await click.tell("Reminder cancelled: nothing will be posted.");
      }
    } catch (err) {
      log.error({ err, code: slackErrorCode(err) }, "could not cancel the reminder");
      await click.tell(
        isSlackError(err)
          ? `I couldn't cancel the reminder: ${reasonWords(err)}. Please try again in a few minutes.`
          : TEAM_NOT_SAVED,
      );
      return;
    }
    await refresher
      .refresh(m, click.api, log)
      .catch((err: unknown) => log.warn({ err }, "could not update the recommendation"));
  };
}
