import type { Deps } from "../../deps.js";
import { TEAM_NOT_SAVED, teamClick } from "../../services/team-click.js";
import { isSlackError, reasonWords, slackErrorCode } from "../../slack-errors.js";
import type { ButtonArgs } from "../args.js";

/**
 * "Cancel reminder" on a decided recommendation: the reminder of the clicked message's decision (looked
 * up from the message, not from anything the button carries) is cancelled: its scheduled message
 * deleted at Slack (`chat.deleteScheduledMessage`; a waiting one never reached Slack) and the row marked.
 * Whoever set it may cancel it, and so may anyone who may decide.
 */
export function cancelReminder({ revisits, refresher }: Deps) {
  return async ({ ack, body, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    if (!click) return;
    const { message: m, user, log } = click;
    try {
      const outcome = await revisits.cancelOnMessage(click.api, m, user);
      if (outcome.kind === "not_allowed") {
        await click.tell(
          `Only <@${outcome.createdBy}>, who set it, or someone who may decide (<@${outcome.askedBy}> here) can cancel this reminder.`,
        );
        return;
      }
      if (outcome.kind === "nothing_live") {
        await click.tell("That reminder is already cancelled or posted: there is nothing left to cancel.");
      } else {
        log.info("reminder cancelled");
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
