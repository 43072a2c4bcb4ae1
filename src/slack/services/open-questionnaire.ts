import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Knowledge, ProjectProfile } from "../../engine/index.js";
import { questionnaireView } from "../blocks/questionnaire.js";
import { slackErrorCode } from "../slack-errors.js";
import { encodeModalContext, type ModalContext } from "./codecs.js";
import { tellPerson } from "./delivery.js";

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

/**
 * Opens the questions modal, or tells the person why not and how to try again. Call it right after
 * ack(): a trigger_id lives 3 seconds. Returns whether the form opened.
 */
export async function openQuestionnaireOrExplain(
  client: webApi.WebClient,
  log: Logger,
  knowledge: Knowledge,
  request: OpenQuestionnaire,
): Promise<boolean> {
  const { modal } = request;
  try {
    await client.views.open({
      trigger_id: request.triggerId,
      view: questionnaireView({
        knowledge,
        privateMetadata: encodeModalContext(modal),
        askDestination: modal.channel === undefined,
        editing: modal.messageTs !== undefined,
        ...(request.initial ? { initial: request.initial } : {}),
      }),
    });
    return true;
  } catch (err) {
    const code = slackErrorCode(err);
    log.warn({ err, code }, "views.open failed");
    const cause =
      code === "expired_trigger_id"
        ? "Slack took too long to open the form."
        : `I couldn't open the form (${code}).`;
    await tellPerson(
      client,
      log,
      {
        user: modal.user,
        ...(request.channel ? { channel: request.channel } : {}),
        ...(request.responseUrl ? { responseUrl: request.responseUrl } : {}),
      },
      `${cause} Please ${request.retry}.`,
    );
    return false;
  }
}
