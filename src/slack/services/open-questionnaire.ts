import type { Logger } from "pino";
import type { Knowledge, ProjectProfile } from "../../engine/index.js";
import { questionnaireView } from "../blocks/questionnaire.js";
import { isDeadlineError, slackErrorCode } from "../slack-errors.js";
import { encodeModalContext, type ModalContext } from "./codecs.js";
import { tellPerson } from "./delivery.js";
import type { SlackCalls } from "./slack-api.js";

export interface OpenQuestionnaire {
  triggerId: string;
  modal: ModalContext;
  /** Answers to start from (Edit answers). */
  initial?: ProjectProfile;
  /** Where the person is, to tell them when the form can't open. */
  channel?: string;
  responseUrl?: string;
  /** How to try again, finishing "Please …", e.g. "click *Edit answers* again". */
  retry: string;
}

/** Why the form did not open, in words. */
function causeWords(err: unknown): string {
  const code = slackErrorCode(err);
  if (code === "expired_trigger_id" || (isDeadlineError(err) && err.reason === "trigger_expired")) {
    return "Slack took too long to open the form.";
  }
  if (isDeadlineError(err) && err.reason === "shutdown")
    return "I'm restarting, so I couldn't open the form.";
  return `I couldn't open the form (${code}).`;
}

/**
 * Opens the questions modal, or tells the person why not and how to try again. Call it right after
 * ack(): a trigger_id lives 3 seconds, and `api.openView` does not send one that is too old.
 * Returns whether the form opened.
 */
export async function openQuestionnaireOrExplain(
  api: SlackCalls,
  log: Logger,
  knowledge: Knowledge,
  request: OpenQuestionnaire,
): Promise<boolean> {
  const { modal } = request;
  try {
    await api.openView({
      trigger_id: request.triggerId,
      view: questionnaireView({
        knowledge,
        privateMetadata: encodeModalContext(modal, api.trusts),
        askDestination: modal.channel === undefined,
        editing: modal.messageTs !== undefined,
        ...(request.initial ? { initial: request.initial } : {}),
      }),
    });
    return true;
  } catch (err) {
    const code = slackErrorCode(err);
    log.warn({ err, code, triggerAgeMs: Date.now() - api.triggerAt }, "views.open failed");
    await tellPerson(
      api,
      log,
      {
        user: modal.user,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      },
      `${causeWords(err)} Please ${request.retry}.`,
    );
    return false;
  }
}
