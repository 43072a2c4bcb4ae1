import type { App, BlockButtonAction, BlockStaticSelectAction } from "@slack/bolt";
import { type ProjectProfile, parseProfile } from "../../../engine/index.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { answerInThread, featureAnswer } from "../../services/answer-question.js";
import { decodeAnswers } from "../../services/codecs.js";
import { slackErrorCode, tellPerson } from "../../services/delivery.js";
import { openQuestionnaire } from "../../services/questionnaire.js";
import { logOf } from "../../services/request-log.js";

/** The answers a recommendation message carries in its "Edit answers" button. */
function answersOnMessage(message: { blocks?: unknown[] } | undefined): ReturnType<typeof decodeAnswers> {
  for (const block of message?.blocks ?? []) {
    const elements = (block as { elements?: Array<{ action_id?: string; value?: string }> }).elements ?? [];
    const edit = elements.find((e) => e.action_id === IDS.editAnswers);
    if (edit) return decodeAnswers(edit.value);
  }
  return undefined;
}

/** The buttons and select on the recommendation message. */
export function registerRecommendationActions(app: App, deps: Deps): void {
  const k = deps.knowledge;

  app.action<BlockButtonAction>(IDS.editAnswers, async ({ ack, body, action, client, context }) => {
    await ack();
    const log = logOf(context, deps.logger);
    const decoded = decodeAnswers(action.value);
    const parsed = decoded ? parseProfile(decoded.input, k) : undefined;
    const initial: ProjectProfile | undefined = parsed?.ok ? parsed.profile : undefined;
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !ts) {
      log.warn("edit_answers without a channel or message");
      return;
    }
    try {
      await openQuestionnaire(
        client,
        k,
        body.trigger_id,
        { c: channel, u: body.user.id, ts, ...(decoded?.askedBy ? { a: decoded.askedBy } : {}) },
        initial,
      );
    } catch (err) {
      log.warn({ err, code: slackErrorCode(err) }, "views.open failed for edit");
      await tellPerson(
        client,
        log,
        { channel, user: body.user.id },
        "I couldn't open the form. Please click *Edit answers* again.",
      );
    }
  });

  app.action<BlockStaticSelectAction>(
    IDS.askFeature,
    async ({ ack, body, action, client, context, respond }) => {
      await ack();
      const log = logOf(context, deps.logger);
      const channel = body.channel?.id ?? body.container?.channel_id;
      const ts = body.message?.thread_ts ?? body.message?.ts ?? body.container?.message_ts;
      if (!channel || !ts) return;
      const decoded = answersOnMessage(body.message as { blocks?: unknown[] } | undefined);
      const parsed = decoded ? parseProfile(decoded.input, k) : undefined;
      const answer = featureAnswer(k, action.selected_option.value, {
        noProject: false,
        ...(parsed?.ok ? { profile: parsed.profile } : {}),
      });
      if (!answer) {
        log.warn({ feature: action.selected_option.value }, "unknown feature selected");
        return;
      }
      await answerInThread(client, log, { channel, threadTs: ts }, answer, respond);
    },
  );

  const feedback = (helpful: boolean) =>
    (async ({ ack, body, respond, context }) => {
      await ack();
      logOf(context, deps.logger).info(
        { feedback: helpful ? "helpful" : "not_helpful", message: body.message?.ts },
        "recommendation feedback",
      );
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: helpful
          ? "Thanks! Glad it helped."
          : "Thanks for telling us. Reply in the thread with what was missing, or use *Edit answers* if something was off.",
      });
    }) satisfies Parameters<typeof app.action<BlockButtonAction>>[1];
  app.action<BlockButtonAction>(IDS.feedbackHelpful, feedback(true));
  app.action<BlockButtonAction>(IDS.feedbackNotHelpful, feedback(false));
}
