import type { Logger } from "pino";
import { parseProfile } from "../../engine/index.js";
import type { Prefill } from "../blocks/questionnaire.js";
import type { Deps } from "../deps.js";
import { decodeAnswers } from "./codecs.js";
import type { InteractionPlace } from "./interaction-place.js";
import { openQuestionnaireOrExplain } from "./open-questionnaire.js";
import type { SlackCalls } from "./slack-api.js";

export interface OpenOwnAnswers {
  api: SlackCalls;
  log: Logger;
  teamId: string | undefined;
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
 */
export async function openOwnAnswers({ knowledge, database }: Deps, request: OpenOwnAnswers): Promise<void> {
  const { api, log, place, user } = request;
  const decoded = decodeAnswers(request.value);
  const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
  const askedBy = decoded?.askedBy;
  // A message from before asks were recorded in it: edits stay open to whoever clicks, as they were.
  const editing = askedBy === undefined || askedBy === user;
  let initial: Prefill | undefined = parsed?.ok ? parsed.profile : undefined;
  if (!editing && request.teamId) {
    try {
      const mine = await database.views.find(request.teamId, place.channel, place.messageTs, user);
      if (mine) initial = { answers: mine.answers, needs: mine.needs, notes: mine.notes };
    } catch (err) {
      log.warn({ err }, "could not read the person's earlier view; starting from the asker's answers");
    }
  }
  await openQuestionnaireOrExplain(api, log, knowledge, {
    triggerId: request.triggerId,
    modal: {
      channel: place.channel,
      user,
      messageTs: place.messageTs,
      ...(askedBy ? { askedBy } : {}),
      ...(editing ? {} : { ownView: true }),
    },
    ...(initial ? { initial } : {}),
    channel: place.channel,
    retry: request.retry,
  });
}
