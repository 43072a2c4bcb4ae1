import { MAX_REASON_LENGTH } from "../../../storage/index.js";
import { decideModal } from "../../blocks/decide-modal.js";
import type { Deps } from "../../deps.js";
import { encodeDecideContext } from "../../services/codecs.js";
import { allowedToDecide, closedWords, notAllowedWords, whoMayDecide } from "../../services/deciders.js";
import { openViewOrExplain } from "../../services/open-view.js";
import { REVISIT_MONTHS } from "../../services/revisit-reminders.js";
import { TEAM_NOT_SAVED, teamClick } from "../../services/team-click.js";
import { decisionOf } from "../../services/team-state.js";
import type { ButtonArgs } from "../args.js";

/**
 * "Mark as decided": the small form (which framework, why, a reminder), for whoever may decide: the
 * person who asked, or anyone when the workspace's setting says so. Anyone else is told who can, and
 * why; a decision already made is not made again.
 */
export function markDecided({ knowledge, database }: Deps) {
  return async ({ ack, body, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    if (!click) return;
    const { message: m, user, log } = click;
    let found: Awaited<ReturnType<typeof decisionOf>> | undefined;
    let setting: Awaited<ReturnType<typeof whoMayDecide>>;
    try {
      const recommendation = await database.recommendations.find(m.teamId, m.channel, m.ts);
      found = recommendation
        ? await decisionOf(database, recommendation)
        : await database.decisions.find(m.teamId, m.channel, m.ts);
      setting = await whoMayDecide(database, m.teamId);
    } catch (err) {
      log.error({ err }, "could not read the decision");
      await click.tell(TEAM_NOT_SAVED);
      return;
    }
    if (!found) {
      await click.tell(
        "I have no record of this recommendation (it was posted while my database was away), so it can't be decided yet. Whoever asked for it can save it with *Edit answers* and *Update*; or run `/flask-or-django` for a new one.",
      );
      return;
    }
    if (found.status !== "proposed") {
      await click.tell(closedWords(knowledge, found));
      return;
    }
    if (!allowedToDecide(setting, found, user)) {
      log.info({ askedBy: found.askedBy, setting }, "not allowed to decide");
      await click.tell(notAllowedWords(found.askedBy));
      return;
    }
    await openViewOrExplain(click.api, log, {
      triggerId: body.trigger_id,
      view: decideModal({
        knowledge,
        verdict: found.recommended,
        askedBy: found.askedBy,
        revisitMonths: REVISIT_MONTHS,
        maxReason: MAX_REASON_LENGTH,
        privateMetadata: encodeDecideContext({ channel: m.channel, messageTs: m.ts }),
      }),
      user,
      channel: m.channel,
      retry: "click *Mark as decided* again",
    });
  };
}
