import type { webApi } from "@slack/bolt";
import type { Logger } from "pino";
import type { Knowledge, ProjectProfile } from "../../engine/index.js";
import { questionnaireView } from "../blocks/questionnaire.js";
import { encodeModalContext, type ModalContext } from "./codecs.js";
import { type OpenView, openViewOrExplain } from "./open-view.js";

export interface OpenQuestionnaire extends Omit<OpenView, "view" | "user"> {
  /** Where the answers go; its user is who asked. */
  modal: ModalContext;
  /** Answers to start from (Edit answers). */
  initial?: ProjectProfile;
}

/** Opens the questions modal, or tells the person why not and how to try again. */
export function openQuestionnaireOrExplain(
  client: webApi.WebClient,
  log: Logger,
  knowledge: Knowledge,
  request: OpenQuestionnaire,
): Promise<boolean> {
  const { modal } = request;
  return openViewOrExplain(client, log, {
    ...request,
    user: modal.user,
    view: questionnaireView({
      knowledge,
      privateMetadata: encodeModalContext(modal),
      askDestination: modal.channel === undefined,
      editing: modal.messageTs !== undefined,
      ...(request.initial ? { initial: request.initial } : {}),
    }),
  });
}
