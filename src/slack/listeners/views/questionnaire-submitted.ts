import { freshTeamModel, unreadTeamModel } from "../../blocks/team-section.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { ANSWERS_UNREADABLE, answersRole } from "../../services/answers-role.js";
import { decodeModalContext } from "../../services/codecs.js";
import { recommendationMessage } from "../../services/compose-recommendation.js";
import { deliver, tellerFor, tellPerson } from "../../services/delivery.js";
import { saveOwnView } from "../../services/own-view.js";
import {
  NOT_SAVED,
  recommendationRow,
  recordRecommendation,
  workspaceOf,
} from "../../services/saved-recommendations.js";
import { parseSubmission } from "../../services/submission.js";
import { reasonWords, slackErrorCode } from "../../slack-errors.js";

/** chat.update's answers that mean the message can't be updated at all: post a new one instead. */
const MESSAGE_GONE = new Set(["message_not_found", "cant_update_message", "channel_not_found"]);

import type { ViewSubmitArgs } from "../args.js";

/**
 * The questions come back: validate, close the modal at once, then post (or update) the recommendation
 * and store it. A submission is handled once: the same view (id and hash) sent again closes the modal and
 * posts nothing. A database that is down or full costs only the stored copy: the person is told, the
 * message (its metadata carries the context) is posted all the same.
 *
 * Only the asker's own answers make or edit the recommendation. A teammate's ("Add my view", or Edit
 * answers clicked by someone else) are stored as their view, keyed by who submitted them.
 */
export function questionnaireSubmitted(deps: Deps) {
  const { knowledge, threads, once, recommendations, database, refresher, channels } = deps;
  const firstBlock = IDS.questionBlock(knowledge.singleQuestions[0]?.id ?? "project_type");
  return async ({ ack, view, body, context }: ViewSubmitArgs): Promise<void> => {
    const { log, api } = context;
    const modal = decodeModalContext(view.private_metadata, api.trusts);
    if (!modal) {
      log.warn("questionnaire came back without a valid context");
      await ack({
        response_action: "errors",
        errors: { [firstBlock]: "This form has expired. Close it and type /flask-or-django again." },
      });
      return;
    }
    const submission = parseSubmission(knowledge, view.state, modal.channel === undefined);
    if (!submission.ok) {
      await ack({ response_action: "errors", errors: submission.errors });
      return;
    }
    // Only an accepted submission counts: after inline errors the same view is submitted again, fixed.
    if (!once.first(`view:${view.id}:${view.hash}`)) {
      await ack();
      log.warn({ viewId: view.id }, "the same submission arrived again; already handled");
      return;
    }
    await ack();

    const user = body.user.id;
    const channel = modal.channel ?? submission.destination ?? user;
    const teamId = context.teamId ?? body.team?.id ?? "";
    const workspace = workspaceOf(context);
    const tell = tellerFor(api, log, { channel, user, responseUrl: modal.responseUrl });
    // Answers to an existing recommendation: what they may do is the database's say, never the form's.
    // Only its stored asker edits it; anyone else's are their own view; none once it is decided.
    const messageTs = modal.messageTs;
    const role = messageTs
      ? await answersRole(database, knowledge, workspace, { channel, messageTs }, user, log, () =>
          threads.lookup(api, log, channel, messageTs),
        )
      : undefined;
    if (role?.kind === "unreadable") {
      log.warn("could not read who asked for the recommendation; answers not applied");
      await tell(ANSWERS_UNREADABLE);
      return;
    }
    if (role?.kind === "closed") {
      log.info("answers to a closed recommendation refused");
      await tell(role.words);
      return;
    }
    // The asker is who asked for a new one, else the stored asker (who is the submitter when editing).
    const askedBy = user;
    if (modal.messageTs && modal.channel && role?.kind === "view") {
      await saveOwnView(deps, api, log, {
        workspace,
        channel: modal.channel,
        messageTs: modal.messageTs,
        user,
        profile: submission.profile,
        ...(modal.responseUrl ? { responseUrl: modal.responseUrl } : {}),
      });
      return;
    }
    // A new recommendation starts as a proposed decision; an edit's team part is re-read once stored.
    const { message, payload, rec } = recommendationMessage(
      knowledge,
      submission.profile,
      askedBy,
      modal.messageTs ? user : undefined,
      // An edit's team part is re-read once stored; should that fail, its buttons stay (status unknown).
      modal.messageTs ? unreadTeamModel() : freshTeamModel(),
    );
    /** Stores what was posted at channel/ts; when that fails, says so to the person who submitted. */
    const save = async (where: { channel: string; ts: string }): Promise<boolean> => {
      if (workspace === undefined) {
        log.warn("no team id on the submission; the recommendation is not stored");
        return false;
      }
      const row = recommendationRow(workspace, where, rec, askedBy);
      const channelPublic = channels.isPublic(row.teamId, row.channelId);
      if (await recordRecommendation(database, log, row, channelPublic)) return true;
      await tellPerson(
        api,
        log,
        { channel: where.channel, user, ...(modal.responseUrl ? { responseUrl: modal.responseUrl } : {}) },
        NOT_SAVED,
      );
      return false;
    };
    if (modal.messageTs) {
      try {
        // Stored first, so the message is re-rendered with the team's part (status, views, votes);
        // when the database can't be read, the new answers go out on their own.
        const saved = await save({ channel, ts: modal.messageTs });
        const place = {
          teamId,
          ...(workspace?.enterpriseId ? { enterpriseId: workspace.enterpriseId } : {}),
        };
        if (saved) await refresher.refresh({ ...place, channel, ts: modal.messageTs }, api, log, message);
        else await api.update({ channel, ts: modal.messageTs, ...message });
        threads.remember(channel, modal.messageTs, payload, submission.profile);
        await recommendations.record(
          { teamId, channel, ts: modal.messageTs },
          { verdict: payload.verdict, profile: submission.profile },
          log,
        );
        log.info({ verdict: payload.verdict }, "recommendation updated");
        return;
      } catch (err) {
        const code = slackErrorCode(err);
        if (!MESSAGE_GONE.has(code)) {
          // Slack is slow or busy: the answers are stored, and a later update shows them. No duplicate.
          log.warn({ err, code }, "could not update the recommendation after an edit");
          await tell(
            `I saved your new answers, but couldn't update the message (${reasonWords(err)}). It will show them the next time it changes; click *Edit answers* and *Update* to try now.`,
          );
          return;
        }
        // The message is gone or out of reach: post a fresh one rather than lose the answers.
        log.warn({ err, code }, "chat.update failed; posting a new message");
      }
    }
    const delivered = await deliver(
      api,
      log,
      { channel, user, ...(modal.responseUrl ? { responseUrl: modal.responseUrl } : {}) },
      modal.messageTs
        ? recommendationMessage(knowledge, submission.profile, askedBy, undefined, freshTeamModel(), rec)
            .message
        : message,
      // Through the response_url it is ephemeral: never stored, so no team part (its buttons would fail).
      recommendationMessage(knowledge, submission.profile, askedBy, undefined, undefined, rec).message,
    );
    if (delivered.via === "channel" || delivered.via === "dm") {
      threads.remember(delivered.channel, delivered.ts, payload, submission.profile);
      await recommendations.record(
        { teamId, channel: delivered.channel, ts: delivered.ts },
        { verdict: payload.verdict, profile: submission.profile },
        log,
      );
    }
    log.info({ verdict: payload.verdict, via: delivered.via }, "recommendation delivered");
    if ((delivered.via === "channel" || delivered.via === "dm") && delivered.ts !== "") {
      await save({ channel: delivered.channel, ts: delivered.ts });
    }
  };
}
