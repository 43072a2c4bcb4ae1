import type { Logger } from "pino";
import { parseProfile } from "../../engine/index.js";
import { noticeModal } from "../blocks/notice-modal.js";
import { type Prefill, questionnaireView } from "../blocks/questionnaire.js";
import type { Deps } from "../deps.js";
import { answersRole } from "./answers-role.js";
import { decodeAnswers, encodeModalContext, type ModalContext } from "./codecs.js";
import type { InteractionPlace } from "./interaction-place.js";
import { openQuestionnaireOrExplain } from "./open-questionnaire.js";
import { workspaceOf } from "./saved-recommendations.js";
import type { SlackCalls } from "./slack-api.js";

export interface OpenOwnAnswers {
  api: SlackCalls;
  log: Logger;
  teamId: string | undefined;
  enterpriseId?: string | undefined;
  triggerId: string;
  user: string;
  place: InteractionPlace;
  /** The button's value: the asker's answers (encodeAnswers). */
  value: string | undefined;
  retry: string;
}

/**
 * The questions, prefilled, for the person who clicked: the asker edits the recommendation's own
 * answers; anyone else gives their own view (prefilled with it when they gave one before, else with the
 * asker's answers to start from), which never changes the asker's.
 *
 * The form opens first, from what the button carries (a trigger_id lives 3 seconds, and a slow database
 * must not spend them); then what the database says replaces it (views.update): the person's own view,
 * the right title, or why the answers are closed (decided or superseded). The submission checks again:
 * what the form looks like never decides whose answers change.
 */
export async function openOwnAnswers(
  { knowledge, database, threads }: Deps,
  request: OpenOwnAnswers,
): Promise<void> {
  const { api, log, place, user } = request;
  const decoded = decodeAnswers(request.value);
  const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
  const askedBy = decoded?.askedBy;
  const modal = (ownView: boolean): ModalContext => ({
    channel: place.channel,
    user,
    messageTs: place.messageTs,
    ...(askedBy ? { askedBy } : {}),
    ...(ownView ? { ownView: true } : {}),
  });
  const asked: Prefill | undefined = parsed?.ok ? parsed.profile : undefined;
  const looksLikeView = askedBy !== undefined && askedBy !== user;
  const viewId = await openQuestionnaireOrExplain(api, log, knowledge, {
    triggerId: request.triggerId,
    modal: modal(looksLikeView),
    ...(asked ? { initial: asked } : {}),
    channel: place.channel,
    retry: request.retry,
  });
  if (!viewId) return;
  const workspace = workspaceOf({
    ...(request.teamId ? { teamId: request.teamId } : {}),
    ...(request.enterpriseId ? { enterpriseId: request.enterpriseId } : {}),
  });
  const role = await answersRole(database, knowledge, workspace, place, user, log, () =>
    threads.lookup(api, log, place.channel, place.messageTs),
  );
  let view: ReturnType<typeof questionnaireView> | undefined;
  if (role.kind === "closed") view = noticeModal("Answers closed", role.words);
  else if (role.kind === "view" && workspace) {
    const mine = await database.views
      .find(workspace.teamId, place.channel, place.messageTs, user)
      .catch((err: unknown) => log.warn({ err }, "could not read the person's earlier view"));
    if (mine || !looksLikeView) {
      const initial = mine ? { answers: mine.answers, needs: mine.needs, notes: mine.notes } : asked;
      view = questionnaireView({
        knowledge,
        privateMetadata: encodeModalContext(modal(true), api.trusts),
        askDestination: false,
        editing: true,
        ...(askedBy ? { viewOf: askedBy } : {}),
        ...(initial ? { initial } : {}),
      });
    }
  }
  if (!view) return;
  await api
    .updateView({ view_id: viewId, view })
    .catch((err: unknown) => log.warn({ err }, "could not update the answers form with what is stored"));
}
