import type { Knowledge } from "../../../engine/index.js";
import { MAX_REASON_LENGTH } from "../../../storage/index.js";
import { decideModal } from "../../blocks/decide-modal.js";
import { noticeModal } from "../../blocks/notice-modal.js";
import type { Deps } from "../../deps.js";
import { encodeDecideContext } from "../../services/codecs.js";
import { allowedToDecide, closedWords, notAllowedWords, whoMayDecide } from "../../services/deciders.js";
import { openViewOrExplain } from "../../services/open-view.js";
import { REVISIT_MONTHS } from "../../services/revisit-reminders.js";
import { TEAM_NOT_SAVED, type TeamClick, teamClick } from "../../services/team-click.js";
import { decisionOf } from "../../services/team-state.js";
import { slackErrorCode } from "../../slack-errors.js";
import type { ButtonArgs } from "../args.js";

/**
 * How long the database may take before the form opens first: a trigger_id lives 3 seconds, so a
 * slow read opens a waiting form at once and puts the decision's form (or why not) in it after.
 */
export const READ_BEFORE_OPEN_MS = 1000;

const TITLE = "Mark as decided";

type Found = NonNullable<Awaited<ReturnType<typeof decisionOf>>>;

/** What the click leads to: the form for this decision, or words for the person. */
type Outcome = { form: Found } | { words: string };

/** Reads the decision and who may decide it; never rejects (a failing database is words too). */
async function readDecidable({ knowledge, database }: Deps, click: TeamClick): Promise<Outcome> {
  const { message: m, user, log } = click;
  try {
    const recommendation = await database.recommendations.find(m.teamId, m.channel, m.ts);
    const found = recommendation
      ? await decisionOf(database, recommendation)
      : await database.decisions.find(m.teamId, m.channel, m.ts);
    const setting = await whoMayDecide(database, m.teamId);
    if (!found) {
      return {
        words:
          "I have no record of this recommendation (it was posted while my database was away), so it can't be decided yet. Whoever asked for it can save it with *Edit answers* and *Update*; or run `/flask-or-django` for a new one.",
      };
    }
    if (found.status !== "proposed") return { words: closedWords(knowledge, found) };
    if (!allowedToDecide(setting, found, user)) {
      log.info({ askedBy: found.askedBy, setting }, "not allowed to decide");
      return { words: notAllowedWords(found.askedBy) };
    }
    return { form: found };
  } catch (err) {
    log.error({ err }, "could not read the decision");
    return { words: TEAM_NOT_SAVED };
  }
}

/** The read, or undefined once `ms` have passed first. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

function formFor(knowledge: Knowledge, found: Found, click: TeamClick) {
  return decideModal({
    knowledge,
    verdict: found.recommended,
    askedBy: found.askedBy,
    revisitMonths: REVISIT_MONTHS,
    maxReason: MAX_REASON_LENGTH,
    privateMetadata: encodeDecideContext({ channel: click.message.channel, messageTs: click.message.ts }),
  });
}

/**
 * "Mark as decided": the small form (which framework, why, a reminder), for whoever may decide: the
 * person who asked, or anyone when the workspace's setting says so. Anyone else is told who can, and
 * why; a decision already made is not made again. The database is read first (so that someone who
 * may not decide gets a line, not a form), unless it is slow: then the form opens at once, waiting,
 * and what was read fills it.
 */
export function markDecided(deps: Deps) {
  return async ({ ack, body, context }: ButtonArgs): Promise<void> => {
    await ack();
    const click = teamClick(body, context);
    if (!click) return;
    const { knowledge } = deps;
    const opening = {
      triggerId: body.trigger_id,
      user: click.user,
      channel: click.message.channel,
      retry: "click *Mark as decided* again",
    };
    const reading = readDecidable(deps, click);
    const early = await within(reading, READ_BEFORE_OPEN_MS);
    if (early) {
      if ("words" in early) await click.tell(early.words);
      else
        await openViewOrExplain(click.api, click.log, {
          ...opening,
          view: formFor(knowledge, early.form, click),
        });
      return;
    }
    click.log.info({ waitedMs: READ_BEFORE_OPEN_MS }, "the decision is slow to read: the form opens first");
    const viewId = await openViewOrExplain(click.api, click.log, {
      ...opening,
      view: noticeModal(TITLE, "Reading the decision…"),
    });
    const outcome = await reading;
    if (!viewId) return;
    const view =
      "words" in outcome ? noticeModal(TITLE, outcome.words) : formFor(knowledge, outcome.form, click);
    try {
      await click.api.updateView({ view_id: viewId, view });
    } catch (err) {
      // Closed meanwhile ("not_found"): nobody is waiting. Otherwise they are, on a form that says "Reading…".
      const code = slackErrorCode(err);
      click.log.warn({ err, code }, "could not put the decision's form in the waiting view");
      if (code !== "not_found")
        await click.tell("I couldn't show the form. Please click *Mark as decided* again.");
    }
  };
}
