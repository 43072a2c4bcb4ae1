import { parseProfile } from "../../../engine/index.js";
import type { Deps } from "../../deps.js";
import { IDS } from "../../ids.js";
import { decodeAnswers } from "../../services/codecs.js";
import { featureAnswer } from "../../services/compose-answer.js";
import { interactionPlace } from "../../services/interaction-place.js";
import { answerInThread } from "../../services/post-answer.js";
import type { StaticSelectArgs } from "../args.js";

/** The answers a recommendation message carries in its "Edit answers" button. */
function answersOnMessage(message: { blocks?: unknown[] } | undefined): ReturnType<typeof decodeAnswers> {
  for (const block of message?.blocks ?? []) {
    const elements = (block as { elements?: Array<{ action_id?: string; value?: string }> }).elements ?? [];
    const edit = elements.find((e) => e.action_id === IDS.editAnswers);
    if (edit) return decodeAnswers(edit.value);
  }
  return undefined;
}

/** "Ask about a feature" on a recommendation: the answer for this project, in its thread. */
export function askFeature({ knowledge }: Deps) {
  return async ({ ack, body, action, client, context, respond }: StaticSelectArgs): Promise<void> => {
    await ack();
    const place = interactionPlace(body);
    if (!place) return;
    const decoded = answersOnMessage(body.message as { blocks?: unknown[] } | undefined);
    const parsed = decoded ? parseProfile(decoded.input, knowledge) : undefined;
    const answer = featureAnswer(knowledge, action.selected_option.value, {
      noProject: false,
      ...(parsed?.ok ? { profile: parsed.profile } : {}),
    });
    if (!answer) {
      context.log.warn({ feature: action.selected_option.value }, "unknown feature selected");
      return;
    }
    await answerInThread(client, context.log, place, answer, respond);
  };
}
